/**
 * Doc pages that rules cite besides the per-operation API pages (`ebsDoc`/`ecsDoc`) and the seeds.
 */
export const IDEMPOTENCE_DOC =
  'https://www.alibabacloud.com/help/en/ecs/developer-reference/how-to-ensure-idempotence';
export const IDEMPOTENCE_ZH_DOC =
  'https://help.aliyun.com/zh/ecs/developer-reference/how-to-ensure-idempotence';
export const REPLICATION_LIMITS_DOC =
  'https://www.alibabacloud.com/help/en/cloud-backup/user-guide/restrictions-on-use';
export const CREATE_PAIR_GUIDE_DOC =
  'https://www.alibabacloud.com/help/en/elastic-compute-service/latest/create-a-replication-pair';
export const RPC_REQUEST_DOC = 'https://www.alibabacloud.com/help/en/sdk/product-overview/rpc-mechanism';
export const ECS_ERROR_CENTER = 'https://error-center.alibabacloud.com/status/product/Ecs';

/** The EBS actions that act on one replica pair. */
export const PAIR_ACTIONS = [
  'CreateDiskReplicaPair',
  'ModifyDiskReplicaPair',
  'StartDiskReplicaPair',
  'StopDiskReplicaPair',
  'FailoverDiskReplicaPair',
  'ReprotectDiskReplicaPair',
  'DeleteDiskReplicaPair',
] as const;

/** The EBS actions that act on one replica group. */
export const GROUP_ACTIONS = [
  'CreateDiskReplicaGroup',
  'ModifyDiskReplicaGroup',
  'StartDiskReplicaGroup',
  'StopDiskReplicaGroup',
  'FailoverDiskReplicaGroup',
  'ReprotectDiskReplicaGroup',
  'DeleteDiskReplicaGroup',
  'AddDiskReplicaPair',
  'RemoveDiskReplicaPair',
] as const;
