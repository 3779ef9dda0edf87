import type { PairStatus } from '../spec';

/** The settled statuses a pair or group is driven through, and the calls that act on one. */
export const PAIR_STATES: readonly PairStatus[] = ['created', 'normal', 'stopped', 'failovered', 'invalid'];
export const PAIR_OPERATIONS = [
  'ModifyDiskReplicaPair',
  'StartDiskReplicaPair',
  'StopDiskReplicaPair',
  'FailoverDiskReplicaPair',
  'ReprotectDiskReplicaPair',
  'DeleteDiskReplicaPair',
  'DescribeDiskReplicaPairProgress',
  'AddDiskReplicaPair',
  'RemoveDiskReplicaPair',
] as const;

export const GROUP_STATES: readonly PairStatus[] = ['created', 'normal', 'stopped', 'failovered'];
export const GROUP_OPERATIONS = [
  'ModifyDiskReplicaGroup',
  'StartDiskReplicaGroup',
  'StopDiskReplicaGroup',
  'FailoverDiskReplicaGroup',
  'ReprotectDiskReplicaGroup',
  'DeleteDiskReplicaGroup',
  'AddDiskReplicaPair',
  'RemoveDiskReplicaPair',
] as const;

/** The state x operation matrix a run should cover, as `state|operation` keys. */
export const documentedCells = (states: readonly string[], operations: readonly string[]) =>
  states.flatMap((s) => operations.map((o) => `${s}|${o}`));
