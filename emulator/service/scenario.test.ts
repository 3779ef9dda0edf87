import { describe, expect, it } from 'vitest';
import { createPair, describePair, instanceIn, makeService, pairStatus, refusal } from './test-support';

// The seed scenario of ReprotectDiskReplicaPair, end to end through `handle`: a pair from
// Shanghai to Beijing, failed over to Beijing, reprotected and started in the reverse direction.
describe('seed scenario: failover and reverse replication', () => {
  it('runs create -> start -> failover -> reprotect -> start reversed -> stop -> delete', () => {
    const h = makeService(0);
    const { pairId, primaryDisk, standbyDisk } = createPair(h);
    const primaryVm = instanceIn('cn-shanghai-b');
    h.ecs('AttachDisk', { InstanceId: primaryVm, DiskId: primaryDisk });
    expect(pairStatus(h, pairId)).toBe('created');

    h.ebs('StartDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: pairId });
    expect(pairStatus(h, pairId)).toBe('normal');

    // Failover is a secondary-region call.
    expect(
      refusal(() => h.ebs('FailoverDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: pairId })),
    ).toEqual({
      code: 'OperationDenied.OperateNotAllowedForPrimary',
    });
    h.ebs('FailoverDiskReplicaPair', { RegionId: 'cn-beijing', ReplicaPairId: pairId });
    expect(pairStatus(h, pairId)).toBe('failovered');

    // Reprotect: refused from the primary's region, and while the primary is attached.
    expect(
      refusal(() => h.ebs('ReprotectDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: pairId }))
        .code,
    ).toBe('OperationDenied.OperateNotAllowedForPrimary');
    expect(
      refusal(() => h.ebs('ReprotectDiskReplicaPair', { RegionId: 'cn-beijing', ReplicaPairId: pairId }))
        .code,
    ).toBe('OperationDenied');
    h.ecs('DetachDisk', { InstanceId: primaryVm, DiskId: primaryDisk });
    h.ebs('ReprotectDiskReplicaPair', { RegionId: 'cn-beijing', ReplicaPairId: pairId });

    const reversed = describePair(h, pairId);
    expect(reversed).toMatchObject({
      Status: 'stopped',
      SourceRegion: 'cn-beijing',
      SourceDiskId: standbyDisk,
      DestinationRegion: 'cn-shanghai',
      DestinationDiskId: primaryDisk,
      // The initial sites never change.
      PrimaryRegion: 'cn-shanghai',
      PrimaryZone: 'cn-shanghai-b',
      StandbyRegion: 'cn-beijing',
      StandbyZone: 'cn-beijing-f',
    });

    // Now data flows Beijing -> Shanghai; start may be called from either region.
    h.ebs('StartDiskReplicaPair', { RegionId: 'cn-beijing', ReplicaPairId: pairId });
    expect(pairStatus(h, pairId)).toBe('normal');
    h.ebs('StopDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: pairId });
    expect(pairStatus(h, pairId)).toBe('stopped');

    // Delete is a call of the current primary's region (Beijing after the reversal).
    expect(
      refusal(() => h.ebs('DeleteDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: pairId })).code,
    ).toBe('OperationDenied');
    h.ebs('DeleteDiskReplicaPair', { RegionId: 'cn-beijing', ReplicaPairId: pairId });
    expect(describePair(h, pairId)).toBeUndefined();
    expect(
      refusal(() => h.ebs('StartDiskReplicaPair', { RegionId: 'cn-beijing', ReplicaPairId: pairId })).code,
    ).toBe('NoSuchResource');
    // Both disks outlive the pair.
    const disks = h.ecs('DescribeDisks', { RegionId: 'cn-shanghai', DiskIds: [primaryDisk] });
    expect((disks.Disks as { Disk: unknown[] }).Disk).toHaveLength(1);
  });

  it('ReverseReplicate=false cancels the failover and keeps the original direction', () => {
    const h = makeService(0);
    const { pairId, primaryDisk } = createPair(h);
    h.ebs('StartDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: pairId });
    h.ebs('FailoverDiskReplicaPair', { RegionId: 'cn-beijing', ReplicaPairId: pairId });
    h.ebs('ReprotectDiskReplicaPair', {
      RegionId: 'cn-beijing',
      ReplicaPairId: pairId,
      ReverseReplicate: false,
    });
    expect(describePair(h, pairId)).toMatchObject({
      Status: 'stopped',
      SourceDiskId: primaryDisk,
      SourceRegion: 'cn-shanghai',
    });
  });

  it('lists a pair in its production region by default and in its standby region with Site=backup', () => {
    const h = makeService(0);
    const { pairId } = createPair(h);
    expect(describePair(h, pairId, 'cn-beijing')).toBeUndefined();
    expect(describePair(h, pairId, 'cn-beijing', 'backup')).toMatchObject({
      ReplicaPairId: pairId,
      Site: 'backup',
    });
    expect(describePair(h, pairId, 'cn-shanghai', 'backup')).toBeUndefined();
  });
});
