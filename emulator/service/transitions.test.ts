import { describe, expect, it } from 'vitest';
import {
  createDisk,
  createPair,
  describePair,
  instanceIn,
  makeService,
  pairStatus,
  T0,
} from './test-support';

const T = 10_000;
const RPO_MS = 900_000;

describe('transient statuses on a manual clock', () => {
  it('shows each transient status until transitionMs has passed, then the settled one', () => {
    const h = makeService(T);
    const { pairId } = createPair(h);
    const expectPhase = (transient: string, settled: string) => {
      expect(pairStatus(h, pairId)).toBe(transient);
      h.clock.advance(T - 1);
      expect(pairStatus(h, pairId)).toBe(transient);
      h.clock.advance(1);
      expect(pairStatus(h, pairId)).toBe(settled);
    };
    const at = (regionId: string) => ({ RegionId: regionId, ReplicaPairId: pairId });
    expectPhase('creating', 'created');
    h.ebs('StartDiskReplicaPair', at('cn-shanghai'));
    expectPhase('initial_syncing', 'normal');
    h.ebs('StopDiskReplicaPair', at('cn-shanghai'));
    expectPhase('stopping', 'stopped');
    h.ebs('FailoverDiskReplicaPair', at('cn-beijing'));
    expectPhase('failovering', 'failovered');
    h.ebs('ReprotectDiskReplicaPair', at('cn-beijing'));
    expectPhase('reprotecting', 'stopped');
    // Reversed: the pair's primary is now in Beijing.
    h.ebs('DeleteDiskReplicaPair', at('cn-beijing'));
    expect(pairStatus(h, pairId)).toBe('deleting');
    h.clock.advance(T);
    expect(describePair(h, pairId)).toBeUndefined();
  });

  it('runs periodic syncs every RPO after the initial copy, advancing the recovery point', () => {
    const h = makeService(T);
    const { pairId } = createPair(h);
    h.settle();
    const startedAt = h.clock.now();
    h.ebs('StartDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: pairId });
    const progress = () =>
      h.ebs('DescribeDiskReplicaPairProgress', { RegionId: 'cn-beijing', ReplicaPairId: pairId });
    expect(progress()).toEqual({ Progress: 0 });
    h.clock.advance(T / 2);
    expect(progress()).toEqual({ Progress: 50 });
    h.clock.advance(T / 2);
    expect(progress()).toEqual({ Progress: 100, RecoverPoint: Math.floor(startedAt / 1000) });
    // The next cycle begins one RPO after the first.
    h.clock.advance(RPO_MS - T);
    expect(describePair(h, pairId)).toMatchObject({
      Status: 'syncing',
      LastRecoverPoint: Math.floor(startedAt / 1000),
    });
    h.clock.advance(T);
    expect(describePair(h, pairId)).toMatchObject({
      Status: 'normal',
      LastRecoverPoint: Math.floor((startedAt + RPO_MS) / 1000),
    });
  });

  it('a one-shot sync shows manual_syncing, then stops with a recovery point', () => {
    const h = makeService(T);
    const { pairId } = createPair(h);
    h.settle();
    h.ebs('StartDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: pairId, OneShot: true });
    expect(pairStatus(h, pairId)).toBe('manual_syncing');
    expect(describePair(h, pairId)?.LastRecoverPoint).toBeUndefined();
    h.clock.advance(T);
    expect(describePair(h, pairId)).toMatchObject({
      Status: 'stopped',
      LastRecoverPoint: expect.any(Number),
    });
  });

  it('moves disks through Creating, Attaching and Detaching', () => {
    const h = makeService(T);
    const diskId = createDisk(h, 'cn-hangzhou', 'cn-hangzhou-g');
    const status = () =>
      (
        h.ecs('DescribeDisks', { RegionId: 'cn-hangzhou', DiskIds: [diskId] }).Disks as {
          Disk: { Status: string }[];
        }
      ).Disk[0]?.Status;
    expect(status()).toBe('Creating');
    h.clock.advance(T);
    expect(status()).toBe('Available');
    const vm = instanceIn('cn-hangzhou-g');
    h.ecs('AttachDisk', { InstanceId: vm, DiskId: diskId });
    expect(status()).toBe('Attaching');
    h.clock.advance(T);
    expect(status()).toBe('In_use');
    h.ecs('DetachDisk', { InstanceId: vm, DiskId: diskId });
    expect(status()).toBe('Detaching');
    h.clock.advance(T);
    expect(status()).toBe('Available');
  });

  it('stamps times from the clock', () => {
    const h = makeService(0);
    const { pairId } = createPair(h);
    expect(describePair(h, pairId)?.CreateTime).toBe(T0 / 1000);
  });
});
