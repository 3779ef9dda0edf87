import type { DiskCategory, PerformanceLevel } from '../api';
import * as api from '../api';
import { bool, type Ctx, decide, type Handler, int, str } from './context';
import { collect, deny, denyUndocumented, refuse, succeed } from './expectation';
import { isLockedSecondary } from './pairs';
import { allocateId, type Disk, diskStatus, type ModelState, type Pair } from './state';
import { taggedAtCreate } from './tags';
import { findRegion, findZone } from './world';

type SizeRange = readonly [min: number, max: number];

/** Documented size ranges in GiB; ESSD depends on its performance level. */
const SIZE_RANGES: Partial<Record<DiskCategory, SizeRange>> = {
  cloud: [5, 2000],
  cloud_efficiency: [20, 32768],
  cloud_ssd: [20, 32768],
  cloud_auto: [1, 65536],
  cloud_essd_entry: [10, 32768],
  cloud_regional_disk_auto: [10, 65536],
  elastic_ephemeral_disk_standard: [64, 8192],
  elastic_ephemeral_disk_premium: [64, 8192],
};
const ESSD_RANGES: Record<PerformanceLevel, SizeRange> = {
  PL0: [1, 65536],
  PL1: [20, 65536],
  PL2: [461, 65536],
  PL3: [1261, 65536],
};

export function sizeRange(category: DiskCategory, pl: PerformanceLevel | undefined): SizeRange {
  if (category === 'cloud_essd') return ESSD_RANGES[pl ?? 'PL1'];
  return SIZE_RANGES[category] ?? [1, 65536];
}

const withDisk = (state: ModelState, disk: Disk): ModelState => ({
  ...state,
  disks: { ...state.disks, [disk.id]: disk },
});

export const createDisk: Handler<typeof api.CreateDisk> = (ctx) => {
  const { state, params, op } = ctx;
  if (!findRegion(state.world, params.RegionId)) {
    return refuse([deny(op, 'DISK.CREATE.REGION_EXISTS', 'InvalidRegionId.NotFound')]);
  }
  const instanceId = str(params.InstanceId);
  const instance = instanceId ? state.instances[instanceId] : undefined;
  const zoneId = str(params.ZoneId) ?? instance?.zoneId;
  const category = (str(params.DiskCategory) ?? 'cloud') as DiskCategory;
  const pl =
    category === 'cloud_essd' ? ((str(params.PerformanceLevel) ?? 'PL1') as PerformanceLevel) : undefined;
  const size = int(params.Size);
  const [min, max] = sizeRange(category, pl);
  const violations = collect(
    size === undefined && params.SnapshotId === undefined
      ? deny(op, 'DISK.CREATE.SIZE_OR_SNAPSHOT', 'MissingParameter', 'MissingSize')
      : undefined,
    // No snapshots are modelled: a SnapshotId names nothing this model knows.
    size === undefined && params.SnapshotId !== undefined
      ? denyUndocumented(op, 'DISK.CREATE.SIZE_OR_SNAPSHOT', 'not-found', 'InvalidSnapshotId.NotFound')
      : undefined,
    instanceId && params.ZoneId !== undefined
      ? deny(op, 'DISK.CREATE.ZONE_OR_INSTANCE', 'InvalidParameter.Conflict', 'InvalidParameter')
      : undefined,
    !instanceId && params.ZoneId === undefined
      ? deny(op, 'DISK.CREATE.ZONE_OR_INSTANCE', 'MissingParameter', 'MissingZoneId')
      : undefined,
    instanceId && (!instance || instance.regionId !== params.RegionId)
      ? deny(op, 'DISK.UNKNOWN_INSTANCE', 'InvalidInstanceId.NotFound')
      : undefined,
    params.ZoneId !== undefined && !findZone(state.world, params.RegionId, params.ZoneId)
      ? deny(op, 'DISK.CREATE.ZONE_EXISTS', 'InvalidZoneId.NotFound')
      : undefined,
    size !== undefined && (size < min || size > max)
      ? deny(op, 'DISK.CREATE.SIZE_RANGE', 'InvalidSize.ValueNotSupported', 'InvalidDiskSize.NotSupported')
      : undefined,
  );
  if (violations.length > 0 || size === undefined || zoneId === undefined) return refuse(violations);
  const attached = instance !== undefined;
  return succeed({
    rules: [
      'DISK.CREATE.DEFAULTS',
      'DISK.CREATE.SIZE_RANGE',
      // The placement and size conditions it passed.
      'DISK.CREATE.REGION_EXISTS',
      'DISK.CREATE.SIZE_OR_SNAPSHOT',
      'DISK.CREATE.ZONE_OR_INSTANCE',
      ...(params.ZoneId !== undefined ? ['DISK.CREATE.ZONE_EXISTS'] : []),
      ...(attached ? ['DISK.CREATE.WITH_INSTANCE'] : []),
    ],
    present: ['DiskId'],
    transient: ['Creating', ...(attached ? ['Attaching'] : [])],
    settlesIn: [attached ? 'In_use' : 'Available'],
    next: (observed) => {
      const { id, state: s } = allocateId(state, 'disk', observed.DiskId);
      return withDisk(s, {
        id,
        regionId: String(params.RegionId),
        zoneId,
        category,
        ...(pl ? { performanceLevel: pl } : {}),
        size,
        encrypted: bool(params.Encrypted, false),
        ...(instance ? { instanceId: instance.id } : {}),
        ...(str(params.DiskName) ? { name: str(params.DiskName) } : {}),
        ...(str(params.Description) ? { description: str(params.Description) } : {}),
        ...taggedAtCreate(params),
      });
    },
  });
};

/** The disk and instance a disk call names; unknown ones refuse first (DISK.UNKNOWN_*). */
function diskAndInstance(ctx: Ctx) {
  const disk = ctx.state.disks[str(ctx.params.DiskId) ?? ''];
  const instance = ctx.state.instances[str(ctx.params.InstanceId) ?? ''];
  const violations = collect(
    disk ? undefined : deny(ctx.op, 'DISK.UNKNOWN_ID', 'InvalidDiskId.NotFound'),
    instance ? undefined : deny(ctx.op, 'DISK.UNKNOWN_INSTANCE', 'InvalidInstanceId.NotFound'),
  );
  return { disk, instance, violations };
}

const instanceReady = (ctx: Ctx, status: string) =>
  status === 'Running' || status === 'Stopped'
    ? undefined
    : deny(ctx.op, 'DISK.ATTACH.INSTANCE_STATUS', 'IncorrectInstanceStatus');

export const attachDisk: Handler<typeof api.AttachDisk> = (ctx) => {
  const { disk, instance, violations } = diskAndInstance(ctx);
  if (!disk || !instance) return refuse(violations);
  const more = collect(
    diskStatus(disk) === 'Available'
      ? undefined
      : deny(ctx.op, 'DISK.ATTACH.AVAILABLE', 'IncorrectDiskStatus'),
    disk.zoneId === instance.zoneId && disk.regionId === instance.regionId
      ? undefined
      : deny(ctx.op, 'DISK.ATTACH.SAME_ZONE', 'ResourcesNotInSameZone'),
    instanceReady(ctx, instance.status),
    isLockedSecondary(ctx.state, disk.id)
      ? denyUndocumented(
          ctx.op,
          'DISK.ATTACH.SECONDARY_LOCKED',
          'state',
          'IncorrectDiskStatus',
          'OperationDenied',
        )
      : undefined,
  );
  if (more.length > 0) return refuse(more);
  return succeed({
    rules: [
      'DISK.ATTACH.AVAILABLE',
      'DISK.ATTACH.SAME_ZONE',
      'DISK.ATTACH.SECONDARY_LOCKED',
      'DISK.ATTACH.INSTANCE_STATUS',
    ],
    transient: ['Attaching'],
    settlesIn: ['In_use'],
    next: () => withDisk(ctx.state, { ...disk, instanceId: instance.id }),
  });
};

export const detachDisk: Handler<typeof api.DetachDisk> = (ctx) => {
  const { disk, instance, violations } = diskAndInstance(ctx);
  if (!disk || !instance) return refuse(violations);
  const more = collect(
    disk.instanceId === instance.id ? undefined : deny(ctx.op, 'DISK.DETACH.IN_USE', 'IncorrectDiskStatus'),
    instanceReady(ctx, instance.status),
  );
  if (more.length > 0) return refuse(more);
  const { instanceId: _detached, ...rest } = disk;
  return succeed({
    rules: ['DISK.DETACH.IN_USE', 'DISK.ATTACH.INSTANCE_STATUS'],
    transient: ['Detaching'],
    settlesIn: ['Available'],
    next: () => withDisk(ctx.state, rest),
  });
};

/** A removed disk turns every live pair on it invalid, and their groups with them. */
function removeDisk(state: ModelState, diskId: string): ModelState {
  const { [diskId]: _removed, ...disks } = state.disks;
  const pairs: Record<string, Pair> = { ...state.pairs };
  const groups = { ...state.groups };
  for (const p of Object.values(state.pairs)) {
    if (p.primary.diskId !== diskId && p.standby.diskId !== diskId) continue;
    if (p.status === 'deleting') continue;
    pairs[p.id] = { ...p, status: 'invalid', statusMessage: 'DeviceRemoved' };
    const g = p.groupId ? groups[p.groupId] : undefined;
    if (g) groups[g.id] = { ...g, status: 'invalid', statusMessage: 'DeviceRemoved' };
  }
  return { ...state, disks, pairs, groups };
}

export const deleteDisk: Handler<typeof api.DeleteDisk> = (ctx) => {
  const id = str(ctx.params.DiskId) ?? '';
  const disk = ctx.state.disks[id];
  if (!disk) return succeed({ rules: ['DISK.DELETE.MISSING_IS_IGNORED'], next: () => ctx.state });
  if (disk.instanceId) {
    return refuse([deny(ctx.op, 'DISK.DELETE.AVAILABLE', 'IncorrectDiskStatus', 'DiskStillAttached')]);
  }
  const paired = Object.values(ctx.state.pairs).some(
    (p) => p.primary.diskId === id || p.standby.diskId === id,
  );
  return succeed({
    rules: ['DISK.DELETE.AVAILABLE', ...(paired ? ['PAIR.INVALID.DEVICE_REMOVED'] : [])],
    next: () => removeDisk(ctx.state, id),
  });
};

export const DECISIONS = [
  decide(api.CreateDisk, createDisk),
  decide(api.AttachDisk, attachDisk),
  decide(api.DetachDisk, detachDisk),
  decide(api.DeleteDisk, deleteDisk),
];
