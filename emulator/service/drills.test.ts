import { describe, expect, it } from 'vitest';
import { createPair, type Harness, makeService, refusal } from './test-support';

// transitionMs 1000 and RPO 900 s: a started pair syncs once in its first second.
const TRANSITION = 1000;

function normalPair(h: Harness) {
  const { pairId } = createPair(h);
  h.settle();
  h.ebs('StartDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: pairId });
  h.settle();
  return pairId;
}

const drills = (h: Harness, pairId: string, extra: Record<string, unknown> = {}) =>
  h.ebs('DescribePairDrills', { RegionId: 'cn-beijing', PairId: pairId, ...extra }).Drills as Record<
    string,
    unknown
  >[];

describe('pair drills', () => {
  it('start in the secondary region, execute, then list executed with a created drill disk', () => {
    const h = makeService(TRANSITION);
    const pairId = normalPair(h);
    const { DrillId } = h.ebs('StartPairDrill', { RegionId: 'cn-beijing', PairId: pairId });
    expect(DrillId).toMatch(/^drill-/);
    expect(drills(h, pairId)[0]).toMatchObject({ DrillId, Status: 'executing', DrillDiskStatus: 'creating' });
    h.settle();
    const [row] = drills(h, pairId);
    expect(row).toMatchObject({ DrillId, Status: 'executed', DrillDiskStatus: 'created' });
    expect(row?.DrillDiskId).toMatch(/^d-/);
    expect(typeof row?.RecoverPoint).toBe('number');
    // Replication goes on.
    const pair = h.ebs('DescribeDiskReplicaPairs', { RegionId: 'cn-shanghai', PairIds: [pairId] });
    expect((pair.ReplicaPairs as { Status: string }[])[0]?.Status).toMatch(/normal|syncing/);
  });

  it('refuses the primary region, a pair never synced, a second drill and a pair in a group', () => {
    const h = makeService(TRANSITION);
    const fresh = createPair(h).pairId;
    h.settle();
    expect(refusal(() => h.ebs('StartPairDrill', { RegionId: 'cn-beijing', PairId: fresh })).code).toBe(
      'OperationDenied.RecoverPointNotFound',
    );
    const pairId = normalPair(h);
    expect(refusal(() => h.ebs('StartPairDrill', { RegionId: 'cn-shanghai', PairId: pairId })).code).toBe(
      'OperationDenied.StartDrillShouldOnDestRegion',
    );
    expect(refusal(() => h.ebs('StartPairDrill', { RegionId: 'cn-hangzhou', PairId: pairId })).code).toBe(
      'NoSuchResource',
    );
    h.ebs('StartPairDrill', { RegionId: 'cn-beijing', PairId: pairId });
    expect(refusal(() => h.ebs('StartPairDrill', { RegionId: 'cn-beijing', PairId: pairId })).code).toBe(
      'OperationDenied',
    );
  });

  it('clears an executed drill (clearing, then gone); an executing or unknown one is refused', () => {
    const h = makeService(TRANSITION);
    const pairId = normalPair(h);
    const { DrillId } = h.ebs('StartPairDrill', { RegionId: 'cn-beijing', PairId: pairId });
    const clear = (id: unknown) =>
      h.ebs('ClearPairDrill', { RegionId: 'cn-shanghai', PairId: pairId, DrillId: id });
    expect(refusal(() => clear(DrillId)).code).toBe('OperationDenied');
    expect(refusal(() => clear('drill-nope')).code).toBe('NoSuchResource');
    h.settle();
    clear(DrillId);
    expect(drills(h, pairId)[0]).toMatchObject({ Status: 'clearing', DrillDiskStatus: 'deleting' });
    h.settle();
    expect(drills(h, pairId)).toEqual([]);
    expect(refusal(() => clear(DrillId)).code).toBe('NoSuchResource');
    // Cleared, the pair can be drilled again.
    h.ebs('StartPairDrill', { RegionId: 'cn-beijing', PairId: pairId });
  });

  it('filters by DrillId and pages like every listing', () => {
    const h = makeService(0);
    const pairId = normalPair(h);
    const { DrillId } = h.ebs('StartPairDrill', { RegionId: 'cn-beijing', PairId: pairId });
    expect(drills(h, pairId, { DrillId })).toHaveLength(1);
    expect(drills(h, pairId, { DrillId: 'drill-other' })).toEqual([]);
    expect(drills(h, pairId, { MaxResults: 500 })).toHaveLength(1);
  });
});

describe('group drills', () => {
  it('drill every member of a replicating group, one disk each', () => {
    const h = makeService(TRANSITION);
    const a = createPair(h).pairId;
    const b = createPair(h).pairId;
    const { ReplicaGroupId } = h.ebs('CreateDiskReplicaGroup', {
      RegionId: 'cn-shanghai',
      SourceZoneId: 'cn-shanghai-b',
      DestinationRegionId: 'cn-beijing',
      DestinationZoneId: 'cn-beijing-f',
    });
    h.settle();
    for (const id of [a, b])
      h.ebs('AddDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaGroupId, ReplicaPairId: id });
    expect(
      refusal(() => h.ebs('StartReplicaGroupDrill', { RegionId: 'cn-beijing', GroupId: ReplicaGroupId }))
        .code,
    ).toBe('OperationDenied.RecoverPointNotFound');
    h.ebs('StartDiskReplicaGroup', { RegionId: 'cn-shanghai', ReplicaGroupId });
    h.settle();
    // A member alone is drilled through its group.
    expect(refusal(() => h.ebs('StartPairDrill', { RegionId: 'cn-beijing', PairId: a })).code).toBe(
      'OperationDenied',
    );
    const { DrillId } = h.ebs('StartReplicaGroupDrill', { RegionId: 'cn-beijing', GroupId: ReplicaGroupId });
    expect(DrillId).toMatch(/^pg-drill-/);
    h.settle();
    const body = h.ebs('DescribeReplicaGroupDrills', { RegionId: 'cn-shanghai', GroupId: ReplicaGroupId });
    const [row] = body.Drills as { GroupId: string; Status: string; PairsInfo: { PairId: string }[] }[];
    expect(row).toMatchObject({ GroupId: ReplicaGroupId, Status: 'executed' });
    expect(row?.PairsInfo.map((x) => x.PairId).sort()).toEqual([a, b].sort());
    h.ebs('ClearReplicaGroupDrill', { RegionId: 'cn-beijing', GroupId: ReplicaGroupId, DrillId });
    h.settle();
    expect(
      h.ebs('DescribeReplicaGroupDrills', { RegionId: 'cn-beijing', GroupId: ReplicaGroupId }).Drills,
    ).toEqual([]);
  });
});
