import * as api from '../api';
import { decide, type Handler, str } from './context';
import { collect, deny, denyUndocumented, refuse, succeed } from './expectation';
import { allocateId, type Disk, pairHolding } from './state';

/**
 * CreateDiskReplicaPair in the legacy ECS 2014-05-26 dialect (the seed): three documented codes,
 * a `rp-` PairId, and a pair that waits (inactive) until it is started.
 */
export const createLegacyPair: Handler = (ctx) => {
  const { state, params, op, now } = ctx;
  const inRegion = (id: unknown, region: unknown): Disk | undefined => {
    const disk = state.disks[str(id) ?? ''];
    return disk && disk.regionId === region ? disk : undefined;
  };
  const primary = inRegion(params.DiskId, params.RegionId);
  const secondary = inRegion(params.DestinationDiskId, params.DestinationRegionId);
  if (!primary || !secondary) {
    return refuse([deny(op, 'LEGACY.CREATE.DISKS_EXIST', 'InvalidDiskId.NotFound')], ['PROTO.LEGACY_ERRORS']);
  }
  const unusable = (d: Disk) =>
    d.encrypted || d.category !== 'cloud_essd' || pairHolding(state, d.id) !== undefined;
  const violations = collect(
    unusable(primary) || unusable(secondary)
      ? deny(op, 'LEGACY.CREATE.DISK_STATUS', 'IncorrectDiskStatus')
      : undefined,
    primary.category === secondary.category &&
      primary.performanceLevel === secondary.performanceLevel &&
      primary.size === secondary.size
      ? undefined
      : // Of the seed's three codes only IncorrectDiskStatus ("the disk does not support this
        // operation") fits a disk that cannot be paired; the disk exists and nothing is missing.
        denyUndocumented(op, 'LEGACY.CREATE.SAME_SPEC_AND_SIZE', 'state'),
    primary.regionId !== secondary.regionId
      ? undefined
      : denyUndocumented(op, 'LEGACY.CREATE.OTHER_REGION', 'placement', 'IncorrectDiskStatus'),
  );
  if (violations.length > 0) return refuse(violations, ['PROTO.LEGACY_ERRORS']);
  return succeed({
    rules: ['LEGACY.CREATE.RETURNS_PAIR_ID', 'LEGACY.CREATE.NEEDS_START'],
    present: ['PairId'],
    absent: ['ReplicaPairId'],
    settlesIn: ['inactive'],
    next: (observed) => {
      const { id, state: s } = allocateId(state, 'legacy', observed.PairId);
      const pair = {
        id,
        source: { regionId: primary.regionId, zoneId: primary.zoneId, diskId: primary.id },
        destination: { regionId: secondary.regionId, zoneId: secondary.zoneId, diskId: secondary.id },
        name: String(params.PairName),
        ...(str(params.Description) ? { description: str(params.Description) } : {}),
        status: 'inactive' as const,
        createdAt: now,
      };
      return { ...s, legacyPairs: { ...s.legacyPairs, [id]: pair } };
    },
  });
};

export const DECISIONS = [decide(api.LegacyCreateDiskReplicaPair, createLegacyPair)];
