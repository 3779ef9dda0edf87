import { ecsDoc } from '../operations/common';
import { type Rule, rule } from '../rule';

const CREATE = 'CreateDisk';
const ATTACH = 'AttachDisk';
const DETACH = 'DetachDisk';
const DELETE = 'DeleteDisk';
const DESCRIBE = 'DescribeDisks';

/** Rules of the ECS 2014-05-26 disk calls around replication. */
export const DISK_RULES: readonly Rule[] = [
  rule(
    'DISK.CREATE.SIZE_RANGE',
    [CREATE],
    'Size must lie in the range of the category and performance level (e.g. cloud_essd PL0 1-65536, PL1 20-65536, PL2 461-65536, PL3 1261-65536 GiB; cloud 5-2000); outside it the call is refused with InvalidSize.ValueNotSupported or InvalidDiskSize.NotSupported.',
    ecsDoc(CREATE),
    'Request parameters: Size',
  ),
  rule(
    'DISK.CREATE.SIZE_OR_SNAPSHOT',
    [CREATE],
    'Either Size or SnapshotId must be given; with neither the call is refused with MissingParameter.',
    ecsDoc(CREATE),
    'Request parameters: Size',
  ),
  rule(
    'DISK.CREATE.ZONE_OR_INSTANCE',
    [CREATE],
    'ZoneId is required when InstanceId is absent, and the two cannot both be given.',
    ecsDoc(CREATE),
    'Request parameters: ZoneId, InstanceId',
  ),
  rule(
    'DISK.CREATE.ZONE_EXISTS',
    [CREATE],
    'ZoneId must be a zone of RegionId; otherwise InvalidZoneId.NotFound (404).',
    ecsDoc(CREATE),
    'Error codes',
  ),
  rule(
    'DISK.CREATE.REGION_EXISTS',
    [CREATE, DESCRIBE],
    'RegionId must be a known region; otherwise InvalidRegionId.NotFound (404).',
    ecsDoc(CREATE),
    'Error codes',
  ),
  rule(
    'DISK.CREATE.DEFAULTS',
    [CREATE],
    'A new disk is Available with DiskCategory cloud unless given, PL1 for ESSD unless given, and unencrypted unless Encrypted=true; the answer carries its DiskId.',
    ecsDoc(CREATE),
    'Request parameters: DiskCategory, PerformanceLevel',
  ),
  rule(
    'DISK.CREATE.WITH_INSTANCE',
    [CREATE],
    'With InstanceId the disk is created in the instance zone and attached to it (In_use).',
    ecsDoc(CREATE),
    'Request parameters: InstanceId',
  ),
  rule(
    'DISK.UNKNOWN_ID',
    [ATTACH, DETACH],
    'A DiskId that names no disk is refused with InvalidDiskId.NotFound (404).',
    ecsDoc(ATTACH),
    'Error codes',
  ),
  rule(
    'DISK.UNKNOWN_INSTANCE',
    [ATTACH, DETACH, CREATE],
    'An InstanceId that names no instance is refused with InvalidInstanceId.NotFound (404).',
    ecsDoc(ATTACH),
    'Error codes',
  ),
  rule(
    'DISK.ATTACH.SAME_ZONE',
    [ATTACH],
    'A disk can be attached only to an instance in its own zone; otherwise ResourcesNotInSameZone.',
    ecsDoc(ATTACH),
    'Description',
  ),
  rule(
    'DISK.ATTACH.AVAILABLE',
    [ATTACH],
    'Only an Available disk can be attached; an In_use disk is refused with IncorrectDiskStatus.',
    ecsDoc(ATTACH),
    'Description',
  ),
  rule(
    'DISK.ATTACH.INSTANCE_STATUS',
    [ATTACH, DETACH],
    'A data disk is attached to or detached from an instance that is Running or Stopped; otherwise IncorrectInstanceStatus.',
    ecsDoc(ATTACH),
    'Description',
  ),
  rule(
    'DISK.ATTACH.SECONDARY_LOCKED',
    [ATTACH],
    'The secondary disk of a live pair that has not failed over cannot be attached: IncorrectDiskStatus (a modelling choice; the docs say the secondary is locked until the pair is deleted but name no code).',
    ecsDoc(ATTACH),
    'Description',
  ),
  rule(
    'DISK.DETACH.IN_USE',
    [DETACH],
    'Only a disk attached to the named instance can be detached; otherwise IncorrectDiskStatus. It then becomes Available (through Detaching).',
    ecsDoc(DETACH),
    'Description',
  ),
  rule(
    'DISK.DELETE.AVAILABLE',
    [DELETE],
    'Only an Available disk can be deleted; an attached one is refused with IncorrectDiskStatus or DiskStillAttached.',
    ecsDoc(DELETE),
    'Description',
  ),
  rule(
    'DISK.DELETE.MISSING_IS_IGNORED',
    [DELETE],
    'Deleting a disk that does not exist succeeds and changes nothing.',
    ecsDoc(DELETE),
    'Description',
  ),
  rule(
    'DISK.DESCRIBE.REGION_SCOPE',
    [DESCRIBE],
    'DescribeDisks lists the disks of RegionId only, never deleted ones.',
    ecsDoc(DESCRIBE),
    'Request parameters: RegionId',
  ),
  rule(
    'DISK.DESCRIBE.FILTERS',
    [DESCRIBE],
    'DiskIds (a JSON array, at most 100; [] matches nothing), ZoneId, InstanceId, Status and Category each narrow the listing.',
    ecsDoc(DESCRIBE),
    'Request parameters',
  ),
  rule(
    'DISK.DESCRIBE.FIELDS',
    [DESCRIBE],
    'Each disk row shows its ID, region, zone, category, performance level, size, status and encryption; InstanceId is set only while the disk is In_use.',
    ecsDoc(DESCRIBE),
    'Response parameters',
  ),
  rule(
    'DISK.DESCRIBE.MAX_RESULTS_RANGE',
    ['DescribeDisks'],
    'DescribeDisks takes MaxResults from 10 to 500 on its page (the metadata says 1-500): below 10 the call may be refused with InvalidParameter.',
    ecsDoc('DescribeDisks'),
    'Request parameters: MaxResults',
  ),
  rule(
    'DISK.DESCRIBE.PAGING',
    [DESCRIBE],
    'PageNumber/PageSize (PageSize 1-100, default 10) select a page and TotalCount counts the whole listing.',
    ecsDoc(DESCRIBE),
    'Request parameters: PageSize',
  ),
];
