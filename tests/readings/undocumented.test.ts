import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../reports/summary';
import { expectConformant, rewriting, runAgainst } from './support';

// Issue 13: a value outside a documented enum is a finding of its own (an undocumented value, in
// run.json, summary.md and report.html), failing the run only when strict. The target is the
// emulator behind a proxy that gives every listed pair a StatusMessage the docs do not list.

const STATUS = 'ReplicaSuspendedByOps';

/** Every pair row not invalid gets an undocumented StatusMessage; counts the rows it touched. */
function undocumentedStatus() {
  let rows = 0;
  const deviation = rewriting((call, body) => {
    if (call.action !== 'DescribeDiskReplicaPairs') return body;
    for (const row of body.ReplicaPairs as Record<string, unknown>[]) {
      // Where the docs say what it holds (an invalid pair), the listing judges it by the model.
      if (row.Status === 'invalid' || row.Status === 'create_failed') continue;
      row.StatusMessage = STATUS;
      rows += 1;
    }
    return body;
  });
  return { deviation, rows: () => rows };
}

const TIMEOUT = 180_000;

describe('an undocumented status value', () => {
  it(
    'is a finding naming the call and the field, and the run stays conformant',
    async () => {
      const target = undocumentedStatus();
      const run = await runAgainst({ deviation: target.deviation });
      expect(target.rows()).toBeGreaterThan(10);
      expectConformant(run);
      const [finding] = run.record.undocumentedValues ?? [];
      expect(finding).toMatchObject({
        operation: 'DescribeDiskReplicaPairs',
        field: 'ReplicaPairs.*.StatusMessage',
        value: STATUS,
      });
      expect(finding?.count).toBeGreaterThan(0);
      expect(finding?.documented.length).toBeGreaterThan(0);
      expect(finding?.exchange).toMatch(/^(settle: )?DescribeDiskReplicaPairs/);
      const summary = renderSummary(run.record);
      expect(summary).toContain('### Undocumented values (1)');
      expect(summary).toContain(STATUS);
    },
    TIMEOUT,
  );

  it(
    'fails the run with --strict',
    async () => {
      const run = await runAgainst({ deviation: undocumentedStatus().deviation, strict: true });
      expect(run.record.verdict).toBe('nonconformant');
      expect(run.record.strict).toBe(true);
      expect(run.record.failures[0]?.title).toBe(
        `DescribeDiskReplicaPairs answered ReplicaPairs.*.StatusMessage = ${STATUS}, a value the documentation does not list (--strict)`,
      );
    },
    TIMEOUT,
  );
});
