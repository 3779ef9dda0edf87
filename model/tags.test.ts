import { describe, expect, it } from 'vitest';
import { allowedOutcomes } from './allowed-outcomes';
import { pairRow } from './projections/pairs';
import type { ModelState } from './state';
import {
  apply,
  asRefusal,
  asSuccess,
  codesOf,
  createGroupParams,
  createPairParams,
  ebsCall,
  groupScenario,
  pairScenario,
  T0,
  withDisk,
} from './testkit';

const tag = (extra: Record<string, unknown>) =>
  ebsCall('TagResources', {
    RegionId: 'cn-shanghai',
    ResourceType: 'diskreplicapair',
    ResourceId: ['pair-1'],
    ...extra,
  });
const untag = (extra: Record<string, unknown>) =>
  ebsCall('UntagResources', {
    RegionId: 'cn-shanghai',
    ResourceType: 'diskreplicapair',
    ResourceId: ['pair-1'],
    ...extra,
  });
const list = (extra: Record<string, unknown>) =>
  ebsCall('ListTagResources', { RegionId: 'cn-shanghai', ResourceType: 'diskreplicapair', ...extra });
const bound = (s: ModelState, tags: { Key: string; Value: string }[]) => apply(s, tag({ Tag: tags }));
const rowsOf = (s: ModelState, extra: Record<string, unknown>) =>
  asSuccess(allowedOutcomes(s, list(extra), T0)).tagRows;

describe('TagResources', () => {
  it('TAG.BIND.VISIBLE: bound tags show in ListTagResources and in the pair row', () => {
    const s = bound(pairScenario(), [{ Key: 'env', Value: 'dr' }]);
    expect(rowsOf(s, { ResourceId: ['pair-1'] })).toEqual([
      { ResourceId: 'pair-1', TagKey: 'env', TagValue: 'dr' },
    ]);
    expect(pairRow(s, s.pairs['pair-1']!, 'production').Tags).toEqual([{ TagKey: 'env', TagValue: 'dr' }]);
  });

  it('TAG.BIND.NEW_VALUE: binding a bound key gives it the new value', () => {
    let s = bound(pairScenario(), [{ Key: 'env', Value: 'dr' }]);
    const e = asSuccess(allowedOutcomes(s, tag({ Tag: [{ Key: 'env', Value: 'prod' }] }), T0));
    expect(e.rules).toContain('TAG.BIND.NEW_VALUE');
    s = e.next();
    expect(s.pairs['pair-1']?.tags).toEqual({ env: 'prod' });
  });

  it('TAG.BIND.DUPLICATE_KEY: one key twice in a call is refused with Duplicate.TagKey', () => {
    const call = tag({
      Tag: [
        { Key: 'env', Value: 'a' },
        { Key: 'env', Value: 'b' },
      ],
    });
    expect(codesOf(asRefusal(allowedOutcomes(pairScenario(), call, T0)))).toEqual(['Duplicate.TagKey']);
  });

  it('TAG.BIND.LIMIT_PER_RESOURCE: past 20 tags on one resource is refused with NumberExceed.Tags; 20 is fine', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    const s = bound(pairScenario(), twenty);
    const e = asRefusal(allowedOutcomes(s, tag({ Tag: [{ Key: 'one-more', Value: 'v' }] }), T0));
    expect(e.rules).toContain('TAG.BIND.LIMIT_PER_RESOURCE');
    expect(codesOf(e)).toEqual(['NumberExceed.Tags']);
    expect(asSuccess(allowedOutcomes(s, tag({ Tag: [{ Key: 'k3', Value: 'w' }] }), T0)).kind).toBe('success');
  });

  it('TAG.BIND.LIMIT_PER_RESOURCE on a billed account: the run tag holds one of the 20, so 19 of the run are the most', () => {
    const nineteen = Array.from({ length: 19 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    const plain = bound(pairScenario(), nineteen);
    const billed = { ...plain, world: { ...plain.world, billed: true } };
    const oneMore = tag({ Tag: [{ Key: 'one-more', Value: 'v' }] });
    expect(asSuccess(allowedOutcomes(plain, oneMore, T0)).kind).toBe('success');
    expect(codesOf(asRefusal(allowedOutcomes(billed, oneMore, T0)))).toEqual(['NumberExceed.Tags']);
  });

  it('TAG.BIND.KEY_FORMAT and TAG.BIND.VALUE_FORMAT: reserved prefixes and URLs are refused', () => {
    for (const Key of ['aliyun-x', 'acs:x', 'a http://b', 'k'.repeat(129)]) {
      const e = asRefusal(allowedOutcomes(pairScenario(), tag({ Tag: [{ Key, Value: 'v' }] }), T0));
      expect(e.rules, Key).toContain('TAG.BIND.KEY_FORMAT');
    }
    for (const Value of ['acs:x', 'see https://b']) {
      const e = asRefusal(allowedOutcomes(pairScenario(), tag({ Tag: [{ Key: 'env', Value }] }), T0));
      expect(e.rules, Value).toContain('TAG.BIND.VALUE_FORMAT');
      expect(e.rules, Value).not.toContain('TAG.BIND.KEY_FORMAT');
    }
    // Accepted at the edges (an empty value, 128 characters each): both rules are judged passed.
    for (const t of [
      { Key: 'env', Value: '' },
      { Key: 'k'.repeat(128), Value: 'v'.repeat(128) },
    ]) {
      const ok = asSuccess(allowedOutcomes(pairScenario(), tag({ Tag: [t] }), T0));
      expect(ok.rules).toEqual(expect.arrayContaining(['TAG.BIND.KEY_FORMAT', 'TAG.BIND.VALUE_FORMAT']));
    }
  });

  it('TAG.AT_MOST_50_RESOURCES and TAG.AT_MOST_20_TAGS: the documented counts, with their codes', () => {
    const ids = asRefusal(
      allowedOutcomes(
        pairScenario(),
        tag({ ResourceId: Array(51).fill('pair-1'), Tag: [{ Key: 'a', Value: 'b' }] }),
        T0,
      ),
    );
    expect(ids.rules).toContain('TAG.AT_MOST_50_RESOURCES');
    expect(codesOf(ids)).toContain('NumberExceed.ResourceIds');
    const many = Array.from({ length: 21 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    const tags = asRefusal(allowedOutcomes(pairScenario(), tag({ Tag: many }), T0));
    expect(tags.rules).toContain('TAG.AT_MOST_20_TAGS');
    expect(codesOf(tags)).toContain('NumberExceed.Tags');
    const keys = asRefusal(allowedOutcomes(pairScenario(), untag({ TagKey: many.map((t) => t.Key) }), T0));
    expect(codesOf(keys)).toContain('NumberExceed.Tags');
  });

  it('TAG.RESOURCE_TYPE: an undocumented type is refused with InvalidResourceType.NotFound, a missing one with MissingParameter.ResourceType', () => {
    const bad = asRefusal(
      allowedOutcomes(pairScenario(), tag({ ResourceType: 'pair', Tag: [{ Key: 'a' }] }), T0),
    );
    expect(bad.rules).toContain('TAG.RESOURCE_TYPE');
    expect(codesOf(bad)).toContain('InvalidResourceType.NotFound');
    const call = ebsCall('TagResources', {
      RegionId: 'cn-shanghai',
      ResourceId: ['pair-1'],
      Tag: [{ Key: 'a' }],
    });
    expect(codesOf(asRefusal(allowedOutcomes(pairScenario(), call, T0)))).toContain(
      'MissingParameter.ResourceType',
    );
  });

  it('TAG.UNKNOWN_RESOURCE: an unknown ID, a pair named as a group, or another region is InvalidResourceId.NotFound', () => {
    for (const extra of [
      { ResourceId: ['pair-x'] },
      { ResourceType: 'diskreplicagroup' },
      { RegionId: 'cn-hangzhou' },
    ]) {
      const e = asRefusal(
        allowedOutcomes(pairScenario(), tag({ Tag: [{ Key: 'a', Value: 'b' }], ...extra }), T0),
      );
      expect(codesOf(e), JSON.stringify(extra)).toEqual(['InvalidResourceId.NotFound']);
    }
    // From the backup site's region the docs do not say.
    const backup = asSuccess(
      allowedOutcomes(pairScenario(), tag({ RegionId: 'cn-beijing', Tag: [{ Key: 'a' }] }), T0),
    );
    expect(backup.also.map((x) => x.code)).toEqual(['InvalidResourceId.NotFound']);
  });
});

describe('the reading tag-calls-in-backup-region', () => {
  const READING = 'tag-calls-in-backup-region';
  const holding = (s: ModelState, alternative?: string) =>
    alternative === undefined ? s : { ...s, readings: { ...s.readings, [READING]: alternative } };
  const fromBackup = (extra: Record<string, unknown>) => tag({ RegionId: 'cn-beijing', ...extra });

  it('open: a refusal from the backup region also allows the pair not found there, and shows unknown by it', () => {
    // Seed 5, 3200 sequences: 20 tags more on a tagged pair, sent from its backup region, got
    // InvalidResourceId.NotFound where only NumberExceed.Tags was allowed.
    const s = bound(pairScenario(), [{ Key: 'env', Value: 'dr' }]);
    const twenty = Array.from({ length: 20 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    const e = asRefusal(allowedOutcomes(s, fromBackup({ Tag: twenty }), T0));
    expect(codesOf(e).sort()).toEqual(['InvalidResourceId.NotFound', 'NumberExceed.Tags']);
    expect(e.reading).toMatchObject({ fork: { id: READING }, codes: ['InvalidResourceId.NotFound'] });
    // From its own region nothing is open.
    expect(codesOf(asRefusal(allowedOutcomes(s, tag({ Tag: twenty }), T0)))).toEqual(['NumberExceed.Tags']);
  });

  it('held: unknown refuses from the backup region, found tags there and allows no refusal', () => {
    const call = fromBackup({ Tag: [{ Key: 'a', Value: 'b' }] });
    const unknown = asRefusal(allowedOutcomes(holding(pairScenario(), 'unknown'), call, T0));
    expect(codesOf(unknown)).toEqual(['InvalidResourceId.NotFound']);
    const found = asSuccess(allowedOutcomes(holding(pairScenario(), 'found'), call, T0));
    expect(found.also).toEqual([]);
    expect(found.next().pairs['pair-1']?.tags).toEqual({ a: 'b' });
  });

  it('ListTagResources from the backup region: its rows are allowed while open, required under found, absent under unknown', () => {
    const s = bound(pairScenario(), [{ Key: 'env', Value: 'dr' }]);
    const call = ebsCall('ListTagResources', {
      RegionId: 'cn-beijing',
      ResourceType: 'diskreplicapair',
      ResourceId: ['pair-1'],
    });
    const rows = (alternative?: string) =>
      asSuccess(allowedOutcomes(holding(s, alternative), call, T0)).tagRows;
    const row = { ResourceId: 'pair-1', TagKey: 'env', TagValue: 'dr' };
    expect(rows()).toEqual([{ ...row, maybe: true }]);
    expect(rows('found')).toEqual([row]);
    expect(rows('unknown')).toEqual([]);
  });
});

describe('UntagResources', () => {
  const tagged = () =>
    bound(pairScenario(), [
      { Key: 'env', Value: 'dr' },
      { Key: 'team', Value: 'blue' },
    ]);

  it('TAG.UNBIND.BY_KEY: only the named keys go; an unbound key changes nothing', () => {
    const s = apply(tagged(), untag({ TagKey: ['env', 'nope'] }));
    expect(s.pairs['pair-1']?.tags).toEqual({ team: 'blue' });
  });

  it('TAG.UNBIND.ALL: All=true without keys unbinds everything', () => {
    const s = apply(tagged(), untag({ All: true }));
    expect(s.pairs['pair-1']?.tags).toEqual({});
    expect(rowsOf(s, { ResourceId: ['pair-1'] })).toEqual([]);
  });

  it('TAG.UNBIND.ALL_ONLY_WITHOUT_KEYS: with TagKey.N, All unbinds only those keys', () => {
    const e = asSuccess(allowedOutcomes(tagged(), untag({ TagKey: ['env'], All: true }), T0));
    expect(e.rules).toContain('TAG.UNBIND.ALL_ONLY_WITHOUT_KEYS');
    expect(e.next().pairs['pair-1']?.tags).toEqual({ team: 'blue' });
  });

  it('TAG.UNBIND.NOTHING_NAMED: neither keys nor All changes nothing or is refused', () => {
    const e = asSuccess(allowedOutcomes(tagged(), untag({}), T0));
    expect(e.rules).toContain('TAG.UNBIND.NOTHING_NAMED');
    expect(e.also.map((x) => x.code)).toEqual(['InvalidParameter', 'MissingParameter']);
    expect(e.next().pairs['pair-1']?.tags).toEqual({ env: 'dr', team: 'blue' });
  });
});

describe('ListTagResources', () => {
  /** pair-1 tagged env=dr, pair-2 tagged env=prod and team=blue. */
  function twoPairs(): ModelState {
    let s = withDisk(withDisk(pairScenario(), { id: 'd-p2' }), { id: 'd-s2', region: 'cn-beijing' });
    s = apply(
      s,
      ebsCall('CreateDiskReplicaPair', {
        ...createPairParams('d-p2', 'd-s2'),
        Tag: [
          { Key: 'env', Value: 'prod' },
          { Key: 'team', Value: 'blue' },
        ],
      }),
      T0,
      { ReplicaPairId: 'pair-2' },
    );
    return bound(s, [{ Key: 'env', Value: 'dr' }]);
  }

  it('TAG.LIST.NEEDS_A_FILTER: with neither ResourceId.N nor Tag.N the call is refused', () => {
    const e = asRefusal(allowedOutcomes(twoPairs(), list({}), T0));
    expect(e.rules).toContain('TAG.LIST.NEEDS_A_FILTER');
    expect(e.undocumented).toBe(true);
  });

  it('TAG.LIST.BY_RESOURCE: one row per tag of each named resource', () => {
    expect(rowsOf(twoPairs(), { ResourceId: ['pair-2'] })).toEqual([
      { ResourceId: 'pair-2', TagKey: 'env', TagValue: 'prod' },
      { ResourceId: 'pair-2', TagKey: 'team', TagValue: 'blue' },
    ]);
  });

  it('TAG.LIST.BY_TAG: a key alone matches any value, a key and value only that value', () => {
    expect(rowsOf(twoPairs(), { Tag: [{ Key: 'env' }] })?.map((r) => r.ResourceId)).toEqual([
      'pair-1',
      'pair-2',
      'pair-2',
    ]);
    expect(rowsOf(twoPairs(), { Tag: [{ Key: 'env', Value: 'dr' }] })).toEqual([
      { ResourceId: 'pair-1', TagKey: 'env', TagValue: 'dr' },
    ]);
  });

  it('TAG.LIST.BOTH_FILTERS: ResourceId.N and Tag.N together select their intersection', () => {
    expect(rowsOf(twoPairs(), { ResourceId: ['pair-1'], Tag: [{ Key: 'team' }] })).toEqual([]);
  });

  it('TAG.CREATE.BINDS: tags given to a create are bound to the new pair and group', () => {
    expect(rowsOf(twoPairs(), { ResourceId: ['pair-2'] })).toHaveLength(2);
    const s = apply(
      groupScenario(),
      ebsCall('CreateDiskReplicaGroup', {
        ...createGroupParams(),
        Tag: [{ Key: 'app', Value: 'erp' }],
        ResourceGroupId: 'rg-1',
      }),
      T0,
      { ReplicaGroupId: 'pg-2' },
    );
    expect(s.groups['pg-2']).toMatchObject({ tags: { app: 'erp' }, resourceGroupId: 'rg-1' });
  });
});

describe('Describe filters', () => {
  it('TAG.DESCRIBE.FILTER: DescribeDiskReplicaPairs with Tag.N lists only pairs with every tag', () => {
    const s = bound(pairScenario(), [{ Key: 'env', Value: 'dr' }]);
    const call = (Tag: unknown) => ebsCall('DescribeDiskReplicaPairs', { RegionId: 'cn-shanghai', Tag });
    const ids = (Tag: unknown) =>
      asSuccess(allowedOutcomes(s, call(Tag), T0)).listing?.rows.map((r) => r.ReplicaPairId);
    expect(ids([{ Key: 'env', Value: 'dr' }])).toEqual(['pair-1']);
    expect(ids([{ Key: 'env', Value: 'prod' }])).toEqual([]);
    expect(asSuccess(allowedOutcomes(s, call([{ Key: 'env' }]), T0)).rules).toContain('TAG.DESCRIBE.FILTER');
  });

  it('TAG.DESCRIBE.FILTER (reading tag-filter-empty-value): Value="" lists a key of another value only under any-value', () => {
    const s = bound(pairScenario(), [{ Key: 'env', Value: 'dr' }]);
    const empty = (state: ModelState, action: string) =>
      asSuccess(
        allowedOutcomes(
          state,
          ebsCall(action, { RegionId: 'cn-shanghai', Tag: [{ Key: 'env', Value: '' }] }),
          T0,
        ),
      ).listing;
    // Open: no row either way for sure, pair-1 open to any-value; TotalCount is no fact then.
    const open = empty(s, 'DescribeDiskReplicaPairs');
    expect(open?.rows).toEqual([]);
    expect(open?.open).toMatchObject({
      reading: 'tag-filter-empty-value',
      listed: 'any-value',
      unlisted: 'empty-only',
    });
    expect(open?.open?.rows.map((r) => r.ReplicaPairId)).toEqual(['pair-1']);
    const fixed = (choice: string): ModelState => ({ ...s, readings: { 'tag-filter-empty-value': choice } });
    expect(empty(fixed('any-value'), 'DescribeDiskReplicaPairs')?.rows.map((r) => r.ReplicaPairId)).toEqual([
      'pair-1',
    ]);
    expect(empty(fixed('empty-only'), 'DescribeDiskReplicaPairs')?.rows).toEqual([]);
    // A tag bound with an empty value is listed either way.
    const emptyBound = bound(pairScenario(), [{ Key: 'env', Value: '' }]);
    const both = empty(emptyBound, 'DescribeDiskReplicaPairs');
    expect(both?.rows.map((r) => r.ReplicaPairId)).toEqual(['pair-1']);
    expect(both?.open?.rows ?? []).toEqual([]);
    // Groups and disks read the filter the same way.
    const g = apply(
      groupScenario(),
      ebsCall('TagResources', {
        RegionId: 'cn-shanghai',
        ResourceType: 'diskreplicagroup',
        ResourceId: ['pg-1'],
        Tag: [{ Key: 'env', Value: 'dr' }],
      }),
    );
    const groups = empty(g, 'DescribeDiskReplicaGroups');
    expect(groups?.open?.rows.map((r) => r.ReplicaGroupId)).toEqual(['pg-1']);
    // An open row of an empty group may leave its members out, as a listed one may.
    expect(groups?.loose?.['pg-1']).toEqual({ PairIds: [undefined], PairNumber: [undefined] });
  });

  it('TAG.DESCRIBE.FILTER beside pair-listing: a pair only either-disk and any-value together list leaves the listing unjudged', () => {
    // Found with the emulator playing pair-listing=either-disk (seeds 1 and 2, 400 sequences):
    // pair-1 (production cn-shanghai, env=dr) listed in cn-beijing for Tag env="".
    const s = bound(pairScenario(), [{ Key: 'env', Value: 'dr' }]);
    const listing = (state: ModelState, Tag: unknown) =>
      asSuccess(
        allowedOutcomes(state, ebsCall('DescribeDiskReplicaPairs', { RegionId: 'cn-beijing', Tag }), T0),
      ).listing;
    expect(listing(s, [{ Key: 'env', Value: '' }])).toBeUndefined();
    // Either reading fixed, the other one alone is open and the listing is judged.
    const fixed = (id: string, choice: string): ModelState => ({ ...s, readings: { [id]: choice } });
    expect(listing(fixed('pair-listing', 'site'), [{ Key: 'env', Value: '' }])?.rows).toEqual([]);
    expect(listing(fixed('tag-filter-empty-value', 'empty-only'), [{ Key: 'env', Value: '' }])).toBeDefined();
    // A strict match is pair-listing's open row alone.
    expect(listing(s, [{ Key: 'env', Value: 'dr' }])?.open?.rows.map((r) => r.ReplicaPairId)).toEqual([
      'pair-1',
    ]);
  });

  it('TAG.DESCRIBE.RESOURCE_GROUP_FILTER: ResourceGroupId lists only the pairs created in it', () => {
    let s = withDisk(withDisk(pairScenario(), { id: 'd-p2' }), { id: 'd-s2', region: 'cn-beijing' });
    s = apply(
      s,
      ebsCall('CreateDiskReplicaPair', { ...createPairParams('d-p2', 'd-s2'), ResourceGroupId: 'rg-9' }),
      T0,
      {
        ReplicaPairId: 'pair-2',
      },
    );
    const e = asSuccess(
      allowedOutcomes(
        s,
        ebsCall('DescribeDiskReplicaPairs', { RegionId: 'cn-shanghai', ResourceGroupId: 'rg-9' }),
        T0,
      ),
    );
    expect(e.rules).toContain('TAG.DESCRIBE.RESOURCE_GROUP_FILTER');
    expect(e.listing?.rows.map((r) => [r.ReplicaPairId, r.ResourceGroupId])).toEqual([['pair-2', 'rg-9']]);
  });
});
