import { defineOperation } from '../operation';
import { param } from '../param';
import {
  bandwidth,
  chargeType,
  clientToken,
  description,
  EBS,
  EBS_STATE_ERRORS,
  ebsDoc,
  ebsMutation,
  oneShot,
  optionalId,
  paging,
  pairName,
  period,
  periodUnit,
  regionId,
  replicaPairId,
  requiredId,
  reservedBandwidth,
  resourceGroupId,
  reverseReplicate,
  rpo,
  SEED_REPROTECT,
  site,
  tags,
} from './common';
import {
  CreateDiskReplicaPairResponse,
  DescribeDiskReplicaPairProgressResponse,
  DescribeDiskReplicaPairsResponse,
} from './ebs-responses';
import type { RequestOf } from './request-type';

// Replica pairs of EBS 2021-07-30. Each operation's params are kept as a const tuple so its
// request type is derived from the same list that builds its schema.

const wrongSite = [
  'OperationDenied.OperateNotAllowedForPrimary',
  'OperationDenied.OperateNotAllowedForStandby',
] as const;

const createParams = [
  regionId('Region of the pair: the production (primary) site.'),
  requiredId('SourceZoneId', 'Zone of the primary disk.'),
  requiredId('DiskId', 'The primary disk.'),
  requiredId('DestinationRegionId', 'Region of the secondary disk.'),
  requiredId('DestinationDiskId', 'The secondary disk: same category, performance level and size.'),
  requiredId('DestinationZoneId', 'Zone of the secondary disk.'),
  pairName,
  description,
  chargeType,
  period,
  periodUnit,
  clientToken,
  bandwidth,
  rpo,
  resourceGroupId,
  tags,
] as const;

export const CreateDiskReplicaPair = defineOperation({
  ...EBS,
  action: 'CreateDiskReplicaPair',
  summary: 'Create a pair between two ESSD disks; it starts in `creating`, then `created`.',
  doc: ebsDoc('CreateDiskReplicaPair'),
  params: createParams,
  response: CreateDiskReplicaPairResponse,
  errors: [
    ...EBS_STATE_ERRORS,
    'IdempotentParameterMismatch',
    'OperationDenied.QuotaExceed',
    'LastTokenProcessing',
    'InvalidAccountStatus.NotEnoughBalance',
  ],
  region: 'production',
  mutating: true,
});
export type CreateDiskReplicaPairRequest = RequestOf<typeof createParams>;

const modifyParams = [
  regionId('Region of the primary or the secondary disk.'),
  replicaPairId,
  // The docs give Modify's name and description no format of their own; Create's applies.
  pairName,
  description,
  clientToken,
  reservedBandwidth,
  rpo,
] as const;

export const ModifyDiskReplicaPair = ebsMutation({
  action: 'ModifyDiskReplicaPair',
  summary: 'Rename a pair or change its description or RPO (in `created` or `stopped`).',
  params: modifyParams,
  errors: [...EBS_STATE_ERRORS, ...wrongSite],
  region: 'either',
});
export type ModifyDiskReplicaPairRequest = RequestOf<typeof modifyParams>;

const startParams = [
  regionId('Region of the primary or the secondary disk.'),
  replicaPairId,
  clientToken,
  oneShot,
] as const;

export const StartDiskReplicaPair = ebsMutation({
  action: 'StartDiskReplicaPair',
  summary:
    'Activate a pair (created or stopped): initial full sync, then periodic syncs; OneShot syncs once.',
  params: startParams,
  errors: [
    ...EBS_STATE_ERRORS,
    'OperationDenied.ManualSyncLimit',
    { code: 'OperationDenied.StandbyDeviceAttached', httpStatus: 400 },
  ],
  region: 'either',
});
export type StartDiskReplicaPairRequest = RequestOf<typeof startParams>;

const stopParams = [
  regionId('Region of the primary or the secondary disk.'),
  replicaPairId,
  clientToken,
] as const;

export const StopDiskReplicaPair = ebsMutation({
  action: 'StopDiskReplicaPair',
  summary: 'Stop replication; the secondary rolls back to the last completed sync.',
  params: stopParams,
  errors: [...EBS_STATE_ERRORS],
  region: 'either',
});
export type StopDiskReplicaPairRequest = RequestOf<typeof stopParams>;

const failoverParams = [
  regionId('Region of the secondary disk: failover is only accepted there.'),
  replicaPairId,
  clientToken,
] as const;

export const FailoverDiskReplicaPair = ebsMutation({
  action: 'FailoverDiskReplicaPair',
  summary: 'Make the secondary disk readable and writable after losing the primary.',
  params: failoverParams,
  errors: [...EBS_STATE_ERRORS, ...wrongSite],
  region: 'secondary',
});
export type FailoverDiskReplicaPairRequest = RequestOf<typeof failoverParams>;

const reprotectParams = [
  regionId('Region of the secondary disk: reprotect is only accepted there.'),
  replicaPairId,
  clientToken,
  reverseReplicate,
] as const;

export const ReprotectDiskReplicaPair = ebsMutation({
  action: 'ReprotectDiskReplicaPair',
  summary: 'After a failover, reverse the direction (or restore it) so the pair can be started again.',
  doc: SEED_REPROTECT,
  params: reprotectParams,
  errors: [
    ...EBS_STATE_ERRORS,
    'OperationDenied.NoPairInGroup',
    'OperationDenied.PairGroupAZoneConflict',
    'OperationDenied.PairGroupStatusConflict',
    'OperationDenied.PairNotInGroup',
    ...wrongSite,
  ],
  region: 'secondary',
});
export type ReprotectDiskReplicaPairRequest = RequestOf<typeof reprotectParams>;

const deleteParams = [
  regionId('Region of the primary disk: deletion is only accepted there.'),
  replicaPairId,
  clientToken,
] as const;

export const DeleteDiskReplicaPair = ebsMutation({
  action: 'DeleteDiskReplicaPair',
  summary: 'Delete a pair (stopped, invalid or failovered); both disks stay, the secondary is freed.',
  params: deleteParams,
  errors: [...EBS_STATE_ERRORS],
  region: 'primary',
});
export type DeleteDiskReplicaPairRequest = RequestOf<typeof deleteParams>;

const describeParams = [
  regionId('A region holding the primary or the secondary disk.'),
  ...paging,
  param(
    'PairIds',
    { type: 'csv', maxItems: 100 },
    'Comma-separated pair IDs, at most 100; all pairs of the region when absent.',
  ),
  site,
  // `-` is a documented value: the pairs that are in no group.
  optionalId('ReplicaGroupId', 'Only the pairs of this group; `-` for pairs in no group.'),
  resourceGroupId,
  tags,
] as const;

export const DescribeDiskReplicaPairs = defineOperation({
  ...EBS,
  action: 'DescribeDiskReplicaPairs',
  summary: 'List the pairs with a disk in the region, by ID, group, site, resource group or tag.',
  doc: ebsDoc('DescribeDiskReplicaPairs'),
  params: describeParams,
  response: DescribeDiskReplicaPairsResponse,
  errors: [...EBS_STATE_ERRORS],
  region: 'any',
  mutating: false,
});
export type DescribeDiskReplicaPairsRequest = RequestOf<typeof describeParams>;

const progressParams = [requiredId('ReplicaPairId', 'The pair.'), regionId('Region of the pair.')] as const;

export const DescribeDiskReplicaPairProgress = defineOperation({
  ...EBS,
  action: 'DescribeDiskReplicaPairProgress',
  summary: 'Report how far the current sync of a pair has got, in percent, and its last recovery point.',
  doc: ebsDoc('DescribeDiskReplicaPairProgress'),
  params: progressParams,
  response: DescribeDiskReplicaPairProgressResponse,
  errors: [...EBS_STATE_ERRORS],
  region: 'any',
  mutating: false,
});
export type DescribeDiskReplicaPairProgressRequest = RequestOf<typeof progressParams>;
