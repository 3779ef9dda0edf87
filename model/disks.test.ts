import { describe, expect, it } from 'vitest';
import { allowedOutcomes } from './allowed-outcomes';
import { diskStatus, initialState } from './state';
import {
  apply,
  asRefusal,
  asSuccess,
  codesOf,
  ecsCall,
  pairScenario,
  startPairCall,
  T0,
  withDisk,
} from './testkit';
import { defaultWorld } from './world';

const empty = () => initialState(defaultWorld());
const create = (extra: Record<string, unknown>) =>
  ecsCall('CreateDisk', {
    RegionId: 'cn-shanghai',
    ZoneId: 'cn-shanghai-a',
    DiskCategory: 'cloud_essd',
    Size: 40,
    ...extra,
  });
const attach = (diskId = 'd-1', instanceId = 'i-cn-shanghai-a-1') =>
  ecsCall('AttachDisk', { DiskId: diskId, InstanceId: instanceId });
const detach = (diskId = 'd-1', instanceId = 'i-cn-shanghai-a-1') =>
  ecsCall('DetachDisk', { DiskId: diskId, InstanceId: instanceId });
const oneDisk = () => withDisk(empty(), { id: 'd-1' });

describe('CreateDisk', () => {
  it('DISK.CREATE.SIZE_RANGE: an ESSD PL2 needs at least 461 GiB', () => {
    const r = asRefusal(allowedOutcomes(empty(), create({ PerformanceLevel: 'PL2', Size: 100 }), T0));
    expect(r.rules).toEqual(['DISK.CREATE.SIZE_RANGE']);
    expect(codesOf(r)).toContain('InvalidSize.ValueNotSupported');
    expect(
      asSuccess(allowedOutcomes(empty(), create({ PerformanceLevel: 'PL2', Size: 461 }), T0)).rules,
    ).toContain('DISK.CREATE.SIZE_RANGE');
    expect(
      asRefusal(allowedOutcomes(empty(), create({ DiskCategory: 'cloud', Size: 2001 }), T0)).rules,
    ).toEqual(['DISK.CREATE.SIZE_RANGE']);
  });

  it('DISK.CREATE.SIZE_OR_SNAPSHOT: neither Size nor SnapshotId is MissingParameter', () => {
    const r = asRefusal(allowedOutcomes(empty(), create({ Size: undefined }), T0));
    expect(r.rules).toEqual(['DISK.CREATE.SIZE_OR_SNAPSHOT']);
    expect(r.errors).toContainEqual({ code: 'MissingParameter', httpStatus: 400 });
  });

  it('DISK.CREATE.ZONE_OR_INSTANCE: neither is missing, both conflict', () => {
    expect(asRefusal(allowedOutcomes(empty(), create({ ZoneId: undefined }), T0)).rules).toEqual([
      'DISK.CREATE.ZONE_OR_INSTANCE',
    ]);
    const both = asRefusal(allowedOutcomes(empty(), create({ InstanceId: 'i-cn-shanghai-a-1' }), T0));
    expect(both.rules).toEqual(['DISK.CREATE.ZONE_OR_INSTANCE']);
    expect(codesOf(both)).toContain('InvalidParameter.Conflict');
  });

  it('DISK.CREATE.ZONE_EXISTS: a zone of another region is InvalidZoneId.NotFound 404', () => {
    const r = asRefusal(allowedOutcomes(empty(), create({ ZoneId: 'cn-beijing-a' }), T0));
    expect(r.rules).toEqual(['DISK.CREATE.ZONE_EXISTS']);
    expect(r.errors).toEqual([{ code: 'InvalidZoneId.NotFound', httpStatus: 404 }]);
  });

  it('DISK.CREATE.REGION_EXISTS: an unknown region is InvalidRegionId.NotFound 404', () => {
    const r = asRefusal(allowedOutcomes(empty(), create({ RegionId: 'mars-1' }), T0));
    expect(r.rules).toEqual(['DISK.CREATE.REGION_EXISTS']);
    expect(r.errors).toEqual([{ code: 'InvalidRegionId.NotFound', httpStatus: 404 }]);
  });

  it('DISK.CREATE.DEFAULTS: category cloud, PL1 for ESSD, unencrypted, Available, DiskId answered', () => {
    const e = asSuccess(
      allowedOutcomes(
        empty(),
        ecsCall('CreateDisk', { RegionId: 'cn-shanghai', ZoneId: 'cn-shanghai-a', Size: 40 }),
        T0,
      ),
    );
    expect(e.rules).toContain('DISK.CREATE.DEFAULTS');
    expect(e.present).toContain('DiskId');
    const disk = e.next({ DiskId: 'd-x' }).disks['d-x']!;
    expect([disk.category, disk.encrypted, diskStatus(disk)]).toEqual(['cloud', false, 'Available']);
    const essd = asSuccess(allowedOutcomes(empty(), create({}), T0)).next({ DiskId: 'd-e' }).disks['d-e'];
    expect(essd?.performanceLevel).toBe('PL1');
  });

  it('DISK.CREATE.WITH_INSTANCE: created in the instance zone and In_use', () => {
    const e = asSuccess(
      allowedOutcomes(empty(), create({ ZoneId: undefined, InstanceId: 'i-cn-shanghai-b-1' }), T0),
    );
    expect(e.rules).toContain('DISK.CREATE.WITH_INSTANCE');
    expect(e.settlesIn).toEqual(['In_use']);
    const disk = e.next({ DiskId: 'd-i' }).disks['d-i']!;
    expect([disk.zoneId, diskStatus(disk)]).toEqual(['cn-shanghai-b', 'In_use']);
  });

  it('DISK.UNKNOWN_INSTANCE: an unknown InstanceId is a 404', () => {
    const r = asRefusal(allowedOutcomes(oneDisk(), attach('d-1', 'i-nope'), T0));
    expect(r.rules).toEqual(['DISK.UNKNOWN_INSTANCE']);
    expect(r.errors).toEqual([{ code: 'InvalidInstanceId.NotFound', httpStatus: 404 }]);
  });
});

describe('AttachDisk, DetachDisk, DeleteDisk', () => {
  it('DISK.UNKNOWN_ID: an unknown disk is InvalidDiskId.NotFound 404', () => {
    const r = asRefusal(allowedOutcomes(oneDisk(), attach('d-nope'), T0));
    expect(r.rules).toEqual(['DISK.UNKNOWN_ID']);
    expect(r.errors).toEqual([{ code: 'InvalidDiskId.NotFound', httpStatus: 404 }]);
  });

  it('DISK.ATTACH.SAME_ZONE: an instance of another zone is ResourcesNotInSameZone', () => {
    const r = asRefusal(allowedOutcomes(oneDisk(), attach('d-1', 'i-cn-shanghai-b-1'), T0));
    expect(r.rules).toEqual(['DISK.ATTACH.SAME_ZONE']);
    expect(codesOf(r)).toEqual(['ResourcesNotInSameZone']);
  });

  it('DISK.ATTACH.AVAILABLE: an In_use disk cannot be attached again', () => {
    const e = asSuccess(allowedOutcomes(oneDisk(), attach(), T0));
    expect(e.rules).toContain('DISK.ATTACH.AVAILABLE');
    expect(e.transient).toEqual(['Attaching']);
    const r = asRefusal(allowedOutcomes(apply(oneDisk(), attach()), attach(), T0));
    expect(r.rules).toEqual(['DISK.ATTACH.AVAILABLE']);
    expect(codesOf(r)).toEqual(['IncorrectDiskStatus']);
  });

  it('DISK.ATTACH.INSTANCE_STATUS: an instance that is Starting refuses with IncorrectInstanceStatus', () => {
    const world = defaultWorld();
    const starting = {
      ...world,
      instances: world.instances.map((i) => ({ ...i, status: 'Starting' as const })),
    };
    const s = withDisk(initialState(starting), { id: 'd-1' });
    const r = asRefusal(allowedOutcomes(s, attach(), T0));
    expect(r.rules).toEqual(['DISK.ATTACH.INSTANCE_STATUS']);
    expect(codesOf(r)).toEqual(['IncorrectInstanceStatus']);
  });

  it('DISK.ATTACH.SECONDARY_LOCKED: the secondary of a replicating pair cannot be attached', () => {
    const s = apply(pairScenario(), startPairCall());
    const r = asRefusal(allowedOutcomes(s, attach('d-s', 'i-cn-beijing-a-1'), T0));
    expect(r.rules).toEqual(['DISK.ATTACH.SECONDARY_LOCKED']);
    expect(codesOf(r)).toContain('IncorrectDiskStatus');
    expect(r.undocumented).toBe(true);
    // Before the first start the secondary is free (which is what makes StandbyDeviceAttached reachable).
    expect(allowedOutcomes(pairScenario(), attach('d-s', 'i-cn-beijing-a-1'), T0).kind).toBe('success');
  });

  it('DISK.DETACH.IN_USE: an Available disk cannot be detached; an attached one becomes Available', () => {
    expect(asRefusal(allowedOutcomes(oneDisk(), detach(), T0)).rules).toEqual(['DISK.DETACH.IN_USE']);
    const e = asSuccess(allowedOutcomes(apply(oneDisk(), attach()), detach(), T0));
    expect(e.rules).toContain('DISK.DETACH.IN_USE');
    expect(diskStatus(e.next().disks['d-1']!)).toBe('Available');
  });

  it('DISK.DELETE.AVAILABLE: an attached disk cannot be deleted; an Available one goes', () => {
    const r = asRefusal(
      allowedOutcomes(apply(oneDisk(), attach()), ecsCall('DeleteDisk', { DiskId: 'd-1' }), T0),
    );
    expect(r.rules).toEqual(['DISK.DELETE.AVAILABLE']);
    expect(codesOf(r)).toEqual(expect.arrayContaining(['IncorrectDiskStatus', 'DiskStillAttached']));
    const e = asSuccess(allowedOutcomes(oneDisk(), ecsCall('DeleteDisk', { DiskId: 'd-1' }), T0));
    expect(e.rules).toContain('DISK.DELETE.AVAILABLE');
    expect(e.next().disks['d-1']).toBeUndefined();
  });

  it('DISK.DELETE.MISSING_IS_IGNORED: deleting an unknown disk succeeds and changes nothing', () => {
    const s = oneDisk();
    const e = asSuccess(allowedOutcomes(s, ecsCall('DeleteDisk', { DiskId: 'd-gone' }), T0));
    expect(e.rules).toContain('DISK.DELETE.MISSING_IS_IGNORED');
    expect(e.next()).toEqual(s);
  });
});

describe('DescribeDisks filters', () => {
  it('DISK.DESCRIBE.FILTERS: Tag, ResourceGroupId, DiskName, Encrypted and DiskType narrow the rows', () => {
    const created = asSuccess(
      allowedOutcomes(
        empty(),
        create({ Tag: [{ Key: 'env', Value: 'dr' }], ResourceGroupId: 'rg-a', DiskName: 'data1' }),
        T0,
      ),
    ).next({ DiskId: 'd-tagged' });
    const s = withDisk(created, { id: 'd-plain' });
    const ids = (extra: Record<string, unknown>) =>
      asSuccess(
        allowedOutcomes(s, ecsCall('DescribeDisks', { RegionId: 'cn-shanghai', ...extra }), T0),
      ).listing?.rows.map((r) => r.DiskId);
    expect(ids({})).toEqual(['d-plain', 'd-tagged']);
    expect(ids({ Tag: [{ Key: 'env', Value: 'dr' }] })).toEqual(['d-tagged']);
    expect(ids({ Tag: [{ Key: 'env', Value: 'prod' }] })).toEqual([]);
    expect(ids({ ResourceGroupId: 'rg-a' })).toEqual(['d-tagged']);
    expect(ids({ DiskName: 'data1' })).toEqual(['d-tagged']);
    expect(ids({ Encrypted: true })).toEqual([]);
    expect(ids({ DiskType: 'system' })).toEqual([]);
  });
});

describe('DescribeDisks attribute filters', () => {
  const s = withDisk(empty(), { id: 'd-plain' });
  const answer = (extra: Record<string, unknown>) =>
    asSuccess(allowedOutcomes(s, ecsCall('DescribeDisks', { RegionId: 'cn-shanghai', ...extra }), T0));
  const ids = (extra: Record<string, unknown>) => answer(extra).listing?.rows.map((r) => r.DiskId);

  it('DISK.DESCRIBE.FILTERS: a created disk is a portable pay-as-you-go disk, kept with no instance, attached to one, not shared', () => {
    expect(ids({ Portable: true, DiskChargeType: 'PostPaid', DeleteWithInstance: false })).toEqual([
      'd-plain',
    ]);
    expect(ids({ MultiAttach: 'Disabled', EnableShared: false, DiskType: 'data' })).toEqual(['d-plain']);
    expect(ids({ DryRun: false })).toEqual(['d-plain']);
    for (const miss of [
      { Portable: false },
      { DiskChargeType: 'PrePaid' },
      { DeleteWithInstance: true },
      { MultiAttach: 'Enabled' },
      { EnableShared: true },
    ])
      expect(ids(miss), JSON.stringify(miss)).toEqual([]);
  });

  it('automatic snapshot filters: accepted, their rows not judged (no page says what a created disk has)', () => {
    for (const extra of [{ DeleteAutoSnapshot: true }, { EnableAutoSnapshot: false }]) {
      const e = answer(extra);
      expect(e.listing).toBeUndefined();
      expect(e.facts).toEqual({});
    }
  });
});
