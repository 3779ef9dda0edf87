import * as api from '../../api';
import { bySeq, fail, type OpContext, type OperationFn, requireRegion, route } from './context';
import { RESOURCE_TYPES, TAG_CODES } from './documented-limits';
import { optBool, optList, type Params, reqString, tagsOf } from './params';
import { plays } from './readings';
import { deriveGroup, isEbsPair, isGone } from './replication';
import type { GroupRecord, PairRecord, Tag } from './state';

/**
 * TagResources, UntagResources, ListTagResources. A pair or group belongs to the region it was
 * created in (its production site): the tag calls find it there, and in the region of its
 * disaster-recovery site only under the reading `tag-calls-in-backup-region=found`. A resource
 * holds at most 20 tags (the tag limits page), one value per key.
 */

const MAX_TAGS_PER_RESOURCE = 20;

type Taggable = PairRecord | GroupRecord;

/** Every live resource of the type the tag calls find in the region, in creation order. */
function resourcesIn(ctx: OpContext, type: string, regionId: string): Taggable[] {
  const live: Taggable[] =
    type === 'diskreplicapair'
      ? bySeq(ctx.account.pairs).filter((p) => isEbsPair(p) && !isGone(p, ctx))
      : type === 'diskreplicagroup'
        ? bySeq(ctx.account.groups).filter((g) => deriveGroup(g, ctx).status !== 'deleted')
        : // Dedicated block storage clusters are not emulated: there are none.
          [];
  const atBackup = plays(ctx.readings, 'tag-calls-in-backup-region', 'found');
  return live.filter((r) => r.primary.regionId === regionId || (atBackup && r.standby.regionId === regionId));
}

const idOf = (r: Taggable) => ('pairId' in r ? r.pairId : r.groupId);

/** The resources named by ResourceId.N, every one of which must exist here. */
function named(ctx: OpContext, p: Params): Taggable[] {
  const here = new Map(
    resourcesIn(ctx, reqString(p, 'ResourceType'), reqString(p, 'RegionId')).map((r) => [idOf(r), r]),
  );
  return (optList(p, 'ResourceId') ?? []).map(
    (id) =>
      here.get(id) ??
      fail('InvalidResourceId.NotFound', `The resource ${id} does not exist in ${String(p.RegionId)}.`),
  );
}

export const TagResources: OperationFn<typeof api.TagResources> = (ctx, p) => {
  const resources = named(ctx, p);
  const tags = tagsOf(p);
  const keys = new Set<string>();
  for (const t of tags) {
    if (keys.has(t.Key)) fail('Duplicate.TagKey', `The tag key ${t.Key} is given twice.`);
    keys.add(t.Key);
  }
  const merged = (have: readonly Tag[]): Tag[] => [
    ...have.map((h) => tags.find((t) => t.Key === h.Key) ?? h),
    ...tags.filter((t) => !have.some((h) => h.Key === t.Key)),
  ];
  for (const r of resources)
    if (merged(r.tags).length > MAX_TAGS_PER_RESOURCE)
      fail('NumberExceed.Tags', `${idOf(r)} would hold more than ${MAX_TAGS_PER_RESOURCE} tags.`);
  for (const r of resources) r.tags = merged(r.tags);
  return {};
};

export const UntagResources: OperationFn<typeof api.UntagResources> = (ctx, p) => {
  // Its page documents InvalidRegionId.NotFound; TagResources's does not (an unknown ID there).
  requireRegion(reqString(p, 'RegionId'));
  const resources = named(ctx, p);
  const keys = optList(p, 'TagKey') ?? [];
  // All counts only without TagKey.N; with neither, nothing is unbound.
  const all = keys.length === 0 && optBool(p, 'All') === true;
  for (const r of resources) r.tags = all ? [] : r.tags.filter((t) => !keys.includes(t.Key));
  return {};
};

const PAGE = 50;

export const ListTagResources: OperationFn<typeof api.ListTagResources> = (ctx, p) => {
  requireRegion(reqString(p, 'RegionId'));
  const ids = optList(p, 'ResourceId') ?? [];
  const wanted = tagsOf(p);
  if (new Set(wanted.map((t) => t.Key)).size < wanted.length)
    fail('Duplicate.TagKey', 'The Tag.N.Key contain duplicate key.');
  if (ids.length === 0 && wanted.length === 0)
    fail('MissingParameter', 'ListTagResources needs ResourceId.N or Tag.N.');
  const type = reqString(p, 'ResourceType');
  const matches = (r: Taggable) =>
    (ids.length === 0 || ids.includes(idOf(r))) &&
    wanted.every((w) => r.tags.some((t) => t.Key === w.Key && (w.Value === '' || t.Value === w.Value)));
  const rows = resourcesIn(ctx, type, reqString(p, 'RegionId'))
    .filter(matches)
    .flatMap((r) =>
      r.tags.map((t) => ({ TagKey: t.Key, TagValue: t.Value, ResourceId: idOf(r), ResourceType: type })),
    );
  const token = p.NextToken;
  const start = typeof token === 'string' && token !== '' ? Number.parseInt(token, 36) : 0;
  if (!Number.isInteger(start) || start < 0 || start > rows.length)
    fail('InvalidParameter', 'NextToken is not valid.');
  const end = start + PAGE;
  return {
    TagResources: rows.slice(start, end),
    ...(end < rows.length ? { NextToken: end.toString(36) } : {}),
  };
};

export const ROUTES = [
  // Each with the limits its page states (documented-limits.ts).
  route(api.TagResources, TagResources, {
    required: ['RegionId', 'ResourceType', 'ResourceId', 'Tag'],
    oneOf: { ResourceType: RESOURCE_TYPES },
    atMost: { ResourceId: 50, Tag: 20 },
    codes: { ...TAG_CODES, ResourceTypeMissing: 'MissingParameter.ResourceType' },
  }),
  route(api.UntagResources, UntagResources, {
    required: ['RegionId', 'ResourceType', 'ResourceId'],
    oneOf: { ResourceType: RESOURCE_TYPES },
    atMost: { ResourceId: 50, TagKey: 20 },
    codes: TAG_CODES,
  }),
  route(api.ListTagResources, ListTagResources, {
    required: ['RegionId', 'ResourceType'],
    oneOf: { ResourceType: RESOURCE_TYPES },
    atMost: { ResourceId: 50, Tag: 20 },
    codes: TAG_CODES,
  }),
];
