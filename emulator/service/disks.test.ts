import { describe, expect, it } from 'vitest';
import { createDisk, createPair, describePair, instanceIn, makeService, refusal } from './test-support';
import { INSTANCES } from './world';

type DiskList = { Disk: Record<string, unknown>[] };
const HZ = 'cn-hangzhou';
const HZ_G = 'cn-hangzhou-g';

describe('CreateDisk', () => {
  it('creates an ESSD with the default PL1 and shows it in DescribeDisks', () => {
    const h = makeService(0);
    const diskId = createDisk(h, HZ, HZ_G, { DiskName: 'data1', Tag: [{ Key: 'env', Value: 'test' }] });
    expect(diskId).toMatch(/^d-[a-z0-9]{20}$/);
    const body = h.ecs('DescribeDisks', { RegionId: HZ, DiskIds: JSON.stringify([diskId]) });
    expect((body.Disks as DiskList).Disk[0]).toMatchObject({
      DiskId: diskId,
      DiskName: 'data1',
      Category: 'cloud_essd',
      PerformanceLevel: 'PL1',
      Size: 40,
      Status: 'Available',
      ZoneId: HZ_G,
      InstanceId: '',
      Tags: { Tag: [{ TagKey: 'env', TagValue: 'test' }] },
    });
  });

  it('shows the documented performance fields: IOPS by category and size, AutoPL provisioning and burst', () => {
    const h = makeService(0);
    const essd = createDisk(h, HZ, HZ_G, { Size: 40 });
    const auto = createDisk(h, HZ, HZ_G, {
      DiskCategory: 'cloud_auto',
      Size: 100,
      ProvisionedIops: 5000,
      BurstingEnabled: true,
    });
    const rows = (
      h.ecs('DescribeDisks', { RegionId: HZ, DiskIds: JSON.stringify([essd, auto]) }).Disks as DiskList
    ).Disk;
    const row = (id: string) => rows.find((r) => r.DiskId === id);
    // ESSD PL1: 1,800 + 50 per GiB; a pay-as-you-go disk never expires.
    expect(row(essd)).toMatchObject({ IOPS: 3800, ExpiredTime: '' });
    expect(row(essd)).not.toHaveProperty('ProvisionedIops');
    expect(row(auto)).toMatchObject({ IOPS: 6800, ProvisionedIops: 5000, BurstingEnabled: true });
  });

  it('enforces the documented size range of each category and level', () => {
    const h = makeService(0);
    const code = (extra: Record<string, unknown>) => refusal(() => createDisk(h, HZ, HZ_G, extra)).code;
    expect(code({ Size: 19 })).toBe('InvalidDiskSize.NotSupported'); // ESSD PL1 starts at 20
    expect(code({ PerformanceLevel: 'PL2', Size: 460 })).toBe('InvalidDiskSize.NotSupported');
    expect(createDisk(h, HZ, HZ_G, { PerformanceLevel: 'PL2', Size: 461 })).toMatch(/^d-/);
    expect(createDisk(h, HZ, HZ_G, { PerformanceLevel: 'PL0', Size: 1 })).toMatch(/^d-/);
    expect(code({ DiskCategory: 'cloud', Size: 2001 })).toBe('InvalidDiskSize.NotSupported');
    expect(code({ Size: undefined })).toBe('MissingParameter');
  });

  it('refuses unknown regions and zones, and a zone of another region', () => {
    const h = makeService(0);
    expect(refusal(() => createDisk(h, 'cn-nowhere', 'cn-nowhere-a')).code).toBe('InvalidRegionId.NotFound');
    expect(refusal(() => createDisk(h, HZ, 'cn-hangzhou-z')).code).toBe('InvalidZoneId.NotFound');
    expect(refusal(() => createDisk(h, HZ, 'cn-shanghai-b')).code).toBe('InvalidZoneId.NotFound');
    expect(
      refusal(() => h.ecs('CreateDisk', { RegionId: HZ, DiskCategory: 'cloud_essd', Size: 40 })).code,
    ).toBe('MissingParameter');
  });

  it('creates a disk for an instance in that instance zone, attached', () => {
    const h = makeService(0);
    const vm = instanceIn('cn-hangzhou-h');
    const { DiskId } = h.ecs('CreateDisk', {
      RegionId: HZ,
      InstanceId: vm,
      DiskCategory: 'cloud_essd',
      Size: 40,
    });
    const disk = (h.ecs('DescribeDisks', { RegionId: HZ, InstanceId: vm }).Disks as DiskList).Disk[0];
    expect(disk).toMatchObject({ DiskId, ZoneId: 'cn-hangzhou-h', Status: 'In_use', InstanceId: vm });
  });
});

describe('AttachDisk, DetachDisk, DeleteDisk', () => {
  it('attaches only within the zone and only an Available disk', () => {
    const h = makeService(0);
    const diskId = createDisk(h, HZ, HZ_G);
    expect(
      refusal(() => h.ecs('AttachDisk', { InstanceId: instanceIn('cn-hangzhou-h'), DiskId: diskId })).code,
    ).toBe('ResourcesNotInSameZone');
    expect(
      refusal(() => h.ecs('AttachDisk', { InstanceId: instanceIn(HZ_G), DiskId: 'd-missing' })).code,
    ).toBe('InvalidDiskId.NotFound');
    expect(refusal(() => h.ecs('AttachDisk', { InstanceId: 'i-missing', DiskId: diskId })).code).toBe(
      'InvalidInstanceId.NotFound',
    );
    h.ecs('AttachDisk', { InstanceId: instanceIn(HZ_G), DiskId: diskId });
    expect(refusal(() => h.ecs('AttachDisk', { InstanceId: instanceIn(HZ_G), DiskId: diskId })).code).toBe(
      'IncorrectDiskStatus',
    );
    expect(refusal(() => h.ecs('DeleteDisk', { DiskId: diskId })).code).toBe('DiskStillAttached');
    h.ecs('DetachDisk', { InstanceId: instanceIn(HZ_G), DiskId: diskId });
    expect(refusal(() => h.ecs('DetachDisk', { InstanceId: instanceIn(HZ_G), DiskId: diskId })).code).toBe(
      'IncorrectDiskStatus',
    );
    h.ecs('DeleteDisk', { DiskId: diskId });
    expect((h.ecs('DescribeDisks', { RegionId: HZ }).Disks as DiskList).Disk).toEqual([]);
  });

  it('attaches to and detaches from a Running instance only, not one still Starting', () => {
    const h = makeService(0);
    const starting = INSTANCES.find((i) => i.zoneId === 'cn-hangzhou-h' && i.status === 'Starting');
    expect(starting).toBeDefined();
    const vm = starting?.instanceId as string;
    const diskId = createDisk(h, HZ, 'cn-hangzhou-h');
    expect(refusal(() => h.ecs('AttachDisk', { InstanceId: vm, DiskId: diskId })).code).toBe(
      'IncorrectInstanceStatus',
    );
    // Created for it, the disk is attached to it; detaching it waits for the instance too.
    const { DiskId } = h.ecs('CreateDisk', {
      RegionId: HZ,
      InstanceId: vm,
      DiskCategory: 'cloud_essd',
      Size: 40,
    });
    expect(refusal(() => h.ecs('DetachDisk', { InstanceId: vm, DiskId })).code).toBe(
      'IncorrectInstanceStatus',
    );
    h.ecs('AttachDisk', { InstanceId: instanceIn('cn-hangzhou-h'), DiskId: diskId });
  });

  it('ignores deleting a disk that does not exist', () => {
    const h = makeService(0);
    expect(h.ecs('DeleteDisk', { DiskId: 'd-never-existed' })).toEqual({});
  });

  it('turns a pair invalid (DeviceRemoved) when one of its disks is deleted', () => {
    const h = makeService(0);
    const { pairId, standbyDisk } = createPair(h);
    h.ecs('DeleteDisk', { DiskId: standbyDisk });
    expect(describePair(h, pairId)).toMatchObject({ Status: 'invalid', StatusMessage: 'DeviceRemoved' });
    expect(
      refusal(() => h.ebs('StartDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: pairId })).code,
    ).toBe('OperationDenied.InvalidStatus');
    h.ebs('DeleteDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: pairId });
    expect(describePair(h, pairId)).toBeUndefined();
  });
});

describe('DescribeDisks filters and paging', () => {
  it('filters by zone, category and status, and pages both ways without gaps or repeats', () => {
    const h = makeService(0);
    // 23 disks: a token walk of MaxResults 10 (the documented minimum) takes three pages.
    const ids = Array.from({ length: 23 }, () => createDisk(h, HZ, HZ_G));
    const other = createDisk(h, HZ, 'cn-hangzhou-h', { DiskCategory: 'cloud_ssd', Size: 20 });
    const list = (params: Record<string, unknown>) => h.ecs('DescribeDisks', { RegionId: HZ, ...params });
    const idsOf = (body: Record<string, unknown>) => (body.Disks as DiskList).Disk.map((d) => d.DiskId);
    expect(idsOf(list({ ZoneId: 'cn-hangzhou-h' }))).toEqual([other]);
    expect(idsOf(list({ Category: 'cloud_ssd' }))).toEqual([other]);
    expect(idsOf(list({ Status: 'In_use' }))).toEqual([]);
    expect(idsOf(list({ DiskIds: '[]' }))).toEqual([]);
    expect(idsOf(list({ RegionId: 'cn-shanghai' }))).toEqual([]);

    const numbered = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((n) =>
      idsOf(list({ ZoneId: HZ_G, PageNumber: n, PageSize: 3 })),
    );
    expect(numbered).toEqual(ids);
    expect(list({ ZoneId: HZ_G, PageNumber: 1, PageSize: 3 })).toMatchObject({ TotalCount: 23, PageSize: 3 });

    const walked: unknown[] = [];
    let token: unknown;
    do {
      const page = list({ ZoneId: HZ_G, MaxResults: 10, ...(token ? { NextToken: token } : {}) });
      walked.push(...idsOf(page));
      token = page.NextToken;
    } while (token);
    expect(walked).toEqual(ids);
    expect(refusal(() => list({ NextToken: 'garbage!' })).code).toBe('InvalidParameter');
  });

  it('filters on what a disk is: the value its row shows, and nothing shared or under automatic snapshots', () => {
    const h = makeService(0);
    const disk = createDisk(h, HZ, HZ_G);
    const idsOf = (params: Record<string, unknown>) =>
      (h.ecs('DescribeDisks', { RegionId: HZ, ...params }).Disks as DiskList).Disk.map((d) => d.DiskId);
    const listing = [disk];
    expect(idsOf({ Portable: 'true', DeleteWithInstance: 'false', DeleteAutoSnapshot: 'true' })).toEqual(
      listing,
    );
    expect(idsOf({ DiskChargeType: 'PostPaid', MultiAttach: 'Disabled', EnableShared: 'false' })).toEqual(
      listing,
    );
    expect(idsOf({ EnableAutoSnapshot: 'false', DryRun: 'false' })).toEqual(listing);
    for (const miss of [
      { Portable: 'false' },
      { DeleteWithInstance: 'true' },
      { DeleteAutoSnapshot: 'false' },
      { DiskChargeType: 'PrePaid' },
      { MultiAttach: 'LegacyShared' },
      { EnableShared: 'true' },
      { EnableAutoSnapshot: 'true' },
    ])
      expect(idsOf(miss), JSON.stringify(miss)).toEqual([]);
  });
});
