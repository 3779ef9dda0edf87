import { describe, expect, it } from 'vitest';
import { createTarget } from '../../adapters';
import { isTransientCode, OPERATIONS } from '../../api';
import { accountRules, codeAccount, operationLabel } from '../../api/rules/error-codes';
import { runConformance } from '../../cli/run-suite';
import { RunEvents } from '../../properties/events';

// A run's refusals against the table: each documented code the target answered, the model allowed
// and the table gives rules for must be answered under one of them; an untestable code is never
// answered (a transient one at most retried).
describe('a run answers each documented code under the rules the table names', () => {
  it('direct target, seed 7', async () => {
    const events = new RunEvents();
    const wrong: string[] = [];
    const answered = new Set<string>();
    events.on('answer-judged', (e) => {
      if (e.outcome.kind !== 'error') return;
      const op = OPERATIONS.find(
        (o) =>
          o.product === e.operation.product &&
          o.version === e.operation.version &&
          o.action === e.operation.action,
      );
      const code = e.outcome.code;
      if (!op) return;
      if (!op.errors.some((x) => x.code === code)) return;
      const account = codeAccount(op, code);
      answered.add(`${operationLabel(op)} ${code}`);
      if (!account) return;
      if ('why' in account) {
        if (!isTransientCode(code))
          wrong.push(`${operationLabel(op)} ${code}: answered, but listed as ${account.untestable}`);
        return;
      }
      if (!accountRules(account).some((r) => e.rules.includes(r)))
        wrong.push(
          `${operationLabel(op)} ${code} under ${e.rules.join(', ')}; the table says ${accountRules(account).join(', ')}`,
        );
    });
    const target = await createTarget('direct', { transitionMs: 1000, clockMode: 'manual' });
    try {
      const { record } = await runConformance({
        target,
        seed: 7,
        runs: 30,
        maxCommands: 40,
        concurrency: 1,
        harnessVersion: 'test',
        replayCommand: () => '',
        events,
      });
      expect(record.verdict).toBe('conformant');
    } finally {
      await target.close?.();
    }
    expect(wrong).toEqual([]);
    // The run reaches a good part of the table, so the comparison says something.
    expect(answered.size).toBeGreaterThan(40);
  }, 300_000);
});
