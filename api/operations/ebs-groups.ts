import { defineOperation } from '../operation';
import { param } from '../param';
import {
  clientToken,
  description,
  EBS,
  EBS_STATE_ERRORS,
  ebsDoc,
  ebsMutation,
  groupName,
  oneShot,
  paging,
  regionId,
  replicaGroupId,
  replicaPairId,
  requiredId,
  reservedBandwidth,
  resourceGroupId,
  reverseReplicate,
  rpo,
  site,
  tags,
} from './common';
import { CreateDiskReplicaGroupResponse, DescribeDiskReplicaGroupsResponse } from './ebs-responses';
import type { RequestOf } from './request-type';

// Consistent replica groups of EBS 2021-07-30, and adding or removing pairs.
//
// Where a call goes: the metadata says "the group's region" for Modify, Start, Stop, Delete,
// Add and Remove, and "the disaster-recovery site's region" for Failover and Reprotect. The
// group is listed in both sites, so, as for pairs: Modify/Start/Stop/Add/Remove `either`,
// Failover/Reprotect `secondary`, Delete `primary`, Create `production`.

const wrongSite = [
  'OperationDenied.OperateNotAllowedForPrimary',
  'OperationDenied.OperateNotAllowedForStandby',
] as const;

const inGroupRegion = () => regionId('Region of the replica group.');

const addParams = [inGroupRegion(), replicaGroupId, replicaPairId, clientToken] as const;

export const AddDiskReplicaPair = ebsMutation({
  action: 'AddDiskReplicaPair',
  summary: 'Put a pair into a group (at most 17 pairs per group); it then follows the group.',
  params: addParams,
  errors: [
    ...EBS_STATE_ERRORS,
    'OperationDenied.GroupStatusCannotAddPair',
    'OperationDenied.PairGroupAZoneConflict',
    'OperationDenied.PairGroupStatusConflict',
    'OperationDenied.PairInAnotherGroup',
    'OperationDenied.PairInitializing',
    'OperationDenied.PairStatusCannotAddToGroup',
    'OperationDenied.QuotaExceed',
    'OperationDenied.PairsExceedInGroup',
    'OperationDenied.GroupTotalDiskCapacityLimit',
  ],
  region: 'either',
});
export type AddDiskReplicaPairRequest = RequestOf<typeof addParams>;

const removeParams = [inGroupRegion(), replicaGroupId, replicaPairId, clientToken] as const;

export const RemoveDiskReplicaPair = ebsMutation({
  action: 'RemoveDiskReplicaPair',
  summary: 'Take a pair out of its group; the pair itself is kept.',
  params: removeParams,
  errors: [
    ...EBS_STATE_ERRORS,
    'OperationDenied.GroupStatusCannotRemovePair',
    'OperationDenied.NoPairInGroup',
    'OperationDenied.PairGroupAZoneConflict',
    'OperationDenied.PairGroupStatusConflict',
    'OperationDenied.PairInAnotherGroup',
    'OperationDenied.PairNotInGroup',
    'OperationDenied.PairStatusCannotRemoveFromGroup',
  ],
  region: 'either',
});
export type RemoveDiskReplicaPairRequest = RequestOf<typeof removeParams>;

const createParams = [
  regionId('Region of the group: the production site.'),
  requiredId('SourceZoneId', 'Zone of the production site.'),
  requiredId('DestinationRegionId', 'Region of the disaster-recovery site.'),
  requiredId('DestinationZoneId', 'Zone of the disaster-recovery site.'),
  groupName,
  description,
  clientToken,
  rpo,
  reservedBandwidth,
  resourceGroupId,
  tags,
] as const;

export const CreateDiskReplicaGroup = defineOperation({
  ...EBS,
  action: 'CreateDiskReplicaGroup',
  summary: 'Create an empty group between a production and a disaster-recovery site.',
  doc: ebsDoc('CreateDiskReplicaGroup'),
  params: createParams,
  response: CreateDiskReplicaGroupResponse,
  errors: [...EBS_STATE_ERRORS, 'OperationDenied.QuotaExceed', 'OperationDenied.TooMuchEmptyGroup'],
  region: 'production',
  mutating: true,
});
export type CreateDiskReplicaGroupRequest = RequestOf<typeof createParams>;

const describeParams = [
  inGroupRegion(),
  ...paging,
  param(
    'GroupIds',
    { type: 'csv', maxItems: 100 },
    'Comma-separated group IDs, at most 100; all groups of the region when absent.',
  ),
  site,
  resourceGroupId,
  tags,
] as const;

export const DescribeDiskReplicaGroups = defineOperation({
  ...EBS,
  action: 'DescribeDiskReplicaGroups',
  summary: 'List the groups of a region, by ID, site, resource group or tag.',
  doc: ebsDoc('DescribeDiskReplicaGroups'),
  params: describeParams,
  response: DescribeDiskReplicaGroupsResponse,
  errors: [...EBS_STATE_ERRORS],
  region: 'any',
  mutating: false,
});
export type DescribeDiskReplicaGroupsRequest = RequestOf<typeof describeParams>;

const modifyParams = [
  inGroupRegion(),
  replicaGroupId,
  groupName,
  description,
  rpo,
  clientToken,
  reservedBandwidth,
] as const;

export const ModifyDiskReplicaGroup = ebsMutation({
  action: 'ModifyDiskReplicaGroup',
  summary: "Change a group's name, description or RPO.",
  params: modifyParams,
  errors: [...EBS_STATE_ERRORS, 'OperationDenied.GroupHasPair', ...wrongSite],
  region: 'either',
});
export type ModifyDiskReplicaGroupRequest = RequestOf<typeof modifyParams>;

const startParams = [inGroupRegion(), replicaGroupId, clientToken, oneShot] as const;

export const StartDiskReplicaGroup = ebsMutation({
  action: 'StartDiskReplicaGroup',
  summary: 'Start every pair of a group: a full sync first, then incremental syncs within the RPO.',
  params: startParams,
  errors: [
    ...EBS_STATE_ERRORS,
    'OperationDenied.ManualSyncLimit',
    'OperationDenied.NoPairInGroup',
    'OperationDenied.PairGroupStatusConflict',
    'OperationDenied.PairGroupAZoneConflict',
    'OperationDenied.PairNotInGroup',
    { code: 'OperationDenied.StandbyDeviceAttached', httpStatus: 400 },
  ],
  region: 'either',
});
export type StartDiskReplicaGroupRequest = RequestOf<typeof startParams>;

const stopParams = [inGroupRegion(), replicaGroupId, clientToken] as const;

export const StopDiskReplicaGroup = ebsMutation({
  action: 'StopDiskReplicaGroup',
  summary: 'Stop every pair of a group.',
  params: stopParams,
  errors: [...EBS_STATE_ERRORS],
  region: 'either',
});
export type StopDiskReplicaGroupRequest = RequestOf<typeof stopParams>;

const failoverParams = [
  regionId('Region of the disaster-recovery site: failover is only accepted there.'),
  replicaGroupId,
  clientToken,
] as const;

export const FailoverDiskReplicaGroup = ebsMutation({
  action: 'FailoverDiskReplicaGroup',
  summary: 'Fail every pair of a group over: the secondary disks become readable and writable.',
  params: failoverParams,
  errors: [
    ...EBS_STATE_ERRORS,
    'OperationDenied.NoPairInGroup',
    'OperationDenied.PairGroupStatusConflict',
    'OperationDenied.PairGroupAZoneConflict',
    'OperationDenied.PairInAnotherGroup',
    ...wrongSite,
  ],
  region: 'secondary',
});
export type FailoverDiskReplicaGroupRequest = RequestOf<typeof failoverParams>;

const reprotectParams = [
  regionId('Region of the disaster-recovery site: reprotect is only accepted there.'),
  replicaGroupId,
  clientToken,
  reverseReplicate,
] as const;

export const ReprotectDiskReplicaGroup = ebsMutation({
  action: 'ReprotectDiskReplicaGroup',
  summary: 'After a failover, swap the roles of every pair of a group (the sites stay as they were).',
  params: reprotectParams,
  errors: [...EBS_STATE_ERRORS, 'OperationDenied.NoPairInGroup', ...wrongSite],
  region: 'secondary',
});
export type ReprotectDiskReplicaGroupRequest = RequestOf<typeof reprotectParams>;

const deleteParams = [inGroupRegion(), replicaGroupId, clientToken] as const;

export const DeleteDiskReplicaGroup = ebsMutation({
  action: 'DeleteDiskReplicaGroup',
  summary: 'Delete a group that holds no pair.',
  params: deleteParams,
  errors: [...EBS_STATE_ERRORS, 'OperationDenied.GroupHasPair'],
  region: 'primary',
});
export type DeleteDiskReplicaGroupRequest = RequestOf<typeof deleteParams>;
