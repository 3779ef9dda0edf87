import * as api from '../api';
import type { Condition } from './code-meaning';
import { type Ctx, decide, type Handler, int, str } from './context';
import {
  collect,
  deny,
  denyUndocumented,
  type ForkedViolation,
  forkOnReadings,
  type ReadingFork,
  type Refusal,
  refusalDespiteReadings,
  refuse,
  type Success,
  succeed,
  type Violation,
} from './expectation';
import { earRegionViolation, SAME_REGION_CROSS_ZONE } from './lookup';
import { allocateId, type Disk, pairHolding, withPair } from './state';
import { taggedAtCreate } from './tags';
import { replicates } from './world';

// CreateDiskReplicaPair (EBS 2021-07-30): which two disks can form a pair.

/** A refusing condition, and the reading that may make it an acceptance on another target. */
type Checked = Violation & { readonly fork?: ReadingFork };

const open = (v: Violation | undefined, fork: ReadingFork): ForkedViolation | undefined =>
  v && { ...v, fork };

/**
 * Which region RegionId names (the reading create-pair-region): the primary disk's, or (as
 * DestinationRegionId) the secondary's. Zones and the destination must match the disks either
 * way; a call fitting one alternative only is refused or accepted by which one the target reads.
 */
function locationViolation(ctx: Ctx, primary: Disk, secondary: Disk): Checked | undefined {
  const { params } = ctx;
  const v = misplaced(ctx);
  const placed =
    primary.zoneId === params.SourceZoneId &&
    secondary.regionId === params.DestinationRegionId &&
    secondary.zoneId === params.DestinationZoneId;
  const asPrimary = primary.regionId === params.RegionId;
  const asDestination = params.RegionId === params.DestinationRegionId;
  if (!placed || (!asPrimary && !asDestination)) return v;
  if (asPrimary && asDestination) return undefined;
  return open(v, asPrimary ? REGION_OF_PRIMARY : REGION_OF_DESTINATION);
}

const REGION_OF_PRIMARY: ReadingFork = {
  id: 'create-pair-region',
  onSuccess: 'primary',
  onRefusal: 'destination',
};
const REGION_OF_DESTINATION: ReadingFork = {
  id: 'create-pair-region',
  onSuccess: 'destination',
  onRefusal: 'primary',
};

const misplaced = (ctx: Ctx) =>
  denyUndocumented(
    ctx.op,
    'PAIR.CREATE.LOCATION_MATCHES_DISKS',
    // The disks are not where the call says: from that zone's view they do not exist.
    'parameter',
    'NoSuchResource',
    'OperationDenied',
  );

// The helpers of diskViolations sit at module level, not as closures made per call: under a
// loader that keeps function names (tsx, which runs the bench) each named closure also costs a
// property definition.

/** The refusal of a condition that does not hold, its code left to the docs (denyUndocumented). */
const unless = (op: Ctx['op'], ok: boolean, rule: string, condition: Condition, ...likely: string[]) =>
  ok ? undefined : denyUndocumented(op, rule, condition, ...likely);

/** ESSD AutoPL is left to the reading essd-autopl-pairs (autoPlViolation). */
const essd = (d: Disk) => d.category === 'cloud_essd' || d.category === 'cloud_auto';

const elsewhere = (op: Ctx['op'], ok: boolean) =>
  unless(op, ok, 'PAIR.CREATE.SECONDARY_ELSEWHERE', 'placement', 'OperationDenied');

function diskViolations(ctx: Ctx, primary: Disk, secondary: Disk): Checked[] {
  const { state, op } = ctx;
  const world = state.world;
  const sameRegion = primary.regionId === secondary.regionId;
  return collect(
    locationViolation(ctx, primary, secondary),
    unless(
      op,
      replicates(world, primary.regionId, primary.zoneId) &&
        replicates(world, secondary.regionId, secondary.zoneId),
      'PAIR.CREATE.REGIONS_SUPPORT_EAR',
      'placement',
      'OperationDenied',
    ),
    unless(op, essd(primary) && essd(secondary), 'PAIR.CREATE.ESSD_ONLY', 'parameter', 'OperationDenied'),
    open(
      unless(
        op,
        !primary.encrypted && !secondary.encrypted,
        'PAIR.CREATE.UNENCRYPTED',
        'parameter',
        'OperationDenied',
      ),
      { id: 'encrypted-disks', onSuccess: 'allowed', onRefusal: 'refused' },
    ),
    unless(
      op,
      primary.category === secondary.category &&
        primary.performanceLevel === secondary.performanceLevel &&
        primary.size === secondary.size,
      'PAIR.CREATE.SAME_CATEGORY_PL_SIZE',
      'parameter',
      'OperationDenied',
    ),
    unless(
      op,
      !pairHolding(state, primary.id) && !pairHolding(state, secondary.id),
      'PAIR.CREATE.ONE_PAIR_PER_DISK',
      'state',
      'OperationDenied',
      'OperationDenied.InvalidStatus',
    ),
    // Another zone of the same region: the reading same-region-cross-zone.
    sameRegion && primary.zoneId !== secondary.zoneId
      ? open(elsewhere(op, false), SAME_REGION_CROSS_ZONE)
      : elsewhere(op, !sameRegion),
  ) as Checked[];
}

/**
 * An AutoPL disk in an otherwise valid pair: refused by the API page (ESSD only), accepted by the
 * limits page (the reading essd-autopl-pairs), unless the world settles it.
 */
function autoPlViolation(ctx: Ctx, primary: Disk, secondary: Disk): Violation | undefined {
  const autoPl = [primary, secondary].some((d) => d.category === 'cloud_auto');
  return autoPl && !ctx.state.world.essdAutoPlReplicable
    ? denyUndocumented(ctx.op, 'PAIR.CREATE.ESSD_ONLY', 'parameter', 'OperationDenied')
    : undefined;
}

const AUTOPL_FORK: ReadingFork = { id: 'essd-autopl-pairs', onSuccess: 'allowed', onRefusal: 'refused' };

/** The conditions a successful Create passed. */
const CREATE_CHECKS = [
  'PAIR.CREATE.DISKS_EXIST',
  'PAIR.CREATE.LOCATION_MATCHES_DISKS',
  'PAIR.CREATE.REGIONS_SUPPORT_EAR',
  'PAIR.CREATE.ESSD_ONLY',
  'PAIR.CREATE.UNENCRYPTED',
  'PAIR.CREATE.SAME_CATEGORY_PL_SIZE',
  'PAIR.CREATE.ONE_PAIR_PER_DISK',
  'PAIR.CREATE.SECONDARY_ELSEWHERE',
];

export const createPair: Handler<typeof api.CreateDiskReplicaPair> = (ctx) => {
  const { state, params, op } = ctx;
  const ear = earRegionViolation(ctx);
  if (ear) return refuse([ear]);
  const primary = state.disks[str(params.DiskId) ?? ''];
  const secondary = state.disks[str(params.DestinationDiskId) ?? ''];
  if (!primary || !secondary) {
    const missing = deny(op, 'PAIR.CREATE.DISKS_EXIST', 'NoSuchResource', 'InvalidDiskId.NotFound');
    // Read as the destination's region, RegionId is checked against DestinationRegionId first.
    const region =
      params.RegionId === params.DestinationRegionId ? [] : [{ ...misplaced(ctx), fork: REGION_OF_PRIMARY }];
    return refusalDespiteReadings(state, [missing], region) as Refusal;
  }
  const chargeType = params.ChargeType === 'PREPAY' ? 'PREPAY' : 'POSTPAY';
  const autoPl = open(autoPlViolation(ctx, primary, secondary), AUTOPL_FORK);
  const violations = [...diskViolations(ctx, primary, secondary), ...(autoPl ? [autoPl] : [])];
  if (chargeType === 'POSTPAY' && params.Bandwidth !== undefined) {
    violations.push({
      ...denyUndocumented(op, 'PAIR.CREATE.POSTPAY_BANDWIDTH', 'parameter', 'InvalidParameter'),
      fork: { id: 'postpay-bandwidth', onSuccess: 'zero', onRefusal: 'refused' },
    });
  }
  if (chargeType === 'PREPAY' && params.Period === undefined) {
    violations.push(deny(op, 'PAIR.CREATE.PREPAY_NEEDS_PERIOD', 'MissingParameter', 'MissingPeriod'));
  }
  // A refusal for a reading's reason alone may be an acceptance on a target that reads the docs
  // the other way (api/readings.ts).
  const decided = violations.filter((v) => !v.fork);
  const forked = violations.filter((v): v is ForkedViolation => v.fork !== undefined);
  const rules = [...CREATE_CHECKS, 'PAIR.CREATE.STARTS_CREATED', 'PAIR.CREATE.POSTPAY_BANDWIDTH'];
  if (params.Tag !== undefined) rules.push('TAG.CREATE.BINDS');
  if (chargeType === 'PREPAY') rules.push('PAIR.CREATE.PREPAY_NEEDS_PERIOD');
  // An RPO that reached the handler is the one documented value: the accepting case of the rule.
  if (params.RPO !== undefined) rules.push('PAIR.RPO_ONLY_900');
  return forkOnReadings(state, created(ctx, primary, secondary, chargeType, rules), decided, forked);
};

function created(
  ctx: Ctx,
  primary: Disk,
  secondary: Disk,
  chargeType: 'PREPAY' | 'POSTPAY',
  rules: readonly string[],
): Success {
  const { state, params, now } = ctx;
  return succeed({
    rules,
    present: ['ReplicaPairId', ...(chargeType === 'PREPAY' ? ['OrderId'] : [])],
    transient: ['creating'],
    settlesIn: ['created'],
    next: (observed) => {
      const { id, state: s } = allocateId(state, 'pair', observed.ReplicaPairId);
      return withPair(s, {
        id,
        status: 'creating',
        reversed: false,
        primary: { regionId: primary.regionId, zoneId: primary.zoneId, diskId: primary.id },
        standby: { regionId: secondary.regionId, zoneId: secondary.zoneId, diskId: secondary.id },
        rpo: int(params.RPO) ?? 900,
        bandwidth: chargeType === 'PREPAY' ? (int(params.Bandwidth) ?? 10240) : 0,
        chargeType,
        ...(str(params.PairName) ? { name: str(params.PairName) } : {}),
        ...(str(params.Description) ? { description: str(params.Description) } : {}),
        createdAt: now,
        fullSyncDone: false,
        ...taggedAtCreate(params),
      });
    },
  });
}

export const DECISIONS = [decide(api.CreateDiskReplicaPair, createPair)];
