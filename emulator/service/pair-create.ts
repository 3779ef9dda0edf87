import { fail, type OpContext } from './context';
import { diskStatus } from './disks';
import { nextOrderId, nextSuffix } from './ids';
import { plays } from './readings';
import { activePairOfDisk } from './replication';
import type { DiskRecord, PairRecord, ReplicationSettings } from './state';
import { creation } from './timeline';
import { findZone, supportsReplication } from './world';

/**
 * Creating a pair, shared by EBS CreateDiskReplicaPair and the legacy ECS call: the rules two
 * disks must meet, and the new record. The two dialects name the refusals differently, so the
 * rules return a reason and each caller picks its code.
 */

/**
 * Async replication is documented for ESSD. The API text says ESSD only, the Cloud Backup limits
 * page also names ESSD AutoPL (cloud_auto): the reading essd-autopl-pairs. The secondary always
 * has the category of the primary.
 */
const replicable = (ctx: OpContext, category: string) =>
  category === 'cloud_essd' ||
  (category === 'cloud_auto' && plays(ctx.readings, 'essd-autopl-pairs', 'allowed'));

export function pairDiskProblem(
  ctx: OpContext,
  primary: DiskRecord,
  standby: DiskRecord,
): string | undefined {
  if (primary.diskId === standby.diskId) return 'the primary and the secondary are the same disk';
  for (const disk of [primary, standby]) {
    if (!supportsReplication(findZone(disk.regionId, disk.zoneId))) {
      return `zone ${disk.zoneId} does not support async replication`;
    }
    if (!replicable(ctx, disk.category)) return `disk ${disk.diskId} is ${disk.category}, not an ESSD`;
    if (disk.encrypted && plays(ctx.readings, 'encrypted-disks', 'refused')) {
      return `disk ${disk.diskId} is encrypted`;
    }
    if (diskStatus(disk, ctx) === 'Creating') return `disk ${disk.diskId} is still being created`;
    const pair = activePairOfDisk(ctx, disk.diskId);
    if (pair) return `disk ${disk.diskId} is already in pair ${pair.pairId}`;
  }
  if (primary.regionId === standby.regionId && primary.zoneId === standby.zoneId) {
    return 'the secondary must be in another region or another zone';
  }
  if (primary.regionId === standby.regionId && plays(ctx.readings, 'same-region-cross-zone', 'refused')) {
    return 'the secondary must be in another region';
  }
  if (primary.category !== standby.category) return 'the two disks have different categories';
  if (primary.performanceLevel !== standby.performanceLevel) {
    return 'the two disks have different performance levels';
  }
  if (primary.size !== standby.size) return 'the two disks have different sizes';
  return undefined;
}

export interface Billing {
  readonly chargeType: 'PREPAY' | 'POSTPAY';
  /** Months, PREPAY only. */
  readonly period?: number;
  readonly bandwidth?: number;
}

const DEFAULT_PREPAY_BANDWIDTH = 10240;
const MONTH_MS = 30 * 24 * 3600 * 1000;

export interface NewPair extends Omit<ReplicationSettings, 'bandwidth'> {
  readonly primary: DiskRecord;
  readonly standby: DiskRecord;
  readonly billing: Billing;
  /** The legacy call also names the pair `rp-<suffix>`. */
  readonly legacy?: boolean;
}

export function addPair(ctx: OpContext, input: NewPair): PairRecord {
  const suffix = nextSuffix(ctx.ids);
  const seq = ctx.ids.counter;
  const { billing } = input;
  const prepay = billing.chargeType === 'PREPAY';
  if (prepay && billing.period === undefined) {
    fail('MissingParameter', 'The input parameter "Period" that is mandatory for PREPAY is not supplied.');
  }
  const end = (d: DiskRecord) => ({ regionId: d.regionId, zoneId: d.zoneId, diskId: d.diskId });
  const pair: PairRecord = {
    pairId: `pair-cn-${suffix}`,
    seq,
    ...(input.legacy ? { legacyPairId: `rp-${suffix}` } : {}),
    name: input.name,
    description: input.description,
    rpo: input.rpo,
    // Pay-as-you-go bandwidth cannot be chosen: the service shows 0 (dynamic) whatever was sent.
    bandwidth: prepay ? (billing.bandwidth ?? DEFAULT_PREPAY_BANDWIDTH) : 0,
    resourceGroupId: input.resourceGroupId,
    tags: input.tags,
    primary: end(input.primary),
    standby: end(input.standby),
    reversed: false,
    chargeType: billing.chargeType,
    ...(prepay
      ? { orderId: nextOrderId(ctx.ids), expiredAt: ctx.now + (billing.period ?? 1) * MONTH_MS }
      : {}),
    createdAt: ctx.now,
    activity: creation(ctx.now),
  };
  ctx.account.pairs[pair.pairId] = pair;
  return pair;
}
