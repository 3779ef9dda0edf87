import { describe, expect, it } from 'vitest';
import { expectConformant, rewriting, runAgainst, throttling } from './support';

// Issue 13, done when: a target that adds unknown fields, omits PairIds on empty groups, omits the
// page-number fields on token walks, or throttles with Rejected.Throttling is conformant. Each
// target is the emulator behind a rewriting proxy or a throttling gateway; each rewrite is shown
// to have happened, so a run that never met it cannot pass for tolerance.

type Row = Record<string, unknown>;

/** Adds a field the docs never mention to every object of an answer, rows and tags included. */
function withUnknownFields(value: unknown): number {
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + withUnknownFields(v), 0);
  if (!value || typeof value !== 'object') return 0;
  const obj = value as Row;
  let n = 0;
  for (const v of Object.values(obj)) n += withUnknownFields(v);
  obj.FutureField = { EnableRtc: true, Note: 'not in the docs' };
  return n + 1;
}

const TIMEOUT = 180_000;

describe('a target the docs allow is conformant', () => {
  it(
    'when it adds unknown fields to every answer and every row',
    async () => {
      let added = 0;
      const run = await runAgainst({
        deviation: rewriting((_, body) => {
          added += withUnknownFields(body);
          return body;
        }),
      });
      expectConformant(run);
      expect(added).toBeGreaterThan(100);
    },
    TIMEOUT,
  );

  it(
    'when it omits PageNumber, PageSize and TotalCount on NextToken walks',
    async () => {
      let stripped = 0;
      const run = await runAgainst({
        // The emulator sends them; the proxy takes them off every page not asked by number.
        readings: { 'token-walk-paging-fields': 'present' },
        deviation: rewriting((call, body) => {
          const numbered = call.params.PageNumber !== undefined || call.params.PageSize !== undefined;
          if (call.product !== 'ebs' || numbered || body.TotalCount === undefined) return body;
          stripped += 1;
          const { PageNumber: _n, PageSize: _s, TotalCount: _t, ...rest } = body;
          return rest;
        }),
      });
      expectConformant(run);
      expect(stripped).toBeGreaterThan(10);
    },
    TIMEOUT,
  );

  it(
    'when it throttles calls with Rejected.Throttling (retried, never counted)',
    async () => {
      const throttle = throttling('Rejected.Throttling', 400, 13, 2);
      const run = await runAgainst({ deviation: throttle });
      expectConformant(run);
      expect(throttle.refused()).toBeGreaterThan(10);
    },
    TIMEOUT,
  );

  it(
    'when it omits PairIds and PairNumber on empty groups',
    async () => {
      let omitted = 0;
      const run = await runAgainst({
        readings: { 'empty-group-pair-ids': 'empty-list' },
        deviation: rewriting((call, body) => {
          if (call.action !== 'DescribeDiskReplicaGroups') return body;
          for (const row of body.ReplicaGroups as Row[]) {
            if (Array.isArray(row.PairIds) && row.PairIds.length === 0) {
              delete row.PairIds;
              delete row.PairNumber;
              omitted += 1;
            }
          }
          return body;
        }),
      });
      expectConformant(run);
      expect(omitted).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it(
    'when its first answer lacks RequestId: learning notes it, and the run goes on',
    async () => {
      const run = await runAgainst({
        deviation: {
          encoded(action, response) {
            if (action !== 'DescribeRegions') return response;
            const { RequestId: _, ...rest } = JSON.parse(response.body) as Record<string, unknown>;
            return { ...response, body: JSON.stringify(rest) };
          },
        },
      });
      expect(run.worldNotes).toContain('DescribeRegions(ear): the answer has no RequestId');
      expect(run.record.steps).toBeGreaterThan(50);
      expect(run.record.verdict).not.toBe('harness-error');
    },
    TIMEOUT,
  );
});
