import * as api from '../api';
import type { Condition } from './code-meaning';
import { type Ctx, decide, type Handler, int, str } from './context';
import {
  collect,
  deny,
  denyUndocumented,
  type Expectation,
  forkOnReading,
  type ReadingFork,
  refuse,
  type Success,
  succeed,
  type Violation,
} from './expectation';
import { earRegionViolation } from './lookup';
import { allocateId, type Disk, pairHolding, withPair } from './state';
import { taggedAtCreate } from './tags';
import { replicates } from './world';

// CreateDiskReplicaPair (EBS 2021-07-30): which two disks can form a pair.

function diskViolations(ctx: Ctx, primary: Disk, secondary: Disk): Violation[] {
  const { state, params, op } = ctx;
  const world = state.world;
  const why = (ok: boolean, rule: string, condition: Condition, ...likely: string[]) =>
    ok ? undefined : denyUndocumented(op, rule, condition, ...likely);
  // ESSD AutoPL is left to the reading essd-autopl-pairs (autoPlViolation).
  const essd = (d: Disk) => d.category === 'cloud_essd' || d.category === 'cloud_auto';
  const sameRegion = primary.regionId === secondary.regionId;
  return collect(
    why(
      primary.regionId === params.RegionId &&
        primary.zoneId === params.SourceZoneId &&
        secondary.regionId === params.DestinationRegionId &&
        secondary.zoneId === params.DestinationZoneId,
      'PAIR.CREATE.LOCATION_MATCHES_DISKS',
      // The disks are not where the call says: from that zone's view they do not exist.
      'parameter',
      'NoSuchResource',
    ),
    why(
      replicates(world, primary.regionId, primary.zoneId) &&
        replicates(world, secondary.regionId, secondary.zoneId),
      'PAIR.CREATE.REGIONS_SUPPORT_EAR',
      'placement',
      'OperationDenied',
    ),
    why(essd(primary) && essd(secondary), 'PAIR.CREATE.ESSD_ONLY', 'parameter', 'OperationDenied'),
    why(
      !primary.encrypted && !secondary.encrypted,
      'PAIR.CREATE.UNENCRYPTED',
      'parameter',
      'OperationDenied',
    ),
    why(
      primary.category === secondary.category &&
        primary.performanceLevel === secondary.performanceLevel &&
        primary.size === secondary.size,
      'PAIR.CREATE.SAME_CATEGORY_PL_SIZE',
      'parameter',
      'OperationDenied',
    ),
    why(
      !pairHolding(state, primary.id) && !pairHolding(state, secondary.id),
      'PAIR.CREATE.ONE_PAIR_PER_DISK',
      'state',
      'OperationDenied',
      'OperationDenied.InvalidStatus',
    ),
    why(
      !sameRegion || (world.sameRegionCrossZone && primary.zoneId !== secondary.zoneId),
      'PAIR.CREATE.SECONDARY_ELSEWHERE',
      'placement',
      'OperationDenied',
    ),
  );
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

export const createPair: Handler = (ctx) => {
  const { state, params, op } = ctx;
  const ear = earRegionViolation(ctx);
  if (ear) return refuse([ear]);
  const primary = state.disks[str(params.DiskId) ?? ''];
  const secondary = state.disks[str(params.DestinationDiskId) ?? ''];
  if (!primary || !secondary) {
    return refuse([deny(op, 'PAIR.CREATE.DISKS_EXIST', 'NoSuchResource', 'InvalidDiskId.NotFound')]);
  }
  const chargeType = params.ChargeType === 'PREPAY' ? 'PREPAY' : 'POSTPAY';
  const autoPl = autoPlViolation(ctx, primary, secondary);
  const violations = [...diskViolations(ctx, primary, secondary), ...(autoPl ? [autoPl] : [])];
  if (chargeType === 'POSTPAY' && params.Bandwidth !== undefined) {
    violations.push(denyUndocumented(op, 'PAIR.CREATE.POSTPAY_BANDWIDTH', 'parameter', 'InvalidParameter'));
  }
  if (chargeType === 'PREPAY' && params.Period === undefined) {
    violations.push(deny(op, 'PAIR.CREATE.PREPAY_NEEDS_PERIOD', 'MissingParameter', 'MissingPeriod'));
  }
  // The readings encrypted-disks and postpay-bandwidth: a refusal for that reason alone may be
  // an acceptance on a target that reads the docs the other way.
  const readingOf = (v: Violation) => (v === autoPl ? AUTOPL_FORK : READING_RULES[v.rule]);
  const decided = violations.filter((v) => !readingOf(v));
  if (decided.length > 0) return refuse(violations);
  const rules = [...CREATE_CHECKS, 'PAIR.CREATE.STARTS_CREATED', 'PAIR.CREATE.POSTPAY_BANDWIDTH'];
  if (params.Tag !== undefined) rules.push('TAG.CREATE.BINDS');
  if (chargeType === 'PREPAY') rules.push('PAIR.CREATE.PREPAY_NEEDS_PERIOD');
  // An RPO that reached the handler is the one documented value: the accepting case of the rule.
  if (params.RPO !== undefined) rules.push('PAIR.RPO_ONLY_900');
  const success = created(ctx, primary, secondary, chargeType, rules);
  return violations.reduceRight<Expectation>((e, v) => {
    if (e.kind === 'refusal') return e;
    const fork = readingOf(v) as ReadingFork;
    const forked = forkOnReading(state, fork, e, refuse([v]));
    // Two readings on one call: both answers stay open, but neither alone is shown by it.
    return e.reading && forked.kind === 'success' && forked.reading !== e.reading
      ? { ...forked, reading: undefined }
      : forked;
  }, success);
};

const READING_RULES: Readonly<Record<string, ReadingFork>> = {
  'PAIR.CREATE.UNENCRYPTED': { id: 'encrypted-disks', onSuccess: 'allowed', onRefusal: 'refused' },
  'PAIR.CREATE.POSTPAY_BANDWIDTH': { id: 'postpay-bandwidth', onSuccess: 'zero', onRefusal: 'refused' },
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
