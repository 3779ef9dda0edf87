import { describe, expect, it } from 'vitest';
import { instanceIn, makeService, refusal } from './test-support';
import { REGIONS } from './world';

type Region = { RegionId: string; LocalName: string; RegionEndpoint: string; Zones: { ZoneId: string }[] };

describe('seeded world', () => {
  it('lists only regions and zones with async replication for ResourceType=ear', () => {
    const h = makeService(0);
    const regions = h.ebs('DescribeRegions', { ResourceType: 'ear' }).Regions as Region[];
    expect(regions.map((r) => r.RegionId).sort()).toEqual(
      ['cn-beijing', 'cn-chengdu', 'cn-hangzhou', 'cn-heyuan', 'cn-shanghai'].sort(),
    );
    const hangzhou = regions.find((r) => r.RegionId === 'cn-hangzhou');
    expect(hangzhou?.Zones.map((z) => z.ZoneId)).toEqual(['cn-hangzhou-g', 'cn-hangzhou-h']);
    expect(hangzhou?.RegionEndpoint).toBe('ebs.cn-hangzhou.aliyuncs.com');
    for (const r of regions) expect(r.Zones.length).toBeGreaterThanOrEqual(2);
    const all = h.ebs('DescribeRegions', {}).Regions as Region[];
    expect(all.map((r) => r.RegionId)).toContain('cn-qingdao');
  });

  it('names regions in the requested language, Chinese by default', () => {
    const h = makeService(0);
    const name = (lang?: string) =>
      (h.ebs('DescribeRegions', lang ? { AcceptLanguage: lang } : {}).Regions as Region[]).find(
        (r) => r.RegionId === 'cn-shanghai',
      )?.LocalName;
    expect(name()).toBe('华东2（上海）');
    expect(name('en-US')).toBe('China (Shanghai)');
  });

  it('has running instances in every zone, listed per region with filters and paging', () => {
    const h = makeService(0);
    for (const zone of REGIONS.flatMap((r) => r.zones)) expect(instanceIn(zone.zoneId)).toMatch(/^i-/);
    const body = h.ecs('DescribeInstances', { RegionId: 'cn-shanghai', ZoneId: 'cn-shanghai-b' });
    const instances = (body.Instances as { Instance: { Status: string; ZoneId: string }[] }).Instance;
    expect(instances).toHaveLength(2);
    expect(instances.every((i) => i.Status === 'Running' && i.ZoneId === 'cn-shanghai-b')).toBe(true);
    // b: two, e: two (one of them Starting), f: one.
    expect(h.ecs('DescribeInstances', { RegionId: 'cn-shanghai', PageSize: 1 })).toMatchObject({
      TotalCount: 5,
    });
    expect(refusal(() => h.ecs('DescribeInstances', { RegionId: 'xx-nowhere' })).code).toBe(
      'InvalidRegionId.NotFound',
    );
  });
});

describe('legacy ECS CreateDiskReplicaPair', () => {
  const disks = (h: ReturnType<typeof makeService>, extra: Record<string, unknown> = {}) => {
    const make = (RegionId: string, ZoneId: string) =>
      h.ecs('CreateDisk', { RegionId, ZoneId, DiskCategory: 'cloud_essd', Size: 40, ...extra })
        .DiskId as string;
    return [make('cn-beijing', 'cn-beijing-f'), make('cn-shanghai', 'cn-shanghai-b')] as const;
  };

  it('creates an rp- pair that holds its disks but stays out of the EBS dialect', () => {
    const h = makeService(0);
    const [primary, standby] = disks(h);
    const { PairId } = h.ecs('CreateDiskReplicaPair', {
      RegionId: 'cn-beijing',
      DiskId: primary,
      DestinationRegionId: 'cn-shanghai',
      DestinationDiskId: standby,
      PairName: 'TestReplicaPair',
    });
    expect(PairId).toMatch(/^rp-/);
    expect(h.ebs('DescribeDiskReplicaPairs', { RegionId: 'cn-beijing' }).ReplicaPairs).toEqual([]);
    const ebsId = `pair-cn-${(PairId as string).slice(3)}`;
    expect(
      refusal(() => h.ebs('StartDiskReplicaPair', { RegionId: 'cn-beijing', ReplicaPairId: ebsId })).code,
    ).toBe('NoSuchResource');
    // The disks are held: the EBS dialect cannot pair them again.
    expect(
      refusal(() =>
        h.ebs('CreateDiskReplicaPair', {
          RegionId: 'cn-beijing',
          SourceZoneId: 'cn-beijing-f',
          DiskId: primary,
          DestinationRegionId: 'cn-shanghai',
          DestinationZoneId: 'cn-shanghai-b',
          DestinationDiskId: standby,
        }),
      ),
    ).toEqual({ code: 'OperationDenied' });
  });

  it('uses the dialect codes: InvalidDiskId.NotFound and IncorrectDiskStatus', () => {
    const h = makeService(0);
    const [primary, standby] = disks(h);
    const create = (DiskId: string, DestinationDiskId: string) => () =>
      h.ecs('CreateDiskReplicaPair', {
        RegionId: 'cn-beijing',
        DiskId,
        DestinationRegionId: 'cn-shanghai',
        DestinationDiskId,
        PairName: 'TestReplicaPair',
      });
    expect(refusal(create('d-missing', standby)).code).toBe('InvalidDiskId.NotFound');
    const [, bigger] = disks(h, { Size: 80 });
    expect(refusal(create(primary, bigger)).code).toBe('IncorrectDiskStatus');
  });
});
