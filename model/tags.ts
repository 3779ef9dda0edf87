import * as api from '../api';
import type { Ctx, Handler, ParamRule } from './context';
import { bool, decide, list, str } from './context';
import {
  allowed,
  collect,
  deny,
  denyUndocumented,
  type Expectation,
  forkOnUnknown,
  observe,
  refuse,
  succeed,
  type TagRow,
  type Violation,
} from './expectation';
import type { Group, ModelState, Pair, Replication } from './state';
import { findRegion } from './world';

// Tags and resource groups of pairs and groups: what creates bind, what TagResources,
// UntagResources and ListTagResources do, and the Tag/ResourceGroupId filters of the listings.

type Tagged = Pick<Replication, 'tags' | 'resourceGroupId'>;
type TagParam = readonly { readonly Key: string; readonly Value?: string }[];

const tagParam = (v: unknown): TagParam => (Array.isArray(v) ? (v as TagParam) : []);

/** The tag and resource-group fields a create gives the new pair or group (TAG.CREATE.BINDS). */
export function taggedAtCreate(params: Readonly<Record<string, unknown>>): Tagged {
  const tags = tagParam(params.Tag);
  const resourceGroupId = str(params.ResourceGroupId);
  return {
    ...(tags.length > 0 ? { tags: Object.fromEntries(tags.map((t) => [t.Key, t.Value ?? ''])) } : {}),
    ...(resourceGroupId ? { resourceGroupId } : {}),
  };
}

/** What a Describe row shows of them; nothing when there is nothing, whatever empty looks like. */
export function taggedRow(r: Tagged): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  const tags = r.tags ? Object.entries(r.tags) : [];
  if (tags.length > 0) row.Tags = tags.map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
  if (r.resourceGroupId) row.ResourceGroupId = r.resourceGroupId;
  return row;
}

/**
 * Every given tag is bound (a key without a value matches any value). An empty value matches any
 * value too when `emptyMatchesAny` (the reading tag-filter-empty-value), else only an empty one.
 */
export const hasTags = (r: Tagged, wanted: TagParam, emptyMatchesAny = false): boolean =>
  wanted.every(
    (t) =>
      r.tags?.[t.Key] !== undefined &&
      (t.Value === undefined || (emptyMatchesAny && t.Value === '') || r.tags[t.Key] === t.Value),
  );

/** The alternatives of the reading tag-filter-empty-value (api/readings.ts). */
export const EMPTY_TAG_VALUE = {
  reading: 'tag-filter-empty-value',
  listed: 'any-value',
  unlisted: 'empty-only',
};

/** What a listing's Tag and ResourceGroupId filters keep; `keep` undefined: every row. */
export interface DescribeFilter {
  readonly keep?: (r: Tagged) => boolean;
  readonly widened?: (r: Tagged) => boolean;
  readonly rules: readonly string[];
}

const NO_FILTER: DescribeFilter = { rules: [] };

/**
 * The Tag and ResourceGroupId filters of the Describe calls (TAG.DESCRIBE.*). While the reading
 * tag-filter-empty-value is open, `keep` holds what both alternatives list and `widened` what
 * only `any-value` lists (a key whose value is not empty, asked with Value='').
 */
export function describeFilter(
  params: Readonly<Record<string, unknown>>,
  state?: Pick<ModelState, 'readings'>,
): DescribeFilter {
  const wanted = tagParam(params.Tag);
  const resourceGroupId = str(params.ResourceGroupId);
  // Most listings (every settle read) filter on neither: nothing to build, every row kept.
  if (wanted.length === 0 && resourceGroupId === undefined) return NO_FILTER;
  const inGroup = (r: Tagged) => resourceGroupId === undefined || r.resourceGroupId === resourceGroupId;
  const fixed = state?.readings?.[EMPTY_TAG_VALUE.reading];
  const asksEmpty = wanted.some((t) => t.Value === '');
  const open = asksEmpty && fixed === undefined;
  return {
    keep: (r: Tagged) => hasTags(r, wanted, fixed === EMPTY_TAG_VALUE.listed) && inGroup(r),
    ...(open
      ? { widened: (r: Tagged) => inGroup(r) && hasTags(r, wanted, true) && !hasTags(r, wanted) }
      : {}),
    rules: [
      ...(wanted.length > 0 ? ['TAG.DESCRIBE.FILTER'] : []),
      ...(resourceGroupId ? ['TAG.DESCRIBE.RESOURCE_GROUP_FILTER'] : []),
    ],
  };
}

type Resource = { readonly kind: 'pair'; readonly r: Pair } | { readonly kind: 'group'; readonly r: Group };

/**
 * The reading tag-calls-in-backup-region: from the region of a resource's disaster-recovery site
 * the tag calls find it (`found`) or not (`unknown`), as in any other region but its own.
 */
const BACKUP_SITE = { id: 'tag-calls-in-backup-region', onSuccess: 'found', onRefusal: 'unknown' };

/** Whether the tag calls may find a resource at its backup site: `found`, or the reading open. */
const backupFound = (state: ModelState) => state.readings?.[BACKUP_SITE.id] !== BACKUP_SITE.onRefusal;

type Where = 'here' | 'backup' | 'nowhere';

/** Where a resource is for the tag calls: the region it was created in (its production site). */
function locate(ctx: Ctx, id: string): { resource?: Resource; where: Where } {
  const type = ctx.params.ResourceType;
  const resource: Resource | undefined =
    type === 'diskreplicapair' && ctx.state.pairs[id]
      ? { kind: 'pair', r: ctx.state.pairs[id] }
      : type === 'diskreplicagroup' && ctx.state.groups[id]
        ? { kind: 'group', r: ctx.state.groups[id] }
        : undefined;
  if (!resource) return { where: 'nowhere' };
  if (resource.r.primary.regionId === ctx.params.RegionId) return { resource, where: 'here' };
  if (resource.r.standby.regionId === ctx.params.RegionId) return { resource, where: 'backup' };
  return { where: 'nowhere' };
}

function withTags(state: ModelState, res: Resource, tags: Readonly<Record<string, string>>): ModelState {
  if (res.kind === 'pair') return { ...state, pairs: { ...state.pairs, [res.r.id]: { ...res.r, tags } } };
  return { ...state, groups: { ...state.groups, [res.r.id]: { ...res.r, tags } } };
}

const notFound = (ctx: Ctx) => deny(ctx.op, 'TAG.UNKNOWN_RESOURCE', 'InvalidResourceId.NotFound');

/**
 * A tag or untag call: `body` judges it given the resources found, those at their backup site
 * among them or not. Under the open reading they are, and the whole answer is forked on it.
 */
function atBackupSite(
  ctx: Ctx,
  body: (found: readonly Resource[], notFoundHere: Violation | undefined) => Expectation,
): Expectation {
  const located = (list(ctx.params.ResourceId) ?? []).map((id) => locate(ctx, id));
  const atBackup = backupFound(ctx.state);
  const found = located.flatMap((l) => (l.resource && (l.where === 'here' || atBackup) ? [l.resource] : []));
  const missing = found.length < located.length ? notFound(ctx) : undefined;
  const answer = body(found, missing);
  const open = ctx.state.readings?.[BACKUP_SITE.id] === undefined;
  return open && located.some((l) => l.where === 'backup')
    ? forkOnUnknown(ctx.state, BACKUP_SITE, answer, refuse([notFound(ctx)]))
    : answer;
}

/** Untag and List document InvalidRegionId.NotFound for a RegionId that names no region. */
const unknownRegion = (ctx: Ctx): Violation | undefined =>
  findRegion(ctx.state.world, ctx.params.RegionId)
    ? undefined
    : deny(ctx.op, 'TAG.UNKNOWN_REGION', 'InvalidRegionId.NotFound');

/** A Tag.N filter naming one key twice (ListTagResources documents Duplicate.TagKey). */
const duplicateFilterKey = (ctx: Ctx, wanted: TagParam): Violation | undefined =>
  new Set(wanted.map((t) => t.Key)).size < wanted.length
    ? deny(ctx.op, 'TAG.LIST.DUPLICATE_KEY', 'Duplicate.TagKey')
    : undefined;

/** Tags a resource may hold; the limit page (not in the metadata) gives 20. TODO(reading): tag-limit. */
const TAGS_PER_RESOURCE = 20;

export const tagResources: Handler<typeof api.TagResources> = (ctx): Expectation =>
  atBackupSite(ctx, (resources, missing) => {
    const tags = tagParam(ctx.params.Tag);
    const keys = tags.map((t) => t.Key);
    const merged = (r: Tagged) => ({
      ...(r.tags ?? {}),
      ...Object.fromEntries(tags.map((t) => [t.Key, t.Value ?? ''])),
    });
    const violations = collect(
      missing,
      keys.some((k, i) => keys.indexOf(k) !== i)
        ? deny(ctx.op, 'TAG.BIND.DUPLICATE_KEY', 'Duplicate.TagKey')
        : undefined,
      // On a billed account every resource the run makes also holds the run's tag, one of the 20.
      resources.some(
        (res) => Object.keys(merged(res.r)).length > TAGS_PER_RESOURCE - (ctx.state.world.billed ? 1 : 0),
      )
        ? deny(ctx.op, 'TAG.BIND.LIMIT_PER_RESOURCE', 'NumberExceed.Tags')
        : undefined,
    );
    if (violations.length > 0) return refuse(violations, ['TAG.RESOURCE_TYPE']);
    const overwrites = resources.some((res) => keys.some((k) => res.r.tags?.[k] !== undefined));
    return succeed({
      rules: [
        'TAG.BIND.VISIBLE',
        'TAG.RESOURCE_TYPE',
        'TAG.UNKNOWN_RESOURCE',
        'TAG.BIND.DUPLICATE_KEY',
        'TAG.BIND.LIMIT_PER_RESOURCE',
        // Every key and value bound passed the documented form.
        'TAG.BIND.KEY_FORMAT',
        'TAG.BIND.VALUE_FORMAT',
        'TAG.AT_MOST_50_RESOURCES',
        'TAG.AT_MOST_20_TAGS',
        ...(overwrites ? ['TAG.BIND.NEW_VALUE'] : []),
      ],
      next: () => resources.reduce((s, res) => withTags(s, res, merged(res.r)), ctx.state),
    });
  });

export const untagResources: Handler<typeof api.UntagResources> = (ctx): Expectation =>
  atBackupSite(ctx, (resources, missing) => {
    const keys = list(ctx.params.TagKey) ?? [];
    const all = bool(ctx.params.All, false) && keys.length === 0;
    // The docs give no order between an unknown region and the resources not found in it.
    const refused = collect(unknownRegion(ctx), missing);
    if (refused.length > 0) return refuse(refused, ['TAG.RESOURCE_TYPE']);
    const nothingNamed = keys.length === 0 && !all;
    const remaining = (r: Tagged) =>
      all ? {} : Object.fromEntries(Object.entries(r.tags ?? {}).filter(([k]) => !keys.includes(k)));
    return succeed({
      rules: [
        'TAG.RESOURCE_TYPE',
        'TAG.UNKNOWN_RESOURCE',
        'TAG.UNKNOWN_REGION',
        ...(all ? ['TAG.UNBIND.ALL'] : []),
        ...(keys.length > 0 ? ['TAG.UNBIND.BY_KEY'] : []),
        ...(keys.length > 0 && bool(ctx.params.All, false) ? ['TAG.UNBIND.ALL_ONLY_WITHOUT_KEYS'] : []),
        ...(nothingNamed ? ['TAG.UNBIND.NOTHING_NAMED'] : []),
      ],
      also: nothingNamed ? allowed(ctx.op, 'InvalidParameter', 'MissingParameter') : [],
      next: () => resources.reduce((s, res) => withTags(s, res, remaining(res.r)), ctx.state),
    });
  });

/**
 * Every resource of a type a tag call finds in a region, in creation order: those created there,
 * and those whose backup site is there but under `unknown` (`backup` says which they are).
 */
function resourcesIn(
  state: ModelState,
  type: unknown,
  regionId: unknown,
): { readonly r: Pair | Group; readonly backup: boolean }[] {
  const all: (Pair | Group)[] =
    type === 'diskreplicapair'
      ? Object.values(state.pairs)
      : type === 'diskreplicagroup'
        ? Object.values(state.groups)
        : [];
  const atBackup = backupFound(state);
  return all
    .filter((r) => r.primary.regionId === regionId || (atBackup && r.standby.regionId === regionId))
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
    .map((r) => ({ r, backup: r.primary.regionId !== regionId }));
}

export const listTagResources: Handler<typeof api.ListTagResources> = (ctx): Expectation => {
  const ids = list(ctx.params.ResourceId);
  const wanted = tagParam(ctx.params.Tag);
  const refused = collect(
    unknownRegion(ctx),
    duplicateFilterKey(ctx, wanted),
    !ids?.length && wanted.length === 0
      ? denyUndocumented(
          ctx.op,
          'TAG.LIST.NEEDS_A_FILTER',
          'parameter',
          'MissingParameter',
          'InvalidParameter',
        )
      : undefined,
  );
  if (refused.length > 0) return refuse(refused);
  const type = String(ctx.params.ResourceType);
  // While tag-calls-in-backup-region is open, a resource at its backup site may be listed or not.
  const open = ctx.state.readings?.[BACKUP_SITE.id] === undefined;
  const tagRows: TagRow[] = resourcesIn(ctx.state, type, ctx.params.RegionId)
    .filter(({ r }) => ids === undefined || ids.length === 0 || ids.includes(r.id))
    .filter(({ r }) => hasTags(r, wanted))
    .flatMap(({ r, backup }) =>
      Object.entries(r.tags ?? {}).map(([TagKey, TagValue]) => ({
        ResourceId: r.id,
        TagKey,
        TagValue,
        ...(backup && open ? { maybe: true } : {}),
      })),
    );
  return observe(ctx.state, {
    rules: [
      'PROTO.DESCRIBE_IS_PROJECTION',
      'TAG.LIST.NEEDS_A_FILTER',
      'TAG.RESOURCE_TYPE',
      'TAG.UNKNOWN_REGION',
      ...(wanted.length > 0 ? ['TAG.LIST.DUPLICATE_KEY'] : []),
      ...(ids?.length ? ['TAG.LIST.BY_RESOURCE'] : []),
      ...(wanted.length > 0 ? ['TAG.LIST.BY_TAG'] : []),
      ...(ids?.length && wanted.length > 0 ? ['TAG.LIST.BOTH_FILTERS'] : []),
    ],
    // A continued walk cannot be judged as a whole: no rows to hold it to.
    ...(str(ctx.params.NextToken) === undefined ? { tagRows } : {}),
  });
};

/** The tag calls document their list limits and key formats as rules of their own. */
const tagParamRule: ParamRule = ({ name, tooMany, fields }) => {
  if (name === 'ResourceId') return 'TAG.AT_MOST_50_RESOURCES';
  if (name === 'ResourceType') return 'TAG.RESOURCE_TYPE';
  if (name === 'TagKey' || (name === 'Tag' && tooMany)) return 'TAG.AT_MOST_20_TAGS';
  if (name === 'Tag') {
    const valuesOnly = fields.every((f) => f === 'Value');
    return valuesOnly ? 'TAG.BIND.VALUE_FORMAT' : 'TAG.BIND.KEY_FORMAT';
  }
  return undefined;
};

export const DECISIONS = [
  decide(api.TagResources, tagResources, tagParamRule),
  decide(api.UntagResources, untagResources, tagParamRule),
  decide(api.ListTagResources, listTagResources, tagParamRule),
];
