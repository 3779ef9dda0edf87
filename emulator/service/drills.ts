import * as api from '../../api';
import { bySeq, fail, type OpContext, type OperationFn, route, unixSeconds } from './context';
import { paging } from './documented-limits';
import { nextSuffix } from './ids';
import { paginate } from './paging';
import { optString, type Params, reqString } from './params';
import {
  deriveGroup,
  derivePair,
  destinationOf,
  groupDestination,
  groupSource,
  livePair,
  sourceOf,
} from './replication';
import type { DrillRecord, GroupRecord, PairRecord, Site } from './state';
import type { Derived } from './timeline';

/**
 * Disaster-recovery drills: a drill clones the current secondary at its last recovery point to
 * a new pay-as-you-go disk per pair, while replication goes on. Our reading of what the pages
 * leave open: a drill needs a replicating pair or group (normal or syncing), a pair in a group
 * is drilled through its group, one drill at a time, and an executing drill cannot be cleared
 * before its disks exist. Drill disks are not listed by DescribeDisks here.
 */

type DrillStatus = 'executing' | 'executed' | 'clearing' | 'gone';

const drillsOf = (ctx: OpContext): Record<string, DrillRecord> => {
  ctx.account.drills ??= {};
  return ctx.account.drills;
};

export function drillStatus(d: DrillRecord, ctx: OpContext): DrillStatus {
  if (d.clearedAt !== undefined) return ctx.now - d.clearedAt < ctx.transitionMs ? 'clearing' : 'gone';
  return ctx.now - d.startedAt < ctx.transitionMs ? 'executing' : 'executed';
}

const DISK_STATUS: Record<Exclude<DrillStatus, 'gone'>, string> = {
  executing: 'creating',
  executed: 'created',
  clearing: 'deleting',
};

/** The pair or group a drill call names, with its sites and status now. */
interface Drilled {
  readonly id: string;
  readonly source: Site;
  readonly destination: Site;
  readonly now: Derived;
  readonly pairIds: readonly string[];
  /** Why this one cannot be drilled by itself, if so. */
  readonly notAlone?: string;
}

function drilledPair(ctx: OpContext, p: Params): Drilled {
  const pairId = reqString(p, 'PairId');
  const pair: PairRecord =
    livePair(ctx, pairId) ?? fail('NoSuchResource', `The pair ${pairId} does not exist.`);
  return {
    id: pairId,
    source: sourceOf(pair),
    destination: destinationOf(pair),
    now: derivePair(pair, ctx),
    pairIds: [pairId],
    ...(pair.groupId ? { notAlone: `${pairId} belongs to ${pair.groupId}; drill the group instead.` } : {}),
  };
}

function drilledGroup(ctx: OpContext, p: Params): Drilled {
  const groupId = reqString(p, 'GroupId');
  const group: GroupRecord | undefined = ctx.account.groups[groupId];
  if (!group || deriveGroup(group, ctx).status === 'deleted')
    fail('NoSuchResource', `The replica group ${groupId} does not exist.`);
  return {
    id: groupId,
    source: groupSource(group),
    destination: groupDestination(group),
    now: deriveGroup(group, ctx),
    pairIds: [...group.pairIds],
  };
}

/** A drill call is heard only in the regions of the resource's two sites. */
function seenFrom(d: Drilled, regionId: string): void {
  if (regionId !== d.source.regionId && regionId !== d.destination.regionId)
    fail('NoSuchResource', `The resource ${d.id} does not exist in ${regionId}.`);
}

const REPLICATING = ['normal', 'syncing'];

type Finder = (ctx: OpContext, p: Params) => Drilled;

function start(ctx: OpContext, p: Params, kind: 'pair' | 'group', find: Finder) {
  const d = find(ctx, p);
  const regionId = reqString(p, 'RegionId');
  seenFrom(d, regionId);
  if (regionId !== d.destination.regionId)
    fail(
      'OperationDenied.StartDrillShouldOnDestRegion',
      `${d.id}: start the drill in the secondary region ${d.destination.regionId}.`,
    );
  if (d.notAlone) fail('OperationDenied', d.notAlone);
  if (d.now.recoverPoint === undefined)
    fail('OperationDenied.RecoverPointNotFound', `${d.id} has no recovery point yet.`);
  if (!REPLICATING.includes(d.now.status))
    fail('OperationDenied', `${d.id} is ${d.now.status}; a drill needs it replicating.`);
  const drills = drillsOf(ctx);
  const live = Object.values(drills).find((x) => x.ownerId === d.id && drillStatus(x, ctx) !== 'gone');
  if (live) fail('OperationDenied', `${d.id} already has the drill ${live.drillId}; clear it first.`);
  const drillId = `${kind === 'pair' ? 'drill' : 'pg-drill'}-${nextSuffix(ctx.ids)}`;
  drills[drillId] = {
    drillId,
    seq: ctx.ids.counter,
    kind,
    ownerId: d.id,
    startedAt: ctx.now,
    recoverPoint: d.now.recoverPoint,
    disks: d.pairIds.map((pairId) => ({ pairId, diskId: `d-${nextSuffix(ctx.ids)}` })),
  };
  return { DrillId: drillId };
}

function drillView(d: DrillRecord, status: Exclude<DrillStatus, 'gone'>) {
  const common = { DrillId: d.drillId, Status: status, StartAt: unixSeconds(d.startedAt) };
  const recoverPoint = { RecoverPoint: unixSeconds(d.recoverPoint) };
  const diskStatus = DISK_STATUS[status];
  if (d.kind === 'group') {
    return {
      ...common,
      GroupId: d.ownerId,
      PairsInfo: d.disks.map((x) => ({
        PairId: x.pairId,
        DrillDiskId: x.diskId,
        DrillDiskStatus: diskStatus,
      })),
      ...recoverPoint,
    };
  }
  return { ...common, DrillDiskId: d.disks[0]?.diskId, DrillDiskStatus: diskStatus, ...recoverPoint };
}

function describe(ctx: OpContext, p: Params, find: Finder) {
  const d = find(ctx, p);
  seenFrom(d, reqString(p, 'RegionId'));
  const drillId = optString(p, 'DrillId');
  const rows = bySeq(drillsOf(ctx)).flatMap((x) => {
    const status = drillStatus(x, ctx);
    if (x.ownerId !== d.id || status === 'gone' || (drillId !== undefined && x.drillId !== drillId))
      return [];
    return [drillView(x, status)];
  });
  const page = paginate(rows, p, true, true);
  return { ...page.fields, Drills: page.items };
}

function clear(ctx: OpContext, p: Params, find: Finder) {
  const d = find(ctx, p);
  seenFrom(d, reqString(p, 'RegionId'));
  const drillId = reqString(p, 'DrillId');
  const drill = drillsOf(ctx)[drillId];
  const status = drill && drill.ownerId === d.id ? drillStatus(drill, ctx) : 'gone';
  if (!drill || status === 'gone' || status === 'clearing')
    fail('NoSuchResource', `${d.id} has no drill ${drillId}.`);
  if (status === 'executing') fail('OperationDenied', `The drill ${drillId} is still executing.`);
  drill.clearedAt = ctx.now;
  return {};
}

// Named functions, one per action (the dispatch table checks the names).
export const StartPairDrill: OperationFn<typeof api.StartPairDrill> = (ctx, p) =>
  start(ctx, p, 'pair', drilledPair);
export const DescribePairDrills: OperationFn<typeof api.DescribePairDrills> = (ctx, p) =>
  describe(ctx, p, drilledPair);
export const ClearPairDrill: OperationFn<typeof api.ClearPairDrill> = (ctx, p) => clear(ctx, p, drilledPair);
export const StartReplicaGroupDrill: OperationFn<typeof api.StartReplicaGroupDrill> = (ctx, p) =>
  start(ctx, p, 'group', drilledGroup);
export const DescribeReplicaGroupDrills: OperationFn<typeof api.DescribeReplicaGroupDrills> = (ctx, p) =>
  describe(ctx, p, drilledGroup);
export const ClearReplicaGroupDrill: OperationFn<typeof api.ClearReplicaGroupDrill> = (ctx, p) =>
  clear(ctx, p, drilledGroup);

export const ROUTES = [
  // Each with the limits its page states (documented-limits.ts).
  route(api.StartPairDrill, StartPairDrill, { required: ['RegionId', 'PairId'] }),
  route(api.DescribePairDrills, DescribePairDrills, { required: ['RegionId', 'PairId'], range: paging(500) }),
  route(api.ClearPairDrill, ClearPairDrill, { required: ['RegionId', 'PairId', 'DrillId'] }),
  route(api.StartReplicaGroupDrill, StartReplicaGroupDrill, { required: ['RegionId', 'GroupId'] }),
  route(api.DescribeReplicaGroupDrills, DescribeReplicaGroupDrills, {
    required: ['RegionId', 'GroupId'],
    range: paging(500),
  }),
  route(api.ClearReplicaGroupDrill, ClearReplicaGroupDrill, { required: ['RegionId', 'GroupId', 'DrillId'] }),
];
