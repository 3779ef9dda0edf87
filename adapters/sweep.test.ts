import { describe, expect, it } from 'vitest';
import { createMockTarget, type MockTarget } from './mock-target';
import { nextSteps, sweep } from './sweep';
import type { Found } from './sweep-discover';
import type { ApiCall } from './target';

const group = (status: string, pairIds: string[] = []) => ({
  id: 'pg-1',
  status,
  source: 'cn-hangzhou',
  destination: 'cn-beijing',
  pairIds,
});
const pair = (status: string, groupId?: string) => ({
  id: 'pair-1',
  status,
  source: 'cn-hangzhou',
  destination: 'cn-beijing',
  groupId,
});
const disk = (status: string, instanceId?: string) => ({
  id: 'd-1',
  status,
  region: 'cn-hangzhou',
  instanceId,
});
const steps = (found: Partial<Found>) =>
  nextSteps({ groups: [], pairs: [], disks: [], ...found }).map((s) => s.label);

describe('the sweep order', () => {
  it('stops what replicates, waits out transitions, deletes what is stopped', () => {
    expect(steps({ pairs: [pair('normal')] })).toEqual(['StopDiskReplicaPair(pair-1)']);
    expect(steps({ pairs: [pair('stopping')] })).toEqual([]);
    expect(steps({ pairs: [pair('stopped')] })).toEqual(['DeleteDiskReplicaPair(pair-1)']);
    expect(steps({ pairs: [pair('failovered')] })).toEqual(['DeleteDiskReplicaPair(pair-1)']);
  });

  it('empties a group before deleting it, and leaves its pairs to the group', () => {
    const members = { pairs: [pair('syncing', 'pg-1')] };
    expect(steps({ groups: [group('syncing', ['pair-1'])], ...members })).toEqual([
      'StopDiskReplicaGroup(pg-1)',
    ]);
    expect(steps({ groups: [group('stopped', ['pair-1'])], ...members })).toEqual([
      'RemoveDiskReplicaPair(pair-1)',
    ]);
    expect(steps({ groups: [group('failovered', ['pair-1'])], ...members })).toEqual([
      'ReprotectDiskReplicaGroup(pg-1)',
    ]);
    expect(steps({ groups: [group('stopped')] })).toEqual(['DeleteDiskReplicaGroup(pg-1)']);
  });

  it('touches disks only once no pair or group is left, detaching before deleting', () => {
    expect(steps({ pairs: [pair('deleting')], disks: [disk('Available')] })).toEqual([]);
    expect(steps({ disks: [disk('In_use', 'i-1')] })).toEqual(['DetachDisk(d-1)']);
    expect(steps({ disks: [disk('Detaching')] })).toEqual([]);
    expect(steps({ disks: [disk('Available')] })).toEqual(['DeleteDisk(d-1)']);
  });

  it('calls each step in the region the documentation requires', () => {
    const [reprotect] = nextSteps({ groups: [group('failovered', ['pair-1'])], pairs: [], disks: [] });
    expect(reprotect?.call.params).toMatchObject({ RegionId: 'cn-beijing', ReverseReplicate: false });
    const [remove] = nextSteps({ groups: [], pairs: [pair('stopped')], disks: [] });
    expect(remove?.call.params).toMatchObject({ RegionId: 'cn-hangzhou', ReplicaPairId: 'pair-1' });
  });
});

describe('sweep against the in-process emulator', () => {
  const RUN = 'r20261123t000000-feed01';
  const tag = [{ Key: 'ebs-conformance-run', Value: RUN }];
  const ok = async (target: MockTarget, call: ApiCall) => {
    const o = (await target.send(call)).outcome;
    if (o.kind !== 'success') throw new Error(`${call.action}: ${JSON.stringify(o)}`);
    return o.body;
  };
  const disk = (target: MockTarget, RegionId: string, Tag?: typeof tag) =>
    ok(target, {
      product: 'ecs',
      version: '2014-05-26',
      action: 'CreateDisk',
      params: {
        RegionId,
        ZoneId: `${RegionId}-${RegionId === 'cn-hangzhou' ? 'h' : 'f'}`,
        Size: 20,
        DiskCategory: 'cloud_essd',
        ...(Tag ? { Tag } : {}),
      },
    }).then((b) => String(b.DiskId));

  it('removes a replicating pair and its disks, leaves untagged disks alone, and is idempotent', async () => {
    const target = await createMockTarget({ clockMode: 'manual', transitionMs: 5_000 });
    // The sweep's waits move the emulator's virtual clock: transitions of 5 s pass at once.
    const advance = async (ms: number) => {
      await target.advanceClock?.(ms);
    };
    const options = { target, runs: [RUN], sleep: advance };
    try {
      const foreign = await disk(target, 'cn-hangzhou');
      const primary = await disk(target, 'cn-hangzhou', tag);
      const secondary = await disk(target, 'cn-beijing', tag);
      await advance(60_000);
      const ebs = { product: 'ebs', version: '2021-07-30' } as const;
      const pair = await ok(target, {
        ...ebs,
        action: 'CreateDiskReplicaPair',
        params: {
          RegionId: 'cn-hangzhou',
          SourceZoneId: 'cn-hangzhou-h',
          DiskId: primary,
          DestinationRegionId: 'cn-beijing',
          DestinationZoneId: 'cn-beijing-f',
          DestinationDiskId: secondary,
          Tag: tag,
        },
      });
      await advance(60_000);
      await ok(target, {
        ...ebs,
        action: 'StartDiskReplicaPair',
        params: { RegionId: 'cn-hangzhou', ReplicaPairId: String(pair.ReplicaPairId) },
      });

      const dry = await sweep({ ...options, dryRun: true });
      expect(dry.actions).toEqual([`StopDiskReplicaPair(${String(pair.ReplicaPairId)})`]);
      expect(dry.leftovers.pairs).toHaveLength(1);

      const result = await sweep(options);
      expect(result.found.pairs.map((p) => p.id)).toEqual([pair.ReplicaPairId]);
      expect(result.found.disks.map((d) => d.id).sort()).toEqual([primary, secondary].sort());
      expect(result.leftovers).toEqual({ groups: [], pairs: [], disks: [] });
      const order = result.actions.map((a) => a.replace(/\(.*/, ''));
      expect(order.indexOf('StopDiskReplicaPair')).toBeLessThan(order.indexOf('DeleteDiskReplicaPair'));
      expect(order.indexOf('DeleteDiskReplicaPair')).toBeLessThan(order.indexOf('DeleteDisk'));

      const listed = await ok(target, {
        product: 'ecs',
        version: '2014-05-26',
        action: 'DescribeDisks',
        params: { RegionId: 'cn-hangzhou' },
      });
      expect((listed.Disks as { Disk: { DiskId: string }[] }).Disk.map((d) => d.DiskId)).toEqual([foreign]);
      expect((await sweep({ ...options, runs: 'all' })).actions).toEqual([]);
    } finally {
      await target.close?.();
    }
  });
});
