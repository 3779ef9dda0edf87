import { findReading } from '../api';
import type { Ctx } from './context';
import { bool, str } from './context';
import {
  type AllowedError,
  deny,
  denyUndocumented,
  type Expectation,
  type ForkedViolation,
  forkOnUnknown,
  type ReadingFork,
  type Refusal,
  refuse,
  type Violation,
} from './expectation';
import { destinationOf, type Group, type Pair, type Site, sourceOf } from './state';
import { findRegion } from './world';

/** PROTO.EAR_REGION: replication calls are served only where async replication is offered. */
export function earRegionViolation(ctx: Ctx, regionId: unknown = ctx.params.RegionId): Violation | undefined {
  const region = findRegion(ctx.state.world, regionId);
  if (region?.asyncReplication) return undefined;
  return denyUndocumented(
    ctx.op,
    'PROTO.EAR_REGION',
    'placement',
    'InvalidRegionId.NotFound',
    'OperationDenied',
  );
}

/** The resource is not known in the call's region (the visibility rule of its kind). */
const notKnownHere = (ctx: Ctx, rule: string) =>
  denyUndocumented(ctx.op, rule, 'placement', 'NoSuchResource');

type Found<T> = { readonly found: T } | { readonly refusal: Refusal };

/**
 * The pair named by ReplicaPairId, seen from RegionId: it must exist (PROTO.UNKNOWN_PAIR) and be
 * known in that region (PAIR.VISIBLE_IN_OWN_REGIONS).
 */
export function findPair(ctx: Ctx, idParam = 'ReplicaPairId', checkRegion = true): Found<Pair> {
  const ear = earRegionViolation(ctx);
  // No pair lives in a region without replication: not found there is as true as not served.
  if (ear) return { refusal: refuse([ear, notKnownHere(ctx, 'PAIR.VISIBLE_IN_OWN_REGIONS')]) };
  const pair = ctx.state.pairs[str(ctx.params[idParam]) ?? ''];
  if (!pair) return { refusal: refuse([deny(ctx.op, 'PROTO.UNKNOWN_PAIR', 'NoSuchResource')]) };
  const region = ctx.params.RegionId;
  if (checkRegion && region !== pair.primary.regionId && region !== pair.standby.regionId) {
    return {
      refusal: refuse([
        denyUndocumented(ctx.op, 'PAIR.VISIBLE_IN_OWN_REGIONS', 'placement', 'NoSuchResource'),
      ]),
    };
  }
  return { found: pair };
}

/** The group named by ReplicaGroupId, seen from RegionId (PROTO.UNKNOWN_GROUP, GROUP.IN_GROUP_REGION). */
export function findGroup(ctx: Ctx, idParam = 'ReplicaGroupId'): Found<Group> {
  const ear = earRegionViolation(ctx);
  if (ear) return { refusal: refuse([ear, notKnownHere(ctx, 'GROUP.IN_GROUP_REGION')]) };
  const group = ctx.state.groups[str(ctx.params[idParam]) ?? ''];
  if (!group) return { refusal: refuse([deny(ctx.op, 'PROTO.UNKNOWN_GROUP', 'NoSuchResource')]) };
  const region = ctx.params.RegionId;
  if (region !== group.primary.regionId && region !== group.standby.regionId) {
    return {
      refusal: refuse([denyUndocumented(ctx.op, 'GROUP.IN_GROUP_REGION', 'placement', 'NoSuchResource')]),
    };
  }
  return { found: group };
}

/** A pair or group between two zones of one region: accepted or refused (api/readings.ts). */
export const SAME_REGION_CROSS_ZONE: ReadingFork = {
  id: 'same-region-cross-zone',
  onSuccess: 'allowed',
  onRefusal: 'refused',
};

/**
 * Bandwidth where the docs say it is not open for use (a group create, the Modify calls):
 * refused, or accepted with the value ignored (the reading bandwidth-not-open).
 */
export const bandwidthNotOpen = (ctx: Ctx, rule: string): ForkedViolation[] =>
  ctx.params.Bandwidth === undefined
    ? []
    : [
        {
          ...denyUndocumented(ctx.op, rule, 'parameter', 'InvalidParameter'),
          fork: { id: 'bandwidth-not-open', onSuccess: 'preset', onRefusal: 'refused' },
        },
      ];

/** The actions of the reading group-calls-in-dr-region (api/readings.ts). */
const SERVED_IN_DR_REGION: readonly string[] = findReading('group-calls-in-dr-region')?.operations ?? [];

/**
 * The reading group-calls-in-dr-region: called from the region of the group's disaster-recovery
 * site, the call is answered as anywhere else (`accepted`) or the group is unknown there
 * (`refused`, before anything else is looked at).
 */
export function servedInDrRegion(ctx: Ctx, g: Group, body: Expectation): Expectation {
  if (!SERVED_IN_DR_REGION.includes(ctx.call.action) || ctx.params.RegionId === g.primary.regionId)
    return body;
  const fork = { id: 'group-calls-in-dr-region', onSuccess: 'accepted', onRefusal: 'refused' };
  const unknown = refuse([denyUndocumented(ctx.op, 'GROUP.IN_GROUP_REGION', 'placement', 'NoSuchResource')]);
  return forkOnUnknown(ctx.state, fork, body, unknown);
}

type Sited = { primary: Site; standby: Site; reversed: boolean };

/**
 * Whether the call's RegionId is the given current site. A same-region pair (cross-zone) cannot
 * be told apart by region, so it always matches.
 */
export function calledAt(ctx: Ctx, r: Sited, site: 'source' | 'destination'): boolean {
  const source = sourceOf(r).regionId;
  const destination = destinationOf(r).regionId;
  return source === destination || ctx.params.RegionId === (site === 'source' ? source : destination);
}

/**
 * Failover and Reprotect run at the current secondary site. Called at the current primary (the
 * only other region a pair is known in), the code says so: OperateNotAllowedForPrimary. Its
 * sibling ForStandby names the opposite mistake, so the two are not interchangeable.
 */
export function secondarySiteViolation(ctx: Ctx, r: Sited, rule: string): Violation | undefined {
  if (calledAt(ctx, r, 'destination')) return undefined;
  return deny(ctx.op, rule, 'OperationDenied.OperateNotAllowedForPrimary');
}

/** Deletion runs at the current production site. */
export function productionSiteViolation(ctx: Ctx, r: Sited, rule: string): Violation | undefined {
  return calledAt(ctx, r, 'source')
    ? undefined
    : denyUndocumented(ctx.op, rule, 'placement', 'OperationDenied');
}

/**
 * Reprotect writes over the disk that becomes the new secondary, so the seed asks for a detached
 * primary. When ReverseReplicate is false the direction is only restored and the primary is not
 * written: the docs say nothing, so an attached primary then allows both answers.
 */
export function attachedPrimary(
  ctx: Ctx,
  attached: boolean,
  rule: string,
  ...codes: string[]
): { violation?: Violation; also: readonly AllowedError[] } {
  if (!attached) return { also: [] };
  const violation = denyUndocumented(ctx.op, rule, 'state', ...codes);
  return bool(ctx.params.ReverseReplicate, true) ? { violation, also: [] } : { also: violation.errors };
}
