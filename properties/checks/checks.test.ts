import { describe, expect, it } from 'vitest';
import { findOperation } from '../../api';
import { initialState, type ListingFacts } from '../../model';
import { type Bound, succeed } from '../../model/expectation';
import { defaultWorld } from '../../model/world';
import type { Answer, CheckContext } from './check';
import { idempotency_conformance } from './idempotency';
import { pagination_conformance, runChecks, two_region_visibility } from './index';
import { disk_in_one_pair_invariant } from './invariants';
import { listing_conformance } from './listing-conformance';
import { recovery_bounds_conformance, recovery_data_conformance } from './recovery-data';
import { ABSENT, type AllowedPath, listedStatus, transient_status_conformance } from './transient-status';

const state = initialState(defaultWorld());
const op = (action: string) => {
  const found = findOperation(
    action === 'CreateDisk' ? 'ecs' : 'ebs',
    action === 'CreateDisk' ? '2014-05-26' : '2021-07-30',
    action,
  );
  if (!found) throw new Error(`no ${action}`);
  return found;
};
const ok = (body: Record<string, unknown>): Answer => ({ kind: 'success', httpStatus: 200, body });

function ctx(
  action: string,
  answer: Answer,
  extra: Partial<CheckContext> & {
    facts?: Record<string, unknown>;
    rules?: string[];
    listing?: ListingFacts;
  } = {},
): CheckContext {
  const expectation = succeed({
    rules: extra.rules ?? [],
    next: () => state,
    ...(extra.facts ? { facts: extra.facts } : {}),
    ...(extra.listing ? { listing: extra.listing } : {}),
  });
  return {
    operation: op(action),
    expectation,
    answer,
    isolated: extra.isolated ?? false,
    ...(extra.retired ? { retired: extra.retired } : {}),
  };
}

describe('idempotency_conformance', () => {
  const replay = { rules: ['TOKEN.SAME_PARAMS_SAME_RESULT'], facts: { DiskId: 'd-1' } };
  it('passes a retry that names what the first call created', () => {
    expect(idempotency_conformance(ctx('CreateDisk', ok({ DiskId: 'd-1' }), replay))).toBeUndefined();
  });
  it('fails a retry that answers another ID, as an idempotency failure', () => {
    const f = idempotency_conformance(ctx('CreateDisk', ok({ DiskId: 'd-2' }), replay));
    expect(f?.category).toBe('idempotency');
    expect(f?.expected).toContain('d-1');
    expect(f?.received).toContain('d-2');
  });
  it('leaves first calls to the other checks', () => {
    expect(
      idempotency_conformance(ctx('CreateDisk', ok({ DiskId: 'd-2' }), { facts: { DiskId: 'd-1' } })),
    ).toBeUndefined();
  });
});

describe('disk_in_one_pair_invariant', () => {
  const row = (id: string, source: string, destination: string, Status = 'normal') => ({
    ReplicaPairId: id,
    SourceDiskId: source,
    DestinationDiskId: destination,
    Status,
  });
  it('fails a listing that shows one disk in two live pairs', () => {
    const f = disk_in_one_pair_invariant(
      ctx(
        'DescribeDiskReplicaPairs',
        ok({ ReplicaPairs: [row('p-1', 'd-1', 'd-2'), row('p-2', 'd-3', 'd-1')] }),
      ),
    );
    expect(f?.category).toBe('invariant');
    expect(f?.rules).toEqual(['PAIR.CREATE.ONE_PAIR_PER_DISK']);
  });
  it('ignores a pair on its way out', () => {
    const body = { ReplicaPairs: [row('p-1', 'd-1', 'd-2', 'deleting'), row('p-2', 'd-1', 'd-3')] };
    expect(disk_in_one_pair_invariant(ctx('DescribeDiskReplicaPairs', ok(body)))).toBeUndefined();
  });
});

describe('listing_conformance on a target other sequences share', () => {
  const listing = (rows: Record<string, unknown>[]): ListingFacts => ({
    field: 'ReplicaPairs',
    idField: 'ReplicaPairId',
    rows,
    page: { mode: 'number', pageNumber: 1, pageSize: 10 },
  });
  const mine = { ReplicaPairId: 'p-mine', Status: 'normal' };

  it("fails a whole listing (TotalCount on one page) that omits one of the sequence's pairs", () => {
    const answer = ok({ TotalCount: 1, ReplicaPairs: [{ ReplicaPairId: 'p-other', Status: 'normal' }] });
    const f = listing_conformance(ctx('DescribeDiskReplicaPairs', answer, { listing: listing([mine]) }));
    expect(f?.title).toContain('omits p-mine');
  });

  it('does not judge what a page of a longer listing leaves out', () => {
    const others = Array.from({ length: 10 }, (_, i) => ({
      ReplicaPairId: `p-other-${i}`,
      Status: 'normal',
    }));
    const answer = ok({ TotalCount: 30, ReplicaPairs: others });
    expect(
      listing_conformance(ctx('DescribeDiskReplicaPairs', answer, { listing: listing([mine]) })),
    ).toBeUndefined();
  });

  it('fails a row the sequence deleted, and ignores rows of other sequences', () => {
    const rows = [mine, { ReplicaPairId: 'p-deleted', Status: 'stopped' }, { ReplicaPairId: 'p-other' }];
    const answer = ok({ TotalCount: 3, ReplicaPairs: rows });
    const retired = new Set(['p-deleted']);
    const f = listing_conformance(
      ctx('DescribeDiskReplicaPairs', answer, { listing: listing([mine]), retired }),
    );
    expect(f?.title).toContain('p-deleted');
    expect(
      listing_conformance(ctx('DescribeDiskReplicaPairs', answer, { listing: listing([mine]) })),
    ).toBeUndefined();
  });

  it('compares a list of member IDs as a set', () => {
    const want = { ReplicaPairId: 'p-mine', PairIds: ['a', 'b'] };
    const answer = ok({ TotalCount: 1, ReplicaPairs: [{ ReplicaPairId: 'p-mine', PairIds: ['b', 'a'] }] });
    expect(
      listing_conformance(ctx('DescribeDiskReplicaPairs', answer, { listing: listing([want]) })),
    ).toBeUndefined();
  });
});

describe('pagination_conformance', () => {
  const walk = { operation: 'DescribeDisks', rule: 'DISK.DESCRIBE.PAGING', isolated: true };
  it('passes pages that add up to the listing', () => {
    expect(
      pagination_conformance({ ...walk, seen: ['a', 'b', 'c'], expected: ['c', 'a', 'b'] }),
    ).toBeUndefined();
  });
  it('names a duplicate, a gap and a made-up row', () => {
    expect(pagination_conformance({ ...walk, seen: ['a', 'a'], expected: ['a'] })?.title).toContain(
      'a twice',
    );
    expect(pagination_conformance({ ...walk, seen: ['a'], expected: ['a', 'b'] })?.title).toContain(
      'never lists b',
    );
    expect(pagination_conformance({ ...walk, seen: ['a', 'x'], expected: ['a'] })?.title).toContain(
      'lists x',
    );
  });
  it('on a shared target, treats only deleted rows of its own as made up', () => {
    const shared = { ...walk, isolated: false, expected: ['a'] };
    expect(pagination_conformance({ ...shared, seen: ['a', 'x'] })).toBeUndefined();
    expect(pagination_conformance({ ...shared, seen: ['a', 'x'], retired: new Set(['x']) })?.category).toBe(
      'pagination',
    );
  });
});

describe('two_region_visibility', () => {
  const at = (regionId: string, site: 'production' | 'backup', listed: boolean) => ({
    regionId,
    site,
    listed,
  });
  it('passes a pair seen exactly at its primary (production) and standby (backup)', () => {
    const seen = [
      at('r1', 'production', true),
      at('r1', 'backup', false),
      at('r2', 'production', false),
      at('r2', 'backup', true),
    ];
    expect(two_region_visibility('p', 'r1', 'r2', seen)).toBeUndefined();
  });
  it('fails a pair listed in a third region, or missing from its standby', () => {
    expect(two_region_visibility('p', 'r1', 'r2', [at('r3', 'production', true)])?.category).toBe(
      'invariant',
    );
    expect(two_region_visibility('p', 'r1', 'r2', [at('r2', 'backup', false)])?.title).toContain(
      'not everywhere',
    );
  });
});

describe('transient_status_conformance', () => {
  const failover: AllowedPath = {
    kind: 'pair',
    id: 'p',
    operation: 'FailoverDiskReplicaPair',
    rules: ['PAIR.FAILOVER.SETTLES_FAILOVERED'],
    transient: ['failovering'],
    finals: ['failovered'],
    settledAlso: [],
  };
  const start: AllowedPath = {
    ...failover,
    operation: 'StartDiskReplicaPair',
    transient: ['initial_syncing', 'syncing'],
    finals: ['normal'],
    settledAlso: ['syncing'],
  };
  const act = 'DescribeDiskReplicaPairs';
  it('allows a status the change passes through, then one it ends in', () => {
    expect(transient_status_conformance(failover, [], 'failovering', act)).toBeUndefined();
    expect(transient_status_conformance(failover, ['failovering'], 'failovered', act)).toBeUndefined();
  });
  it('fails a status from elsewhere in the life cycle, naming the rule and the path', () => {
    const f = transient_status_conformance(failover, ['failovering'], 'normal', act);
    expect(f?.category).toBe('transition');
    expect(f?.rules).toContain('PAIR.FAILOVER.SETTLES_FAILOVERED');
    expect(f?.expected).toContain('failovering → failovered');
    expect(f?.received).toBe('failovering → normal');
  });
  it('fails a step back once settled, but lets a settled pair be caught in a periodic sync', () => {
    expect(transient_status_conformance(failover, ['failovered'], 'failovering', act)?.title).toContain(
      'had settled',
    );
    expect(transient_status_conformance(start, ['syncing', 'normal'], 'syncing', act)).toBeUndefined();
    expect(transient_status_conformance(start, ['normal'], 'initial_syncing', act)).toBeDefined();
  });
  it('lets a change that leaves the status as it was find a normal pair in a periodic sync', () => {
    // Found by a 100k-step run (seed 1): UntagResources on a normal pair, read during its sync.
    const untag: AllowedPath = { ...start, operation: 'UntagResources', transient: [] };
    expect(transient_status_conformance(untag, [], 'syncing', act)).toBeUndefined();
    expect(transient_status_conformance(untag, ['syncing'], 'normal', act)).toBeUndefined();
    expect(transient_status_conformance(untag, [], 'stopped', act)?.rules).toContain(
      'PROTO.DESCRIBE_IS_PROJECTION',
    );
  });
  it('leaves a resource the listing does not show to the listing checks', () => {
    expect(transient_status_conformance(failover, [], ABSENT, act)).toBeUndefined();
  });
  it('reads the status of the watched row only', () => {
    const body = { ReplicaPairs: [{ ReplicaPairId: 'q', Status: 'normal' }] };
    expect(listedStatus(act, body, 'q')).toBe('normal');
    expect(listedStatus(act, body, 'p')).toBe(ABSENT);
    expect(listedStatus(act, { RequestId: 'r' }, 'p')).toBeUndefined();
  });
});

describe('recovery_data_conformance', () => {
  const NOW = Date.UTC(2026, 0, 1);
  const pairs = (fields: Record<string, unknown>) =>
    ok({ ReplicaPairs: [{ ReplicaPairId: 'p', CreateTime: NOW / 1000 - 60, ...fields }] });
  const at = (answer: Answer, recoverPoints = new Map<string, number>()) => ({
    ...ctx('DescribeDiskReplicaPairs', answer),
    now: NOW,
    recoverPoints,
  });
  it('passes times in seconds, not after the answer', () => {
    expect(recovery_data_conformance(at(pairs({ LastRecoverPoint: NOW / 1000 - 5 })))).toBeUndefined();
  });
  it('fails a time in milliseconds, naming the field and PAIR.DESCRIBE.TIMES_IN_SECONDS', () => {
    const f = recovery_data_conformance(at(pairs({ LastRecoverPoint: NOW - 5000 })));
    expect(f?.title).toContain('LastRecoverPoint');
    expect(f?.rules).toEqual(['PAIR.DESCRIBE.TIMES_IN_SECONDS']);
    expect(recovery_data_conformance(at(pairs({ CreateTime: NOW })))?.title).toContain('CreateTime');
  });
  it('fails a recovery point earlier than one seen before', () => {
    const seen = new Map([['p', NOW / 1000 - 5]]);
    expect(
      recovery_data_conformance(at(pairs({ LastRecoverPoint: NOW / 1000 - 50 }), seen))?.title,
    ).toContain('went back');
    expect(recovery_data_conformance(at(pairs({ LastRecoverPoint: NOW / 1000 - 1 }), seen))).toBeUndefined();
  });
});

describe('runChecks', () => {
  it('keeps every failing check of one answer, not the first', () => {
    const answer = ok({ DiskId: 'd-2' });
    const c = ctx('CreateDisk', answer, {
      rules: ['TOKEN.SAME_PARAMS_SAME_RESULT'],
      facts: { DiskId: 'd-1' },
    });
    const names = runChecks(c).map((f) => f.check);
    expect(names).toEqual(expect.arrayContaining(['idempotency_conformance', 'response_facts_conformance']));
  });
});

describe('recovery_bounds_conformance', () => {
  const BELOW = 'PAIR.PROGRESS.BELOW_100_WHILE_INITIAL_SYNCING';
  const RISING = 'PAIR.PROGRESS.NOT_DECREASING_IN_INITIAL_SYNC';
  const WITHIN = 'PAIR.RECOVER_POINT.WITHIN_RPO';
  const progress = (
    body: Record<string, unknown>,
    bounds: Record<string, Bound>,
    extra: Partial<CheckContext> = {},
  ): CheckContext => ({
    operation: op('DescribeDiskReplicaPairProgress'),
    expectation: succeed({
      rules: ['PAIR.PROGRESS.RECOVER_POINT_AFTER_START', BELOW, RISING],
      next: () => state,
      bounds,
    }),
    answer: ok(body),
    isolated: true,
    subject: 'p',
    ...extra,
  });
  const below = { Progress: { rule: BELOW, min: 0, max: 99 } };

  it('fails Progress 100 while the initial copy runs, naming the bound rule alone', () => {
    expect(recovery_bounds_conformance(progress({ Progress: 99 }, below))).toBeUndefined();
    const f = recovery_bounds_conformance(progress({ Progress: 100 }, below));
    // Not the call's other rules (RecoverPoint's, the projection's): the vitest suite fails each named one.
    expect(f?.rules).toEqual([BELOW]);
    expect(f?.expected).toBe('Progress at least 0 and at most 99');
  });

  it('fails a Progress that falls during one initial sync, and passes one that rises or holds', () => {
    const seen = new Map([['p', 40]]);
    expect(
      recovery_bounds_conformance(progress({ Progress: 40 }, below, { progress: seen })),
    ).toBeUndefined();
    const f = recovery_bounds_conformance(progress({ Progress: 20 }, below, { progress: seen }));
    expect(f?.rules[0]).toBe(RISING);
    expect(f?.title).toContain('fell from 40 to 20');
    // Without the rule (the pair is not in an initial sync) a lower value is no failure.
    const later = { ...progress({ Progress: 20 }, {}, { progress: seen }) };
    const plain = { ...later, expectation: succeed({ rules: [], next: () => state }) };
    expect(recovery_bounds_conformance(plain)).toBeUndefined();
  });

  it('judges a recovery point older than the RPO allows; on a clock of its own, 600 s of clock skew forgiven', () => {
    const within = { RecoverPoint: { rule: WITHIN, min: 1_700_000_000, movedClock: true } };
    // 500 s older than the floor: within the skew a wall clock may have, so not judged there.
    const skewed = progress({ Progress: 100, RecoverPoint: 1_699_999_500 }, within);
    expect(recovery_bounds_conformance(skewed)).toBeUndefined();
    expect(recovery_bounds_conformance({ ...skewed, movedClock: true })?.rules[0]).toBe(WITHIN);
    // 1,000 s older: past any skew, a nonconformance on either clock.
    const stale = progress({ Progress: 100, RecoverPoint: 1_699_999_000 }, within);
    expect(recovery_bounds_conformance(stale)?.rules[0]).toBe(WITHIN);
    const f = recovery_bounds_conformance({ ...stale, movedClock: true });
    expect(f?.rules[0]).toBe(WITHIN);
    expect(f?.received).toBe('RecoverPoint=1699999000');
    const fresh = progress({ Progress: 100, RecoverPoint: 1_700_000_100 }, within, { movedClock: true });
    expect(recovery_bounds_conformance(fresh)).toBeUndefined();
  });
});
