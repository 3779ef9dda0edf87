import type { Operation, PairStatus } from '../api';
import * as api from '../api';
import { bool, type Ctx, decide, type Handler, str } from './context';
import {
  allowed,
  collect,
  deny,
  denyUndocumented,
  type Expectation,
  type ForkedViolation,
  forkOnReadings,
  type ReadingFork,
  refuse,
  succeed,
  type Violation,
} from './expectation';
import { FAILOVER_FROM, oneShotGap, reversedUnsynced, STOP_FROM, startTransition } from './lifecycle';
import {
  attachedPrimary,
  bandwidthNotOpen,
  earRegionViolation,
  findGroup,
  productionSiteViolation,
  SAME_REGION_CROSS_ZONE,
  secondarySiteViolation,
  servedInDrRegion,
} from './lookup';
import {
  allocateId,
  destinationOf,
  type Group,
  type ModelState,
  membersOf,
  type Pair,
  type Replication,
  sourceOf,
} from './state';
import { taggedAtCreate } from './tags';
import { findZone, replicates } from './world';

export const MAX_PAIRS_PER_GROUP = 17;

/** The group and its members, all moved to `status` (GROUP.OPS_ACT_ON_MEMBERS). */
function withGroup(
  state: ModelState,
  group: Group,
  memberPatch?: Partial<Pair> | ((member: Pair) => Partial<Pair>),
): ModelState {
  const pairs = { ...state.pairs };
  const patchOf = typeof memberPatch === 'function' ? memberPatch : () => memberPatch;
  if (memberPatch) for (const p of membersOf(state, group.id)) pairs[p.id] = { ...p, ...patchOf(p) };
  return { ...state, groups: { ...state.groups, [group.id]: group }, pairs };
}

export const statusIn = (
  ctx: Ctx,
  g: Group,
  statuses: readonly PairStatus[],
  rule: string,
  code = 'OperationDenied.InvalidStatus',
) => (statuses.includes(g.status) ? undefined : deny(ctx.op, rule, code));

const needsPairs = (ctx: Ctx, g: Group) =>
  membersOf(ctx.state, g.id).length > 0
    ? undefined
    : deny(ctx.op, 'GROUP.START.NEEDS_PAIRS', 'OperationDenied.NoPairInGroup');

export const createGroup: Handler<typeof api.CreateDiskReplicaGroup> = (ctx) => {
  const { state, params, op, now } = ctx;
  const ear = earRegionViolation(ctx);
  if (ear) return refuse([ear]);
  const source = { regionId: String(params.RegionId), zoneId: String(params.SourceZoneId) };
  const destination = {
    regionId: String(params.DestinationRegionId),
    zoneId: String(params.DestinationZoneId),
  };
  const sameRegion = source.regionId === destination.regionId;
  const sitesOk =
    findZone(state.world, source.regionId, source.zoneId) !== undefined &&
    findZone(state.world, destination.regionId, destination.zoneId) !== undefined &&
    replicates(state.world, source.regionId, source.zoneId) &&
    replicates(state.world, destination.regionId, destination.zoneId) &&
    !(sameRegion && source.zoneId === destination.zoneId);
  const sites = denyUndocumented(op, 'GROUP.CREATE.SITES', 'placement', 'OperationDenied');
  if (!sitesOk) return refuse([sites]);
  // Two zones of one region: the reading same-region-cross-zone.
  const crossZone = sameRegion ? [{ ...sites, fork: SAME_REGION_CROSS_ZONE }] : [];
  const success = succeed({
    rules: [
      'GROUP.CREATE.SITES',
      'GROUP.CREATE.SETTLES_CREATED',
      ...(params.Bandwidth !== undefined ? ['GROUP.CREATE.BANDWIDTH_NOT_OPEN'] : []),
      ...(params.Tag !== undefined ? ['TAG.CREATE.BINDS'] : []),
    ],
    present: ['ReplicaGroupId'],
    transient: ['creating'],
    settlesIn: ['created'],
    next: (observed) => {
      const { id, state: s } = allocateId(state, 'group', observed.ReplicaGroupId);
      const group: Group = {
        id,
        status: 'creating',
        reversed: false,
        primary: source,
        standby: destination,
        rpo: typeof params.RPO === 'number' ? params.RPO : 900,
        // The preset the documented answer shows, whatever Bandwidth the call held.
        bandwidth: 0,
        ...(str(params.GroupName) ? { name: str(params.GroupName) } : {}),
        ...(str(params.Description) ? { description: str(params.Description) } : {}),
        createdAt: now,
        fullSyncDone: false,
        ...taggedAtCreate(params),
      };
      return withGroup(s, group);
    },
  });
  return forkOnReadings(
    state,
    success,
    [],
    [...crossZone, ...bandwidthNotOpen(ctx, 'GROUP.CREATE.BANDWIDTH_NOT_OPEN')],
  );
};

export const onGroup =
  <O extends Operation>(body: (ctx: Ctx<O>, group: Group) => Expectation): Handler<O> =>
  (ctx) => {
    const found = findGroup(ctx);
    return 'refusal' in found ? found.refusal : servedInDrRegion(ctx, found.found, body(ctx, found.found));
  };

export const modifyGroup: Handler<typeof api.ModifyDiskReplicaGroup> = onGroup((ctx, g) => {
  const v = statusIn(ctx, g, ['created', 'stopped'], 'GROUP.MODIFY.IN_CREATED_OR_STOPPED');
  if (v) return refuse([v]);
  const name = str(ctx.params.GroupName) ?? g.name;
  const description = str(ctx.params.Description) ?? g.description;
  const bandwidth = bandwidthNotOpen(ctx, 'GROUP.MODIFY.BANDWIDTH_NOT_OPEN');
  const success = succeed({
    rules: [
      'GROUP.MODIFY.IN_CREATED_OR_STOPPED',
      'GROUP.IN_GROUP_REGION',
      ...(bandwidth.length > 0 ? ['GROUP.MODIFY.BANDWIDTH_NOT_OPEN'] : []),
    ],
    next: () =>
      withGroup(ctx.state, { ...g, ...(name ? { name } : {}), ...(description ? { description } : {}) }),
  });
  return forkOnReadings(ctx.state, success, [], bandwidth);
});

export const startGroup: Handler<typeof api.StartDiskReplicaGroup> = onGroup((ctx, g) => {
  const oneShot = bool(ctx.params.OneShot, false);
  const statuses: PairStatus[] = oneShot
    ? ['created', 'manual_syncing', 'stopped']
    : ['created', 'syncing', 'normal', 'stopped'];
  const gap = oneShot ? oneShotGap(g, ctx.now) : 'ok';
  const attached = membersOf(ctx.state, g.id).some(
    (p) => ctx.state.disks[destinationOf(p).diskId]?.instanceId,
  );
  const violations = collect(
    needsPairs(ctx, g),
    statusIn(ctx, g, statuses, 'GROUP.START.STATUSES'),
    attached
      ? deny(ctx.op, 'GROUP.START.STANDBY_NOT_ATTACHED', 'OperationDenied.StandbyDeviceAttached')
      : undefined,
    gap === 'too-soon'
      ? deny(ctx.op, 'PAIR.START.MANUAL_SYNC_LIMIT', 'OperationDenied.ManualSyncLimit')
      : undefined,
  );
  if (violations.length > 0) return refuse(violations);
  const t = startTransition(g, oneShot, ctx.now);
  // The recovery point a group started on its members' copies settles with is the model's own
  // assumption until the group has replicated for an RPO: a restart keeps it an assumption.
  // Worked out when the call is committed, as the rest of `next` is: a refused answer needs none of it.
  const started = (): Group => {
    const onMemberCopies =
      !oneShot &&
      (g.lastRecoverPoint === undefined || g.startedOnMemberCopies !== undefined) &&
      membersOf(ctx.state, g.id).every((p) => p.fullSyncDone);
    return {
      ...t.next,
      startedOnMemberCopies: onMemberCopies ? (g.startedOnMemberCopies ?? ctx.now) : undefined,
    };
  };
  return succeed({
    rules: [
      'GROUP.START.STATUSES',
      'GROUP.START.INITIAL_FULL_SYNC',
      'GROUP.START.NEEDS_PAIRS',
      'GROUP.START.STANDBY_NOT_ATTACHED',
      'GROUP.OPS_ACT_ON_MEMBERS',
      ...(oneShot && g.lastOneShotAt !== undefined ? ['PAIR.START.MANUAL_SYNC_LIMIT'] : []),
    ],
    transient: t.transient,
    settlesIn: t.settlesIn,
    also: gap === 'borderline' ? allowed(ctx.op, 'OperationDenied.ManualSyncLimit') : [],
    next: () =>
      withGroup(ctx.state, started(), {
        status: t.next.status,
        ...(oneShot ? { groupOneShotAt: ctx.now } : { replicatingSince: ctx.now }),
      }),
  });
});

export const stopGroup: Handler<typeof api.StopDiskReplicaGroup> = onGroup((ctx, g) => {
  const v = statusIn(ctx, g, STOP_FROM, 'GROUP.STOP.STATUSES');
  if (v) return refuse([v]);
  // A group stopped or stopping already has nothing to stop: a member added since (created) stays
  // as it is, as a lone pair could not be stopped from there (PAIR.STOP.FROM_SYNCING_STATES).
  const already = g.status === 'stopped' || g.status === 'stopping';
  return succeed({
    rules: ['GROUP.STOP.STATUSES', 'GROUP.OPS_ACT_ON_MEMBERS'],
    transient: ['stopping'],
    settlesIn: ['stopped'],
    next: () =>
      already ? ctx.state : withGroup(ctx.state, { ...g, status: 'stopping' }, { status: 'stopping' }),
  });
});

/** Whether a first full sync has completed: yes, no, or open (synced once, then reversed). */
type Synced = boolean | 'open';
const syncedOf = (r: Replication): Synced => (r.fullSyncDone ? true : reversedUnsynced(r) ? 'open' : false);

const GROUP_SYNC: ReadingFork = { id: 'group-first-sync', onSuccess: 'group', onRefusal: 'members' };
const MEMBER_SYNCS: ReadingFork = { id: 'group-first-sync', onSuccess: 'members', onRefusal: 'group' };

/**
 * GROUP.FAILOVER.AFTER_FIRST_SYNC, as the reading group-first-sync counts the sync: the group's
 * own, or every member's (one made before it joined included). Where the two counts differ the
 * condition is forked; where either is open (a reversal not synced since) both answers stay
 * allowed and the answer shows no reading.
 */
function firstSyncCondition(
  ctx: Ctx,
  g: Group,
): { violation?: Violation; forked?: ForkedViolation; open: boolean } {
  const bySelf = syncedOf(g);
  const members = membersOf(ctx.state, g.id).map(syncedOf);
  const byMembers: Synced = members.includes(false) ? false : members.includes('open') ? 'open' : true;
  if (bySelf === true && byMembers === true) return { open: false };
  if (bySelf === 'open' || byMembers === 'open') return { open: true };
  const v = denyUndocumented(
    ctx.op,
    'GROUP.FAILOVER.AFTER_FIRST_SYNC',
    'state',
    'OperationDenied.InvalidStatus',
  );
  if (bySelf === byMembers) return { violation: v, open: false };
  return { forked: { ...v, fork: bySelf ? GROUP_SYNC : MEMBER_SYNCS }, open: false };
}

export const failoverGroup: Handler<typeof api.FailoverDiskReplicaGroup> = onGroup((ctx, g) => {
  const firstSync = firstSyncCondition(ctx, g);
  const violations = collect(
    needsPairs(ctx, g),
    secondarySiteViolation(ctx, g, 'GROUP.SECONDARY_REGION_ONLY'),
    statusIn(ctx, g, FAILOVER_FROM, 'GROUP.FAILOVER.STATUSES'),
    firstSync.violation,
  );
  // After a reversal the docs do not say whether the group's "first full sync" means the first
  // ever or the first in the new direction: either answer is allowed until the new one completes.
  const success = succeed({
    also: firstSync.open ? allowed(ctx.op, 'OperationDenied.InvalidStatus', 'OperationDenied') : [],
    rules: [
      'GROUP.FAILOVER.STATUSES',
      'GROUP.FAILOVER.AFTER_FIRST_SYNC',
      'GROUP.START.NEEDS_PAIRS',
      'GROUP.SECONDARY_REGION_ONLY',
      'GROUP.OPS_ACT_ON_MEMBERS',
    ],
    transient: ['failovering'],
    settlesIn: ['failovered'],
    next: () => withGroup(ctx.state, { ...g, status: 'failovering' }, { status: 'failovering' }),
  });
  return forkOnReadings(ctx.state, success, violations, firstSync.forked ? [firstSync.forked] : []);
});

export const reprotectGroup: Handler<typeof api.ReprotectDiskReplicaGroup> = onGroup((ctx, g) => {
  const members = membersOf(ctx.state, g.id);
  const attached = attachedPrimary(
    ctx,
    members.some((p) => ctx.state.disks[sourceOf(p).diskId]?.instanceId),
    'GROUP.REPROTECT.PRIMARY_DETACHED',
    'OperationDenied',
  );
  const violations = collect(
    needsPairs(ctx, g),
    secondarySiteViolation(ctx, g, 'GROUP.SECONDARY_REGION_ONLY'),
    statusIn(ctx, g, ['failovered'], 'GROUP.REPROTECT.REQUIRES_FAILOVERED'),
    attached.violation,
  );
  if (violations.length > 0) return refuse(violations);
  const reverse = bool(ctx.params.ReverseReplicate, true);
  // The new direction has no completed copy yet (REVERSAL_RESYNCS). Each member turns round
  // from its own direction: one reversed as a lone pair before it joined has the group's
  // direction with the other flag.
  const turned = <R extends Replication>(r: R) =>
    reverse
      ? { status: 'reprotecting' as const, reversed: !r.reversed, fullSyncDone: false }
      : { status: 'reprotecting' as const };
  return succeed({
    rules: [
      'GROUP.REPROTECT.REQUIRES_FAILOVERED',
      'GROUP.REPROTECT.PRIMARY_DETACHED',
      'GROUP.REPROTECT.DIRECTION',
      'GROUP.START.NEEDS_PAIRS',
      'GROUP.OPS_ACT_ON_MEMBERS',
    ],
    transient: ['reprotecting'],
    settlesIn: ['stopped'],
    also: attached.also,
    next: () => withGroup(ctx.state, { ...g, ...turned(g) }, turned),
  });
});

export const deleteGroup: Handler<typeof api.DeleteDiskReplicaGroup> = onGroup((ctx, g) => {
  const statuses: PairStatus[] = [
    'created',
    'create_failed',
    'stopped',
    'failovered',
    'deleting',
    'delete_failed',
    'invalid',
  ];
  const violations = collect(
    membersOf(ctx.state, g.id).length > 0
      ? deny(ctx.op, 'GROUP.DELETE.EMPTY_ONLY', 'OperationDenied.GroupHasPair')
      : undefined,
    statusIn(ctx, g, statuses, 'GROUP.DELETE.STATUSES'),
    productionSiteViolation(ctx, g, 'GROUP.DELETE.IN_PRIMARY_REGION'),
  );
  if (violations.length > 0) return refuse(violations);
  return succeed({
    rules: ['GROUP.DELETE.EMPTY_ONLY', 'GROUP.DELETE.STATUSES', 'GROUP.DELETE.IN_PRIMARY_REGION'],
    transient: ['deleting'],
    settlesIn: ['deleted'],
    next: () => withGroup(ctx.state, { ...g, status: 'deleting' }),
  });
});

export const DECISIONS = [
  decide(api.CreateDiskReplicaGroup, createGroup),
  decide(api.ModifyDiskReplicaGroup, modifyGroup),
  decide(api.StartDiskReplicaGroup, startGroup),
  decide(api.StopDiskReplicaGroup, stopGroup),
  decide(api.FailoverDiskReplicaGroup, failoverGroup),
  decide(api.ReprotectDiskReplicaGroup, reprotectGroup),
  decide(api.DeleteDiskReplicaGroup, deleteGroup),
];
