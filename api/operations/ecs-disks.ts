import { DiskCategory, DiskStatus, PerformanceLevel } from '../enums';
import { defineOperation } from '../operation';
import { param, required } from '../param';
import {
  clientToken,
  DESCRIPTION_PATTERN,
  ECS,
  ecsDoc,
  ID_GUARD,
  NAME_PATTERN,
  optionalId,
  pagingUpTo,
  RequestIdOnly,
  regionId,
  requiredId,
  resourceGroupId,
  tags,
} from './common';
import { CreateDiskResponse, DescribeDisksResponse } from './ecs-responses';
import type { RequestOf } from './request-type';

// The ECS 2014-05-26 disk calls a replication workflow needs. Error lists are the documented
// subsets; codes the docs do not list for a call but that follow from its rules are marked
// "inferred".

const diskId = requiredId('DiskId', 'The disk (d-...).');
const instanceId = requiredId('InstanceId', 'The instance (i-...).');
const deleteWithInstance = param(
  'DeleteWithInstance',
  { type: 'boolean' },
  'Release the disk together with its instance.',
);

const createParams = [
  regionId('Region to create the disk in.'),
  // Exactly one of ZoneId and InstanceId; one of Size and SnapshotId. The model checks the pairs.
  optionalId('ZoneId', 'Zone of the disk; required unless InstanceId is given, and not with it.'),
  optionalId('SnapshotId', 'Create the disk from this snapshot (instead of, or with, Size).'),
  param(
    'DiskName',
    { type: 'string', pattern: NAME_PATTERN },
    'Disk name: 2-128 characters, starts with a letter; letters, digits, ":", "_", ".", "-".',
    { invalidCode: 'InvalidDiskName.Malformed' },
  ),
  param(
    'Size',
    // The metadata's bound is 131072, but no category documents more than 65536 GiB.
    { type: 'integer', min: 1, max: 65536 },
    'Capacity in GiB; the range depends on the category and performance level.',
    // The documented ranges are per category (DISK.CREATE.SIZE_RANGE), not this outer bound.
    { invalidCode: 'InvalidSize.ValueNotSupported', guard: ['range'] },
  ),
  param('DiskCategory', { type: 'string', enum: DiskCategory.options }, 'Disk category.', {
    default: 'cloud',
    invalidCode: 'InvalidDiskCategory.ValueNotSupported',
  }),
  param(
    'Description',
    { type: 'string', pattern: DESCRIPTION_PATTERN },
    'Free text of 2-256 characters, not starting with http:// or https://.',
    { invalidCode: 'InvalidDescription.Malformed' },
  ),
  param('Encrypted', { type: 'boolean' }, 'Encrypt the disk.', { default: false }),
  clientToken,
  optionalId('InstanceId', 'Create the disk in the zone of this instance and attach it there.'),
  resourceGroupId,
  param('KMSKeyId', { type: 'string', maxLength: 64 }, 'KMS key for an encrypted disk.', ID_GUARD),
  param(
    'PerformanceLevel',
    { type: 'string', enum: PerformanceLevel.options },
    'ESSD performance level (PL1 by default for ESSDs).',
    { invalidCode: 'InvalidPerformanceLevel.Malformed' },
  ),
  param('AdvancedFeatures', { type: 'string' }, 'Extra disk features.'),
  optionalId('StorageSetId', 'Storage set to place the disk in.'),
  param('StorageSetPartitionNumber', { type: 'integer', min: 1 }, 'Partitions of the storage set.', {
    guard: ['range'],
  }),
  optionalId('StorageClusterId', 'Dedicated block storage cluster.'),
  param('EncryptAlgorithm', { type: 'string' }, 'Encryption algorithm.'),
  param(
    'MultiAttach',
    { type: 'string', enum: ['Enabled', 'Disabled'] },
    'Allow attaching to several instances.',
    {
      default: 'Disabled',
    },
  ),
  tags,
  param('ProvisionedIops', { type: 'integer', min: 0 }, 'Extra provisioned IOPS (ESSD AutoPL).', {
    guard: ['range'],
  }),
  param('BurstingEnabled', { type: 'boolean' }, 'Performance burst (ESSD AutoPL).'),
] as const;

export const CreateDisk = defineOperation({
  ...ECS,
  action: 'CreateDisk',
  summary: 'Create a pay-as-you-go data disk (portable); it starts in `Creating`, then `Available`.',
  doc: ecsDoc('CreateDisk'),
  params: createParams,
  response: CreateDiskResponse,
  errors: [
    'InvalidSize.ValueNotSupported',
    'InvalidDiskName.Malformed',
    'InvalidDescription.Malformed',
    'MissingParameter',
    // Listed with both 400 and 403 in the docs; the catalogue keeps 403.
    'InvalidDiskCategory.NotSupported',
    'InvalidDiskCategory.ValueNotSupported',
    'InvalidDiskSize.NotSupported',
    'InvalidDiskSizeOrCategory',
    'InvalidParameter.Conflict',
    'Zone.NotOnSale',
    'InvalidDataDiskCategory.ValueNotSupported',
    'InvalidDataDiskSize.ValueNotSupported',
    'Account.Arrearage',
    'InvalidPerformanceLevel.Malformed',
    'InvalidDataDiskCategory.NotSupported',
    'InvalidDiskSize.TooSmall',
    'OperationDenied',
    'QuotaExceed.PortableCloudDisk',
    'QuotaExceed.PostPaidDisk',
    'InvalidAccountStatus.NotEnoughBalance',
    'InvalidPayMethod',
    'UserNotInTheWhiteList',
    'InvalidRegionId.NotFound',
    'InvalidZoneId.NotFound',
    'InvalidSnapshotId.NotFound',
    'InvalidResourceGroup.NotFound',
    'InvalidParameter.KMSKeyId.NotFound',
    'InternalError',
    // Retried by client code on CreateDisk (Terraform's disk resource).
    'UnknownError',
  ],
  region: 'any',
  mutating: true,
});
export type CreateDiskRequest = RequestOf<typeof createParams>;

const describeParams = [
  required(
    param('RegionId', { type: 'string', minLength: 1, maxLength: 64 }, 'Region to list disks in.', {
      // DescribeDisks documents its own (misspelled) code for a missing RegionId.
      missingCode: 'MissingParamter.RegionId',
      ...ID_GUARD,
    }),
  ),
  optionalId('ZoneId', 'Only disks of this zone.'),
  param(
    'DiskIds',
    { type: 'jsonArray', maxItems: 100 },
    'JSON array of disk IDs, at most 100; [] lists nothing.',
    {
      invalidCode: 'InvalidParameter.DiskIds',
      // The docs name InvalidDiskIds.Malformed (403) for more than 100 IDs.
      countCode: 'InvalidDiskIds.Malformed',
    },
  ),
  optionalId('InstanceId', 'Only disks attached to this instance.'),
  param('DiskType', { type: 'string', enum: ['all', 'system', 'data'] }, 'Only system or data disks.', {
    default: 'all',
    invalidCode: 'InvalidDiskType.ValueNotSupported',
  }),
  param(
    'Category',
    { type: 'string', enum: ['all', ...DiskCategory.options] },
    'Only disks of this category.',
    {
      default: 'all',
      invalidCode: 'InvalidCategory.ValueNotSupported',
    },
  ),
  param('Status', { type: 'string', enum: ['All', ...DiskStatus.options] }, 'Only disks in this status.', {
    default: 'All',
    invalidCode: 'InvalidStatus.ValueNotSupported',
  }),
  optionalId('SnapshotId', 'Only disks created from this snapshot.'),
  param('Portable', { type: 'boolean' }, 'Only (non-)portable disks.'),
  param('DeleteWithInstance', { type: 'boolean' }, 'Only disks that are (not) released with their instance.'),
  param('DeleteAutoSnapshot', { type: 'boolean' }, 'Only disks whose automatic snapshots go with them.'),
  ...pagingUpTo(500),
  param('DiskName', { type: 'string' }, 'Only disks of this name.'),
  optionalId('AutoSnapshotPolicyId', 'Only disks under this automatic snapshot policy.'),
  param('EnableAutoSnapshot', { type: 'boolean' }, 'Only disks with automatic snapshots on or off.'),
  param(
    'DiskChargeType',
    { type: 'string', enum: ['PrePaid', 'PostPaid'] },
    'Only disks of this billing method.',
  ),
  param('LockReason', { type: 'string' }, 'Only disks locked for this reason.'),
  resourceGroupId,
  param('EnableShared', { type: 'boolean' }, 'Only shared block storage.'),
  param('Encrypted', { type: 'boolean' }, 'Only (un)encrypted disks.'),
  param('KMSKeyId', { type: 'string', maxLength: 64 }, 'Only disks encrypted with this key.', ID_GUARD),
  param(
    'MultiAttach',
    { type: 'string', enum: ['Enabled', 'Disabled', 'LegacyShared'] },
    'Only multi-attach disks.',
  ),
  param('DryRun', { type: 'boolean' }, 'Check the request only.'),
  tags,
] as const;

export const DescribeDisks = defineOperation({
  ...ECS,
  action: 'DescribeDisks',
  summary: 'List the disks of a region (never the Deleting or Deleted ones), with filters and paging.',
  doc: ecsDoc('DescribeDisks'),
  params: describeParams,
  response: DescribeDisksResponse,
  errors: [
    'InvalidDiskType.ValueNotSupported',
    'InvalidCategory.ValueNotSupported',
    'InvalidStatus.ValueNotSupported',
    'InvalidParameter.DiskIds',
    'MissingParamter.RegionId',
    'IncompleteParamter',
    'InvalidParamter',
    // DescribeDisks documents this code with 400 (404 elsewhere).
    { code: 'InvalidZoneId.NotFound', httpStatus: 400 },
    'InvalidDiskIds.Malformed',
    'InvalidDiskIds.ValueNotSupported',
    'InternalError',
  ],
  region: 'any',
  mutating: false,
});
export type DescribeDisksRequest = RequestOf<typeof describeParams>;

const attachParams = [
  instanceId,
  diskId,
  param('Device', { type: 'string' }, 'Device name; deprecated, the service picks one.'),
  deleteWithInstance,
  param('Bootable', { type: 'boolean' }, 'Attach as the system disk.'),
  param('Password', { type: 'string' }, 'Instance password, when attaching a system disk.'),
  param('KeyPairName', { type: 'string' }, 'Key pair, when attaching a system disk.'),
  param('Force', { type: 'boolean' }, 'Force the attachment.'),
] as const;

export const AttachDisk = defineOperation({
  ...ECS,
  action: 'AttachDisk',
  summary: 'Attach an Available disk to an instance of the same zone (Running or Stopped).',
  doc: ecsDoc('AttachDisk'),
  params: attachParams,
  response: RequestIdOnly,
  errors: [
    { code: 'IncorrectInstanceStatus', httpStatus: 400 },
    'InvalidParameter',
    'DiskError',
    'IncorrectDiskStatus',
    'DiskId.ValueNotSupported',
    'DiskInArrears',
    'DiskNotPortable',
    'InstanceExpiredOrInArrears',
    'InstanceLockedForSecurity',
    'InvalidDevice.InUse',
    'ResourcesNotInSameZone',
    'InvalidDiskId.NotFound',
    'InvalidInstanceId.NotFound',
    'IncorrectDiskStatus.Initializing',
  ],
  region: 'none',
  mutating: true,
});
export type AttachDiskRequest = RequestOf<typeof attachParams>;

const detachParams = [instanceId, diskId, deleteWithInstance] as const;

export const DetachDisk = defineOperation({
  ...ECS,
  action: 'DetachDisk',
  summary: 'Detach an In_use disk from its instance; the disk goes through Detaching to Available.',
  doc: ecsDoc('DetachDisk'),
  params: detachParams,
  response: RequestIdOnly,
  errors: [
    'InstanceLockedForSecurity',
    'InvalidOperation.InstanceTypeNotSupport',
    // Inferred: the same disk checks as AttachDisk.
    'InvalidDiskId.NotFound',
    'IncorrectDiskStatus',
    'IncorrectDiskStatus.Initializing',
    // Answered by the real service for a disk already detached (Terraform treats it as done).
    'InvalidDisk.AlreadyDetached',
  ],
  region: 'none',
  mutating: true,
});
export type DetachDiskRequest = RequestOf<typeof detachParams>;

const deleteParams = [diskId] as const;

export const DeleteDisk = defineOperation({
  ...ECS,
  action: 'DeleteDisk',
  summary: 'Release an Available disk; an unknown DiskId is ignored (success).',
  doc: ecsDoc('DeleteDisk'),
  params: deleteParams,
  response: RequestIdOnly,
  errors: [
    'DiskCreatingSnapshot',
    'DiskStillAttached',
    'UserNotInTheWhiteList',
    'InvalidRegionId.MalFormed',
    // Inferred: a disk in a transient status cannot be released.
    'IncorrectDiskStatus',
    'IncorrectDiskStatus.Initializing',
  ],
  region: 'none',
  mutating: true,
});
export type DeleteDiskRequest = RequestOf<typeof deleteParams>;
