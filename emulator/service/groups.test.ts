import { describe, expect, it } from 'vitest';
import { createPair, describePair, type Harness, instanceIn, makeService, refusal } from './test-support';

const SH = { region: 'cn-shanghai', zone: 'cn-shanghai-b' };
const BJ = { region: 'cn-beijing', zone: 'cn-beijing-f' };

function createGroup(h: Harness, from = SH, to = BJ) {
  return h.ebs('CreateDiskReplicaGroup', {
    RegionId: from.region,
    SourceZoneId: from.zone,
    DestinationRegionId: to.region,
    DestinationZoneId: to.zone,
    GroupName: 'group1',
  }).ReplicaGroupId as string;
}

const describeGroup = (h: Harness, groupId: string) =>
  (
    h.ebs('DescribeDiskReplicaGroups', { RegionId: SH.region, GroupIds: groupId }).ReplicaGroups as Record<
      string,
      unknown
    >[]
  )[0];

const groupCall = (h: Harness, action: string, groupId: string, regionId: string, extra = {}) =>
  h.ebs(action, { RegionId: regionId, ReplicaGroupId: groupId, ...extra });

describe('replica groups', () => {
  it('moves every member pair with the group through start, failover, reprotect, stop and delete', () => {
    const h = makeService(0);
    const groupId = createGroup(h);
    expect(groupId).toMatch(/^pg-/);
    const pairs = [createPair(h), createPair(h), createPair(h)];
    for (const p of pairs)
      groupCall(h, 'AddDiskReplicaPair', groupId, SH.region, { ReplicaPairId: p.pairId });
    expect(describeGroup(h, groupId)).toMatchObject({
      Status: 'created',
      PairNumber: 3,
      PairIds: pairs.map((p) => p.pairId),
      SourceRegionId: SH.region,
      DestinationRegionId: BJ.region,
    });
    expect(describePair(h, pairs[0]!.pairId)).toMatchObject({
      ReplicaGroupId: groupId,
      ReplicaGroupName: 'group1',
    });
    // A member is driven through its group.
    expect(
      refusal(() => h.ebs('StartDiskReplicaPair', { RegionId: SH.region, ReplicaPairId: pairs[0]!.pairId }))
        .code,
    ).toBe('OperationDenied');

    groupCall(h, 'StartDiskReplicaGroup', groupId, SH.region);
    expect(describeGroup(h, groupId)?.Status).toBe('normal');
    for (const p of pairs) expect(describePair(h, p.pairId)?.Status).toBe('normal');

    expect(refusal(() => groupCall(h, 'FailoverDiskReplicaGroup', groupId, SH.region)).code).toBe(
      'OperationDenied.OperateNotAllowedForPrimary',
    );
    groupCall(h, 'FailoverDiskReplicaGroup', groupId, BJ.region);
    for (const p of pairs) expect(describePair(h, p.pairId)?.Status).toBe('failovered');

    const vm = instanceIn(SH.zone);
    h.ecs('AttachDisk', { InstanceId: vm, DiskId: pairs[1]!.primaryDisk });
    expect(refusal(() => groupCall(h, 'ReprotectDiskReplicaGroup', groupId, BJ.region)).code).toBe(
      'OperationDenied',
    );
    h.ecs('DetachDisk', { InstanceId: vm, DiskId: pairs[1]!.primaryDisk });
    groupCall(h, 'ReprotectDiskReplicaGroup', groupId, BJ.region);
    expect(describeGroup(h, groupId)).toMatchObject({
      Status: 'stopped',
      SourceRegionId: BJ.region,
      PrimaryRegion: SH.region,
    });
    for (const p of pairs)
      expect(describePair(h, p.pairId)).toMatchObject({ Status: 'stopped', SourceDiskId: p.standbyDisk });

    groupCall(h, 'StartDiskReplicaGroup', groupId, BJ.region);
    groupCall(h, 'StopDiskReplicaGroup', groupId, BJ.region);
    expect(refusal(() => groupCall(h, 'DeleteDiskReplicaGroup', groupId, BJ.region)).code).toBe(
      'OperationDenied.GroupHasPair',
    );
    for (const p of pairs)
      groupCall(h, 'RemoveDiskReplicaPair', groupId, BJ.region, { ReplicaPairId: p.pairId });
    expect(describePair(h, pairs[0]!.pairId)?.ReplicaGroupId).toBe('');
    groupCall(h, 'DeleteDiskReplicaGroup', groupId, BJ.region);
    expect(describeGroup(h, groupId)).toBeUndefined();
  });

  it('holds at most 17 pairs', () => {
    const h = makeService(0);
    const groupId = createGroup(h);
    for (let i = 0; i < 17; i++) {
      groupCall(h, 'AddDiskReplicaPair', groupId, SH.region, { ReplicaPairId: createPair(h).pairId });
    }
    const eighteenth = createPair(h).pairId;
    expect(
      refusal(() => groupCall(h, 'AddDiskReplicaPair', groupId, SH.region, { ReplicaPairId: eighteenth }))
        .code,
    ).toBe('OperationDenied.PairsExceedInGroup');
    expect(describeGroup(h, groupId)?.PairNumber).toBe(17);
  });

  it('refuses pairs whose zones differ, pairs of another group, and calls on an empty group', () => {
    const h = makeService(0);
    const groupId = createGroup(h);
    const otherGroup = createGroup(h);
    const elsewhere = createPair(h, SH, { region: 'cn-beijing', zone: 'cn-beijing-g' });
    expect(
      refusal(() =>
        groupCall(h, 'AddDiskReplicaPair', groupId, SH.region, { ReplicaPairId: elsewhere.pairId }),
      ).code,
    ).toBe('OperationDenied.PairGroupAZoneConflict');
    const member = createPair(h);
    groupCall(h, 'AddDiskReplicaPair', otherGroup, SH.region, { ReplicaPairId: member.pairId });
    expect(
      refusal(() => groupCall(h, 'AddDiskReplicaPair', groupId, SH.region, { ReplicaPairId: member.pairId }))
        .code,
    ).toBe('OperationDenied.PairInAnotherGroup');
    expect(refusal(() => groupCall(h, 'StartDiskReplicaGroup', groupId, SH.region)).code).toBe(
      'OperationDenied.NoPairInGroup',
    );
    expect(
      refusal(() =>
        groupCall(h, 'RemoveDiskReplicaPair', otherGroup, SH.region, { ReplicaPairId: elsewhere.pairId }),
      ).code,
    ).toBe('OperationDenied.PairNotInGroup');
    groupCall(h, 'StartDiskReplicaGroup', otherGroup, SH.region);
    expect(
      refusal(() =>
        groupCall(h, 'AddDiskReplicaPair', otherGroup, SH.region, { ReplicaPairId: elsewhere.pairId }),
      ).code,
    ).toBe('OperationDenied.GroupStatusCannotAddPair');
    expect(refusal(() => groupCall(h, 'StartDiskReplicaGroup', 'pg-missing', SH.region)).code).toBe(
      'NoSuchResource',
    );
  });

  it('lists pairs in no group with ReplicaGroupId "-"', () => {
    const h = makeService(0);
    const groupId = createGroup(h);
    const grouped = createPair(h);
    const loose = createPair(h);
    groupCall(h, 'AddDiskReplicaPair', groupId, SH.region, { ReplicaPairId: grouped.pairId });
    const ids = (groupFilter: string) =>
      (
        h.ebs('DescribeDiskReplicaPairs', { RegionId: SH.region, ReplicaGroupId: groupFilter })
          .ReplicaPairs as {
          ReplicaPairId: string;
        }[]
      ).map((p) => p.ReplicaPairId);
    expect(ids('-')).toEqual([loose.pairId]);
    expect(ids(groupId)).toEqual([grouped.pairId]);
  });

  it('turns the group invalid when a member disk is deleted', () => {
    const h = makeService(0);
    const groupId = createGroup(h);
    const pair = createPair(h);
    groupCall(h, 'AddDiskReplicaPair', groupId, SH.region, { ReplicaPairId: pair.pairId });
    h.ecs('DeleteDisk', { DiskId: pair.primaryDisk });
    expect(describeGroup(h, groupId)?.Status).toBe('invalid');
    groupCall(h, 'RemoveDiskReplicaPair', groupId, SH.region, { ReplicaPairId: pair.pairId });
    groupCall(h, 'DeleteDiskReplicaGroup', groupId, SH.region);
    expect(describeGroup(h, groupId)).toBeUndefined();
  });
});
