import type { Operation } from '../operation';
import { because, type CodeAccount, LISTING_DENIED, rules } from './code-account';
import { DRILL_CODE_ACCOUNTS } from './drills';
import { findRule } from './index';
import { TAG_CODE_ACCOUNTS } from './tags';

export type { CodeAccount, Untestable } from './code-account';

/**
 * Every documented error code of every operation, accounted for (issue 14): the rules under which
 * the model answers it (and the emulator produces it, and a generated call reaches it), or why no
 * call from outside can provoke it. A reader sees each code of each page here, once.
 *
 * A rule entry names the rules whose refusal allows the code; a reason entry says why none does.
 * api/rules/error-codes.test.ts holds every documented code of every operation to one entry,
 * each named rule to exist and to constrain the operation, and a run's refusals to the table: a
 * documented code answered under none of the rules its entry names is a wrong entry.
 */
const TRANSIENT = because('transient', 'a server fault or time-out; retried, never judged');
const AUTHORIZATION = because('authorization', 'a RAM policy denying the caller; the harness is allowed');
const SLR = because('account-state', 'the RAM user may not create the EBS service-linked role');
const BALANCE = because('account-state', 'the account balance; no call changes it');
const TOKEN_IN_FLIGHT = because('concurrency', 'the first call with the token still running');

/** Accounts that hold wherever the code is documented, unless the operation says otherwise. */
const BY_CODE: Readonly<Record<string, CodeAccount>> = {
  Forbidden: AUTHORIZATION,
  'Forbidden.Action': AUTHORIZATION,
  InternalError: TRANSIENT,
  RequestTimeout: TRANSIENT,
  UnknownError: TRANSIENT,
  'IncorrectDiskStatus.Initializing': because(
    'transient',
    'a fresh disk refuses for a while; client code retries it (catalogued transient)',
  ),
  'InvalidAccountStatus.NotEnoughBalance': BALANCE,
  'NoPermission.SLR': SLR,
  LastTokenProcessing: TOKEN_IN_FLIGHT,
  'Account.Arrearage': because('account-state', 'an account with an outstanding payment'),
  InvalidPayMethod: because('account-state', 'the account’s payment method'),
  UserNotInTheWhiteList: because('account-state', 'an allow-list of the account'),
  DiskInArrears: because('account-state', 'a disk in arrears; every disk here is pay-as-you-go'),
  InstanceExpiredOrInArrears: because('account-state', 'an expired instance; the world’s instances are not'),
  InstanceLockedForSecurity: because('account-state', 'a security lock set by the provider'),
  'InvalidApi.NotFound': rules('PROTO.UNKNOWN_ACTION'),
  MissingParameter: rules('PROTO.MISSING_REQUIRED'),
  InvalidParameter: rules('PROTO.INVALID_VALUE'),
  'InvalidParameter.Format': rules('PROTO.INVALID_VALUE'),
  'InvalidParameter.Conflict': because(
    'no-condition',
    'the docs name no two parameters of this operation that cannot both be given',
  ),
  'OperationDenied.QuotaExceed': because('undocumented-limit', 'an account quota; the docs give no number'),
  'OperationDenied.OperateNotAllowedForPrimary': rules(
    'PAIR.FAILOVER.IN_SECONDARY_REGION',
    'PAIR.REPROTECT.IN_SECONDARY_REGION',
    'GROUP.SECONDARY_REGION_ONLY',
  ),
  // The site-codes reading: a target may answer the primary-site refusal with the standby code.
  'OperationDenied.OperateNotAllowedForStandby': rules(
    'PAIR.FAILOVER.IN_SECONDARY_REGION',
    'PAIR.REPROTECT.IN_SECONDARY_REGION',
    'GROUP.SECONDARY_REGION_ONLY',
  ),
  'OperationDenied.StandbyDeviceAttached': rules(
    'PAIR.START.STANDBY_NOT_ATTACHED',
    'GROUP.START.STANDBY_NOT_ATTACHED',
  ),
  'OperationDenied.ManualSyncLimit': rules('PAIR.START.MANUAL_SYNC_LIMIT'),
  'OperationDenied.RecoverPointNotFound': rules(
    'DRILL.PAIR.START.NEEDS_RECOVER_POINT',
    'DRILL.GROUP.START.NEEDS_RECOVER_POINT',
  ),
  'OperationDenied.StartDrillShouldOnDestRegion': rules(
    'DRILL.PAIR.START.IN_SECONDARY_REGION',
    'DRILL.GROUP.START.IN_SECONDARY_REGION',
  ),
  'NumberExceed.ResourceIds': rules('TAG.AT_MOST_50_RESOURCES'),
  'NumberExceed.Tags': rules('TAG.AT_MOST_20_TAGS', 'TAG.BIND.LIMIT_PER_RESOURCE'),
  'InvalidResourceType.NotFound': rules('TAG.RESOURCE_TYPE'),
  'MissingParameter.ResourceType': rules('TAG.RESOURCE_TYPE', 'PROTO.MISSING_REQUIRED'),
  'InvalidResourceId.NotFound': rules('TAG.UNKNOWN_RESOURCE'),
  'Duplicate.TagKey': rules('TAG.BIND.DUPLICATE_KEY'),
};

const PAIR_NOT_FOUND = rules('PROTO.UNKNOWN_PAIR', 'PAIR.VISIBLE_IN_OWN_REGIONS', 'PROTO.EAR_REGION');
const GROUP_NOT_FOUND = rules('PROTO.UNKNOWN_GROUP', 'GROUP.IN_GROUP_REGION', 'PROTO.EAR_REGION');
const MEMBER = rules('GROUP.MEMBER_FOLLOWS_GROUP');
const NO_STATUS = because('no-condition', 'the call acts on no resource in a status');
const SAME_SITES = because(
  'unreachable',
  'a member always has its group’s regions and zones: GROUP.ADD.SAME_DIRECTION refuses any other',
);
const MEMBERS_FOLLOW = because(
  'unreachable',
  'members change status only with their group (GROUP.OPS_ACT_ON_MEMBERS), so the two never disagree',
);
const OWN_MEMBERS = because('unreachable', 'the pairs a group acts on are its own members');
const NO_GROUP_NEEDED = because('no-condition', 'the call acts on one pair, in a group or not');
const EITHER_PAIR_REGION = rules('PAIR.EITHER_REGION');
const EITHER_GROUP_REGION = rules('GROUP.IN_GROUP_REGION');

/** Per operation (`product:Action`), the accounts that differ from `BY_CODE` or complete it. */
const BY_OPERATION: Readonly<Record<string, Readonly<Record<string, CodeAccount>>>> = {
  'ebs:DescribeRegions': {
    NoSuchResource: because('no-condition', 'DescribeRegions names no resource'),
  },
  'ebs:CreateDiskReplicaPair': {
    NoSuchResource: rules(
      'PAIR.CREATE.DISKS_EXIST',
      'PAIR.CREATE.REGIONS_SUPPORT_EAR',
      'PROTO.EAR_REGION',
      // Disks not where the call says are not found from there (the reading create-pair-region).
      'PAIR.CREATE.LOCATION_MATCHES_DISKS',
    ),
    OperationDenied: rules(
      'PAIR.CREATE.LOCATION_MATCHES_DISKS',
      'PAIR.CREATE.ONE_PAIR_PER_DISK',
      'PAIR.CREATE.SAME_CATEGORY_PL_SIZE',
      'PAIR.CREATE.ESSD_ONLY',
      'PAIR.CREATE.SECONDARY_ELSEWHERE',
      'PAIR.CREATE.UNENCRYPTED',
      'PAIR.CREATE.PREPAY_NEEDS_PERIOD',
      'PAIR.CREATE.POSTPAY_BANDWIDTH',
    ),
    'OperationDenied.InvalidStatus': rules('PAIR.CREATE.ONE_PAIR_PER_DISK', 'PAIR.CREATE.UNENCRYPTED'),
    IdempotentParameterMismatch: rules('TOKEN.OTHER_PARAMS_MISMATCH'),
  },
  'ebs:ModifyDiskReplicaPair': {
    NoSuchResource: PAIR_NOT_FOUND,
    OperationDenied: rules('PAIR.MODIFY.IN_CREATED_OR_STOPPED'),
    'OperationDenied.InvalidStatus': rules('PAIR.MODIFY.IN_CREATED_OR_STOPPED'),
    'OperationDenied.OperateNotAllowedForPrimary': EITHER_PAIR_REGION,
    'OperationDenied.OperateNotAllowedForStandby': EITHER_PAIR_REGION,
  },
  'ebs:StartDiskReplicaPair': {
    NoSuchResource: PAIR_NOT_FOUND,
    OperationDenied: rules('PAIR.START.FROM_CREATED_OR_STOPPED', 'GROUP.MEMBER_FOLLOWS_GROUP'),
    'OperationDenied.InvalidStatus': rules('PAIR.START.FROM_CREATED_OR_STOPPED'),
  },
  'ebs:StopDiskReplicaPair': {
    NoSuchResource: PAIR_NOT_FOUND,
    OperationDenied: rules('PAIR.STOP.FROM_SYNCING_STATES', 'GROUP.MEMBER_FOLLOWS_GROUP'),
    'OperationDenied.InvalidStatus': rules('PAIR.STOP.FROM_SYNCING_STATES'),
  },
  'ebs:FailoverDiskReplicaPair': {
    NoSuchResource: PAIR_NOT_FOUND,
    OperationDenied: rules('PAIR.FAILOVER.BEFORE_FIRST_SYNC', 'GROUP.MEMBER_FOLLOWS_GROUP'),
    'OperationDenied.InvalidStatus': rules('PAIR.FAILOVER.NOT_INVALID', 'PAIR.FAILOVER.BEFORE_FIRST_SYNC'),
  },
  'ebs:ReprotectDiskReplicaPair': {
    NoSuchResource: PAIR_NOT_FOUND,
    OperationDenied: rules(
      'PAIR.REPROTECT.REQUIRES_FAILOVERED',
      'PAIR.REPROTECT.PRIMARY_DETACHED',
      'GROUP.MEMBER_FOLLOWS_GROUP',
    ),
    'OperationDenied.InvalidStatus': rules(
      'PAIR.REPROTECT.REQUIRES_FAILOVERED',
      'PAIR.REPROTECT.PRIMARY_DETACHED',
    ),
    'OperationDenied.NoPairInGroup': NO_GROUP_NEEDED,
    'OperationDenied.PairNotInGroup': NO_GROUP_NEEDED,
    'OperationDenied.PairGroupAZoneConflict': MEMBER,
    'OperationDenied.PairGroupStatusConflict': MEMBER,
  },
  'ebs:DeleteDiskReplicaPair': {
    NoSuchResource: PAIR_NOT_FOUND,
    OperationDenied: rules(
      'PAIR.DELETE.IN_PRIMARY_REGION',
      'PAIR.DELETE.ALLOWED_STATUSES',
      'GROUP.MEMBER_FOLLOWS_GROUP',
    ),
    'OperationDenied.InvalidStatus': rules('PAIR.DELETE.ALLOWED_STATUSES'),
  },
  'ebs:DescribeDiskReplicaPairs': {
    NoSuchResource: rules('PROTO.EAR_REGION'),
    OperationDenied: LISTING_DENIED,
    'OperationDenied.InvalidStatus': NO_STATUS,
  },
  'ebs:DescribeDiskReplicaPairProgress': {
    NoSuchResource: PAIR_NOT_FOUND,
    OperationDenied: because('no-condition', 'the docs refuse a progress read in no status'),
    'OperationDenied.InvalidStatus': because('no-condition', 'the docs refuse a progress read in no status'),
  },
  'ebs:AddDiskReplicaPair': {
    NoSuchResource: GROUP_NOT_FOUND,
    OperationDenied: rules('GROUP.ADD.CREATED_OR_STOPPED'),
    'OperationDenied.InvalidStatus': rules('GROUP.ADD.CREATED_OR_STOPPED'),
    'OperationDenied.PairGroupAZoneConflict': rules('GROUP.ADD.SAME_DIRECTION'),
    'OperationDenied.PairGroupStatusConflict': rules('GROUP.ADD.CREATED_OR_STOPPED'),
    'OperationDenied.PairInAnotherGroup': rules('GROUP.ADD.ONE_GROUP_PER_PAIR'),
    'OperationDenied.PairInitializing': rules('GROUP.ADD.CREATED_OR_STOPPED'),
    'OperationDenied.PairStatusCannotAddToGroup': rules('GROUP.ADD.CREATED_OR_STOPPED'),
    'OperationDenied.GroupStatusCannotAddPair': rules('GROUP.ADD.CREATED_OR_STOPPED'),
    'OperationDenied.PairsExceedInGroup': rules('GROUP.ADD.AT_MOST_17'),
    'OperationDenied.GroupTotalDiskCapacityLimit': because(
      'undocumented-limit',
      'the docs give no capacity a group may hold',
    ),
  },
  'ebs:RemoveDiskReplicaPair': {
    NoSuchResource: GROUP_NOT_FOUND,
    OperationDenied: rules('GROUP.REMOVE.GROUP_STATUS'),
    'OperationDenied.InvalidStatus': rules('GROUP.REMOVE.GROUP_STATUS'),
    'OperationDenied.GroupStatusCannotRemovePair': rules('GROUP.REMOVE.GROUP_STATUS'),
    'OperationDenied.PairStatusCannotRemoveFromGroup': rules('GROUP.REMOVE.GROUP_STATUS'),
    'OperationDenied.NoPairInGroup': rules(
      'GROUP.REMOVE.PAIR_IN_GROUP',
      'GROUP.REMOVE.PAIR_IN_ANOTHER_GROUP',
    ),
    'OperationDenied.PairNotInGroup': rules('GROUP.REMOVE.PAIR_IN_GROUP'),
    'OperationDenied.PairInAnotherGroup': rules('GROUP.REMOVE.PAIR_IN_ANOTHER_GROUP'),
    'OperationDenied.PairGroupAZoneConflict': SAME_SITES,
    'OperationDenied.PairGroupStatusConflict': MEMBERS_FOLLOW,
  },
  'ebs:CreateDiskReplicaGroup': {
    NoSuchResource: rules('GROUP.CREATE.SITES', 'PROTO.EAR_REGION'),
    OperationDenied: rules('GROUP.CREATE.SITES'),
    'OperationDenied.InvalidStatus': NO_STATUS,
    'OperationDenied.TooMuchEmptyGroup': because(
      'undocumented-limit',
      'the docs give no number of empty groups an account may hold',
    ),
  },
  'ebs:DescribeDiskReplicaGroups': {
    NoSuchResource: rules('PROTO.EAR_REGION'),
    OperationDenied: LISTING_DENIED,
    'OperationDenied.InvalidStatus': NO_STATUS,
  },
  'ebs:ModifyDiskReplicaGroup': {
    NoSuchResource: GROUP_NOT_FOUND,
    OperationDenied: rules('GROUP.MODIFY.IN_CREATED_OR_STOPPED'),
    'OperationDenied.InvalidStatus': rules('GROUP.MODIFY.IN_CREATED_OR_STOPPED'),
    // The message speaks of deleting; a group's name and description change with members in it.
    'OperationDenied.GroupHasPair': because(
      'no-condition',
      'its message is about deleting a group; Modify changes only name and description',
    ),
    'OperationDenied.OperateNotAllowedForPrimary': EITHER_GROUP_REGION,
    'OperationDenied.OperateNotAllowedForStandby': EITHER_GROUP_REGION,
  },
  'ebs:StartDiskReplicaGroup': {
    NoSuchResource: GROUP_NOT_FOUND,
    OperationDenied: rules('GROUP.START.STATUSES'),
    'OperationDenied.InvalidStatus': rules('GROUP.START.STATUSES', 'GROUP.START.STANDBY_NOT_ATTACHED'),
    'OperationDenied.NoPairInGroup': rules('GROUP.START.NEEDS_PAIRS'),
    'OperationDenied.PairGroupAZoneConflict': SAME_SITES,
    'OperationDenied.PairGroupStatusConflict': MEMBERS_FOLLOW,
    'OperationDenied.PairNotInGroup': OWN_MEMBERS,
  },
  'ebs:StopDiskReplicaGroup': {
    NoSuchResource: GROUP_NOT_FOUND,
    OperationDenied: rules('GROUP.STOP.STATUSES'),
    'OperationDenied.InvalidStatus': rules('GROUP.STOP.STATUSES'),
  },
  'ebs:FailoverDiskReplicaGroup': {
    NoSuchResource: GROUP_NOT_FOUND,
    OperationDenied: rules('GROUP.FAILOVER.AFTER_FIRST_SYNC', 'GROUP.FAILOVER.STATUSES'),
    'OperationDenied.InvalidStatus': rules('GROUP.FAILOVER.STATUSES', 'GROUP.FAILOVER.AFTER_FIRST_SYNC'),
    'OperationDenied.NoPairInGroup': rules('GROUP.START.NEEDS_PAIRS'),
    'OperationDenied.PairGroupAZoneConflict': SAME_SITES,
    'OperationDenied.PairGroupStatusConflict': MEMBERS_FOLLOW,
    'OperationDenied.PairInAnotherGroup': OWN_MEMBERS,
  },
  'ebs:ReprotectDiskReplicaGroup': {
    NoSuchResource: GROUP_NOT_FOUND,
    OperationDenied: rules('GROUP.REPROTECT.REQUIRES_FAILOVERED', 'GROUP.REPROTECT.PRIMARY_DETACHED'),
    'OperationDenied.InvalidStatus': rules('GROUP.REPROTECT.REQUIRES_FAILOVERED'),
    'OperationDenied.NoPairInGroup': rules('GROUP.START.NEEDS_PAIRS'),
  },
  'ebs:DeleteDiskReplicaGroup': {
    NoSuchResource: GROUP_NOT_FOUND,
    OperationDenied: rules(
      'GROUP.DELETE.IN_PRIMARY_REGION',
      'GROUP.DELETE.EMPTY_ONLY',
      'GROUP.DELETE.STATUSES',
    ),
    'OperationDenied.InvalidStatus': rules('GROUP.DELETE.STATUSES'),
    'OperationDenied.GroupHasPair': rules('GROUP.DELETE.EMPTY_ONLY'),
  },
  ...DRILL_CODE_ACCOUNTS,
  ...TAG_CODE_ACCOUNTS,
  'ecs:CreateDisk': {
    MissingParameter: rules(
      'PROTO.MISSING_REQUIRED',
      'DISK.CREATE.SIZE_OR_SNAPSHOT',
      'DISK.CREATE.ZONE_OR_INSTANCE',
    ),
    'InvalidSize.ValueNotSupported': rules('DISK.CREATE.SIZE_RANGE', 'PARAM.ECS.CREATE_DISK.SIZE.INTEGER'),
    'InvalidDiskName.Malformed': rules('PARAM.ECS.CREATE_DISK.DISK_NAME.FORMAT'),
    'InvalidDescription.Malformed': rules('PARAM.ECS.CREATE_DISK.DESCRIPTION.FORMAT'),
    'InvalidDiskCategory.ValueNotSupported': rules('PARAM.ECS.CREATE_DISK.DISK_CATEGORY.ENUM'),
    'InvalidPerformanceLevel.Malformed': rules('PARAM.ECS.CREATE_DISK.PERFORMANCE_LEVEL.ENUM'),
    'InvalidDiskSize.NotSupported': rules('DISK.CREATE.SIZE_RANGE'),
    'InvalidParameter.Conflict': rules('DISK.CREATE.ZONE_OR_INSTANCE'),
    'InvalidRegionId.NotFound': rules('DISK.CREATE.REGION_EXISTS'),
    'InvalidZoneId.NotFound': rules('DISK.CREATE.ZONE_EXISTS'),
    'InvalidSnapshotId.NotFound': rules('DISK.CREATE.SIZE_OR_SNAPSHOT'),
    'InvalidDiskCategory.NotSupported': because(
      'outside-world',
      'a category a zone does not sell; the world lists none',
    ),
    InvalidDiskSizeOrCategory: because(
      'no-condition',
      'the page gives no pair of size and category it refuses so',
    ),
    'Zone.NotOnSale': because('outside-world', 'a zone that sells no disks; the world has none'),
    'InvalidDataDiskCategory.ValueNotSupported': because(
      'no-condition',
      'a code of the instance-creation path',
    ),
    'InvalidDataDiskSize.ValueNotSupported': because('no-condition', 'a code of the instance-creation path'),
    'InvalidDataDiskCategory.NotSupported': because('no-condition', 'a code of the instance-creation path'),
    'InvalidDiskSize.TooSmall': because(
      'outside-world',
      'smaller than a source snapshot; snapshots are not emulated',
    ),
    OperationDenied: because('no-condition', 'the page gives no condition for a bare denial'),
    'QuotaExceed.PortableCloudDisk': because('undocumented-limit', 'a per-account disk quota'),
    'QuotaExceed.PostPaidDisk': because('undocumented-limit', 'a per-account disk quota'),
    'InvalidResourceGroup.NotFound': because('outside-world', 'resource groups are not emulated'),
    'InvalidParameter.KMSKeyId.NotFound': because('outside-world', 'KMS keys are not emulated'),
  },
  'ecs:AttachDisk': {
    InvalidParameter: rules('PROTO.INVALID_VALUE'),
    IncorrectInstanceStatus: rules('DISK.ATTACH.INSTANCE_STATUS'),
    IncorrectDiskStatus: rules('DISK.ATTACH.AVAILABLE', 'DISK.ATTACH.SECONDARY_LOCKED'),
    ResourcesNotInSameZone: rules('DISK.ATTACH.SAME_ZONE'),
    'InvalidDiskId.NotFound': rules('DISK.UNKNOWN_ID'),
    'InvalidInstanceId.NotFound': rules('DISK.UNKNOWN_INSTANCE'),
    DiskError: because('no-condition', 'its message is only "IncorrectDiskStatus."; that code is answered'),
    'DiskId.ValueNotSupported': because('no-condition', 'the page gives no disk it refuses so'),
    DiskNotPortable: because('unreachable', 'every data disk CreateDisk makes is portable'),
    'InvalidDevice.InUse': because('no-condition', 'the harness never names a Device'),
  },
  'ecs:DetachDisk': {
    IncorrectDiskStatus: rules('DISK.DETACH.IN_USE'),
    'InvalidDiskId.NotFound': rules('DISK.UNKNOWN_ID'),
    'InvalidDisk.AlreadyDetached': rules('DISK.DETACH.IN_USE'),
    'InvalidOperation.InstanceTypeNotSupport': because(
      'outside-world',
      'the world’s instance types all support it',
    ),
  },
  'ecs:DeleteDisk': {
    IncorrectDiskStatus: rules('DISK.DELETE.AVAILABLE'),
    DiskStillAttached: rules('DISK.DELETE.AVAILABLE'),
    DiskCreatingSnapshot: because('outside-world', 'snapshots are not emulated'),
    'InvalidRegionId.MalFormed': because('no-condition', 'DeleteDisk takes no RegionId here'),
  },
  'ecs:DescribeDisks': {
    'InvalidDiskType.ValueNotSupported': rules('PARAM.ECS.DESCRIBE_DISKS.DISK_TYPE.ENUM'),
    'InvalidCategory.ValueNotSupported': rules('PARAM.ECS.DESCRIBE_DISKS.CATEGORY.ENUM'),
    'InvalidStatus.ValueNotSupported': rules('PARAM.ECS.DESCRIBE_DISKS.STATUS.ENUM'),
    'InvalidDiskIds.Malformed': rules('PARAM.ECS.DESCRIBE_DISKS.DISK_IDS.MAX_ITEMS'),
    'InvalidParameter.DiskIds': rules('PROTO.INVALID_VALUE'),
    'MissingParamter.RegionId': rules('PARAM.ECS.DESCRIBE_DISKS.REGION_ID.REQUIRED'),
    IncompleteParamter: rules('PROTO.MISSING_REQUIRED'),
    InvalidParamter: rules('PROTO.INVALID_VALUE'),
    'InvalidZoneId.NotFound': because(
      'no-condition',
      'an unknown ZoneId filter lists nothing (DISK.DESCRIBE.FILTERS)',
    ),
    'InvalidDiskIds.ValueNotSupported': because(
      'no-condition',
      'the page gives no DiskIds value it refuses so',
    ),
  },
  'ecs:DescribeInstances': {
    'InvalidInstanceIds.Malformed': because(
      'no-condition',
      'DescribeInstances is read only to learn the world',
    ),
    'InvalidRegionId.NotFound': because('no-condition', 'DescribeInstances is read only to learn the world'),
  },
  'ecs:CreateDiskReplicaPair': {
    'InvalidDiskId.NotFound': rules('LEGACY.CREATE.DISKS_EXIST'),
    // The seed names no code for a secondary of another size or spec: its three codes are allowed.
    IncorrectDiskStatus: rules(
      'LEGACY.CREATE.DISK_STATUS',
      'LEGACY.CREATE.SAME_SPEC_AND_SIZE',
      'LEGACY.CREATE.OTHER_REGION',
    ),
    IncompleteParamter: rules('LEGACY.CREATE.REQUIRED_PARAMS'),
  },
};

export const operationLabel = (op: Pick<Operation, 'product' | 'action'>) => `${op.product}:${op.action}`;

/** How a documented code of an operation is accounted for; undefined when it is not. */
export function codeAccount(
  op: Pick<Operation, 'product' | 'action'>,
  code: string,
): CodeAccount | undefined {
  const account = BY_OPERATION[operationLabel(op)]?.[code] ?? BY_CODE[code];
  if (!account || 'why' in account) return account;
  // A code shared by several operations lists the rules of each: keep this operation's.
  const own = account.rules.filter((id) =>
    findRule(id)?.operations.some((a) => a === '*' || a === op.action),
  );
  return own.length > 0 ? { rules: own } : undefined;
}

/** The rules an account names (none for an untestable code). */
export const accountRules = (a: CodeAccount): readonly string[] => ('rules' in a ? a.rules : []);

/** Every operation-specific entry, `[product:Action, code]`: none may name an undocumented code. */
export const operationEntries = (): [string, string][] =>
  Object.entries(BY_OPERATION).flatMap(([op, codes]) =>
    Object.keys(codes).map((c): [string, string] => [op, c]),
  );
