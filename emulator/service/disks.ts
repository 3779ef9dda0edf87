import type { DiskStatus } from '../../api';
import * as api from '../../api';
import { bySeq, fail, isoSeconds, type OpContext, type OperationFn, requireRegion, route } from './context';
import { nextSuffix } from './ids';
import { paginate } from './paging';
import {
  hasTags,
  optBool,
  optInt,
  optList,
  optString,
  type Params,
  reqString,
  tagFilterOf,
  tagsOf,
} from './params';
import { emptyTagValueMatchesAny } from './readings';
import { activePairOfDisk, derivePair, destinationOf, invalidate, isEbsPair } from './replication';
import type { DiskRecord } from './state';
import { findInstance, findZone, type Instance } from './world';

/** ECS 2014-05-26 disk calls. Attach, Detach and Delete take no RegionId: the DiskId decides. */

type Timed = Pick<OpContext, 'now' | 'transitionMs'>;

/** Creating, Attaching and Detaching each last transitionMs from the call that began them. */
export function diskStatus(disk: DiskRecord, ctx: Timed): DiskStatus {
  if (ctx.now - disk.createdAt < ctx.transitionMs) return 'Creating';
  const a = disk.attachment;
  if (!a) return 'Available';
  const settling = ctx.now - a.since < ctx.transitionMs;
  if (a.kind === 'attach') return settling ? 'Attaching' : 'In_use';
  return settling ? 'Detaching' : 'Available';
}

/** Attached, or on its way in or out: an instance may write to it. */
export function isAttached(disk: DiskRecord, ctx: Timed): boolean {
  const status = diskStatus(disk, ctx);
  return status === 'In_use' || status === 'Attaching' || status === 'Detaching';
}

/** Size limits (GiB) per category, and per performance level for ESSD. */
const SIZE_LIMITS: Readonly<Record<string, readonly [number, number]>> = {
  cloud: [5, 2000],
  cloud_efficiency: [20, 32768],
  cloud_ssd: [20, 32768],
  'cloud_essd:PL0': [1, 65536],
  'cloud_essd:PL1': [20, 65536],
  'cloud_essd:PL2': [461, 65536],
  'cloud_essd:PL3': [1261, 65536],
  cloud_auto: [1, 65536],
  cloud_essd_entry: [10, 32768],
  cloud_regional_disk_auto: [10, 65536],
  elastic_ephemeral_disk_standard: [64, 8192],
  elastic_ephemeral_disk_premium: [64, 8192],
};

/**
 * Baseline IOPS by category (and ESSD level), from the block storage performance page: a base
 * plus a rate per GiB, up to a ceiling. Categories the page gives no formula for show no IOPS.
 */
const IOPS: Readonly<Record<string, readonly [base: number, perGiB: number, max: number]>> = {
  cloud_efficiency: [1800, 8, 5000],
  cloud_ssd: [1800, 30, 20000],
  'cloud_essd:PL0': [1800, 12, 10000],
  'cloud_essd:PL1': [1800, 50, 50000],
  'cloud_essd:PL2': [1800, 50, 100000],
  'cloud_essd:PL3': [1800, 50, 1000000],
  cloud_auto: [1800, 50, 1000000],
};

function iopsOf(disk: DiskRecord): number | undefined {
  const f = IOPS[disk.performanceLevel ? `${disk.category}:${disk.performanceLevel}` : disk.category];
  return f && Math.min(f[0] + f[1] * disk.size, f[2]);
}

const diskNotFound = (diskId: string) => fail('InvalidDiskId.NotFound', `The disk ${diskId} does not exist.`);

function requireDisk(ctx: OpContext, diskId: string): DiskRecord {
  return ctx.account.disks[diskId] ?? diskNotFound(diskId);
}

function requireInstance(instanceId: string) {
  return (
    findInstance(instanceId) ??
    fail('InvalidInstanceId.NotFound', `The instance ${instanceId} does not exist.`)
  );
}

export const CreateDisk: OperationFn<typeof api.CreateDisk> = (ctx, p) => {
  const region = requireRegion(reqString(p, 'RegionId'));
  const instanceId = optString(p, 'InstanceId');
  const zoneParam = optString(p, 'ZoneId');
  if (instanceId !== undefined && zoneParam !== undefined) {
    fail('InvalidParameter.Conflict', 'ZoneId and InstanceId cannot both be specified.');
  }
  const instance = instanceId === undefined ? undefined : requireInstance(instanceId);
  if (instance && instance.regionId !== region.regionId) {
    fail('InvalidInstanceId.NotFound', `The instance ${instance.instanceId} is not in ${region.regionId}.`);
  }
  const zoneId =
    instance?.zoneId ??
    zoneParam ??
    fail(
      'MissingParameter',
      'The input parameter "ZoneId" that is mandatory for processing this request is not supplied.',
    );
  if (!findZone(region.regionId, zoneId))
    fail('InvalidZoneId.NotFound', `The zone ${zoneId} does not exist.`);

  const category = optString(p, 'DiskCategory') ?? 'cloud';
  // Only ESSD has performance levels; a PL sent with another category is ignored, as the SDK
  // doc describes the parameter as ESSD-only.
  const performanceLevel =
    category === 'cloud_essd' ? (optString(p, 'PerformanceLevel') ?? 'PL1') : undefined;
  const limits = SIZE_LIMITS[performanceLevel ? `${category}:${performanceLevel}` : category];
  if (!limits)
    fail('InvalidDiskCategory.ValueNotSupported', `The disk category ${category} is not supported.`);
  if (optString(p, 'SnapshotId') !== undefined) {
    // Snapshots are not emulated, so no snapshot ID can exist.
    fail('InvalidSnapshotId.NotFound', 'The specified snapshot does not exist.');
  }
  const size =
    optInt(p, 'Size') ??
    fail('MissingParameter', 'The input parameter either "SnapshotId" or "Size" should be specified.');
  if (size < limits[0] || size > limits[1]) {
    fail(
      'InvalidDiskSize.NotSupported',
      `Size ${size} GiB is outside ${limits[0]}-${limits[1]} GiB for ${category}${performanceLevel ? ` ${performanceLevel}` : ''}.`,
    );
  }

  const diskId = `d-${nextSuffix(ctx.ids)}`;
  const disk: DiskRecord = {
    diskId,
    seq: ctx.ids.counter,
    regionId: region.regionId,
    zoneId,
    category,
    ...(performanceLevel ? { performanceLevel } : {}),
    size,
    encrypted: optBool(p, 'Encrypted') ?? false,
    // ESSD AutoPL only: extra provisioned IOPS and performance burst, as created.
    ...(category === 'cloud_auto'
      ? {
          autoPl: {
            provisionedIops: optInt(p, 'ProvisionedIops') ?? 0,
            bursting: optBool(p, 'BurstingEnabled') ?? false,
          },
        }
      : {}),
    name: optString(p, 'DiskName') ?? '',
    description: optString(p, 'Description') ?? '',
    resourceGroupId: optString(p, 'ResourceGroupId') ?? '',
    tags: tagsOf(p),
    createdAt: ctx.now,
    // A disk created for an instance is attached to it as soon as it exists.
    ...(instance ? { attachment: { kind: 'attach', instanceId: instance.instanceId, since: ctx.now } } : {}),
  };
  ctx.account.disks[diskId] = disk;
  return { DiskId: diskId };
};

function diskView(disk: DiskRecord, ctx: OpContext): Record<string, unknown> {
  const status = diskStatus(disk, ctx);
  const a = disk.attachment;
  const attached = a?.kind === 'attach' && (status === 'In_use' || status === 'Attaching');
  return {
    DiskId: disk.diskId,
    DiskName: disk.name,
    Description: disk.description,
    RegionId: disk.regionId,
    ZoneId: disk.zoneId,
    Category: disk.category,
    ...(disk.performanceLevel ? { PerformanceLevel: disk.performanceLevel } : {}),
    Size: disk.size,
    Status: status,
    Type: 'data',
    InstanceId: status === 'In_use' && a ? a.instanceId : '',
    Device: '',
    Portable: true,
    DeleteWithInstance: false,
    DeleteAutoSnapshot: true,
    DiskChargeType: 'PostPaid',
    Encrypted: disk.encrypted,
    KMSKeyId: '',
    CreationTime: isoSeconds(disk.createdAt),
    AttachedTime: a?.kind === 'attach' ? isoSeconds(a.since) : '',
    DetachedTime: a?.kind === 'detach' ? isoSeconds(a.since) : '',
    // Pay-as-you-go disks never expire: the field is there, unset.
    ExpiredTime: '',
    ...(iopsOf(disk) !== undefined ? { IOPS: iopsOf(disk) } : {}),
    ...(disk.autoPl
      ? { BurstingEnabled: disk.autoPl.bursting, ProvisionedIops: disk.autoPl.provisionedIops }
      : {}),
    ResourceGroupId: disk.resourceGroupId,
    MultiAttach: 'Disabled',
    Attachments: {
      Attachment:
        attached && a ? [{ InstanceId: a.instanceId, Device: '', AttachedTime: isoSeconds(a.since) }] : [],
    },
    OperationLocks: { OperationLock: [] },
    Tags: { Tag: disk.tags.map((t) => ({ TagKey: t.Key, TagValue: t.Value })) },
  };
}

/** The DescribeDisks page documents MaxResults 10-500 (the metadata's schema says 1-500). */
const DISKS_MIN_RESULTS = 10;

export const DescribeDisks: OperationFn<typeof api.DescribeDisks> = (ctx, p) => {
  const region = requireRegion(reqString(p, 'RegionId'));
  const maxResults = optInt(p, 'MaxResults');
  if (maxResults !== undefined && maxResults < DISKS_MIN_RESULTS)
    fail('InvalidParameter', `The specified parameter "MaxResults" must be ${DISKS_MIN_RESULTS} to 500.`);
  const zoneId = optString(p, 'ZoneId');
  const diskIds = optList(p, 'DiskIds');
  const instanceId = optString(p, 'InstanceId');
  const diskType = optString(p, 'DiskType') ?? 'all';
  const category = optString(p, 'Category');
  const status = optString(p, 'Status');
  const name = optString(p, 'DiskName');
  const encrypted = optBool(p, 'Encrypted');
  const resourceGroupId = optString(p, 'ResourceGroupId');
  const tags = tagFilterOf(p);
  const matches = bySeq(ctx.account.disks).filter((d) => {
    const view = diskStatus(d, ctx);
    return (
      matchesAttributes(diskView(d, ctx), p) &&
      d.regionId === region.regionId &&
      (zoneId === undefined || d.zoneId === zoneId) &&
      (diskIds === undefined || diskIds.includes(d.diskId)) &&
      (instanceId === undefined || (view === 'In_use' && d.attachment?.instanceId === instanceId)) &&
      diskType !== 'system' && // every emulated disk is a data disk
      (category === undefined || category === 'all' || d.category === category) &&
      (status === undefined || status === 'All' || view === status) &&
      (name === undefined || d.name === name) &&
      (encrypted === undefined || d.encrypted === encrypted) &&
      (resourceGroupId === undefined || d.resourceGroupId === resourceGroupId) &&
      hasTags(d.tags, tags, emptyTagValueMatchesAny(ctx))
    );
  });
  const page = paginate(matches, p);
  return { ...page.fields, Disks: { Disk: page.items.map((d) => diskView(d, ctx)) } };
};

/**
 * DescribeDisks filters on what a disk is rather than where: the value the listing shows for it
 * must equal the one asked. Shared block storage and automatic snapshot policies are not
 * emulated, so EnableShared=true and EnableAutoSnapshot=true list nothing.
 */
const ATTRIBUTE_FILTERS = {
  Portable: optBool,
  DeleteWithInstance: optBool,
  DeleteAutoSnapshot: optBool,
  DiskChargeType: optString,
  MultiAttach: optString,
} as const;

function matchesAttributes(view: Record<string, unknown>, p: Params): boolean {
  return (
    Object.entries(ATTRIBUTE_FILTERS).every(([name, read]) => {
      const asked = read(p, name);
      return asked === undefined || asked === view[name];
    }) &&
    optBool(p, 'EnableShared') !== true &&
    optBool(p, 'EnableAutoSnapshot') !== true
  );
}

/**
 * The destination disk of a pair is written by replication, so it cannot be attached while the
 * pair replicates. Before the first start it is free: StartDiskReplicaPair's documented
 * StandbyDeviceAttached error is only reachable that way.
 */
const SECONDARY_ATTACHABLE = new Set(['created', 'stopped', 'failovered', 'invalid', 'deleted']);

/** AttachDisk and DetachDisk: the instance is Running or Stopped, not on its way between. */
function requireSettled(instance: Instance) {
  if (instance.status !== 'Running' && instance.status !== 'Stopped') {
    fail('IncorrectInstanceStatus', `The instance ${instance.instanceId} is ${instance.status}.`);
  }
}

export const AttachDisk: OperationFn<typeof api.AttachDisk> = (ctx, p) => {
  const instance = requireInstance(reqString(p, 'InstanceId'));
  const disk = requireDisk(ctx, reqString(p, 'DiskId'));
  requireSettled(instance);
  if (disk.zoneId !== instance.zoneId) {
    fail(
      'ResourcesNotInSameZone',
      `Disk ${disk.diskId} and instance ${instance.instanceId} are in different zones.`,
    );
  }
  const status = diskStatus(disk, ctx);
  if (status !== 'Available') fail('IncorrectDiskStatus', `Disk ${disk.diskId} is ${status}, not Available.`);
  const pair = activePairOfDisk(ctx, disk.diskId);
  if (pair && isEbsPair(pair) && destinationOf(pair).diskId === disk.diskId) {
    const pairStatus = derivePair(pair, ctx).status;
    if (!SECONDARY_ATTACHABLE.has(pairStatus)) {
      fail(
        'IncorrectDiskStatus',
        `Disk ${disk.diskId} is the secondary of ${pair.pairId}, which is ${pairStatus}.`,
      );
    }
  }
  disk.attachment = { kind: 'attach', instanceId: instance.instanceId, since: ctx.now };
  return {};
};

export const DetachDisk: OperationFn<typeof api.DetachDisk> = (ctx, p) => {
  const instance = requireInstance(reqString(p, 'InstanceId'));
  const disk = requireDisk(ctx, reqString(p, 'DiskId'));
  requireSettled(instance);
  const status = diskStatus(disk, ctx);
  if (status !== 'In_use' || disk.attachment?.instanceId !== instance.instanceId) {
    fail('IncorrectDiskStatus', `Disk ${disk.diskId} is not in use by ${instance.instanceId} (${status}).`);
  }
  disk.attachment = { kind: 'detach', instanceId: instance.instanceId, since: ctx.now };
  return {};
};

export const DeleteDisk: OperationFn<typeof api.DeleteDisk> = (ctx, p) => {
  const diskId = reqString(p, 'DiskId');
  const disk = ctx.account.disks[diskId];
  // The doc says a request for a disk that does not exist is ignored.
  if (!disk) return {};
  const status = diskStatus(disk, ctx);
  if (status === 'In_use') fail('DiskStillAttached', `Disk ${diskId} is still attached.`);
  if (status !== 'Available') fail('IncorrectDiskStatus', `Disk ${diskId} is ${status}, not Available.`);
  const pair = activePairOfDisk(ctx, diskId);
  if (pair) invalidate(ctx, pair, 'DeviceRemoved');
  delete ctx.account.disks[diskId];
  return {};
};

export const ROUTES = [
  route(api.DescribeDisks, DescribeDisks),
  route(api.CreateDisk, CreateDisk),
  route(api.AttachDisk, AttachDisk),
  route(api.DetachDisk, DetachDisk),
  route(api.DeleteDisk, DeleteDisk),
];
