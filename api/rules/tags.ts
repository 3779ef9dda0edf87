import { ebsDoc } from '../operations/common';
import { type Rule, rule } from '../rule';
import { because, type CodeAccount, LISTING_DENIED, rules, TAG_QUOTA } from './code-account';

const TAG = 'TagResources';
const UNTAG = 'UntagResources';
const LIST = 'ListTagResources';
/** The tag calls: the readings name them from here. */
export const TAG_CALLS: readonly string[] = [TAG, UNTAG, LIST];
const PAIRS = 'DescribeDiskReplicaPairs';
const GROUPS = 'DescribeDiskReplicaGroups';
const CREATE_PAIR = 'CreateDiskReplicaPair';
const CREATE_GROUP = 'CreateDiskReplicaGroup';

/** Tags and resource groups of replica pairs and groups (EBS 2021-07-30). */
export const TAG_RULES: readonly Rule[] = [
  rule(
    'TAG.BIND.VISIBLE',
    [TAG, LIST, PAIRS, GROUPS],
    'Tags bound with TagResources are listed by ListTagResources and in the Tags of the resource in DescribeDiskReplicaPairs or DescribeDiskReplicaGroups.',
    ebsDoc(TAG),
    'Summary; ListTagResources Response parameters: TagResources',
  ),
  rule(
    'TAG.BIND.NEW_VALUE',
    [TAG],
    'Binding a key the resource already has gives it the new value; the resource never holds one key twice.',
    ebsDoc(TAG),
    'Request parameters: Tag (reading: one value per key)',
  ),
  rule(
    'TAG.BIND.LIMIT_PER_RESOURCE',
    [TAG],
    'The existing tags of a resource are counted before binding: past 20 tags on one resource the call is refused (NumberExceed.Tags).',
    ebsDoc(TAG),
    'Description; Error codes: NumberExceed.Tags',
  ),
  rule(
    'TAG.BIND.KEY_FORMAT',
    [TAG, LIST],
    'A tag key is 1-128 characters, does not start with aliyun or acs: and contains no http:// or https://; any other key is refused.',
    ebsDoc(TAG),
    'Request parameters: Tag.N.Key',
  ),
  rule(
    'TAG.BIND.VALUE_FORMAT',
    [TAG],
    'A tag value may be empty, is at most 128 characters, does not start with acs: and contains no http:// or https://.',
    ebsDoc(TAG),
    'Request parameters: Tag.N.Value',
  ),
  rule(
    'TAG.BIND.DUPLICATE_KEY',
    [TAG],
    'One TagResources call that names the same key twice is refused with Duplicate.TagKey.',
    ebsDoc(TAG),
    'Error codes: Duplicate.TagKey',
  ),
  rule(
    'TAG.AT_MOST_50_RESOURCES',
    [TAG, UNTAG, LIST],
    'ResourceId.N holds at most 50 IDs; more are refused (NumberExceed.ResourceIds).',
    ebsDoc(UNTAG),
    'Request parameters: ResourceId; Error codes: NumberExceed.ResourceIds',
  ),
  rule(
    'TAG.AT_MOST_20_TAGS',
    [TAG, UNTAG, LIST],
    'Tag.N (and TagKey.N) hold at most 20 items; more are refused (NumberExceed.Tags).',
    ebsDoc(UNTAG),
    'Description: at most 20 tags per call; Error codes: NumberExceed.Tags',
  ),
  rule(
    'TAG.RESOURCE_TYPE',
    [TAG, UNTAG, LIST],
    'ResourceType is required and is one of diskreplicapair, diskreplicagroup, dedicatedblockstoragecluster; another value is refused (InvalidResourceType.NotFound).',
    ebsDoc(TAG),
    'Request parameters: ResourceType; Error codes: InvalidResourceType.NotFound, MissingParameter.ResourceType',
  ),
  rule(
    'TAG.UNKNOWN_RESOURCE',
    [TAG, UNTAG],
    'A ResourceId that names no resource of ResourceType in the region (an unknown ID, or a pair named as a group) is refused with InvalidResourceId.NotFound.',
    ebsDoc(TAG),
    'Error codes: InvalidResourceId.NotFound',
  ),
  rule(
    'TAG.UNBIND.BY_KEY',
    [UNTAG, LIST],
    'UntagResources with TagKey.N unbinds those keys from every named resource; a key the resource does not have changes nothing.',
    ebsDoc(UNTAG),
    'Request parameters: TagKey',
  ),
  rule(
    'TAG.UNBIND.ALL',
    [UNTAG, LIST],
    'UntagResources with All=true and no TagKey.N unbinds every tag of the named resources.',
    ebsDoc(UNTAG),
    'Request parameters: All',
  ),
  rule(
    'TAG.UNBIND.ALL_ONLY_WITHOUT_KEYS',
    [UNTAG],
    'All takes effect only when no TagKey.N is given: with TagKey.N only those keys are unbound.',
    ebsDoc(UNTAG),
    'Request parameters: All',
  ),
  rule(
    'TAG.UNBIND.NOTHING_NAMED',
    [UNTAG],
    'The docs do not say what UntagResources does with neither TagKey.N nor All=true: it may change nothing or be refused as an invalid parameter.',
    ebsDoc(UNTAG),
    'Request parameters: TagKey, All (undocumented)',
  ),
  rule(
    'TAG.LIST.DUPLICATE_KEY',
    [LIST],
    'A ListTagResources call whose Tag.N names one key twice is refused with Duplicate.TagKey; distinct keys are not refused for it.',
    ebsDoc(LIST),
    'Error codes: Duplicate.TagKey (the Tag.N.Key contain duplicate key)',
  ),
  rule(
    'TAG.UNKNOWN_REGION',
    [UNTAG, LIST],
    'UntagResources and ListTagResources in a RegionId that names no region are refused with InvalidRegionId.NotFound (404); in a known region they are not refused for it.',
    ebsDoc(LIST),
    'Error codes: InvalidRegionId.NotFound (the specified RegionId does not exist)',
  ),
  rule(
    'TAG.LIST.NEEDS_A_FILTER',
    [LIST],
    'ListTagResources needs ResourceId.N or Tag.N: with neither the call is refused.',
    ebsDoc(LIST),
    'Description: at least one of ResourceId.N, Tag.N',
  ),
  rule(
    'TAG.LIST.BY_RESOURCE',
    [LIST],
    'With ResourceId.N, one row per tag of each named resource: TagKey, TagValue, ResourceId and ResourceType.',
    ebsDoc(LIST),
    'Response parameters: TagResources',
  ),
  rule(
    'TAG.LIST.BY_TAG',
    [LIST],
    'With Tag.N, only the resources that carry every given tag (a key alone matches any value) are listed.',
    ebsDoc(LIST),
    'Request parameters: Tag.N.Key',
  ),
  rule(
    'TAG.LIST.BOTH_FILTERS',
    [LIST],
    'With both ResourceId.N and Tag.N, only resources that satisfy both are listed.',
    ebsDoc(LIST),
    'Description',
  ),
  rule(
    'TAG.CREATE.BINDS',
    [CREATE_PAIR, CREATE_GROUP, LIST],
    'Tags given to CreateDiskReplicaPair or CreateDiskReplicaGroup are bound to the new resource: listed in its Tags and by ListTagResources.',
    ebsDoc(CREATE_PAIR),
    'Request parameters: Tag',
  ),
  rule(
    'TAG.DESCRIBE.FILTER',
    [PAIRS, GROUPS],
    'A Tag filter on DescribeDiskReplicaPairs or DescribeDiskReplicaGroups lists only the resources that carry every given tag.',
    ebsDoc(PAIRS),
    'Request parameters: Tag',
  ),
  rule(
    'TAG.DESCRIBE.RESOURCE_GROUP_FILTER',
    [PAIRS, GROUPS],
    'A ResourceGroupId filter lists only the resources created in that resource group; the rows carry it as ResourceGroupId.',
    ebsDoc(PAIRS),
    'Request parameters: ResourceGroupId',
  ),
];

/** The documented error codes of these operations, accounted for (api/rules/error-codes.ts). */
export const TAG_CODE_ACCOUNTS: Readonly<Record<string, Readonly<Record<string, CodeAccount>>>> = {
  [`ebs:${TAG}`]: {
    NoSuchResource: because('no-condition', 'an unknown resource is InvalidResourceId.NotFound here'),
    OperationDenied: because('no-condition', 'the docs give no condition under which tagging is denied'),
  },
  [`ebs:${UNTAG}`]: {
    NoSuchResource: because('no-condition', 'an unknown resource is InvalidResourceId.NotFound here'),
    OperationDenied: because('no-condition', 'the docs give no condition under which untagging is denied'),
    'OperationDenied.QuotaExceed': TAG_QUOTA,
    'Duplicate.TagKey': because(
      'no-condition',
      'its message speaks of Tag.N.Key, which UntagResources does not take',
    ),
    'InvalidRegionId.NotFound': rules('TAG.UNKNOWN_REGION'),
  },
  [`ebs:${LIST}`]: {
    NoSuchResource: because('no-condition', 'a listing names no resource it needs to find'),
    OperationDenied: LISTING_DENIED,
    'OperationDenied.QuotaExceed': TAG_QUOTA,
    'Duplicate.TagKey': rules('TAG.LIST.DUPLICATE_KEY'),
    'InvalidResourceId.NotFound': rules('TAG.LIST.BY_RESOURCE'),
    'InvalidRegionId.NotFound': rules('TAG.UNKNOWN_REGION'),
    IdempotentParameterMismatch: because(
      'no-condition',
      'a listing changes nothing, so a reused ClientToken has no earlier change to conflict with',
    ),
  },
};
