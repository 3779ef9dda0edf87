import { ebsDoc, SEED_LEGACY_CREATE, SEED_REPROTECT } from '../operations/common';
import { type Rule, rule } from '../rule';
import { ECS_ERROR_CENTER, GROUP_ACTIONS, PAIR_ACTIONS, RPC_REQUEST_DOC } from './sources';

const ALL = ['*'];

/** Request validation and error rules common to every operation. */
export const PROTOCOL_RULES: readonly Rule[] = [
  rule(
    'PROTO.UNKNOWN_ACTION',
    ALL,
    'An Action/Version pair the service does not serve is refused with InvalidApi.NotFound (404).',
    RPC_REQUEST_DOC,
    'Common parameters: Action, Version',
  ),
  rule(
    'PROTO.ID_FORMAT',
    [
      'CreateDisk',
      'DescribeDisks',
      'CreateDiskReplicaPair',
      'DescribeDiskReplicaPairs',
      'CreateDiskReplicaGroup',
      'DescribeDiskReplicaGroups',
    ],
    'IDs the service hands out carry their documented prefixes: d- for disks, pair- for replica pairs, pg- for replica groups, rp- for pairs of the legacy ECS call (the response examples of each page).',
    ebsDoc('DescribeDiskReplicaPairs'),
    'Response parameters: ReplicaPairId, ReplicaGroupId, SourceDiskId',
  ),
  rule(
    'PROTO.MISSING_REQUIRED',
    ALL,
    'A missing required parameter is refused with HTTP 400: MissingParameter, Missing{Name}, or the code the parameter documents.',
    RPC_REQUEST_DOC,
    'Request parameters',
  ),
  rule(
    'PROTO.INVALID_VALUE',
    ALL,
    'A parameter of the wrong type, outside its range or enum, or of the wrong length is refused with HTTP 400: InvalidParameter or the code the parameter documents.',
    RPC_REQUEST_DOC,
    'Request parameters',
  ),
  rule(
    'PROTO.SUCCESS_HAS_REQUEST_ID',
    ALL,
    'Every answer, success or error, carries a RequestId; a success never carries Code.',
    RPC_REQUEST_DOC,
    'Response',
  ),
  rule(
    'PROTO.UNKNOWN_PAIR',
    [...PAIR_ACTIONS, 'DescribeDiskReplicaPairProgress', 'AddDiskReplicaPair', 'RemoveDiskReplicaPair'],
    'A ReplicaPairId that names no pair is refused with NoSuchResource (404).',
    ECS_ERROR_CENTER,
    'NoSuchResource',
  ),
  rule(
    'PROTO.UNKNOWN_GROUP',
    [...GROUP_ACTIONS],
    'A ReplicaGroupId that names no group is refused with NoSuchResource (404).',
    ECS_ERROR_CENTER,
    'NoSuchResource',
  ),
  rule(
    'PROTO.EAR_REGION',
    [...PAIR_ACTIONS, ...GROUP_ACTIONS, 'DescribeDiskReplicaPairs', 'DescribeDiskReplicaGroups'],
    'Replication calls are served only in regions that support async replication (the seed names Shanghai, Beijing, Heyuan and Chengdu); elsewhere they are refused (no documented code).',
    SEED_REPROTECT,
    'Description, first bullet',
  ),
  rule(
    'PROTO.LEGACY_ERRORS',
    ['CreateDiskReplicaPair'],
    'The legacy dialect answers with its own codes: InvalidDiskId.NotFound 404, IncorrectDiskStatus 403, IncompleteParamter 400.',
    SEED_LEGACY_CREATE,
    'Error codes',
  ),
  rule(
    'PROTO.DESCRIBE_IS_PROJECTION',
    [
      'DescribeDiskReplicaPairs',
      'DescribeDiskReplicaGroups',
      'DescribeDisks',
      'DescribeDiskReplicaPairProgress',
    ],
    'A Describe call never changes state and shows exactly what the preceding accepted calls produced.',
    RPC_REQUEST_DOC,
    'Response',
  ),
  rule(
    'PROTO.REGIONS_EAR',
    ['DescribeRegions'],
    'DescribeRegions with ResourceType=ear lists exactly the regions and zones that offer async replication; the other calls rely on that list.',
    ebsDoc('DescribeRegions'),
    'Request parameters: ResourceType',
  ),
];
