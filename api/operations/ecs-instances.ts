import { InstanceStatus } from '../enums';
import { defineOperation } from '../operation';
import { param } from '../param';
import { ECS, ecsDoc, optionalId, pagingUpTo, regionId } from './common';
import { DescribeInstancesResponse } from './ecs-responses';
import type { RequestOf } from './request-type';

// Only what a disaster-recovery workflow uses: find the instances to attach disks to, by ID,
// zone, name or status. Other documented filters pass through unvalidated.

const describeParams = [
  regionId('Region to list instances in.'),
  optionalId('ZoneId', 'Only instances of this zone.'),
  param('InstanceIds', { type: 'jsonArray', maxItems: 100 }, 'JSON array of instance IDs, at most 100.', {
    invalidCode: 'InvalidInstanceIds.Malformed',
  }),
  param('InstanceName', { type: 'string' }, 'Only instances of this name (`*` for a prefix match).'),
  param('Status', { type: 'string', enum: InstanceStatus.options }, 'Only instances in this status.'),
  // DescribeInstances caps MaxResults at 100, not 500.
  ...pagingUpTo(100),
] as const;

export const DescribeInstances = defineOperation({
  ...ECS,
  action: 'DescribeInstances',
  summary: 'List the instances of a region, with filters and paging.',
  doc: ecsDoc('DescribeInstances'),
  params: describeParams,
  response: DescribeInstancesResponse,
  // Inferred: the ECS docs material we work from lists no errors for this call; these follow
  // from its parameters.
  errors: ['InvalidInstanceIds.Malformed', 'InvalidRegionId.NotFound', 'InternalError'],
  region: 'any',
  mutating: false,
});
export type DescribeInstancesRequest = RequestOf<typeof describeParams>;
