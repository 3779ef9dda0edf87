import { z } from 'zod';
import { defineOperation } from '../operation';
import { param } from '../param';
import {
  clientToken,
  EBS,
  EBS_COMMON_ERRORS,
  ebsDoc,
  ebsMutation,
  ID_GUARD,
  idWith,
  PageFields,
  pagingUpTo,
  RequestIdOnly,
  regionId,
  requiredId,
  UnixSeconds,
} from './common';
import type { RequestOf } from './request-type';

// Disaster-recovery drills of EBS 2021-07-30: a drill clones the secondary's last recovery point
// to a new pay-as-you-go disk while replication keeps running, and a clear deletes that disk.

/** What every drill call documents beyond the common EBS codes (the metadata's 400, 403 and 404 lists). */
const DRILL_ERRORS = [
  ...EBS_COMMON_ERRORS,
  'OperationDenied',
  { code: 'InvalidParameter', httpStatus: 400 },
  { code: 'MissingParameter', httpStatus: 400 },
  'InvalidParameter.Conflict',
  { code: 'InvalidParameter.Format', httpStatus: 400 },
  { code: 'InvalidApi.NotFound', httpStatus: 404 },
  'InvalidAccountStatus.NotEnoughBalance',
  'LastTokenProcessing',
  'NoPermission.SLR',
] as const;

const START_ERRORS = [
  ...DRILL_ERRORS,
  'OperationDenied.RecoverPointNotFound',
  'OperationDenied.StartDrillShouldOnDestRegion',
] as const;

/** A drill's own life: executing -> executed, and clearing once cleared (then it is gone). */
const DrillStatus = z.enum(['execute_failed', 'executed', 'executing', 'clear_failed', 'clearing']);
/** created | deleted | creating | deleting, or the error code of a failed create or delete. */
const DrillDiskStatus = z.string().min(1);

const drillPaging = pagingUpTo(500);

const StartDrillResponse = RequestIdOnly.extend({ DrillId: z.string().min(1) });
export type StartDrillResponse = z.infer<typeof StartDrillResponse>;

const pairId = requiredId('PairId', 'The pair (pair-...).');
const groupId = requiredId('GroupId', 'The replica group (pg-...).');

// ---------------------------------------------------------------------------------------------
// Pair drills.

const startPairParams = [
  regionId('Region of the current secondary disk: drills start only there.'),
  pairId,
  clientToken,
] as const;

export const StartPairDrill = defineOperation({
  ...EBS,
  action: 'StartPairDrill',
  summary: 'Clone the secondary of a pair at its last recovery point to a new drill disk.',
  doc: ebsDoc('StartPairDrill'),
  params: startPairParams,
  response: StartDrillResponse,
  errors: [...START_ERRORS],
  region: 'secondary',
  mutating: true,
});
export type StartPairDrillRequest = RequestOf<typeof startPairParams>;

const describePairDrillsParams = [
  regionId('Region of the primary or the secondary disk of the pair.'),
  pairId,
  param('DrillId', { type: 'string', minLength: 1, maxLength: 64 }, 'Only this drill.', ID_GUARD),
  ...drillPaging,
] as const;

const PairDrill = z.object({
  DrillId: z.string().min(1),
  Status: DrillStatus,
  DrillDiskId: idWith('disk').optional(),
  DrillDiskStatus: DrillDiskStatus.optional(),
  StartAt: UnixSeconds,
  // The recovery point the drill disk holds.
  RecoverPoint: UnixSeconds.optional(),
  // Why the drill failed, when it did.
  StatusMessage: z.string().optional(),
});
export type PairDrillRow = z.infer<typeof PairDrill>;
const DescribePairDrillsResponse = z.object({ ...PageFields, Drills: z.array(PairDrill) });
export type DescribePairDrillsResponse = z.infer<typeof DescribePairDrillsResponse>;

export const DescribePairDrills = defineOperation({
  ...EBS,
  action: 'DescribePairDrills',
  summary: 'List the drills started on a pair, by drill ID, paged.',
  doc: ebsDoc('DescribePairDrills'),
  params: describePairDrillsParams,
  response: DescribePairDrillsResponse,
  errors: [...DRILL_ERRORS],
  region: 'either',
  mutating: false,
});
export type DescribePairDrillsRequest = RequestOf<typeof describePairDrillsParams>;

const clearPairParams = [
  regionId('A region of the pair.'),
  pairId,
  requiredId('DrillId', 'The drill to clear.'),
] as const;

export const ClearPairDrill = ebsMutation({
  action: 'ClearPairDrill',
  summary: 'End a pair drill and delete its drill disk.',
  params: clearPairParams,
  errors: [...DRILL_ERRORS],
  region: 'either',
});
export type ClearPairDrillRequest = RequestOf<typeof clearPairParams>;

// ---------------------------------------------------------------------------------------------
// Group drills: one drill disk per member pair.

const startGroupParams = [
  regionId('Region of the current secondary site of the group: drills start only there.'),
  groupId,
  clientToken,
] as const;

export const StartReplicaGroupDrill = defineOperation({
  ...EBS,
  action: 'StartReplicaGroupDrill',
  summary: "Clone every member's secondary at the group's last recovery point to new drill disks.",
  doc: ebsDoc('StartReplicaGroupDrill'),
  params: startGroupParams,
  response: StartDrillResponse,
  errors: [...START_ERRORS],
  region: 'secondary',
  mutating: true,
});
export type StartReplicaGroupDrillRequest = RequestOf<typeof startGroupParams>;

const describeGroupDrillsParams = [
  regionId('Region of the primary or the secondary site of the group.'),
  groupId,
  param('DrillId', { type: 'string', minLength: 1, maxLength: 64 }, 'Only this drill.', ID_GUARD),
  ...drillPaging,
] as const;

const GroupDrill = z.object({
  DrillId: z.string().min(1),
  GroupId: idWith('group'),
  Status: DrillStatus,
  PairsInfo: z.array(
    z.object({
      PairId: idWith('pair'),
      DrillDiskId: idWith('disk').optional(),
      DrillDiskStatus: DrillDiskStatus.optional(),
    }),
  ),
  StartAt: UnixSeconds,
  RecoverPoint: UnixSeconds.optional(),
  StatusMessage: z.string().optional(),
});
export type GroupDrillRow = z.infer<typeof GroupDrill>;
const DescribeReplicaGroupDrillsResponse = z.object({ ...PageFields, Drills: z.array(GroupDrill) });
export type DescribeReplicaGroupDrillsResponse = z.infer<typeof DescribeReplicaGroupDrillsResponse>;

export const DescribeReplicaGroupDrills = defineOperation({
  ...EBS,
  action: 'DescribeReplicaGroupDrills',
  summary: 'List the drills started on a replica group, by drill ID, paged.',
  doc: ebsDoc('DescribeReplicaGroupDrills'),
  params: describeGroupDrillsParams,
  response: DescribeReplicaGroupDrillsResponse,
  errors: [...DRILL_ERRORS],
  region: 'either',
  mutating: false,
});
export type DescribeReplicaGroupDrillsRequest = RequestOf<typeof describeGroupDrillsParams>;

const clearGroupParams = [
  regionId('A region of the group.'),
  groupId,
  requiredId('DrillId', 'The drill to clear.'),
] as const;

export const ClearReplicaGroupDrill = ebsMutation({
  action: 'ClearReplicaGroupDrill',
  summary: 'End a group drill and delete its drill disks.',
  params: clearGroupParams,
  errors: [...DRILL_ERRORS],
  region: 'either',
});
export type ClearReplicaGroupDrillRequest = RequestOf<typeof clearGroupParams>;
