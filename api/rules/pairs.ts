import { OPERATIONS } from '../operations';
import { ebsDoc, SEED_REPROTECT } from '../operations/common';
import { type Rule, rule } from '../rule';
import { CREATE_PAIR_GUIDE_DOC, REPLICATION_LIMITS_DOC } from './sources';

const CREATE = 'CreateDiskReplicaPair';
const MODIFY = 'ModifyDiskReplicaPair';
const START = 'StartDiskReplicaPair';
const STOP = 'StopDiskReplicaPair';
const FAILOVER = 'FailoverDiskReplicaPair';
const REPROTECT = 'ReprotectDiskReplicaPair';
const DELETE = 'DeleteDiskReplicaPair';
const DESCRIBE = 'DescribeDiskReplicaPairs';
const PROGRESS = 'DescribeDiskReplicaPairProgress';

/** The EBS listings a NextToken walk pages (those taking MaxResults), as the catalogue says. */
const TOKEN_WALKED = OPERATIONS.filter(
  (op) => op.product === 'ebs' && op.params.some((p) => p.name === 'MaxResults'),
).map((op) => op.action);

/** Rules of one replica pair (EBS 2021-07-30): creation, the state machine, where to call, listings. */
export const PAIR_RULES: readonly Rule[] = [
  // Creation.
  rule(
    'PAIR.CREATE.ESSD_ONLY',
    [CREATE],
    'Both disks of a pair must be ESSD (cloud_essd); ESSD AutoPL (cloud_auto) is accepted only when the world says so; any other category is refused.',
    ebsDoc(CREATE),
    'Description',
  ),
  rule(
    'PAIR.DESCRIBE.EMPTY_PAIR_IDS_ALL',
    [DESCRIBE],
    'An empty PairIds lists every pair of the region, as if it were absent.',
    ebsDoc(DESCRIBE),
    'Request parameters: PairIds (empty means all)',
  ),
  rule(
    'PAIR.DESCRIBE.NEXT_TOKEN_WHEN_MORE',
    TOKEN_WALKED,
    'A first page of a NextToken walk (also the default page: MaxResults defaults to 10) that cannot hold every row carries a NextToken for the rest.',
    ebsDoc(DESCRIBE),
    'Request parameters: MaxResults (default 10), NextToken; Response parameters: NextToken',
  ),
  rule(
    'PAIR.CREATE.UNENCRYPTED',
    [CREATE],
    'An encrypted primary or secondary disk cannot be put in a pair.',
    CREATE_PAIR_GUIDE_DOC,
    'Prerequisites',
  ),
  rule(
    'PAIR.CREATE.SAME_CATEGORY_PL_SIZE',
    [CREATE],
    'The secondary disk must have exactly the category, performance level and size of the primary disk.',
    REPLICATION_LIMITS_DOC,
    'Secondary disks',
  ),
  rule(
    'PAIR.CREATE.ONE_PAIR_PER_DISK',
    [CREATE],
    'A disk that already belongs to a live (not deleted) pair cannot be used for another pair, as primary or as secondary.',
    REPLICATION_LIMITS_DOC,
    'Number of replication pairs per disk',
  ),
  rule(
    'PAIR.CREATE.SECONDARY_ELSEWHERE',
    [CREATE],
    'The secondary disk must be in another region than the primary, or, where the world allows cross-zone replication, in another zone of the same region; the same zone is always refused.',
    ebsDoc(CREATE),
    'Description: the secondary region',
  ),
  rule(
    'PAIR.CREATE.REGIONS_SUPPORT_EAR',
    [CREATE],
    'Both the primary and the secondary region and zone must support async replication (DescribeRegions ResourceType=ear).',
    ebsDoc(CREATE),
    'Request parameters: DestinationRegionId',
  ),
  rule(
    'PAIR.CREATE.DISKS_EXIST',
    [CREATE],
    'DiskId and DestinationDiskId must name existing disks; an unknown disk is refused with a 404.',
    ebsDoc(CREATE),
    'Request parameters: DiskId, DestinationDiskId',
  ),
  rule(
    'PAIR.CREATE.LOCATION_MATCHES_DISKS',
    [CREATE],
    'RegionId and SourceZoneId must be where the primary disk is, DestinationRegionId and DestinationZoneId where the secondary disk is.',
    ebsDoc(CREATE),
    'Request parameters: RegionId, SourceZoneId, DestinationZoneId',
  ),
  rule(
    'PAIR.CREATE.STARTS_CREATED',
    [CREATE],
    'A new pair answers with its ReplicaPairId, passes through creating and settles in created; it does not replicate until it is started.',
    ebsDoc(CREATE),
    'Description',
  ),
  rule(
    'PAIR.CREATE.POSTPAY_BANDWIDTH',
    [CREATE],
    'With ChargeType POSTPAY (the default) Bandwidth cannot be given and the pair reports 0 (dynamic); with PREPAY the bandwidth defaults to 10240 Kbit/s.',
    ebsDoc(CREATE),
    'Request parameters: Bandwidth',
  ),
  rule(
    'PAIR.CREATE.PREPAY_NEEDS_PERIOD',
    [CREATE],
    'With ChargeType PREPAY a Period must be given, and the answer carries an OrderId.',
    ebsDoc(CREATE),
    'Request parameters: Period',
  ),
  rule(
    'PAIR.CREATE.NAME_FORMAT',
    [CREATE, MODIFY],
    'PairName is 2 to 128 characters, starts with a letter, may hold letters, digits, colons, underscores, dots and hyphens, and does not start with http:// or https://.',
    ebsDoc(CREATE),
    'Request parameters: PairName',
  ),
  rule(
    'PAIR.CREATE.DESCRIPTION_FORMAT',
    [CREATE, MODIFY],
    'Description is 2 to 256 characters and does not start with http:// or https://.',
    ebsDoc(CREATE),
    'Request parameters: Description',
  ),
  rule(
    'PAIR.RPO_ONLY_900',
    [CREATE, MODIFY],
    'The only accepted RPO is 900 seconds, which is also the default.',
    ebsDoc(CREATE),
    'Request parameters: RPO',
  ),
  // Where to call.
  rule(
    'PAIR.EITHER_REGION',
    [MODIFY, START, STOP],
    'Modify, Start and Stop may be called in the region of either disk of the pair.',
    ebsDoc(START),
    'Request parameters: RegionId',
  ),
  rule(
    'PAIR.VISIBLE_IN_OWN_REGIONS',
    [MODIFY, START, STOP, FAILOVER, REPROTECT, DELETE, PROGRESS],
    'A pair is known only in the regions of its two disks; called in any other region it is refused like an unknown pair (a modelling choice: the docs name no code).',
    ebsDoc(DESCRIBE),
    'Description: listing by region',
  ),
  // Start.
  rule(
    'PAIR.START.FROM_CREATED_OR_STOPPED',
    [START],
    'Only a pair in created or stopped can be started; any other status is refused with OperationDenied.InvalidStatus.',
    ebsDoc(START),
    'Description',
  ),
  rule(
    'PAIR.START.INITIAL_FULL_SYNC',
    [START],
    'The first start copies the whole primary disk: the pair shows initial_syncing and then settles in normal (later cycles show syncing).',
    ebsDoc(START),
    'Description',
  ),
  rule(
    'PAIR.START.STANDBY_NOT_ATTACHED',
    [START],
    'A pair whose current secondary disk is attached to an instance cannot be started: OperationDenied.StandbyDeviceAttached with HTTP 400.',
    ebsDoc(START),
    'Error codes',
  ),
  rule(
    'PAIR.START.ONE_SHOT',
    [START],
    'With OneShot=true the pair syncs once (manual_syncing) and then settles in stopped.',
    ebsDoc(START),
    'Request parameters: OneShot',
  ),
  rule(
    'PAIR.START.MANUAL_SYNC_LIMIT',
    [START, 'StartDiskReplicaGroup'],
    'Two one-shot syncs must be more than RPO/2 apart; an earlier one is refused with OperationDenied.ManualSyncLimit.',
    ebsDoc('StartDiskReplicaGroup'),
    'Description: OneShot',
  ),
  // Stop.
  rule(
    'PAIR.STOP.FROM_SYNCING_STATES',
    [STOP],
    'Only a pair in initial_syncing, syncing, manual_syncing or normal can be stopped; other statuses are refused with OperationDenied.InvalidStatus.',
    ebsDoc(STOP),
    'Description',
  ),
  rule(
    'PAIR.STOP.SETTLES_STOPPED',
    [STOP],
    'A stopped pair passes through stopping and settles in stopped; its last recover point does not move (the secondary rolls back to the last completed sync).',
    ebsDoc(STOP),
    'Description',
  ),
  // Modify.
  rule(
    'PAIR.MODIFY.IN_CREATED_OR_STOPPED',
    [MODIFY],
    'Name and description can be changed only while the pair is created or stopped.',
    ebsDoc(MODIFY),
    'Description',
  ),
  rule(
    'PAIR.MODIFY.BANDWIDTH_NOT_OPEN',
    [MODIFY],
    'Bandwidth is not open for use: a Modify holding it leaves the pair its bandwidth; whether the call is accepted is the reading bandwidth-not-open.',
    ebsDoc(MODIFY),
    'Request parameters: Bandwidth',
  ),
  rule(
    'PAIR.MODIFY.UPDATES_FIELDS',
    [MODIFY],
    'After Modify, DescribeDiskReplicaPairs shows the new PairName and Description; parameters not given keep their value.',
    ebsDoc(MODIFY),
    'Request parameters',
  ),
  // Failover.
  rule(
    'PAIR.FAILOVER.IN_SECONDARY_REGION',
    [FAILOVER],
    'Failover must be called in the region of the current secondary disk; in the primary region it is refused with OperationDenied.OperateNotAllowedForPrimary (or ...ForStandby).',
    ebsDoc(FAILOVER),
    'Request parameters: RegionId',
  ),
  rule(
    'PAIR.FAILOVER.NOT_INVALID',
    [FAILOVER],
    'A pair in invalid (or deleted, or on its way to deletion) cannot fail over.',
    ebsDoc(FAILOVER),
    'Description',
  ),
  rule(
    'PAIR.FAILOVER.BEFORE_FIRST_SYNC',
    [FAILOVER],
    'Whether a pair that never completed a full sync can fail over is not documented for pairs (the group page forbids it): both outcomes are allowed.',
    ebsDoc('FailoverDiskReplicaGroup'),
    'Description',
  ),
  rule(
    'PAIR.FAILOVER.SETTLES_FAILOVERED',
    [FAILOVER],
    'Failover passes through failovering and settles in failovered; the secondary disk becomes readable and writable (and attachable).',
    ebsDoc(FAILOVER),
    'Description',
  ),
  // Reprotect (the seed).
  rule(
    'PAIR.REPROTECT.REQUIRES_FAILOVERED',
    [REPROTECT],
    'Reverse replication can be enabled only on a pair in failovered; any other status is refused with OperationDenied.InvalidStatus.',
    SEED_REPROTECT,
    'Description, second bullet',
  ),
  rule(
    'PAIR.REPROTECT.IN_SECONDARY_REGION',
    [REPROTECT],
    'Reprotect must be called in the region of the secondary disk; in the primary region it is refused with OperationDenied.OperateNotAllowedForPrimary (or ...ForStandby).',
    SEED_REPROTECT,
    'Request parameters: RegionId (note)',
  ),
  rule(
    'PAIR.REPROTECT.PRIMARY_DETACHED',
    [REPROTECT],
    'The primary disk must be detached (Available) before Reprotect; while it is In_use the call is refused.',
    SEED_REPROTECT,
    'Description, third bullet',
  ),
  rule(
    'PAIR.REPROTECT.REVERSES_DIRECTION',
    [REPROTECT],
    'With ReverseReplicate=true (the default) the direction flips: Source* and Destination* swap while Primary* and Standby* (the initial sites) stay.',
    SEED_REPROTECT,
    'Summary',
  ),
  rule(
    'PAIR.REPROTECT.NEEDS_NEW_START',
    [REPROTECT],
    'Reprotect passes through reprotecting and settles in stopped; no data flows back until StartDiskReplicaPair is called again.',
    SEED_REPROTECT,
    'Description, fourth bullet',
  ),
  rule(
    'PAIR.REPROTECT.CANCEL_RESTORES_DIRECTION',
    [REPROTECT],
    'With ReverseReplicate=false the failover is cancelled and the original direction is restored.',
    ebsDoc(REPROTECT),
    'Request parameters: ReverseReplicate',
  ),
  // Delete.
  rule(
    'PAIR.DELETE.ALLOWED_STATUSES',
    [DELETE],
    'A pair can be deleted in stopped, invalid or failovered; created and create_failed are also allowed by the group page, so both outcomes are allowed there; other statuses are refused.',
    ebsDoc(DELETE),
    'Description',
  ),
  rule(
    'PAIR.DELETE.IN_PRIMARY_REGION',
    [DELETE],
    'Delete must be called in the region of the current primary disk; elsewhere it is refused (the docs name no code).',
    ebsDoc(DELETE),
    'Description',
  ),
  rule(
    'PAIR.DELETE.KEEPS_DISKS',
    [DELETE],
    'Deleting a pair keeps both disks and lifts the restrictions on the secondary (it can be attached again).',
    ebsDoc(DELETE),
    'Description',
  ),
  rule(
    'PAIR.DELETE.SETTLES_GONE',
    [DELETE],
    'A deleted pair passes through deleting and then disappears from DescribeDiskReplicaPairs.',
    ebsDoc(DELETE),
    'Description',
  ),
  // Invalid.
  rule(
    'PAIR.INVALID.DEVICE_REMOVED',
    ['DeleteDisk', DESCRIBE],
    'Deleting either disk of a pair turns the pair invalid with StatusMessage DeviceRemoved.',
    ebsDoc(DESCRIBE),
    'Response: StatusMessage',
  ),
  rule(
    'PAIR.STATUS_MESSAGE_SCOPE',
    [DESCRIBE],
    'StatusMessage is set only while the pair is invalid or create_failed.',
    ebsDoc(DESCRIBE),
    'Response: StatusMessage',
  ),
  // Listing.
  rule(
    'PAIR.DESCRIBE.SITE_PRODUCTION_DEFAULT',
    [DESCRIBE],
    'Without Site (or with Site=production) a region lists the pairs whose production site (initial source) is in that region.',
    ebsDoc(DESCRIBE),
    'Request parameters: Site',
  ),
  rule(
    'PAIR.DESCRIBE.SITE_BACKUP',
    [DESCRIBE],
    'With Site=backup a region lists the pairs whose disaster-recovery site (initial destination) is in that region.',
    ebsDoc(DESCRIBE),
    'Request parameters: Site',
  ),
  rule(
    'PAIR.DESCRIBE.PAIR_IDS',
    [DESCRIBE],
    'PairIds (comma-separated, at most 100) narrows the listing to those pairs; an unknown ID just yields no row.',
    ebsDoc(DESCRIBE),
    'Request parameters: PairIds',
  ),
  rule(
    'PAIR.DESCRIBE.GROUP_FILTER',
    [DESCRIBE],
    'ReplicaGroupId narrows the listing to the members of that group; the value - lists the pairs that are in no group.',
    ebsDoc(DESCRIBE),
    'Request parameters: ReplicaGroupId',
  ),
  rule(
    'PAIR.DESCRIBE.TOKEN_PAGING',
    [DESCRIBE, 'DescribeDiskReplicaGroups'],
    'MaxResults (1-500, default 10) bounds a page; NextToken continues the walk; pages of a walk add up to the listing with no duplicates, and PageNumber/PageSize are ignored once NextToken is set.',
    ebsDoc(DESCRIBE),
    'Description: paging',
  ),
  rule(
    'PAIR.DESCRIBE.NUMBERED_PAGING',
    [DESCRIBE, 'DescribeDiskReplicaGroups'],
    'PageNumber (from 1) and PageSize (1-100) select one page of the listing, and TotalCount is the size of the whole listing.',
    ebsDoc(DESCRIBE),
    'Request parameters: PageNumber, PageSize',
  ),
  rule(
    'PAIR.DESCRIBE.FIELDS',
    [DESCRIBE],
    'Each row shows the current direction in Source*/Destination*, the initial sites in Primary*/Standby*, the status, name, description, RPO, bandwidth, charge type and group of the pair.',
    ebsDoc(DESCRIBE),
    'Response parameters',
  ),
  rule(
    'PAIR.DESCRIBE.TIMES_IN_SECONDS',
    [DESCRIBE, PROGRESS],
    'CreateTime, LastRecoverPoint and RecoverPoint are Unix timestamps in seconds.',
    ebsDoc(DESCRIBE),
    'Response: LastRecoverPoint, CreateTime',
  ),
  rule(
    'PAIR.PROGRESS.RECOVER_POINT_AFTER_START',
    [PROGRESS],
    'DescribeDiskReplicaPairProgress reports Progress in percent; RecoverPoint appears only once the pair has completed a sync.',
    ebsDoc(PROGRESS),
    'Response: RecoverPoint',
  ),
  rule(
    'PAIR.PROGRESS.FULL_ONCE_NORMAL',
    [PROGRESS],
    'Progress is the percentage of the initial full copy: an integer from 0 to 100, and 100 for a pair in normal (the initial sync has completed).',
    ebsDoc(PROGRESS),
    'Response: Progress; and the pair status table of DescribeDiskReplicaPairs (normal)',
  ),
  // Recovery data while a pair replicates (issue 12).
  rule(
    'PAIR.PROGRESS.BELOW_100_WHILE_INITIAL_SYNCING',
    [PROGRESS],
    'While a pair is in initial_syncing its initial full copy has not completed, so Progress, the percentage of that copy, is below 100.',
    ebsDoc(PROGRESS),
    'Response: Progress; and the pair status table of DescribeDiskReplicaPairs (initial_syncing)',
  ),
  rule(
    'PAIR.PROGRESS.NOT_DECREASING_IN_INITIAL_SYNC',
    [PROGRESS],
    'During one initial sync, Progress never decreases: each answer is at least the one before, until the pair leaves initial_syncing.',
    ebsDoc(PROGRESS),
    'Response: Progress (the progress of the initial full copy)',
  ),
  rule(
    'PAIR.RECOVER_POINT.WITHIN_RPO',
    [PROGRESS, DESCRIBE, 'DescribeDiskReplicaGroups'],
    "While a pair or group replicates (normal, started at least one RPO and one sync ago) a sync completes every RPO, so the time of its latest completed sync advances and is never older than one RPO plus the time of one sync: the pair's RecoverPoint, and the LastRecoverPoint of its row and of a group's row. On a clock of the target's own, judged at the answer's time.",
    ebsDoc(START),
    'Request: OneShot (false: data syncs after each RPO period); CreateDiskReplicaPair Request: RPO; DescribeDiskReplicaPairs and DescribeDiskReplicaGroups Response: LastRecoverPoint (when the latest asynchronous replication completed)',
  ),
];
