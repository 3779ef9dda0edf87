import { describe, expect, it } from 'vitest';
import { advance } from './advance';
import { allowedOutcomes } from './allowed-outcomes';
import type { ModelState } from './state';
import {
  apply,
  asRefusal,
  asSuccess,
  codesOf,
  createGroupParams,
  ebsCall,
  groupCall,
  MINUTE,
  memberScenario,
  pairScenario,
  startPairCall,
  stopPairCall,
  T0,
} from './testkit';

const T1 = T0 + MINUTE;
const pairDrill = (action: string, region: string, extra: Record<string, unknown> = {}) =>
  ebsCall(action, { RegionId: region, PairId: 'pair-1', ...extra });
const groupDrill = (action: string, region: string, extra: Record<string, unknown> = {}) =>
  ebsCall(action, { RegionId: region, GroupId: 'pg-1', ...extra });

/** pair-1 started and synced: normal, with a recovery point. */
const normalPair = () => apply(pairScenario(), startPairCall());
/** pg-1 holding pair-1, started and synced. */
const normalGroup = () => apply(memberScenario(), groupCall('StartDiskReplicaGroup', 'cn-shanghai'));

function drilled(s: ModelState, call = pairDrill('StartPairDrill', 'cn-beijing'), id = 'drill-1') {
  return advance(asSuccess(allowedOutcomes(s, call, T1)).next({ DrillId: id }), T1);
}

describe('StartPairDrill', () => {
  it('DRILL.PAIR.START.WHILE_REPLICATING: a normal pair accepts a drill, answers DrillId and keeps its status', () => {
    const s = normalPair();
    const e = asSuccess(allowedOutcomes(s, pairDrill('StartPairDrill', 'cn-beijing'), T1));
    expect(e.rules).toContain('DRILL.PAIR.START.WHILE_REPLICATING');
    expect(e.present).toContain('DrillId');
    expect(e.also).toEqual([]);
    const after = e.next({ DrillId: 'drill-1' });
    expect(after.pairs['pair-1']?.status).toBe('normal');
    expect(after.drills['drill-1']).toMatchObject({ status: 'executing', ownerId: 'pair-1' });
  });

  it('DRILL.PAIR.START.EXECUTES: the drill settles in executed', () => {
    expect(drilled(normalPair()).drills['drill-1']?.status).toBe('executed');
  });

  it('DRILL.PAIR.START.IN_SECONDARY_REGION: from the primary region it is refused with StartDrillShouldOnDestRegion', () => {
    const e = asRefusal(allowedOutcomes(normalPair(), pairDrill('StartPairDrill', 'cn-shanghai'), T1));
    expect(codesOf(e)).toEqual(['OperationDenied.StartDrillShouldOnDestRegion']);
  });

  it('DRILL.PAIR.START.NEEDS_RECOVER_POINT: a pair never synced is refused with RecoverPointNotFound', () => {
    const e = asRefusal(allowedOutcomes(pairScenario(), pairDrill('StartPairDrill', 'cn-beijing'), T1));
    expect(e.rules).toContain('DRILL.PAIR.START.NEEDS_RECOVER_POINT');
    expect(codesOf(e)).toContain('OperationDenied.RecoverPointNotFound');
  });

  it('DRILL.PAIR.START.OTHER_STATUSES: a stopped pair with a recovery point may be accepted or refused', () => {
    const s = apply(normalPair(), stopPairCall(), T1);
    const e = asSuccess(allowedOutcomes(s, pairDrill('StartPairDrill', 'cn-beijing'), T1));
    expect(e.rules).toContain('DRILL.PAIR.START.OTHER_STATUSES');
    expect(e.also.map((x) => x.code)).toEqual(['OperationDenied']);
  });

  it('DRILL.PAIR.START.ONE_AT_A_TIME: a second drill before clearing the first leaves OperationDenied open', () => {
    const e = asSuccess(
      allowedOutcomes(drilled(normalPair()), pairDrill('StartPairDrill', 'cn-beijing'), T1),
    );
    expect(e.rules).toContain('DRILL.PAIR.START.ONE_AT_A_TIME');
    expect(e.also.map((x) => x.code)).toContain('OperationDenied');
  });

  it('DRILL.PAIR.UNKNOWN: an unknown pair is refused with NoSuchResource', () => {
    const e = asRefusal(
      allowedOutcomes(normalPair(), pairDrill('StartPairDrill', 'cn-beijing', { PairId: 'pair-x' }), T1),
    );
    expect(e.rules).toContain('DRILL.PAIR.UNKNOWN');
    expect(codesOf(e)).toEqual(['NoSuchResource']);
  });
});

describe('DescribePairDrills', () => {
  it('DRILL.PAIR.DESCRIBE.FIELDS and DRILL.PAIR.DESCRIBE.EITHER_REGION: both regions list the drill with its status', () => {
    const s = drilled(normalPair());
    for (const region of ['cn-shanghai', 'cn-beijing']) {
      const e = asSuccess(allowedOutcomes(s, pairDrill('DescribePairDrills', region), T1));
      expect(e.rules).toEqual(
        expect.arrayContaining(['DRILL.PAIR.DESCRIBE.FIELDS', 'DRILL.PAIR.DESCRIBE.EITHER_REGION']),
      );
      expect(e.listing?.rows).toEqual([{ DrillId: 'drill-1', Status: 'executed' }]);
    }
  });

  it('DRILL.PAIR.DESCRIBE.DRILL_ID_FILTER: another DrillId lists nothing', () => {
    const s = drilled(normalPair());
    const e = asSuccess(
      allowedOutcomes(s, pairDrill('DescribePairDrills', 'cn-beijing', { DrillId: 'drill-2' }), T1),
    );
    expect(e.rules).toContain('DRILL.PAIR.DESCRIBE.DRILL_ID_FILTER');
    expect(e.listing?.rows).toEqual([]);
  });

  it('DRILL.PAIR.DESCRIBE.PAGING: MaxResults 500 is a page, 501 and PageSize 101 are refused', () => {
    const s = drilled(normalPair());
    const ok = asSuccess(
      allowedOutcomes(s, pairDrill('DescribePairDrills', 'cn-beijing', { MaxResults: 500 }), T1),
    );
    expect(ok.listing?.page).toEqual({ mode: 'token', maxResults: 500, continued: false });
    for (const bad of [{ MaxResults: 501 }, { PageSize: 101 }, { MaxResults: 0 }]) {
      const e = asRefusal(allowedOutcomes(s, pairDrill('DescribePairDrills', 'cn-beijing', bad), T1));
      expect(e.rules).toContain('DRILL.PAIR.DESCRIBE.PAGING');
    }
  });
});

describe('ClearPairDrill', () => {
  it('DRILL.PAIR.CLEAR.REMOVES: the drill clears, then is gone from the listing', () => {
    const s = drilled(normalPair());
    const e = asSuccess(
      allowedOutcomes(s, pairDrill('ClearPairDrill', 'cn-shanghai', { DrillId: 'drill-1' }), T1),
    );
    expect(e.rules).toContain('DRILL.PAIR.CLEAR.REMOVES');
    expect(e.next().drills['drill-1']?.status).toBe('clearing');
    expect(advance(e.next(), T1).drills['drill-1']).toBeUndefined();
  });

  it('DRILL.PAIR.CLEAR.UNKNOWN_DRILL: a DrillId of no drill of this pair is refused with NoSuchResource', () => {
    const s = drilled(normalPair());
    const e = asRefusal(
      allowedOutcomes(s, pairDrill('ClearPairDrill', 'cn-beijing', { DrillId: 'drill-9' }), T1),
    );
    expect(e.rules).toContain('DRILL.PAIR.CLEAR.UNKNOWN_DRILL');
    expect(codesOf(e)).toEqual(['NoSuchResource']);
  });
});

describe('replica group drills', () => {
  it('DRILL.GROUP.START.WHILE_REPLICATING and DRILL.GROUP.START.EXECUTES: a normal group is drilled with all its members', () => {
    const e = asSuccess(
      allowedOutcomes(normalGroup(), groupDrill('StartReplicaGroupDrill', 'cn-beijing'), T1),
    );
    expect(e.rules).toEqual(
      expect.arrayContaining(['DRILL.GROUP.START.WHILE_REPLICATING', 'DRILL.GROUP.START.EXECUTES']),
    );
    const s = advance(e.next({ DrillId: 'pg-drill-1' }), T1);
    expect(s.drills['pg-drill-1']).toMatchObject({ status: 'executed', pairIds: ['pair-1'], kind: 'group' });
  });

  it('DRILL.GROUP.START.IN_SECONDARY_REGION: from the primary region it is refused', () => {
    const e = asRefusal(
      allowedOutcomes(normalGroup(), groupDrill('StartReplicaGroupDrill', 'cn-shanghai'), T1),
    );
    expect(codesOf(e)).toEqual(['OperationDenied.StartDrillShouldOnDestRegion']);
  });

  it('DRILL.GROUP.START.NEEDS_RECOVER_POINT and DRILL.GROUP.START.OTHER_STATUSES: a created group is refused, maybe as OperationDenied', () => {
    const e = asRefusal(
      allowedOutcomes(memberScenario(), groupDrill('StartReplicaGroupDrill', 'cn-beijing'), T1),
    );
    expect(e.rules).toEqual(
      expect.arrayContaining(['DRILL.GROUP.START.NEEDS_RECOVER_POINT', 'DRILL.GROUP.START.OTHER_STATUSES']),
    );
    expect(codesOf(e)).toEqual(['OperationDenied.RecoverPointNotFound', 'OperationDenied']);
  });

  it("DRILL.GROUP.START.NEEDS_RECOVER_POINT: a group started on its members' copies may have none in its first RPO, unless group-first-sync=group", () => {
    // Seed 103, 2000 sequences of 100: the emulator (group-first-sync=members) answered
    // RecoverPointNotFound to a group started on a member that had copied as a lone pair.
    const copied = apply(apply(pairScenario(), startPairCall()), stopPairCall());
    const grouped = [
      ebsCall('CreateDiskReplicaGroup', createGroupParams()),
      groupCall('AddDiskReplicaPair', 'cn-shanghai', { ReplicaPairId: 'pair-1' }),
      groupCall('StartDiskReplicaGroup', 'cn-shanghai'),
    ].reduce((s, call, i) => apply(s, call, T0, i === 0 ? { ReplicaGroupId: 'pg-1' } : {}), copied);
    const drillAt = (s: ModelState, at: number) =>
      asSuccess(allowedOutcomes(s, groupDrill('StartReplicaGroupDrill', 'cn-beijing'), at)).also.map(
        (a) => a.code,
      );
    expect(drillAt(grouped, T1)).toContain('OperationDenied.RecoverPointNotFound');
    expect(drillAt(advance(grouped, T0 + 30 * MINUTE), T0 + 30 * MINUTE)).not.toContain(
      'OperationDenied.RecoverPointNotFound',
    );
    // Stopped and started again within the RPO: still no sync of its own (emulator target, seed 77).
    const restarted = [
      groupCall('StopDiskReplicaGroup', 'cn-shanghai'),
      groupCall('StartDiskReplicaGroup', 'cn-shanghai'),
    ].reduce((s, call) => apply(s, call, T0), grouped);
    expect(drillAt(restarted, T1)).toContain('OperationDenied.RecoverPointNotFound');
    const own = { ...grouped, readings: { 'group-first-sync': 'group' } };
    expect(drillAt(own, T1)).not.toContain('OperationDenied.RecoverPointNotFound');
    // A group whose member had not copied makes the first copy itself: its recovery point is sure.
    expect(drillAt(normalGroup(), T1)).not.toContain('OperationDenied.RecoverPointNotFound');
  });

  it('DRILL.GROUP.START.ONE_AT_A_TIME: a second group drill leaves OperationDenied open', () => {
    const s = drilled(normalGroup(), groupDrill('StartReplicaGroupDrill', 'cn-beijing'), 'pg-drill-1');
    const e = asSuccess(allowedOutcomes(s, groupDrill('StartReplicaGroupDrill', 'cn-beijing'), T1));
    expect(e.rules).toContain('DRILL.GROUP.START.ONE_AT_A_TIME');
  });

  it('DRILL.GROUP.UNKNOWN: an unknown group is refused with NoSuchResource', () => {
    const call = groupDrill('DescribeReplicaGroupDrills', 'cn-beijing', { GroupId: 'pg-x' });
    const e = asRefusal(allowedOutcomes(normalGroup(), call, T1));
    expect(e.rules).toContain('DRILL.GROUP.UNKNOWN');
  });

  it('DRILL.GROUP.DESCRIBE.FIELDS, DRILL.GROUP.DESCRIBE.EITHER_REGION, DRILL.GROUP.DESCRIBE.DRILL_ID_FILTER and DRILL.GROUP.DESCRIBE.PAGING: rows carry the GroupId', () => {
    const s = drilled(normalGroup(), groupDrill('StartReplicaGroupDrill', 'cn-beijing'), 'pg-drill-1');
    const call = groupDrill('DescribeReplicaGroupDrills', 'cn-shanghai', {
      DrillId: 'pg-drill-1',
      PageSize: 100,
    });
    const e = asSuccess(allowedOutcomes(s, call, T1));
    expect(e.rules).toEqual(
      expect.arrayContaining([
        'DRILL.GROUP.DESCRIBE.FIELDS',
        'DRILL.GROUP.DESCRIBE.EITHER_REGION',
        'DRILL.GROUP.DESCRIBE.DRILL_ID_FILTER',
        'DRILL.GROUP.DESCRIBE.PAGING',
      ]),
    );
    expect(e.listing?.rows).toEqual([{ DrillId: 'pg-drill-1', Status: 'executed', GroupId: 'pg-1' }]);
  });

  it('DRILL.GROUP.CLEAR.REMOVES and DRILL.GROUP.CLEAR.UNKNOWN_DRILL: clears its own drill, not a pair drill', () => {
    let s = drilled(normalGroup(), groupDrill('StartReplicaGroupDrill', 'cn-beijing'), 'pg-drill-1');
    const wrong = asRefusal(
      allowedOutcomes(s, groupDrill('ClearReplicaGroupDrill', 'cn-beijing', { DrillId: 'drill-1' }), T1),
    );
    expect(wrong.rules).toContain('DRILL.GROUP.CLEAR.UNKNOWN_DRILL');
    s = apply(s, groupDrill('ClearReplicaGroupDrill', 'cn-beijing', { DrillId: 'pg-drill-1' }), T1);
    expect(s.drills).toEqual({});
    expect(
      asSuccess(allowedOutcomes(s, groupDrill('DescribeReplicaGroupDrills', 'cn-beijing'), T1)).rules,
    ).toContain('DRILL.GROUP.DESCRIBE.FIELDS');
    const e = allowedOutcomes(
      drilled(normalGroup(), groupDrill('StartReplicaGroupDrill', 'cn-beijing'), 'pg-drill-2'),
      groupDrill('ClearReplicaGroupDrill', 'cn-beijing', { DrillId: 'pg-drill-2' }),
      T1,
    );
    expect(asSuccess(e).rules).toContain('DRILL.GROUP.CLEAR.REMOVES');
  });
});
