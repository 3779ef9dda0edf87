import * as api from '../../api';
import { bySeq, type OpContext, type OperationFn, requireRegion, route, unixSeconds } from './context';
import { paginate } from './paging';
import { tagsOut } from './pair-views';
import { hasTags, optList, optString, reqString, tagFilterOf } from './params';
import { emptyTagValueMatchesAny, plays } from './readings';
import { deriveGroup, groupDestination, groupSource } from './replication';
import type { GroupRecord } from './state';

function groupView(group: GroupRecord, ctx: OpContext, site: 'production' | 'backup') {
  const now = deriveGroup(group, ctx);
  const source = groupSource(group);
  const destination = groupDestination(group);
  return {
    ReplicaGroupId: group.groupId,
    SourceRegionId: source.regionId,
    SourceZoneId: source.zoneId,
    DestinationRegionId: destination.regionId,
    DestinationZoneId: destination.zoneId,
    GroupName: group.name,
    Description: group.description,
    Status: now.status,
    RPO: group.rpo,
    ...(now.recoverPoint === undefined ? {} : { LastRecoverPoint: unixSeconds(now.recoverPoint) }),
    Site: site,
    // Reading `empty-group-pair-ids`: an empty group may leave both out.
    ...(group.pairIds.length === 0 && plays(ctx.readings, 'empty-group-pair-ids', 'absent')
      ? {}
      : { PairIds: [...group.pairIds], PairNumber: group.pairIds.length }),
    PrimaryRegion: group.primary.regionId,
    PrimaryZone: group.primary.zoneId,
    StandbyRegion: group.standby.regionId,
    StandbyZone: group.standby.zoneId,
    Bandwidth: group.bandwidth,
    ResourceGroupId: group.resourceGroupId,
    Tags: tagsOut(group.tags),
  };
}

/** Like DescribeDiskReplicaPairs: listed by the initial site of the requested kind. */
export const DescribeDiskReplicaGroups: OperationFn<typeof api.DescribeDiskReplicaGroups> = (ctx, p) => {
  const regionId = requireRegion(reqString(p, 'RegionId')).regionId;
  const site = optString(p, 'Site') === 'backup' ? 'backup' : 'production';
  const groupIds = optList(p, 'GroupIds');
  const resourceGroupId = optString(p, 'ResourceGroupId');
  const tags = tagFilterOf(p);
  const matches = bySeq(ctx.account.groups).filter(
    (group) =>
      deriveGroup(group, ctx).status !== 'deleted' &&
      (site === 'production' ? group.primary.regionId : group.standby.regionId) === regionId &&
      (groupIds === undefined || groupIds.includes(group.groupId)) &&
      (resourceGroupId === undefined || group.resourceGroupId === resourceGroupId) &&
      hasTags(group.tags, tags, emptyTagValueMatchesAny(ctx)),
  );
  const page = paginate(matches, p, plays(ctx.readings, 'token-walk-paging-fields', 'present'), true);
  return { ...page.fields, ReplicaGroups: page.items.map((group) => groupView(group, ctx, site)) };
};

export const ROUTES = [route(api.DescribeDiskReplicaGroups, DescribeDiskReplicaGroups)];
