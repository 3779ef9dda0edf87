import { z } from 'zod';

/** Replica pair statuses of EBS 2021-07-30 (DescribeDiskReplicaPairs `Status`). */
export const PairStatus = z.enum([
  'invalid',
  'creating',
  'created',
  'create_failed',
  'initial_syncing',
  'syncing',
  'manual_syncing',
  'normal',
  'stopping',
  'stopped',
  'stop_failed',
  'failovering',
  'failovered',
  'failover_failed',
  'reprotecting',
  'reprotect_failed',
  'deleting',
  'delete_failed',
  'deleted',
]);
export type PairStatus = z.infer<typeof PairStatus>;

/** Replica group statuses share the pair vocabulary (DescribeDiskReplicaGroups `Status`). */
export const GroupStatus = PairStatus;
export type GroupStatus = PairStatus;

/** Why a pair or group is `invalid` or `create_failed` (`StatusMessage`). */
export const PairStatusMessage = z.enum([
  'DeviceRemoved',
  'DeviceKeyChanged',
  'DeviceSizeChanged',
  'PrePayOrderExpired',
  'PostPayOrderCeaseService',
  'OperationDenied.QuotaExceed',
]);

/** Statuses of the legacy ECS 2014-05-26 replica pair. */
export const LegacyPairStatus = z.enum(['inactive', 'starting', 'active', 'pausing', 'paused', 'deleting']);
export type LegacyPairStatus = z.infer<typeof LegacyPairStatus>;

/** Disk statuses DescribeDisks may return (Deleting/Deleted are never listed). */
export const DiskStatus = z.enum(['In_use', 'Available', 'Attaching', 'Detaching', 'Creating', 'ReIniting']);
export type DiskStatus = z.infer<typeof DiskStatus>;

export const DiskCategory = z.enum([
  'cloud',
  'cloud_efficiency',
  'cloud_ssd',
  'cloud_essd',
  'cloud_auto',
  'cloud_essd_entry',
  'cloud_regional_disk_auto',
  'elastic_ephemeral_disk_standard',
  'elastic_ephemeral_disk_premium',
]);
export type DiskCategory = z.infer<typeof DiskCategory>;

export const PerformanceLevel = z.enum(['PL0', 'PL1', 'PL2', 'PL3']);
export type PerformanceLevel = z.infer<typeof PerformanceLevel>;

export const InstanceStatus = z.enum(['Pending', 'Running', 'Starting', 'Stopping', 'Stopped']);
export type InstanceStatus = z.infer<typeof InstanceStatus>;

/** `Site` of DescribeDiskReplicaPairs/Groups: which initial site the region is listed from. */
export const Site = z.enum(['production', 'backup']);
export type Site = z.infer<typeof Site>;

export const ChargeType = z.enum(['PREPAY', 'POSTPAY']);

/** Replication bandwidth in Kbit/s that may be requested (0 = dynamic, set by the service for POSTPAY). */
export const Bandwidths = [10240, 20480, 51200, 102400] as const;

/** The only RPO the service accepts, in seconds. */
export const SupportedRpo = 900;

/** DescribeRegions `ResourceType`: async replication, data insight, dedicated block storage cluster. */
export const RegionResourceType = z.enum(['ear', 'lens', 'dbsc']);

/** Statuses the service leaves by itself: a client polls until the pair is out of them. */
export const TRANSIENT_PAIR_STATUSES: readonly PairStatus[] = [
  'creating',
  'initial_syncing',
  'syncing',
  'manual_syncing',
  'stopping',
  'failovering',
  'reprotecting',
  'deleting',
];
