import { defineOperation } from '../operation';
import { param, required } from '../param';
import { ECS, SEED_LEGACY_CREATE } from './common';
import { LegacyCreateDiskReplicaPairResponse } from './ecs-responses';
import type { RequestOf } from './request-type';

// The first form of async replication, served by ECS 2014-05-26 (seed document). It differs
// from EBS CreateDiskReplicaPair: PairName is required, the response field is `PairId`, and a
// missing parameter gets `IncompleteParamter` (spelled as documented).

const legacyRequired = <const N extends string>(name: N, description: string) =>
  required(
    param(name, { type: 'string', minLength: 1, maxLength: 128 }, description, {
      missingCode: 'IncompleteParamter',
      guard: ['length'],
    }),
  );

const createParams = [
  legacyRequired('RegionId', 'Region of the primary disk.'),
  legacyRequired('DiskId', 'The primary disk.'),
  legacyRequired('DestinationRegionId', 'Region of the secondary disk.'),
  legacyRequired('DestinationDiskId', 'The secondary disk: same specification and capacity as the primary.'),
  legacyRequired('PairName', 'Name of the pair.'),
  param('Description', { type: 'string' }, 'Description of the pair.'),
] as const;

/** Exported under its own name: the action name is the same as the EBS operation's. */
export const LegacyCreateDiskReplicaPair = defineOperation({
  ...ECS,
  action: 'CreateDiskReplicaPair',
  summary: 'Legacy ECS form: create a replica pair between two disks (response field PairId).',
  doc: SEED_LEGACY_CREATE,
  params: createParams,
  response: LegacyCreateDiskReplicaPairResponse,
  errors: ['InvalidDiskId.NotFound', 'IncorrectDiskStatus', 'IncompleteParamter'],
  region: 'production',
  mutating: true,
});
export type LegacyCreateDiskReplicaPairRequest = RequestOf<typeof createParams>;
