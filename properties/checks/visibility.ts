import type { CheckFailure } from './check';

/** Where a listing was made and whether it showed the pair. */
export interface Sighting {
  readonly regionId: string;
  readonly site: 'production' | 'backup';
  readonly listed: boolean;
}

const key = (regionId: string, site: string) => `${regionId}/${site}`;

/**
 * A pair is listed in exactly its two regions: with Site=production where its primary disk is,
 * with Site=backup where its standby disk is, and nowhere else (PAIR.VISIBLE_IN_OWN_REGIONS).
 * The reading pair-listing=either-disk lists it in both regions whatever Site says: that pattern
 * is accepted too (whether the target keeps to one is the run's ReadingBook's to judge).
 */
export function two_region_visibility(
  pairId: string,
  primaryRegion: string,
  standbyRegion: string,
  sightings: readonly Sighting[],
): CheckFailure | undefined {
  const want = new Set([key(primaryRegion, 'production'), key(standbyRegion, 'backup')]);
  const wrong = sightings.filter((s) => s.listed !== want.has(key(s.regionId, s.site)));
  const eitherDisk = sightings.every((s) => s.listed === [primaryRegion, standbyRegion].includes(s.regionId));
  if (wrong.length === 0 || eitherDisk) return undefined;
  const show = (list: readonly Sighting[]) =>
    list.map((s) => key(s.regionId, s.site)).join(', ') || 'nowhere';
  return {
    check: 'two_region_visibility',
    category: 'invariant',
    title: `${pairId} is listed ${wrong[0]?.listed ? 'where it does not belong' : 'not everywhere it belongs'}`,
    operation: 'DescribeDiskReplicaPairs',
    rules: [
      'PAIR.VISIBLE_IN_OWN_REGIONS',
      'PAIR.DESCRIBE.SITE_PRODUCTION_DEFAULT',
      'PAIR.DESCRIBE.SITE_BACKUP',
    ],
    expected: `listed at ${[...want].join(', ')}`,
    received: `listed at ${show(sightings.filter((s) => s.listed))}`,
  };
}
