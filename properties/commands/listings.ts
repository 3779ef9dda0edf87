import fc from 'fast-check';
import { CallCommand } from '../command';
import { resourceGroupsOf, TAG_KEYS } from './tags';
import { EBS, groups, label, nth, pairs, replicationRegions, variant } from './toolkit';

type Paging = { MaxResults: number } | { PageNumber: number; PageSize: number } | Record<string, never>;

const paging: fc.Arbitrary<Paging> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({}) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 3 }).map((n) => ({ MaxResults: n })) },
  {
    weight: 4,
    arbitrary: fc.record({
      PageNumber: fc.integer({ min: 1, max: 3 }),
      PageSize: fc.integer({ min: 1, max: 3 }),
    }),
  },
  // The documented bounds: MaxResults 1-500, PageSize 1-100, PageNumber from 1; at and past each.
  { weight: 1, arbitrary: fc.constantFrom(0, 500, 501).map((n) => ({ MaxResults: n })) },
  { weight: 1, arbitrary: fc.constantFrom(0, 100, 101).map((n) => ({ PageNumber: 1, PageSize: n })) },
  { weight: 1, arbitrary: fc.constant({ PageNumber: 0, PageSize: 10 }) },
);

/** Listings from either site of any replication region, filtered or paged. */
const describePairs = fc
  .record({
    region: fc.nat(),
    site: fc.constantFrom(undefined, 'production', 'backup'),
    filter: fc.constantFrom(
      'none',
      'none',
      'pairIds',
      'ungrouped',
      'group',
      'emptyPairIds',
      'tag',
      'resourceGroup',
    ),
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
                : g.filter === 'emptyPairIds'
                  ? { PairIds: '' }
                  : g.filter === 'tag'
                    ? { Tag: [tagFilter(g.pick)] }
                    : g.filter === 'resourceGroup' && resourceGroupsOf(s).length > 0
                      ? { ResourceGroupId: nth(resourceGroupsOf(s), g.pick) }
                      : {};
        const params = { RegionId: region.id, ...(g.site ? { Site: g.site } : {}), ...filter, ...g.paging };
        const shown = Object.entries({ ...filter, ...g.paging, ...(g.site ? { Site: g.site } : {}) }).map(
          ([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`,
        );
        return {
          call: { ...EBS, action: 'DescribeDiskReplicaPairs', params },
          variant: g.variant,
          label: label('DescribeDiskReplicaPairs', region.id, ...shown),
        };
      }),
  );

/**
 * A Tag filter of one key: alone, with a value the run binds, or with an empty Value (the reading
 * tag-filter-empty-value: any value of the key, or only an empty one).
 */
function tagFilter(pick: number): { Key: string; Value?: string } {
  const Key = TAG_KEYS[pick % TAG_KEYS.length] as string;
  const how = Math.floor(pick / TAG_KEYS.length) % 3;
  return how === 0 ? { Key } : { Key, Value: how === 1 ? '' : 'dr' };
}

const describeGroups = fc
  .record({
    region: fc.nat(),
    site: fc.constantFrom(undefined, 'production', 'backup'),
    tag: fc.option(fc.nat(), { nil: undefined, freq: 4 }),
    paging,
    variant,
  })
  .map(
    (g) =>
      new CallCommand('DescribeDiskReplicaGroups', g, (s) => {
        const region = nth(replicationRegions(s), g.region);
        if (!region) return undefined;
        const filter = g.tag === undefined ? {} : { Tag: [tagFilter(g.tag)] };
        const params = { RegionId: region.id, ...(g.site ? { Site: g.site } : {}), ...filter, ...g.paging };
        const shown = Object.entries({ ...filter, ...g.paging, ...(g.site ? { Site: g.site } : {}) }).map(
          ([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`,
        );
        return {
          call: { ...EBS, action: 'DescribeDiskReplicaGroups', params },
          variant: g.variant,
          label: label('DescribeDiskReplicaGroups', region.id, ...shown),
        };
      }),
  );

export const LISTING_COMMANDS = { describePairs, describeGroups };

/** How often each command is drawn (properties/commands/index.ts gathers the families). */
export const LISTING_WEIGHTS = {
  describePairs: 2,
  describeGroups: 1,
} satisfies Record<keyof typeof LISTING_COMMANDS, number>;

/** The command drawing an ordinary call of each operation, by `product:action` (parameter sweeps start from it). */
export const LISTING_BASES = {
  'ebs:DescribeDiskReplicaPairs': LISTING_COMMANDS.describePairs,
  'ebs:DescribeDiskReplicaGroups': LISTING_COMMANDS.describeGroups,
};
