import * as api from '../api';
import { decide, type Handler, str } from './context';
import {
  collect,
  deny,
  denyUndocumented,
  type Expectation,
  forkOnReading,
  type ReadingFork,
  refuse,
  succeed,
} from './expectation';
import { allocateId, type Disk, pairHolding } from './state';

/**
 * CreateDiskReplicaPair in the legacy ECS 2014-05-26 dialect (the seed): three documented codes,
 * a `rp-` PairId, and a pair that waits (inactive) until it is started.
 */
export const createLegacyPair: Handler<typeof api.LegacyCreateDiskReplicaPair> = (ctx) => {
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
  const unusable = (d: Disk) =>
    !['cloud_essd', 'cloud_auto'].includes(d.category) || pairHolding(state, d.id) !== undefined;
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
    rules: [
      'LEGACY.CREATE.RETURNS_PAIR_ID',
      'LEGACY.CREATE.NEEDS_START',
      // The conditions it passed: every field given, both disks found and free to pair, alike,
      // in two regions.
      'LEGACY.CREATE.REQUIRED_PARAMS',
      'LEGACY.CREATE.DISKS_EXIST',
      'LEGACY.CREATE.DISK_STATUS',
      'LEGACY.CREATE.SAME_SPEC_AND_SIZE',
      'LEGACY.CREATE.OTHER_REGION',
    ],
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
  // The seed is silent on encryption and on ESSD AutoPL, where the other pages disagree (the
  // readings encrypted-disks and essd-autopl-pairs): such a disk alone allows both answers.
  const refused = refuse(
    [deny(op, 'LEGACY.CREATE.DISK_STATUS', 'IncorrectDiskStatus')],
    ['PROTO.LEGACY_ERRORS'],
  );
  const both = [primary, secondary];
  const forks: ReadingFork[] = [
    ...(both.some((d) => d.encrypted) ? [ENCRYPTED_FORK] : []),
    ...(both.some((d) => d.category === 'cloud_auto') ? [AUTOPL_FORK] : []),
  ];
  const forked = forks.reduce<Expectation>(
    (e, f) => (e.kind === 'refusal' ? e : forkOnReading(state, f, e, refused)),
    success,
  );
  // Two readings on one call: both answers stay open, but the call shows neither alone.
  return forks.length > 1 && forked.kind === 'success' ? { ...forked, reading: undefined } : forked;
};

const ENCRYPTED_FORK: ReadingFork = { id: 'encrypted-disks', onSuccess: 'allowed', onRefusal: 'refused' };
const AUTOPL_FORK: ReadingFork = { id: 'essd-autopl-pairs', onSuccess: 'allowed', onRefusal: 'refused' };

export const DECISIONS = [decide(api.LegacyCreateDiskReplicaPair, createLegacyPair)];
