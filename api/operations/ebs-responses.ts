import { z } from 'zod';
import { ChargeType, GroupStatus, PairStatus, PairStatusMessage, RegionResourceType, Site } from '../enums';
import { idWith, PageFields, RequestIdOnly, TagsOut, UnixSeconds } from './common';

// EBS 2021-07-30 success bodies. Lists are plain arrays; times are Unix seconds.
// A field is required when the service has a value for it whatever the pair's history;
// fields that depend on billing, grouping, tagging or a past sync are optional.

// Names and endpoints are for people: the SDKs hold them optional and nothing here needs them.
export const EbsZone = z.object({
  ZoneId: z.string().min(1),
  LocalName: z.string().optional(),
  // A value outside the list is an undocumented value (response-judgement.ts), not a bad answer.
  ResourceTypes: z.array(RegionResourceType),
});
export type EbsZone = z.infer<typeof EbsZone>;

export const EbsRegion = z.object({
  RegionId: z.string().min(1),
  LocalName: z.string().optional(),
  RegionEndpoint: z.string().min(1).optional(),
  Zones: z.array(EbsZone),
});
export type EbsRegion = z.infer<typeof EbsRegion>;

export const DescribeRegionsResponse = RequestIdOnly.extend({ Regions: z.array(EbsRegion) });
export type DescribeRegionsResponse = z.infer<typeof DescribeRegionsResponse>;

export const ReplicaPair = z.object({
  ReplicaPairId: idWith('pair'),
  // Current direction of replication: swaps after a reverse reprotect.
  SourceRegion: z.string().min(1),
  SourceZoneId: z.string().min(1),
  SourceDiskId: idWith('disk'),
  DestinationRegion: z.string().min(1),
  DestinationZoneId: z.string().min(1),
  DestinationDiskId: idWith('disk'),
  PairName: z.string().optional(),
  Description: z.string().optional(),
  Status: PairStatus,
  // Only set for `invalid` and `create_failed`; the service may send it empty otherwise.
  StatusMessage: z.union([PairStatusMessage, z.literal('')]).optional(),
  RPO: z.number().int(),
  Bandwidth: z.number().int().nonnegative(),
  // Only once a sync has completed.
  LastRecoverPoint: UnixSeconds.optional(),
  CreateTime: UnixSeconds,
  // Subscription pairs only.
  ExpiredTime: UnixSeconds.optional(),
  ReplicaGroupId: z.string().optional(),
  ReplicaGroupName: z.string().optional(),
  Site,
  // The initial sites: they never change, whatever the direction.
  PrimaryRegion: z.string().min(1),
  PrimaryZone: z.string().min(1),
  StandbyRegion: z.string().min(1),
  StandbyZone: z.string().min(1),
  ChargeType,
  Tags: TagsOut.optional(),
  ResourceGroupId: z.string().optional(),
});
export type ReplicaPair = z.infer<typeof ReplicaPair>;

export const DescribeDiskReplicaPairsResponse = z.object({
  ...PageFields,
  ReplicaPairs: z.array(ReplicaPair),
});
export type DescribeDiskReplicaPairsResponse = z.infer<typeof DescribeDiskReplicaPairsResponse>;

export const CreateDiskReplicaPairResponse = RequestIdOnly.extend({
  ReplicaPairId: idWith('pair'),
  // Subscription (PREPAY) pairs only.
  OrderId: z.string().optional(),
});
export type CreateDiskReplicaPairResponse = z.infer<typeof CreateDiskReplicaPairResponse>;

export const DescribeDiskReplicaPairProgressResponse = RequestIdOnly.extend({
  Progress: z.number().int().min(0).max(100),
  // Only after the pair has been started.
  RecoverPoint: UnixSeconds.optional(),
});
export type DescribeDiskReplicaPairProgressResponse = z.infer<typeof DescribeDiskReplicaPairProgressResponse>;

export const ReplicaGroup = z.object({
  ReplicaGroupId: idWith('group'),
  SourceRegionId: z.string().min(1),
  SourceZoneId: z.string().min(1),
  DestinationRegionId: z.string().min(1),
  DestinationZoneId: z.string().min(1),
  GroupName: z.string().optional(),
  Description: z.string().optional(),
  Status: GroupStatus,
  RPO: z.number().int(),
  LastRecoverPoint: UnixSeconds.optional(),
  Site,
  // An empty group may leave both out (reading empty-group-pair-ids); the SDKs promise neither.
  PairIds: z.array(idWith('pair')).optional(),
  PairNumber: z.number().int().nonnegative().optional(),
  PrimaryRegion: z.string().min(1),
  PrimaryZone: z.string().min(1),
  StandbyRegion: z.string().min(1),
  StandbyZone: z.string().min(1),
  // Not settable yet; the SDKs hold it optional and client code never relies on it.
  Bandwidth: z.number().int().nonnegative().optional(),
  ResourceGroupId: z.string().optional(),
  Tags: TagsOut.optional(),
});
export type ReplicaGroup = z.infer<typeof ReplicaGroup>;

export const DescribeDiskReplicaGroupsResponse = z.object({
  ...PageFields,
  ReplicaGroups: z.array(ReplicaGroup),
});
export type DescribeDiskReplicaGroupsResponse = z.infer<typeof DescribeDiskReplicaGroupsResponse>;

export const CreateDiskReplicaGroupResponse = RequestIdOnly.extend({ ReplicaGroupId: idWith('group') });
export type CreateDiskReplicaGroupResponse = z.infer<typeof CreateDiskReplicaGroupResponse>;

/** The body of every EBS call that returns nothing but its RequestId. */
export type RequestIdOnlyResponse = z.infer<typeof RequestIdOnly>;
