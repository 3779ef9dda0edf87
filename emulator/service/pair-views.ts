import * as api from '../../api';
import { bySeq, fail, type OpContext, type OperationFn, requireRegion, route, unixSeconds } from './context';
import { checkRegion } from './guards';
import { paginate } from './paging';
import { hasTags, optList, optString, reqString, tagFilterOf } from './params';
import { emptyTagValueMatchesAny, plays } from './readings';
import { derivePair, destinationOf, isEbsPair, isGone, livePair, sourceOf } from './replication';
import type { PairRecord, Tag } from './state';

/** What DescribeDiskReplicaPairs shows of a pair, as seen from one site. */

export const tagsOut = (tags: readonly Tag[]) => tags.map((t) => ({ TagKey: t.Key, TagValue: t.Value }));

export function pairView(pair: PairRecord, ctx: OpContext, site: 'production' | 'backup') {
  const now = derivePair(pair, ctx);
  const source = sourceOf(pair);
  const destination = destinationOf(pair);
  const group = pair.groupId ? ctx.account.groups[pair.groupId] : undefined;
  return {
    ReplicaPairId: pair.pairId,
    SourceRegion: source.regionId,
    SourceZoneId: source.zoneId,
    SourceDiskId: source.diskId,
    DestinationRegion: destination.regionId,
    DestinationZoneId: destination.zoneId,
    DestinationDiskId: destination.diskId,
    PairName: pair.name,
    Description: pair.description,
    Status: now.status,
    StatusMessage: now.status === 'invalid' ? (pair.statusMessage ?? '') : '',
    RPO: group?.rpo ?? pair.rpo,
    Bandwidth: pair.bandwidth,
    ...(now.recoverPoint === undefined ? {} : { LastRecoverPoint: unixSeconds(now.recoverPoint) }),
    CreateTime: unixSeconds(pair.createdAt),
    ...(pair.expiredAt === undefined ? {} : { ExpiredTime: unixSeconds(pair.expiredAt) }),
    ReplicaGroupId: group?.groupId ?? '',
    ReplicaGroupName: group?.name ?? '',
    Site: site,
    PrimaryRegion: pair.primary.regionId,
    PrimaryZone: pair.primary.zoneId,
    StandbyRegion: pair.standby.regionId,
    StandbyZone: pair.standby.zoneId,
    ChargeType: pair.chargeType,
    Tags: tagsOut(pair.tags),
    ResourceGroupId: pair.resourceGroupId,
  };
}

/**
 * Reading `pair-listing=site`: a region lists the pairs whose initial site of the requested kind
 * is there, `production` (the default) by PrimaryRegion, `backup` by StandbyRegion. Those are the
 * initial sites, so a reversed pair stays listed where it always was. `either-disk`: every pair
 * with a disk in the region, each row naming the site the region is for it.
 */
export const DescribeDiskReplicaPairs: OperationFn<typeof api.DescribeDiskReplicaPairs> = (ctx, p) => {
  const regionId = requireRegion(reqString(p, 'RegionId')).regionId;
  const site = optString(p, 'Site') === 'backup' ? 'backup' : 'production';
  const eitherDisk = plays(ctx.readings, 'pair-listing', 'either-disk');
  const listedAt = (pair: PairRecord): 'production' | 'backup' | undefined => {
    if (!eitherDisk)
      return (site === 'production' ? pair.primary : pair.standby).regionId === regionId ? site : undefined;
    if (pair.primary.regionId === regionId) return 'production';
    return pair.standby.regionId === regionId ? 'backup' : undefined;
  };
  const pairIds = optList(p, 'PairIds');
  const groupId = optString(p, 'ReplicaGroupId');
  const resourceGroupId = optString(p, 'ResourceGroupId');
  const tags = tagFilterOf(p);
  const matches = bySeq(ctx.account.pairs).filter(
    (pair) =>
      isEbsPair(pair) &&
      !isGone(pair, ctx) &&
      listedAt(pair) !== undefined &&
      // PairIds empty: all pairs, as when it is absent.
      (pairIds === undefined || pairIds.length === 0 || pairIds.includes(pair.pairId)) &&
      (groupId === undefined || (groupId === '-' ? !pair.groupId : pair.groupId === groupId)) &&
      (resourceGroupId === undefined || pair.resourceGroupId === resourceGroupId) &&
      hasTags(pair.tags, tags, emptyTagValueMatchesAny(ctx)),
  );
  const page = paginate(matches, p, plays(ctx.readings, 'token-walk-paging-fields', 'present'), true);
  return {
    ...page.fields,
    ReplicaPairs: page.items.map((pair) => pairView(pair, ctx, listedAt(pair) ?? site)),
  };
};

/** Progress of the full copy in percent, and the recovery point once a sync has completed. */
export const DescribeDiskReplicaPairProgress: OperationFn<typeof api.DescribeDiskReplicaPairProgress> = (
  ctx,
  p,
) => {
  const pairId = reqString(p, 'ReplicaPairId');
  const regionId = reqString(p, 'RegionId');
  const pair = livePair(ctx, pairId) ?? fail('NoSuchResource', `The pair ${pairId} does not exist.`);
  checkRegion(pairId, regionId, sourceOf(pair), destinationOf(pair), 'either');
  const now = derivePair(pair, ctx);
  return {
    Progress: now.progress,
    ...(now.recoverPoint === undefined ? {} : { RecoverPoint: unixSeconds(now.recoverPoint) }),
  };
};

export const ROUTES = [
  route(api.DescribeDiskReplicaPairs, DescribeDiskReplicaPairs),
  route(api.DescribeDiskReplicaPairProgress, DescribeDiskReplicaPairProgress),
];
