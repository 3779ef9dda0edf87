import EcsModule, * as $Ecs from '@alicloud/ecs20140526';
import { $OpenApiUtil, OpenApiUtil } from '@alicloud/openapi-core';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createClient } from './client';
import { createMswEmulator, isAlibabaCloudApiHost } from './msw';

const emulator = createMswEmulator({ transitionMs: 60_000 });
const server = setupServer(...emulator.handlers);
const keys = { accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret };
const client = createClient({ credentials: keys, retry: { maxAttempts: 1 } });

// Anything the handlers do not answer is recorded and fails (msw turns the throw into a 500).
const unhandled: string[] = [];
beforeAll(() =>
  server.listen({
    onUnhandledRequest: (req) => {
      unhandled.push(req.url);
      throw new Error(`unhandled ${req.url}`);
    },
  }),
);
afterEach(() => emulator.reset());
afterAll(() => server.close());

const ecs = (regionId: string, secret = keys.accessKeySecret) =>
  new EcsModule(new $OpenApiUtil.Config({ ...keys, accessKeySecret: secret, regionId }));

/** The host the ECS SDK itself derives for a region (its endpoint map, else the regional rule). */
const sdkHost = (regionId: string) => (ecs(regionId) as unknown as { _endpoint: string })._endpoint;

async function diskStatus(diskId: string) {
  const res = await client.call('DescribeDisks', { RegionId: 'cn-shanghai', DiskIds: [diskId] });
  return res.Disks.Disk[0]?.Status;
}

describe('the msw handlers', () => {
  it('match every ECS and EBS host form the SDKs build, and nothing else', () => {
    const built = [
      sdkHost('cn-hangzhou'),
      sdkHost('cn-shanghai'),
      sdkHost('cn-wuhan'),
      sdkHost('cn-edge-1'),
      OpenApiUtil.getEndpointRules('ebs', 'cn-beijing', 'regional', '', ''),
      OpenApiUtil.getEndpointRules('ebs', 'cn-beijing', 'regional', 'vpc', ''),
      OpenApiUtil.getEndpointRules('ebs', '', 'central', '', ''),
    ];
    expect(built).toEqual([
      'ecs-cn-hangzhou.aliyuncs.com',
      'ecs.cn-shanghai.aliyuncs.com',
      'ecs.aliyuncs.com',
      'ecs.cn-qingdao-nebula.aliyuncs.com',
      'ebs.cn-beijing.aliyuncs.com',
      'ebs-vpc.cn-beijing.aliyuncs.com',
      'ebs.aliyuncs.com',
    ]);
    expect(built.every(isAlibabaCloudApiHost)).toBe(true);
    for (const other of ['oss-cn-hangzhou.aliyuncs.com', 'ecs.aliyuncs.com.example.com', 'vpc.aliyuncs.com'])
      expect(isAlibabaCloudApiHost(other)).toBe(false);
  });

  it('answer the official ECS SDK in-process, with the seeded world', async () => {
    const res = await ecs('cn-hangzhou').describeInstances(
      new $Ecs.DescribeInstancesRequest({ regionId: 'cn-hangzhou', zoneId: 'cn-hangzhou-g' }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.body?.instances?.instance?.map((i) => i.zoneId)).toEqual(['cn-hangzhou-g', 'cn-hangzhou-g']);
  });

  it('check signatures as the emulator does', async () => {
    const refused = ecs('cn-shanghai', 'notTheSecret').describeInstances(
      new $Ecs.DescribeInstancesRequest({ regionId: 'cn-shanghai' }),
    );
    await expect(refused).rejects.toMatchObject({ code: 'SignatureDoesNotMatch' });
  });

  it('leave other hosts unhandled', async () => {
    const res = await fetch('https://oss-cn-hangzhou.aliyuncs.com/');
    expect(res.status).toBe(500);
    expect(unhandled).toEqual(['https://oss-cn-hangzhou.aliyuncs.com/']);
  });
});

describe('the emulator controls', () => {
  it('faults.next fails the next N calls of one action, then lets calls through', async () => {
    emulator.faults.next('DescribeRegions', 'InternalError', 2);
    for (let i = 0; i < 2; i++)
      await expect(client.call('DescribeRegions', {})).rejects.toMatchObject({
        code: 'InternalError',
        httpStatus: 500,
      });
    expect((await client.call('DescribeRegions', {})).Regions.length).toBeGreaterThan(1);
    expect(emulator.faults.list()).toEqual([]);
  });

  it('refuse a fault rule they cannot apply, with a readable message', () => {
    expect(() => emulator.faults.next('DescribeRegions', 'NoSuchCode.Anywhere')).toThrow(/httpStatus/);
    expect(() => emulator.faults.add({ kind: 'delay', delayMs: -1 })).toThrow(/invalid fault rule/);
  });

  it('reset forgets disks and faults', async () => {
    const { DiskId } = await client.call('CreateDisk', {
      RegionId: 'cn-shanghai',
      ZoneId: 'cn-shanghai-b',
      DiskCategory: 'cloud_essd',
      Size: 40,
    });
    emulator.faults.next('CreateDisk', 'InternalError', 1);
    await emulator.reset();
    expect(await diskStatus(DiskId)).toBeUndefined();
    expect(emulator.faults.list()).toEqual([]);
  });

  it('clock.advance moves transient statuses on', async () => {
    const { DiskId } = await client.call('CreateDisk', {
      RegionId: 'cn-shanghai',
      ZoneId: 'cn-shanghai-b',
      DiskCategory: 'cloud_essd',
      Size: 40,
    });
    expect(await diskStatus(DiskId)).toBe('Creating');
    emulator.clock.advance('59s');
    expect(await diskStatus(DiskId)).toBe('Creating');
    emulator.clock.advance('1s');
    expect(await diskStatus(DiskId)).toBe('Available');
    expect(() => emulator.clock.advance('soon')).toThrow(/cannot advance the clock/);
  });

  it('a real clock refuses to be advanced', () => {
    const real = createMswEmulator({ clock: 'real' });
    expect(real.clock.mode).toBe('real');
    expect(() => real.clock.advance('15m')).toThrow(/real clock/);
  });

  it('refusals from the service reach the SDK as documented errors', async () => {
    const err = await client
      .call('StartDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: 'pair-nowhere' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'NoSuchResource', httpStatus: 404 });
  });

  it('answer in the alternative the readings option names, and refuse an unknown one', async () => {
    const played = createMswEmulator({ readings: { 'delete-created-pair': 'refused' } });
    server.use(...played.handlers);
    try {
      const disk = (zone: string, region: string) =>
        client.call('CreateDisk', { RegionId: region, ZoneId: zone, DiskCategory: 'cloud_essd', Size: 40 });
      const a = await disk('cn-shanghai-b', 'cn-shanghai');
      const b = await disk('cn-beijing-f', 'cn-beijing');
      const { ReplicaPairId } = await client.call('CreateDiskReplicaPair', {
        RegionId: 'cn-shanghai',
        SourceZoneId: 'cn-shanghai-b',
        DiskId: a.DiskId,
        DestinationRegionId: 'cn-beijing',
        DestinationZoneId: 'cn-beijing-f',
        DestinationDiskId: b.DiskId,
      });
      const err = await client
        .call('DeleteDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId })
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'OperationDenied.InvalidStatus' });
    } finally {
      server.resetHandlers();
    }
    expect(() =>
      createMswEmulator({ readings: { 'delete-created-pair': 'sometimes' as 'allowed' } }),
    ).toThrow('reading delete-created-pair has no alternative "sometimes"; choose one of: allowed, refused');
  });
});
