import EcsModule, * as $Ecs from '@alicloud/ecs20140526';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { describe, expect } from 'vitest';
import type { PairState } from './scenarios';
import { createEbsTest, test } from './vitest';

// The fixture itself: one emulator per file on a real socket, the world learnt through the API,
// helpers that reach each settled pair state, and a reset between tests.
describe('the vitest fixture', () => {
  test('hands over a world learnt through the API', async ({ world }) => {
    expect(world.primary.regionId).not.toBe(world.secondary.regionId);
    const withReplication = world.regions.filter((r) => r.zones.some((z) => z.replication));
    expect(withReplication.length).toBeGreaterThanOrEqual(2);
    const qingdao = world.regions.find((r) => r.regionId === 'cn-qingdao');
    expect(qingdao?.zones.every((z) => !z.replication && z.instanceIds.length > 0)).toBe(true);
    expect(world.sites.every((s) => s.instanceId.startsWith('i-'))).toBe(true);
  });

  test('serves the official SDK at its endpoint, with its credentials', async ({ emulator, world }) => {
    const ecs = new EcsModule(
      new $OpenApiUtil.Config({ ...emulator.sdkConfig, regionId: world.primary.regionId }),
    );
    const res = await ecs.describeInstances(
      new $Ecs.DescribeInstancesRequest({ regionId: world.primary.regionId, zoneId: world.primary.zoneId }),
    );
    expect(res.body?.instances?.instance?.map((i) => i.instanceId)).toContain(world.primary.instanceId);
  });

  const expected: Record<PairState, { Status: string; reversed: boolean }> = {
    created: { Status: 'created', reversed: false },
    normal: { Status: 'normal', reversed: false },
    stopped: { Status: 'stopped', reversed: false },
    failovered: { Status: 'failovered', reversed: false },
    reprotected: { Status: 'stopped', reversed: true },
  };
  for (const [state, want] of Object.entries(expected) as [PairState, (typeof expected)[PairState]][]) {
    test(`ebs.pairIn('${state}') makes a pair in that state`, async ({ emulator, ebs }) => {
      const pair = await ebs.pairIn(state, { attachPrimary: true });
      const { ReplicaPairs } = await emulator.client.call('DescribeDiskReplicaPairs', {
        RegionId: pair.primary.regionId,
        PairIds: [pair.pairId],
      });
      expect(ReplicaPairs[0]).toMatchObject({
        Status: want.Status,
        SourceDiskId: want.reversed ? pair.secondary.diskId : pair.primary.diskId,
      });
    });
  }

  test('starts every test from the seeded world', async ({ emulator, world }) => {
    // The tests above left pairs and disks behind; the reset before this one removed them.
    const { ReplicaPairs } = await emulator.client.call('DescribeDiskReplicaPairs', {
      RegionId: world.primary.regionId,
    });
    const { Disks } = await emulator.client.call('DescribeDisks', { RegionId: world.primary.regionId });
    expect(ReplicaPairs).toEqual([]);
    expect(Disks.Disk).toEqual([]);
  });
});

const slow = createEbsTest({ transitionMs: 60_000, isolate: false });

describe('the fixture with transitions on a manual clock', () => {
  slow('time moves only when the test advances it', async ({ emulator, ebs }) => {
    const pair = await ebs.pair();
    await emulator.client.call('StartDiskReplicaPair', {
      RegionId: pair.primary.regionId,
      ReplicaPairId: pair.pairId,
    });
    expect(await ebs.pairStatus(pair)).toBe('initial_syncing');
    emulator.clock.advance('1m');
    expect(await ebs.pairStatus(pair)).toBe('normal');
  });
});
