import type { PairStatus } from '../../api';
import * as api from '../../api';
import { fail, type OpContext, type OperationFn, requireRegion, route } from './context';
import { isAttached } from './disks';
import { checkOneShotSpacing, checkRegion, requireStatus, type Where } from './guards';
import { addPair, pairDiskProblem } from './pair-create';
import { optBool, optInt, optString, type Params, reqString, tagsOf } from './params';
import { plays } from './readings';
import { derivePair, destinationOf, livePair, sourceOf } from './replication';
import type { DiskRecord, PairRecord } from './state';
import { begin, type Derived } from './timeline';

/** EBS 2021-07-30 replica pair lifecycle: create, modify, start, stop, failover, reprotect, delete. */

const DEFAULT_RPO = 900;

/** The pair named by ReplicaPairId, as seen from RegionId, with its status now. */
export function requirePair(ctx: OpContext, p: Params, where: Where): { pair: PairRecord; now: Derived } {
  const pairId = reqString(p, 'ReplicaPairId');
  const regionId = reqString(p, 'RegionId');
  const pair = livePair(ctx, pairId) ?? fail('NoSuchResource', `The pair ${pairId} does not exist.`);
  checkRegion(pairId, regionId, sourceOf(pair), destinationOf(pair), where);
  return { pair, now: derivePair(pair, ctx) };
}

/**
 * A pair in a group moves with its group: starting or failing over one member alone would
 * break the group's common recovery point. The docs do not say what a direct call gets; we
 * refuse it with OperationDenied and name the group.
 */
function requireUngrouped(pair: PairRecord): void {
  if (pair.groupId) {
    fail('OperationDenied', `${pair.pairId} belongs to ${pair.groupId}; operate on the group instead.`);
  }
}

function diskAt(ctx: OpContext, diskId: string, regionId: string): DiskRecord {
  const disk = ctx.account.disks[diskId];
  if (!disk || disk.regionId !== regionId)
    fail('NoSuchResource', `The disk ${diskId} does not exist in ${regionId}.`);
  return disk;
}

/**
 * Reading `create-pair-region=primary`: RegionId is where the primary disk is. `destination`:
 * RegionId is the secondary's region (as DestinationRegionId), the primary is found by its ID.
 */
function primaryDisk(ctx: OpContext, p: Params, regionId: string, destinationRegionId: string): DiskRecord {
  const diskId = reqString(p, 'DiskId');
  if (plays(ctx.readings, 'create-pair-region', 'primary')) return diskAt(ctx, diskId, regionId);
  if (regionId !== destinationRegionId) {
    fail('OperationDenied', `RegionId must name the secondary region ${destinationRegionId}.`);
  }
  const disk = ctx.account.disks[diskId];
  return disk
    ? diskAt(ctx, diskId, disk.regionId)
    : fail('NoSuchResource', `The disk ${diskId} does not exist.`);
}

export const CreateDiskReplicaPair: OperationFn<typeof api.CreateDiskReplicaPair> = (ctx, p) => {
  const regionId = requireRegion(reqString(p, 'RegionId')).regionId;
  const destinationRegionId = requireRegion(reqString(p, 'DestinationRegionId')).regionId;
  const primary = primaryDisk(ctx, p, regionId, destinationRegionId);
  const standby = diskAt(ctx, reqString(p, 'DestinationDiskId'), destinationRegionId);
  for (const [disk, zoneParam] of [
    [primary, 'SourceZoneId'],
    [standby, 'DestinationZoneId'],
  ] as const) {
    const zoneId = reqString(p, zoneParam);
    if (disk.zoneId !== zoneId)
      fail('OperationDenied', `Disk ${disk.diskId} is not in ${zoneId} (${zoneParam}).`);
  }
  const problem = pairDiskProblem(ctx, primary, standby);
  if (problem) fail('OperationDenied', `Cannot pair these disks: ${problem}.`);
  const chargeType = optString(p, 'ChargeType') === 'PREPAY' ? 'PREPAY' : 'POSTPAY';
  const period = optInt(p, 'Period');
  const bandwidth = optInt(p, 'Bandwidth');
  // Reading `postpay-bandwidth`: refused, or accepted and shown as 0 (addPair ignores it).
  if (
    chargeType === 'POSTPAY' &&
    bandwidth !== undefined &&
    plays(ctx.readings, 'postpay-bandwidth', 'refused')
  ) {
    fail('InvalidParameter', 'The specified parameter "Bandwidth" cannot be set when ChargeType is POSTPAY.');
  }
  const pair = addPair(ctx, {
    primary,
    standby,
    name: optString(p, 'PairName') ?? '',
    description: optString(p, 'Description') ?? '',
    rpo: optInt(p, 'RPO') ?? DEFAULT_RPO,
    resourceGroupId: optString(p, 'ResourceGroupId') ?? '',
    tags: tagsOf(p),
    billing: {
      chargeType,
      ...(period === undefined ? {} : { period }),
      ...(bandwidth === undefined ? {} : { bandwidth }),
    },
  });
  return { ReplicaPairId: pair.pairId, ...(pair.orderId ? { OrderId: pair.orderId } : {}) };
};

/**
 * Bandwidth on a call whose page says the parameter is not open for use yet (a group create, the
 * Modify calls). Reading `bandwidth-not-open`: refused, or (`preset`) accepted and never stored.
 */
export function checkBandwidthNotOpen(ctx: OpContext, p: Params): void {
  if (optInt(p, 'Bandwidth') !== undefined && plays(ctx.readings, 'bandwidth-not-open', 'refused'))
    fail('InvalidParameter', 'The specified parameter "Bandwidth" is not supported.');
}

export const ModifyDiskReplicaPair: OperationFn<typeof api.ModifyDiskReplicaPair> = (ctx, p) => {
  const { pair, now } = requirePair(ctx, p, 'either');
  requireStatus(pair.pairId, now.status, ['created', 'stopped']);
  checkBandwidthNotOpen(ctx, p);
  pair.name = optString(p, 'PairName') ?? pair.name;
  pair.description = optString(p, 'Description') ?? pair.description;
  pair.rpo = optInt(p, 'RPO') ?? pair.rpo;
  return {};
};

/** The current secondary must not be attached: replication overwrites it. */
export function checkDestinationDetached(ctx: OpContext, pair: PairRecord): void {
  const disk = ctx.account.disks[destinationOf(pair).diskId];
  if (disk && isAttached(disk, ctx)) {
    fail('OperationDenied.StandbyDeviceAttached', `The secondary disk ${disk.diskId} is attached.`, 400);
  }
}

export const StartDiskReplicaPair: OperationFn<typeof api.StartDiskReplicaPair> = (ctx, p) => {
  const { pair, now } = requirePair(ctx, p, 'either');
  requireUngrouped(pair);
  requireStatus(pair.pairId, now.status, ['created', 'stopped']);
  checkDestinationDetached(ctx, pair);
  const oneShot = optBool(p, 'OneShot') ?? false;
  if (oneShot) {
    checkOneShotSpacing(pair.pairId, pair.lastOneShotAt, pair.rpo, ctx.now);
    pair.lastOneShotAt = ctx.now;
  }
  pair.activity = begin(oneShot ? 'oneShot' : 'run', now, ctx.now);
  return {};
};

const STOPPABLE: readonly PairStatus[] = ['initial_syncing', 'syncing', 'manual_syncing', 'normal'];

export const StopDiskReplicaPair: OperationFn<typeof api.StopDiskReplicaPair> = (ctx, p) => {
  const { pair, now } = requirePair(ctx, p, 'either');
  requireUngrouped(pair);
  requireStatus(pair.pairId, now.status, STOPPABLE);
  pair.activity = begin('stop', now, ctx.now);
  return {};
};

/** The group doc's list; the pair doc only excludes invalid and deleted, which this implies. */
export const FAILOVER_FROM: readonly PairStatus[] = [
  'manual_syncing',
  'syncing',
  'normal',
  'stopping',
  'stop_failed',
  'stopped',
  'failovering',
  'failover_failed',
  'failovered',
];

/** Whether a failover starts anything: one already under way or done is accepted as is. */
export function failoverStarts(id: string, now: Derived): boolean {
  requireStatus(id, now.status, FAILOVER_FROM);
  if (!now.firstSyncDone) fail('OperationDenied', `${id} has not completed its first full sync.`);
  return now.status !== 'failovering' && now.status !== 'failovered';
}

export const FailoverDiskReplicaPair: OperationFn<typeof api.FailoverDiskReplicaPair> = (ctx, p) => {
  const { pair, now } = requirePair(ctx, p, 'secondary');
  requireUngrouped(pair);
  if (failoverStarts(pair.pairId, now)) pair.activity = begin('failover', now, ctx.now);
  return {};
};

/**
 * Reverse replication overwrites the original primary, so it must be detached first. Cancelling
 * the failover (ReverseReplicate=false) keeps the primary as the source and overwrites nothing.
 */
export function reprotect(ctx: OpContext, pair: PairRecord, now: Derived, reverse: boolean): void {
  if (reverse) {
    pair.reversed = !pair.reversed;
    // The new direction starts with a full copy, like a first start.
    pair.activity = { kind: 'reprotect', since: ctx.now, firstSyncDone: false };
  } else {
    pair.activity = begin('reprotect', now, ctx.now);
  }
}

export function checkSourceDetached(ctx: OpContext, pair: PairRecord): void {
  const disk = ctx.account.disks[sourceOf(pair).diskId];
  if (disk && isAttached(disk, ctx)) {
    fail('OperationDenied', `The primary disk ${disk.diskId} must be detached before reverse replication.`);
  }
}

export const ReprotectDiskReplicaPair: OperationFn<typeof api.ReprotectDiskReplicaPair> = (ctx, p) => {
  const { pair, now } = requirePair(ctx, p, 'secondary');
  requireUngrouped(pair);
  requireStatus(pair.pairId, now.status, ['failovered']);
  const reverse = optBool(p, 'ReverseReplicate') ?? true;
  if (reverse) checkSourceDetached(ctx, pair);
  reprotect(ctx, pair, now, reverse);
  return {};
};

const DELETABLE: readonly PairStatus[] = ['stopped', 'invalid', 'failovered'];
/** Reading `delete-created-pair=allowed`: a pair never started can be deleted too. */
const DELETABLE_UNSTARTED: readonly PairStatus[] = ['created', 'create_failed'];

export const DeleteDiskReplicaPair: OperationFn<typeof api.DeleteDiskReplicaPair> = (ctx, p) => {
  const { pair, now } = requirePair(ctx, p, 'primary');
  if (pair.groupId)
    fail('OperationDenied', `${pair.pairId} is in ${pair.groupId}; remove it from the group first.`);
  const unstarted = plays(ctx.readings, 'delete-created-pair', 'allowed') ? DELETABLE_UNSTARTED : [];
  requireStatus(pair.pairId, now.status, [...DELETABLE, ...unstarted]);
  pair.activity = begin('delete', now, ctx.now);
  return {};
};

export const ROUTES = [
  route(api.CreateDiskReplicaPair, CreateDiskReplicaPair),
  route(api.ModifyDiskReplicaPair, ModifyDiskReplicaPair),
  route(api.StartDiskReplicaPair, StartDiskReplicaPair),
  route(api.StopDiskReplicaPair, StopDiskReplicaPair),
  route(api.FailoverDiskReplicaPair, FailoverDiskReplicaPair),
  route(api.ReprotectDiskReplicaPair, ReprotectDiskReplicaPair),
  route(api.DeleteDiskReplicaPair, DeleteDiskReplicaPair),
];
