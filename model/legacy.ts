import { type Handler, str } from './context';
import { collect, deny, denyUndocumented, forkOnReading, refuse, succeed } from './expectation';
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
  // Both regions named alike is a refusal of its own, whether or not the disks exist there: the
  // seed orders neither check before the other.
  const sameRegion =
    params.RegionId === params.DestinationRegionId
      ? denyUndocumented(op, 'LEGACY.CREATE.OTHER_REGION', 'placement', 'IncorrectDiskStatus')
      : undefined;
  if (!primary || !secondary) {
    return refuse(collect(deny(op, 'LEGACY.CREATE.DISKS_EXIST', 'InvalidDiskId.NotFound'), sameRegion), [
      'PROTO.LEGACY_ERRORS',
    ]);
  }
  const unusable = (d: Disk) => d.category !== 'cloud_essd' || pairHolding(state, d.id) !== undefined;
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
    sameRegion,
  );
  if (violations.length > 0) return refuse(violations, ['PROTO.LEGACY_ERRORS']);
  const success = succeed({
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
  // The seed is silent on encryption; the guide's prerequisite and the example that pairs two
  // encrypted ESSDs disagree (the reading encrypted-disks), so an encrypted disk alone is both.
  if (!primary.encrypted && !secondary.encrypted) return success;
  const refused = refuse(
    [deny(op, 'LEGACY.CREATE.DISK_STATUS', 'IncorrectDiskStatus')],
    ['PROTO.LEGACY_ERRORS'],
  );
  return forkOnReading(
    state,
    { id: 'encrypted-disks', onSuccess: 'allowed', onRefusal: 'refused' },
    success,
    refused,
  );
};
