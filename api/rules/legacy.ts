import { SEED_LEGACY_CREATE } from '../operations/common';
import { type Rule, rule } from '../rule';

const CREATE = 'CreateDiskReplicaPair';

/** Rules of the legacy ECS 2014-05-26 replica pair dialect (`rp-...` pairs). */
export const LEGACY_RULES: readonly Rule[] = [
  rule(
    'LEGACY.CREATE.REQUIRED_PARAMS',
    [CREATE],
    'RegionId, DiskId, DestinationRegionId, DestinationDiskId and PairName are all required; a missing one is refused with IncompleteParamter (400, spelled as documented).',
    SEED_LEGACY_CREATE,
    'Request parameters; error codes',
  ),
  rule(
    'LEGACY.CREATE.DISKS_EXIST',
    [CREATE],
    'DiskId must be a disk of RegionId and DestinationDiskId a disk of DestinationRegionId; otherwise InvalidDiskId.NotFound (404).',
    SEED_LEGACY_CREATE,
    'Error codes',
  ),
  rule(
    'LEGACY.CREATE.DISK_STATUS',
    [CREATE],
    'A disk that cannot take part (already paired, encrypted, not ESSD) is refused with IncorrectDiskStatus (403).',
    SEED_LEGACY_CREATE,
    'Error codes',
  ),
  rule(
    'LEGACY.CREATE.SAME_SPEC_AND_SIZE',
    [CREATE],
    'The secondary disk must have the same specification (category and performance level) and capacity as the primary disk; the seed names no code, so its three codes are allowed.',
    SEED_LEGACY_CREATE,
    'Description, third paragraph',
  ),
  rule(
    'LEGACY.CREATE.OTHER_REGION',
    [CREATE],
    'The secondary disk is in another region than the primary disk; the seed names no code, so its three codes are allowed.',
    SEED_LEGACY_CREATE,
    'Description, first paragraph',
  ),
  rule(
    'LEGACY.CREATE.RETURNS_PAIR_ID',
    [CREATE],
    'A created pair is answered with PairId (rp-...) and RequestId, not ReplicaPairId.',
    SEED_LEGACY_CREATE,
    'Response parameters',
  ),
  rule(
    'LEGACY.CREATE.NEEDS_START',
    [CREATE],
    'A new pair does not replicate until StartDiskReplicaPair is called: it starts inactive.',
    SEED_LEGACY_CREATE,
    'Description, second paragraph',
  ),
];
