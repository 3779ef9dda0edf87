import type { PairStatus } from '../api';

/**
 * The settled statuses a pair or group is driven through, and the calls that act on one.
 *
 * Transient statuses (creating, initial_syncing, syncing, manual_syncing, stopping, failovering,
 * reprotecting, deleting) are not cells: the harness lets every accepted change settle before
 * the next call (the clock is moved, or the listings polled), so no call ever starts from one.
 * What a resource shows while in one is judged right after the change instead
 * (checks/transient-status.ts). Failed statuses (create_failed, stop_failed, ...) come from the
 * service failing, which no documented call causes, so they are not cells either. A group turns
 * invalid when a member's disk is deleted; the scenarios do that, but it is not counted here.
 */
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
