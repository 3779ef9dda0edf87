import fc from 'fast-check';
import type { Group, ModelState, Pair } from '../../model';
import { CallCommand, type Plan } from '../command';
import { coupleDisk } from './disks';
import { createGroup, createPair } from './scenarios';
import { couple } from './second-cases';
import { EBS, groups, label, nth, pairs, rarely, sending, variant, withToken, withVariant } from './toolkit';

// Tag calls on pairs and groups, valid and each documented way of being wrong.

const TYPES = { pair: 'diskreplicapair', group: 'diskreplicagroup' } as const;
type Kind = keyof typeof TYPES;

/** A small pool, so that keys are bound again (a new value) and filters find something. */
export const TAG_KEYS = ['env', 'team', 'app', 'cost-center'] as const;
const TAG_VALUES = ['dr', 'prod', 'blue', ''] as const;

/** Resource groups creates put pairs and groups in, and listings filter on. */
export const RESOURCE_GROUPS = ['rg-conformance-a', 'rg-conformance-b'] as const;

/** The resource groups this world lets calls name: the account's own on a real one (World.resourceGroups). */
export const resourceGroupsOf = (s: ModelState): readonly string[] =>
  s.world.resourceGroups ?? RESOURCE_GROUPS;

/** A drawn resource group as this world has it: the one at its place, none past the world's last. */
export const resourceGroupIn = (s: ModelState, drawn: string | undefined): string | undefined =>
  drawn === undefined
    ? undefined
    : resourceGroupsOf(s)[(RESOURCE_GROUPS as readonly string[]).indexOf(drawn)];

/** A create's ResourceGroupId for a drawn resource group, when this world has one in its place. */
export function resourceGroupParam(s: ModelState, drawn: string | undefined): { ResourceGroupId?: string } {
  const id = resourceGroupIn(s, drawn);
  return id === undefined ? {} : { ResourceGroupId: id };
}

export const tagArb = fc.record({ Key: fc.constantFrom(...TAG_KEYS), Value: fc.constantFrom(...TAG_VALUES) });

const ownersOf = (s: ModelState, kind: Kind): (Pair | Group)[] => (kind === 'pair' ? pairs(s) : groups(s));

/** A RegionId no world holds (Untag and List document InvalidRegionId.NotFound for it). */
const NO_REGION = 'cn-unknown';

type TagFlaw =
  | 'none'
  | 'backupRegion'
  | 'wrongType'
  | 'clusterType'
  | 'unknownId'
  | 'tooManyIds'
  | 'tooManyTags'
  | 'duplicateKey'
  | 'reservedKey'
  | 'acsKey'
  | 'urlKey'
  | 'longKey'
  | 'longValue'
  | 'edgeTags'
  | 'acsValue'
  | 'urlValue'
  | 'overLimit'
  | 'unknownRegion';

const tagFlaw = fc.oneof(
  { weight: 10, arbitrary: fc.constant<TagFlaw>('none') },
  {
    // Fifteen documented ways of being wrong, each reached several times by a deep run, and the
    // longest key and value (accepted).
    weight: 6,
    arbitrary: fc.constantFrom<TagFlaw>(
      'backupRegion',
      'wrongType',
      'clusterType',
      'unknownId',
      'tooManyIds',
      'tooManyTags',
      'duplicateKey',
      'reservedKey',
      'acsKey',
      'urlKey',
      'longKey',
      'longValue',
      'edgeTags',
      'acsValue',
      'urlValue',
      'overLimit',
    ),
  },
);

/** The tags a flaw makes: past a count, a bad key or value, a key twice. */
function flawedTags(flaw: TagFlaw, tags: readonly { Key: string; Value: string }[]) {
  switch (flaw) {
    case 'tooManyTags':
      return Array.from({ length: 21 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    case 'overLimit':
      // 20 new keys on a resource that may already hold some: past 20 on it, or exactly 20.
      return Array.from({ length: 20 }, (_, i) => ({ Key: `bulk-${i}`, Value: 'v' }));
    case 'duplicateKey':
      return [...tags, { Key: tags[0]?.Key ?? 'env', Value: 'other' }];
    case 'reservedKey':
      return [{ Key: 'aliyun-reserved', Value: 'x' }];
    case 'acsKey':
      return [{ Key: 'acs:reserved', Value: 'x' }];
    case 'urlKey':
      return [{ Key: 'see http://example.com', Value: 'x' }];
    case 'longKey':
      return [{ Key: 'k'.repeat(129), Value: 'x' }];
    case 'longValue':
      return [{ Key: 'env', Value: 'v'.repeat(129) }];
    case 'edgeTags':
      return [{ Key: `edge-${'k'.repeat(123)}`, Value: 'v'.repeat(128) }];
    case 'acsValue':
      return [{ Key: 'env', Value: 'acs:reserved' }];
    case 'urlValue':
      return [{ Key: 'env', Value: 'see https://example.com' }];
    default:
      return tags;
  }
}

/** The resource IDs a flaw makes. */
function flawedIds(flaw: TagFlaw, ids: readonly string[]): string[] {
  if (flaw === 'unknownId') return [...ids, 'pair-cn-unknown000000'];
  if (flaw === 'tooManyIds') return Array.from({ length: 51 }, (_, i) => ids[i % ids.length] ?? `pair-${i}`);
  return [...ids];
}

function resourceType(kind: Kind, flaw: TagFlaw): string {
  if (flaw === 'clusterType') return 'dedicatedblockstoragecluster';
  if (flaw === 'wrongType') return TYPES[kind === 'pair' ? 'group' : 'pair'];
  return TYPES[kind];
}

const pickOwners = (s: ModelState, kind: Kind, first: number, count: number) => {
  const list = ownersOf(s, kind);
  const a = nth(list, first);
  if (!a) return [];
  // Several resources in one call: those of the same production region.
  const more = list.filter((o) => o.id !== a.id && o.primary.regionId === a.primary.regionId);
  return [a, ...more.slice(0, count - 1)];
};

const tagResources = fc
  .record({
    kind: fc.constantFrom<Kind>('pair', 'pair', 'group'),
    first: fc.nat(),
    count: fc.integer({ min: 1, max: 3 }),
    tags: fc.uniqueArray(tagArb, { minLength: 1, maxLength: 3, selector: (t) => t.Key }),
    flaw: tagFlaw,
    ...sending,
  })
  .map(
    (g) =>
      new CallCommand('TagResources', g, (s) => {
        const owners = pickOwners(s, g.kind, g.first, g.count);
        const first = owners[0];
        if (!first) return undefined;
        const region = g.flaw === 'backupRegion' ? first.standby.regionId : first.primary.regionId;
        const ids = flawedIds(
          g.flaw,
          owners.map((o) => o.id),
        );
        const tags = flawedTags(g.flaw, g.tags);
        const params = withToken(
          { RegionId: region, ResourceType: resourceType(g.kind, g.flaw), ResourceId: ids, Tag: tags },
          g.token,
        );
        return {
          call: { ...EBS, action: 'TagResources', params },
          variant: g.variant,
          label: label(
            'TagResources',
            `${ids.length} ${g.kind}(s)`,
            tags.map((t) => `${t.Key}=${t.Value}`).join(' '),
            g.flaw !== 'none' && g.flaw,
          ),
        };
      }),
  );

const untagResources = fc
  .record({
    kind: fc.constantFrom<Kind>('pair', 'pair', 'group'),
    first: fc.nat(),
    count: fc.integer({ min: 1, max: 2 }),
    how: fc.constantFrom('keys', 'keys', 'all', 'keysAndAll', 'nothing'),
    keys: fc.uniqueArray(fc.constantFrom(...TAG_KEYS), { minLength: 1, maxLength: 2 }),
    flaw: fc.oneof(
      { weight: 10, arbitrary: fc.constant<TagFlaw>('none') },
      {
        weight: 1,
        arbitrary: fc.constantFrom<TagFlaw>(
          'unknownId',
          'tooManyIds',
          'wrongType',
          'tooManyTags',
          'unknownRegion',
        ),
      },
    ),
    ...sending,
  })
  .map(
    (g) =>
      new CallCommand('UntagResources', g, (s) => {
        const owners = pickOwners(s, g.kind, g.first, g.count);
        const first = owners[0];
        // On a billed account All would take the run's tag too: its listings and sweep would lose the resource.
        if (!first || (g.how === 'all' && s.world.billed)) return undefined;
        const keys = g.flaw === 'tooManyTags' ? Array.from({ length: 21 }, (_, i) => `k${i}`) : g.keys;
        const params = withToken(
          {
            RegionId: g.flaw === 'unknownRegion' ? NO_REGION : first.primary.regionId,
            ResourceType: resourceType(g.kind, g.flaw),
            ResourceId: flawedIds(
              g.flaw,
              owners.map((o) => o.id),
            ),
            ...(g.how === 'keys' || g.how === 'keysAndAll' ? { TagKey: keys } : {}),
            ...(g.how === 'all' || g.how === 'keysAndAll' ? { All: true } : {}),
          },
          g.token,
        );
        return {
          call: { ...EBS, action: 'UntagResources', params },
          variant: g.variant,
          label: label(
            'UntagResources',
            `${owners.length} ${g.kind}(s)`,
            g.how,
            g.how !== 'all' && keys.join(' '),
            g.flaw !== 'none' && g.flaw,
          ),
        };
      }),
  );

const listTagResources = fc
  .record({
    kind: fc.constantFrom<Kind>('pair', 'pair', 'group'),
    first: fc.nat(),
    count: fc.integer({ min: 1, max: 3 }),
    by: fc.constantFrom('ids', 'ids', 'tag', 'keyOnly', 'both', 'neither', 'keyTwice', 'unknownRegion'),
    tag: tagArb,
    variant,
  })
  .map(
    (g) =>
      new CallCommand('ListTagResources', g, (s) => {
        const owners = pickOwners(s, g.kind, g.first, g.count);
        const first = owners[0];
        // A billed account's listings all carry the run's tag (adapters/namespace.ts), so a call
        // with no filter at all cannot be made there without reading what others own.
        if (!first || (g.by === 'neither' && s.world.billed)) return undefined;
        const ids =
          g.by === 'ids' || g.by === 'both' || g.by === 'unknownRegion'
            ? { ResourceId: owners.map((o) => o.id) }
            : {};
        const tag =
          g.by === 'tag' || g.by === 'both'
            ? { Tag: [g.tag.Value === '' ? { Key: g.tag.Key } : g.tag] }
            : g.by === 'keyOnly'
              ? { Tag: [{ Key: g.tag.Key }] }
              : g.by === 'keyTwice'
                ? { Tag: [{ Key: g.tag.Key }, { Key: g.tag.Key, Value: 'other' }] }
                : {};
        const region = g.by === 'unknownRegion' ? NO_REGION : first.primary.regionId;
        const params = { RegionId: region, ResourceType: TYPES[g.kind], ...ids, ...tag };
        return {
          call: { ...EBS, action: 'ListTagResources', params },
          variant: g.variant,
          label: label(
            'ListTagResources',
            region,
            TYPES[g.kind],
            g.by,
            g.by !== 'ids' && g.by !== 'neither' && `${g.tag.Key}=${g.tag.Value}`,
          ),
        };
      }),
  );

/** The most resources one tag call names (ResourceId.N, TAG.AT_MOST_50_RESOURCES). */
const MOST_RESOURCES = 50;

/** TagResources or UntagResources naming the latest 50 groups of the latest pair's region. */
function onLatestGroups(action: 'TagResources' | 'UntagResources'): Plan {
  return (s) => {
    const region = pairs(s).at(-1)?.primary.regionId;
    const ids = groups(s)
      .filter((g) => g.primary.regionId === region)
      .slice(-MOST_RESOURCES)
      .map((g) => g.id);
    if (!region || ids.length < MOST_RESOURCES) return undefined;
    const tag = action === 'TagResources' ? { Tag: [{ Key: 'bulk', Value: 'fifty' }] } : { TagKey: ['bulk'] };
    return {
      call: {
        ...EBS,
        action,
        params: { RegionId: region, ResourceType: 'diskreplicagroup', ResourceId: ids, ...tag },
      },
      label: label(action, `the last ${MOST_RESOURCES} groups`),
    };
  };
}

/**
 * Tags bound to and taken from 50 groups in one call each, the documented most: 50 empty groups
 * like a fresh pair first. Rare even in a deep run (about 50 calls each time); never on a billed account.
 */
const fiftyTagged = fc.record({ couple, go: rarely(8), variant }).map((g) => {
  const steps = g.go
    ? [
        coupleDisk(g.couple, 0),
        coupleDisk(g.couple, 1),
        createPair,
        ...Array.from({ length: MOST_RESOURCES }, () => createGroup),
        onLatestGroups('TagResources'),
        onLatestGroups('UntagResources'),
      ].map(withVariant(g.variant))
    : [() => undefined];
  const [start, ...then] = steps as [Plan, ...Plan[]];
  // Fifty groups are far past what a sequence may hold on a billed account (properties/live-budget.ts).
  const first: Plan = (s) => (s.world.billed ? undefined : start(s));
  return new CallCommand('FiftyTagged', g, first, ...then);
});

export const TAG_COMMANDS = { tagResources, untagResources, listTagResources, fiftyTagged };

/** How often each command is drawn (properties/commands/index.ts gathers the families). */
export const TAG_WEIGHTS = {
  tagResources: 2,
  untagResources: 1,
  listTagResources: 1,
  // Drawn as often as a tag listing, and then run one time in eight.
  fiftyTagged: 1,
} satisfies Record<keyof typeof TAG_COMMANDS, number>;

/** The command drawing an ordinary call of each operation, by `product:action` (parameter sweeps start from it). */
export const TAG_BASES = {
  'ebs:TagResources': TAG_COMMANDS.tagResources,
  'ebs:UntagResources': TAG_COMMANDS.untagResources,
  'ebs:ListTagResources': TAG_COMMANDS.listTagResources,
};
