import fc from 'fast-check';
import { CallCommand } from '../command';
import { EBS, groups, label, nth, pairs, replicationRegions, variant } from './toolkit';

type Paging = { MaxResults: number } | { PageNumber: number; PageSize: number } | Record<string, never>;

const paging: fc.Arbitrary<Paging> = fc.oneof(
  fc.constant({}),
  fc.integer({ min: 1, max: 3 }).map((n) => ({ MaxResults: n })),
  fc.record({ PageNumber: fc.integer({ min: 1, max: 3 }), PageSize: fc.integer({ min: 1, max: 3 }) }),
);

/** Listings from either site of any replication region, filtered or paged. */
const describePairs = fc
  .record({
    region: fc.nat(),
    site: fc.constantFrom(undefined, 'production', 'backup'),
    filter: fc.constantFrom('none', 'none', 'pairIds', 'ungrouped', 'group'),
    pick: fc.nat(),
    paging,
    variant,
  })
  .map(
    (g) =>
      new CallCommand('DescribeDiskReplicaPairs', g, (s) => {
        const region = nth(replicationRegions(s), g.region);
        if (!region) return undefined;
        const pair = nth(pairs(s), g.pick);
        const group = nth(groups(s), g.pick);
        const filter =
          g.filter === 'pairIds' && pair
            ? { PairIds: pair.id }
            : g.filter === 'ungrouped'
              ? { ReplicaGroupId: '-' }
              : g.filter === 'group' && group
                ? { ReplicaGroupId: group.id }
                : {};
        const params = { RegionId: region.id, ...(g.site ? { Site: g.site } : {}), ...filter, ...g.paging };
        const shown = Object.entries({ ...filter, ...g.paging, ...(g.site ? { Site: g.site } : {}) }).map(
          ([k, v]) => `${k}=${String(v)}`,
        );
        return {
          call: { ...EBS, action: 'DescribeDiskReplicaPairs', params },
          variant: g.variant,
          label: label('DescribeDiskReplicaPairs', region.id, ...shown),
        };
      }),
  );

const describeGroups = fc
  .record({ region: fc.nat(), site: fc.constantFrom(undefined, 'production', 'backup'), paging, variant })
  .map(
    (g) =>
      new CallCommand('DescribeDiskReplicaGroups', g, (s) => {
        const region = nth(replicationRegions(s), g.region);
        if (!region) return undefined;
        const params = { RegionId: region.id, ...(g.site ? { Site: g.site } : {}), ...g.paging };
        const shown = Object.entries({ ...g.paging, ...(g.site ? { Site: g.site } : {}) }).map(
          ([k, v]) => `${k}=${String(v)}`,
        );
        return {
          call: { ...EBS, action: 'DescribeDiskReplicaGroups', params },
          variant: g.variant,
          label: label('DescribeDiskReplicaGroups', region.id, ...shown),
        };
      }),
  );

export const LISTING_COMMANDS = { describePairs, describeGroups };
