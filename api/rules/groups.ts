import { ebsDoc } from '../operations/common';
import { type Rule, rule } from '../rule';

const CREATE = 'CreateDiskReplicaGroup';
const MODIFY = 'ModifyDiskReplicaGroup';
const START = 'StartDiskReplicaGroup';
const STOP = 'StopDiskReplicaGroup';
const FAILOVER = 'FailoverDiskReplicaGroup';
const REPROTECT = 'ReprotectDiskReplicaGroup';
const DELETE = 'DeleteDiskReplicaGroup';
const ADD = 'AddDiskReplicaPair';
const REMOVE = 'RemoveDiskReplicaPair';
const DESCRIBE = 'DescribeDiskReplicaGroups';

/** Rules of consistent replica groups (EBS 2021-07-30). */
export const GROUP_RULES: readonly Rule[] = [
  rule(
    'GROUP.CREATE.SITES',
    [CREATE],
    'A group replicates across regions or across zones of one region; its zones must exist in its regions and support async replication, and source and destination cannot be the same zone.',
    ebsDoc(CREATE),
    'Description',
  ),
  rule(
    'GROUP.CREATE.SETTLES_CREATED',
    [CREATE],
    'A new group answers with its ReplicaGroupId, passes through creating and settles in created with no pairs.',
    ebsDoc(CREATE),
    'Response: ReplicaGroupId',
  ),
  rule(
    'GROUP.NAME_FORMAT',
    [CREATE, MODIFY],
    'GroupName is 2 to 128 characters, starts with a letter and does not start with http:// or https://.',
    ebsDoc(CREATE),
    'Request parameters: GroupName',
  ),
  rule(
    'GROUP.IN_GROUP_REGION',
    [MODIFY, START, STOP, FAILOVER, REPROTECT, DELETE, ADD, REMOVE],
    'Calls on a group are made in the region of one of its two sites; elsewhere the group is unknown (a modelling choice: the docs name no code).',
    ebsDoc(MODIFY),
    'Request parameters: RegionId',
  ),
  rule(
    'GROUP.ADD.SAME_DIRECTION',
    [ADD],
    'A pair joins a group only if both replicate the same way: same production region and zone, same disaster-recovery region and zone; otherwise OperationDenied.PairGroupAZoneConflict.',
    ebsDoc(ADD),
    'Description',
  ),
  rule(
    'GROUP.ADD.CREATED_OR_STOPPED',
    [ADD],
    'Both the pair and the group must be created or stopped to add the pair (PairStatusCannotAddToGroup / GroupStatusCannotAddPair otherwise).',
    ebsDoc(ADD),
    'Description',
  ),
  rule(
    'GROUP.ADD.AT_MOST_17',
    [ADD],
    'A group holds at most 17 pairs; adding an 18th is refused with OperationDenied.PairsExceedInGroup.',
    ebsDoc(ADD),
    'Description',
  ),
  rule(
    'GROUP.ADD.ONE_GROUP_PER_PAIR',
    [ADD],
    'A pair is in at most one group; adding a pair that is already in a group is refused with OperationDenied.PairInAnotherGroup.',
    ebsDoc(ADD),
    'Error codes',
  ),
  rule(
    'GROUP.ADD.GROUP_RPO_APPLIES',
    [ADD],
    'Once added, the pair runs with the group RPO instead of its own.',
    ebsDoc(ADD),
    'Description',
  ),
  rule(
    'GROUP.REMOVE.GROUP_STATUS',
    [REMOVE],
    'A pair can be removed only while the group is created, stopped or invalid (GroupStatusCannotRemovePair otherwise).',
    ebsDoc(REMOVE),
    'Description',
  ),
  rule(
    'GROUP.REMOVE.PAIR_IN_GROUP',
    [REMOVE],
    'Removing a pair that is not a member of the group is refused with OperationDenied.PairNotInGroup (or OperationDenied.NoPairInGroup when the group is empty).',
    ebsDoc(REMOVE),
    'Error codes',
  ),
  rule(
    'GROUP.REMOVE.PAIR_IN_ANOTHER_GROUP',
    [REMOVE],
    'Removing a pair through a group it is not in, while it belongs to another group, is refused with OperationDenied.PairInAnotherGroup (the pair is already in another group).',
    ebsDoc(REMOVE),
    'Error codes: OperationDenied.PairInAnotherGroup',
  ),
  rule(
    'GROUP.MODIFY.IN_CREATED_OR_STOPPED',
    [MODIFY],
    'A group can be modified only while it is created or stopped; the new name and description show in DescribeDiskReplicaGroups.',
    ebsDoc(MODIFY),
    'Description',
  ),
  rule(
    'GROUP.CREATE.BANDWIDTH_NOT_OPEN',
    [CREATE, DESCRIBE],
    'Bandwidth is not open for use: a group created with it reports the preset Bandwidth (0, as the documented answer shows), not the value sent; whether the call is accepted is the reading bandwidth-not-open.',
    ebsDoc(CREATE),
    'Request parameters: Bandwidth; DescribeDiskReplicaGroups response: Bandwidth',
  ),
  rule(
    'GROUP.MODIFY.BANDWIDTH_NOT_OPEN',
    [MODIFY],
    'Bandwidth is not open for use: a Modify holding it leaves the group as the rest of the call makes it; whether the call is accepted is the reading bandwidth-not-open.',
    ebsDoc(MODIFY),
    'Request parameters: Bandwidth',
  ),
  rule(
    'GROUP.START.STATUSES',
    [START],
    'With OneShot=false a group starts from created, syncing, normal or stopped; with OneShot=true from created, manual_syncing or stopped; otherwise OperationDenied.InvalidStatus.',
    ebsDoc(START),
    'Description',
  ),
  rule(
    'GROUP.START.NEEDS_PAIRS',
    [START, FAILOVER, REPROTECT],
    'A group with no pair cannot be started, failed over or reprotected (OperationDenied.NoPairInGroup).',
    ebsDoc(START),
    'Error codes',
  ),
  rule(
    'GROUP.START.INITIAL_FULL_SYNC',
    [START],
    'The first start of a group shows initial_syncing and settles in normal; a one-shot start shows manual_syncing and settles in stopped.',
    ebsDoc(START),
    'Description',
  ),
  rule(
    'GROUP.START.STANDBY_NOT_ATTACHED',
    [START],
    'A group whose member has an attached secondary disk cannot be started: OperationDenied.StandbyDeviceAttached with HTTP 400.',
    ebsDoc(START),
    'Error codes',
  ),
  rule(
    'GROUP.STOP.STATUSES',
    [STOP],
    'A group can be stopped from manual_syncing, syncing, normal, stopping, stop_failed or stopped, and settles in stopped.',
    ebsDoc(STOP),
    'Description',
  ),
  rule(
    'GROUP.FAILOVER.STATUSES',
    [FAILOVER],
    'A group fails over from manual_syncing, syncing, normal, stopping, stop_failed, stopped, failovering, failover_failed or failovered, and settles in failovered.',
    ebsDoc(FAILOVER),
    'Description',
  ),
  rule(
    'GROUP.FAILOVER.AFTER_FIRST_SYNC',
    [FAILOVER],
    'A group fails over only after its first full sync from the production site has completed.',
    ebsDoc(FAILOVER),
    'Description',
  ),
  rule(
    'GROUP.SECONDARY_REGION_ONLY',
    [FAILOVER, REPROTECT],
    'Failover and Reprotect of a group are called in the region of its current disaster-recovery site; in the production region they are refused with OperateNotAllowedForPrimary (or ...ForStandby).',
    ebsDoc(FAILOVER),
    'Request parameters: RegionId',
  ),
  rule(
    'GROUP.REPROTECT.REQUIRES_FAILOVERED',
    [REPROTECT],
    'A group can be reprotected only in failovered.',
    ebsDoc(REPROTECT),
    'Description',
  ),
  rule(
    'GROUP.REPROTECT.PRIMARY_DETACHED',
    [REPROTECT],
    'Every member primary disk at the production site must be detached before the group is reprotected.',
    ebsDoc(REPROTECT),
    'Description',
  ),
  rule(
    'GROUP.REPROTECT.DIRECTION',
    [REPROTECT],
    'ReverseReplicate=true (default) swaps the roles, keeping the site information, and needs a new Start; false cancels the failover and restores the direction. Either way the group settles in stopped.',
    ebsDoc(REPROTECT),
    'Request parameters: ReverseReplicate',
  ),
  rule(
    'GROUP.DELETE.EMPTY_ONLY',
    [DELETE],
    'A group that still has pairs cannot be deleted: OperationDenied.GroupHasPair.',
    ebsDoc(DELETE),
    'Description',
  ),
  rule(
    'GROUP.DELETE.IN_PRIMARY_REGION',
    [DELETE],
    "Delete is called in the region of the group's current primary site, as for a pair; elsewhere it is refused (a modelling choice carried over from DeleteDiskReplicaPair: the group page names no region and no code).",
    ebsDoc(DELETE),
    'Request parameters: RegionId',
  ),
  rule(
    'GROUP.DELETE.STATUSES',
    [DELETE],
    'A group can be deleted in created, create_failed, stopped, failovered, deleting, delete_failed or invalid; it then disappears from DescribeDiskReplicaGroups.',
    ebsDoc(DELETE),
    'Description',
  ),
  rule(
    'GROUP.OPS_ACT_ON_MEMBERS',
    [START, STOP, FAILOVER, REPROTECT],
    'Start, Stop, Failover and Reprotect of a group move every member pair through the same statuses as the group.',
    ebsDoc(CREATE),
    'Description',
  ),
  rule(
    'GROUP.MEMBER_FOLLOWS_GROUP',
    [
      'StartDiskReplicaPair',
      'StopDiskReplicaPair',
      'FailoverDiskReplicaPair',
      'ReprotectDiskReplicaPair',
      'DeleteDiskReplicaPair',
    ],
    'A pair in a group changes status only through its group; pair-level state operations on a member are refused (a modelling choice: the docs only hint at it with the PairGroupStatusConflict codes).',
    ebsDoc('ReprotectDiskReplicaPair'),
    'Error codes',
  ),
  rule(
    'GROUP.DESCRIBE.FILTERS',
    [DESCRIBE],
    'GroupIds (comma-separated, at most 100) narrows the listing; Site selects production (default) or backup records like the pair listing.',
    ebsDoc(DESCRIBE),
    'Request parameters: GroupIds, Site',
  ),
  rule(
    'GROUP.DESCRIBE.MEMBERS',
    [DESCRIBE],
    'Each group row lists its member pair IDs in PairIds and their number in PairNumber.',
    ebsDoc(DESCRIBE),
    'Response: PairIds, PairNumber',
  ),
];
