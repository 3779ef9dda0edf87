import { z } from 'zod';
import { DiskCategory, DiskStatus, InstanceStatus, PerformanceLevel } from '../enums';
import { ecsList, IsoTime, IsoTimeOrEmpty, idWith, PageFields, RequestIdOnly } from './common';

// ECS 2014-05-26 success bodies. Lists sit in wrappers named after the item
// (`Disks: {Disk: [...]}`); times are UTC ISO-8601 strings.

export const CreateDiskResponse = RequestIdOnly.extend({
  DiskId: idWith('disk'),
  // Subscription disks only.
  OrderId: z.string().optional(),
});
export type CreateDiskResponse = z.infer<typeof CreateDiskResponse>;

export const DiskAttachment = z.object({
  InstanceId: z.string().min(1),
  Device: z.string(),
  AttachedTime: IsoTimeOrEmpty,
});

const EcsTag = z.object({ TagKey: z.string(), TagValue: z.string() });

export const Disk = z.object({
  DiskId: idWith('disk'),
  DiskName: z.string().optional(),
  Description: z.string().optional(),
  RegionId: z.string().min(1),
  ZoneId: z.string().min(1),
  Category: DiskCategory,
  // ESSD only; other categories send it empty or not at all.
  PerformanceLevel: z.union([PerformanceLevel, z.literal('')]).optional(),
  Size: z.number().int().positive(),
  Status: DiskStatus,
  Type: z.enum(['system', 'data']),
  // Empty unless the disk is In_use.
  InstanceId: z.string(),
  Device: z.string().optional(),
  Portable: z.boolean(),
  DeleteWithInstance: z.boolean(),
  DeleteAutoSnapshot: z.boolean(),
  DiskChargeType: z.enum(['PrePaid', 'PostPaid']),
  Encrypted: z.boolean(),
  KMSKeyId: z.string().optional(),
  CreationTime: IsoTime,
  AttachedTime: IsoTimeOrEmpty.optional(),
  DetachedTime: IsoTimeOrEmpty.optional(),
  ExpiredTime: IsoTimeOrEmpty.optional(),
  SourceSnapshotId: z.string().optional(),
  ImageId: z.string().optional(),
  SerialNumber: z.string().optional(),
  IOPS: z.number().int().nonnegative().optional(),
  ResourceGroupId: z.string().optional(),
  MultiAttach: z.string().optional(),
  BurstingEnabled: z.boolean().optional(),
  ProvisionedIops: z.number().int().nonnegative().optional(),
  Attachments: ecsList('Attachment', DiskAttachment).optional(),
  OperationLocks: ecsList('OperationLock', z.object({ LockReason: z.string() })).optional(),
  Tags: ecsList('Tag', EcsTag).optional(),
});
export type Disk = z.infer<typeof Disk>;

export const DescribeDisksResponse = z.object({
  ...PageFields,
  Disks: ecsList('Disk', Disk),
});
export type DescribeDisksResponse = z.infer<typeof DescribeDisksResponse>;

/** The instance fields a disaster-recovery workflow needs; other fields pass unchecked. */
export const Instance = z.object({
  InstanceId: z.string().min(1),
  InstanceName: z.string(),
  RegionId: z.string().min(1),
  ZoneId: z.string().min(1),
  Status: InstanceStatus,
});
export type Instance = z.infer<typeof Instance>;

export const DescribeInstancesResponse = z.object({
  ...PageFields,
  Instances: ecsList('Instance', Instance),
});
export type DescribeInstancesResponse = z.infer<typeof DescribeInstancesResponse>;

/** The legacy ECS CreateDiskReplicaPair names the new pair `PairId` (`rp-...`). */
export const LegacyCreateDiskReplicaPairResponse = RequestIdOnly.extend({ PairId: idWith('legacy-pair') });
export type LegacyCreateDiskReplicaPairResponse = z.infer<typeof LegacyCreateDiskReplicaPairResponse>;
