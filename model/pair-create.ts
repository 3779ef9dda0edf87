import { type Ctx, type Handler, int, str } from './context';
import { collect, deny, denyUndocumented, refuse, succeed, type Violation } from './expectation';
import { earRegionViolation } from './lookup';
import { allocateId, type Disk, pairHolding, withPair } from './state';
import { taggedAtCreate } from './tags';
import { replicates } from './world';

// CreateDiskReplicaPair (EBS 2021-07-30): which two disks can form a pair.

function diskViolations(ctx: Ctx, primary: Disk, secondary: Disk): Violation[] {
  const { state, params, op } = ctx;
  const world = state.world;
  const why = (ok: boolean, rule: string, ...likely: string[]) =>
    ok ? undefined : denyUndocumented(op, rule, ...likely);
  const essd = (d: Disk) =>
    d.category === 'cloud_essd' || (world.essdAutoPlReplicable && d.category === 'cloud_auto');
  const sameRegion = primary.regionId === secondary.regionId;
  return collect(
    why(
      primary.regionId === params.RegionId &&
        primary.zoneId === params.SourceZoneId &&
        secondary.regionId === params.DestinationRegionId &&
        secondary.zoneId === params.DestinationZoneId,
      'PAIR.CREATE.LOCATION_MATCHES_DISKS',
      'NoSuchResource',
    ),
    why(
      replicates(world, primary.regionId, primary.zoneId) &&
        replicates(world, secondary.regionId, secondary.zoneId),
      'PAIR.CREATE.REGIONS_SUPPORT_EAR',
      'OperationDenied',
    ),
    why(essd(primary) && essd(secondary), 'PAIR.CREATE.ESSD_ONLY', 'OperationDenied'),
    why(!primary.encrypted && !secondary.encrypted, 'PAIR.CREATE.UNENCRYPTED', 'OperationDenied'),
    why(
      primary.category === secondary.category &&
        primary.performanceLevel === secondary.performanceLevel &&
        primary.size === secondary.size,
      'PAIR.CREATE.SAME_CATEGORY_PL_SIZE',
      'OperationDenied',
    ),
    why(
      !pairHolding(state, primary.id) && !pairHolding(state, secondary.id),
      'PAIR.CREATE.ONE_PAIR_PER_DISK',
      'OperationDenied',
      'OperationDenied.InvalidStatus',
    ),
    why(
      !sameRegion || (world.sameRegionCrossZone && primary.zoneId !== secondary.zoneId),
      'PAIR.CREATE.SECONDARY_ELSEWHERE',
      'OperationDenied',
    ),
  );
}

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
  const { state, params, op, now } = ctx;
  const ear = earRegionViolation(ctx);
  if (ear) return refuse([ear]);
  const primary = state.disks[str(params.DiskId) ?? ''];
  const secondary = state.disks[str(params.DestinationDiskId) ?? ''];
  if (!primary || !secondary) {
    return refuse([deny(op, 'PAIR.CREATE.DISKS_EXIST', 'NoSuchResource', 'InvalidDiskId.NotFound')]);
  }
  const chargeType = params.ChargeType === 'PREPAY' ? 'PREPAY' : 'POSTPAY';
  const violations = diskViolations(ctx, primary, secondary);
  if (chargeType === 'POSTPAY' && params.Bandwidth !== undefined) {
    violations.push(denyUndocumented(op, 'PAIR.CREATE.POSTPAY_BANDWIDTH', 'InvalidParameter'));
  }
  if (chargeType === 'PREPAY' && params.Period === undefined) {
    violations.push(deny(op, 'PAIR.CREATE.PREPAY_NEEDS_PERIOD', 'MissingParameter', 'MissingPeriod'));
  }
  if (violations.length > 0) return refuse(violations);
  const rules = [...CREATE_CHECKS, 'PAIR.CREATE.STARTS_CREATED', 'PAIR.CREATE.POSTPAY_BANDWIDTH'];
  if (params.Tag !== undefined) rules.push('TAG.CREATE.BINDS');
  if (chargeType === 'PREPAY') rules.push('PAIR.CREATE.PREPAY_NEEDS_PERIOD');
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
};
