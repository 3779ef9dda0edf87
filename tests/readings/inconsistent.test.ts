import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../emulator/service/api';
import { RunEvents } from '../../properties/events';
import { rewriting, runAgainst } from './support';

// Issue 13, done when: a run against a target that flips a reading mid-run is reported as
// inconsistent, the nonconformance naming both exchanges. Each target is the emulator behind a
// deviation that answers one alternative at first and the other later: by the shape of an
// answer (token pages), by refusing what it accepted before (a group called from its DR
// region, a pair created with RegionId naming the primary's region).

const TIMEOUT = 180_000;

type Run = Awaited<ReturnType<typeof runAgainst>>;

/** The run is nonconformant for this reading alone, naming the first exchange and the switch. */
function expectInconsistent({ record }: Run, reading: string, first: string, then: string): void {
  expect(record.verdict).toBe('nonconformant');
  const [failure] = record.failures;
  expect(failure?.category).toBe('inconsistent-reading');
  expect(failure?.title).toBe(`inconsistent-reading ${reading}: the target answered ${first}, then ${then}`);
  expect(failure?.expected).toMatch(
    new RegExp(`^${reading}=${first}, as .+ \\(call \\d+: success\\) showed$`),
  );
  expect(failure?.received).toMatch(new RegExp(`^${reading}=${then} in .+ \\(call \\d+: `));
}

const LISTINGS: readonly string[] = ['DescribeDiskReplicaPairs', 'DescribeDiskReplicaGroups'];

/** A page of a NextToken walk, as the reading is shown (properties/readings.ts: shapeChoices). */
const walkPage = (params: Readonly<Record<string, unknown>>) =>
  params.NextToken !== undefined || params.MaxResults !== undefined;

describe('a target that flips a reading mid-run is inconsistent', () => {
  it(
    'token-walk-paging-fields: page fields on the first token pages, then none',
    async () => {
      // The target flips once a page of a walk the sequence asked for has been served and judged: the reads
      // that learn the world or settle a change walk pages too, as many as they need.
      const events = new RunEvents();
      let judged = false;
      let flipped = 0;
      events.on('answer-judged', (e) => {
        // A page served: a refused sweep (MaxResults=501) shows no page fields either way.
        const served = e.outcome.kind === 'success';
        if (served && LISTINGS.includes(e.operation.action) && walkPage(e.params)) judged = true;
      });
      const run = await runAgainst({
        readings: { 'token-walk-paging-fields': 'present' },
        events,
        deviation: rewriting((call, body) => {
          if (!judged || !LISTINGS.includes(call.action) || !walkPage(call.params)) return body;
          flipped += 1;
          const { PageNumber: _n, PageSize: _s, TotalCount: _t, ...rest } = body;
          return rest;
        }),
      });
      expect(flipped).toBeGreaterThan(0);
      expectInconsistent(run, 'token-walk-paging-fields', 'present', 'absent');
    },
    TIMEOUT,
  );

  it(
    'group-calls-in-dr-region: the first call from the DR region served, the later ones unknown there',
    async () => {
      const home = new Map<string, unknown>();
      let served = 0;
      const run = await runAgainst({
        runs: 20,
        deviation: {
          async around(call, next) {
            const groupId = String(call.params.ReplicaGroupId);
            if (call.action === 'CreateDiskReplicaGroup') {
              const body = await next(call);
              home.set(String(body.ReplicaGroupId), call.params.RegionId);
              return body;
            }
            const away =
              DR_ACTIONS.includes(call.action) &&
              home.has(groupId) &&
              call.params.RegionId !== home.get(groupId);
            if (!away) return next(call);
            if (served > 0)
              throw new ServiceError('NoSuchResource', `${groupId} is unknown here (flipped)`, 404);
            const body = await next(call);
            served += 1;
            return body;
          },
        },
      });
      expect(served).toBe(1);
      expectInconsistent(run, 'group-calls-in-dr-region', 'accepted', 'refused');
    },
    TIMEOUT,
  );

  it(
    'create-pair-region: the first pair created with RegionId naming the primary region, the later ones refused',
    async () => {
      let created = 0;
      const run = await runAgainst({
        deviation: {
          async around(call, next) {
            const primaryRegion =
              call.action === 'CreateDiskReplicaPair' &&
              call.params.RegionId !== call.params.DestinationRegionId;
            if (!primaryRegion || call.product !== 'ebs') return next(call);
            if (created > 0)
              throw new ServiceError(
                'OperationDenied',
                'RegionId must name the secondary region (flipped)',
                403,
              );
            const body = await next(call);
            created += 1;
            return body;
          },
        },
      });
      expect(created).toBe(1);
      expectInconsistent(run, 'create-pair-region', 'primary', 'destination');
    },
    TIMEOUT,
  );

  it(
    'client-token-scope: the first token carried to another action served as new, the later ones a mismatch',
    async () => {
      // Tokens the accepted calls bound since the last reset: the action each came with.
      const bound = new Map<string, string>();
      let carried = 0;
      const run = await runAgainst({
        deviation: {
          reset: () => bound.clear(),
          async around(call, next) {
            const token = call.params.ClientToken;
            if (typeof token !== 'string') return next(call);
            const key = `${call.product}:${token}`;
            const first = bound.get(key);
            if (first !== undefined && first !== call.action && carried > 0)
              throw new ServiceError(
                'IdempotentParameterMismatch',
                'The specified parameter has changed while using an already used clientToken (flipped).',
                400,
              );
            const body = await next(call);
            if (first !== undefined && first !== call.action) carried += 1;
            else bound.set(key, call.action);
            return body;
          },
        },
      });
      expect(carried).toBe(1);
      expectInconsistent(run, 'client-token-scope', 'per-action', 'per-api');
    },
    TIMEOUT,
  );
});

const DR_ACTIONS = [
  'ModifyDiskReplicaGroup',
  'StartDiskReplicaGroup',
  'StopDiskReplicaGroup',
  'AddDiskReplicaPair',
  'RemoveDiskReplicaPair',
];
