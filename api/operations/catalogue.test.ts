import { describe, expect, expectTypeOf, it } from 'vitest';
import type { PairStatus } from '../enums';
import { ERROR_CATALOGUE } from '../errors';
import { type CallRegion, type Operation, operationKey, takesClientToken } from '../operation';
import { EBS_COMMON_ERRORS } from './common';
import {
  type CreateDiskReplicaPairRequest,
  type DescribeDiskReplicaPairsRequest,
  type DescribeDisksRequest,
  findOperation,
  type LegacyCreateDiskReplicaPairRequest,
  OPERATIONS,
  type ReplicaPair,
  StartDiskReplicaPair,
  type StartDiskReplicaPairRequest,
} from './index';

// The operation table checked against the documentation, restated independently here.

const EBS_ACTIONS = {
  DescribeRegions: 'any',
  CreateDiskReplicaPair: 'production',
  ModifyDiskReplicaPair: 'either',
  StartDiskReplicaPair: 'either',
  StopDiskReplicaPair: 'either',
  FailoverDiskReplicaPair: 'secondary',
  ReprotectDiskReplicaPair: 'secondary',
  DeleteDiskReplicaPair: 'primary',
  DescribeDiskReplicaPairs: 'any',
  DescribeDiskReplicaPairProgress: 'any',
  AddDiskReplicaPair: 'either',
  RemoveDiskReplicaPair: 'either',
  CreateDiskReplicaGroup: 'production',
  DescribeDiskReplicaGroups: 'any',
  ModifyDiskReplicaGroup: 'either',
  StartDiskReplicaGroup: 'either',
  StopDiskReplicaGroup: 'either',
  FailoverDiskReplicaGroup: 'secondary',
  ReprotectDiskReplicaGroup: 'secondary',
  DeleteDiskReplicaGroup: 'primary',
  StartPairDrill: 'secondary',
  DescribePairDrills: 'either',
  ClearPairDrill: 'either',
  StartReplicaGroupDrill: 'secondary',
  DescribeReplicaGroupDrills: 'either',
  ClearReplicaGroupDrill: 'either',
  TagResources: 'any',
  UntagResources: 'any',
  ListTagResources: 'any',
} as const satisfies Record<string, CallRegion>;

const ECS_ACTIONS = {
  CreateDisk: 'any',
  DescribeDisks: 'any',
  AttachDisk: 'none',
  DetachDisk: 'none',
  DeleteDisk: 'none',
  DescribeInstances: 'any',
  CreateDiskReplicaPair: 'production',
} as const satisfies Record<string, CallRegion>;

const READ_ONLY = [
  'DescribeRegions',
  'DescribeDiskReplicaPairs',
  'DescribeDiskReplicaPairProgress',
  'DescribeDiskReplicaGroups',
  'DescribePairDrills',
  'DescribeReplicaGroupDrills',
  'ListTagResources',
  'DescribeDisks',
  'DescribeInstances',
];

/** The codes each EBS operation lists beyond Forbidden*, NoSuchResource, InternalError, RequestTimeout. */
const PAIR_GROUP = [
  'OperationDenied.NoPairInGroup',
  'OperationDenied.PairGroupAZoneConflict',
  'OperationDenied.PairGroupStatusConflict',
];
const WRONG_SITE = [
  'OperationDenied.OperateNotAllowedForPrimary',
  'OperationDenied.OperateNotAllowedForStandby',
];
const STATE = ['OperationDenied', 'OperationDenied.InvalidStatus'];
/** The drill and tag pages list the gateway's 400s and 404 and the account's 403s as their own. */
const DRILL = [
  'OperationDenied',
  'InvalidParameter',
  'MissingParameter',
  'InvalidParameter.Conflict',
  'InvalidParameter.Format',
  'InvalidApi.NotFound',
  'InvalidAccountStatus.NotEnoughBalance',
  'LastTokenProcessing',
  'NoPermission.SLR',
];
const DRILL_START = ['OperationDenied.RecoverPointNotFound', 'OperationDenied.StartDrillShouldOnDestRegion'];
const TAGS = [
  ...DRILL,
  'Duplicate.TagKey',
  'NumberExceed.ResourceIds',
  'NumberExceed.Tags',
  'InvalidResourceId.NotFound',
  'InvalidResourceType.NotFound',
];
const EBS_EXTRA_ERRORS: Record<keyof typeof EBS_ACTIONS, string[]> = {
  DescribeRegions: [],
  CreateDiskReplicaPair: [
    ...STATE,
    'IdempotentParameterMismatch',
    'OperationDenied.QuotaExceed',
    'LastTokenProcessing',
    'InvalidAccountStatus.NotEnoughBalance',
  ],
  ModifyDiskReplicaPair: [...STATE, ...WRONG_SITE],
  StartDiskReplicaPair: [
    ...STATE,
    'OperationDenied.StandbyDeviceAttached',
    'OperationDenied.ManualSyncLimit',
  ],
  StopDiskReplicaPair: STATE,
  FailoverDiskReplicaPair: [...STATE, ...WRONG_SITE],
  ReprotectDiskReplicaPair: [...STATE, ...PAIR_GROUP, 'OperationDenied.PairNotInGroup', ...WRONG_SITE],
  DeleteDiskReplicaPair: STATE,
  DescribeDiskReplicaPairs: STATE,
  DescribeDiskReplicaPairProgress: STATE,
  AddDiskReplicaPair: [
    ...STATE,
    'OperationDenied.GroupStatusCannotAddPair',
    'OperationDenied.PairGroupAZoneConflict',
    'OperationDenied.PairGroupStatusConflict',
    'OperationDenied.PairInAnotherGroup',
    'OperationDenied.PairInitializing',
    'OperationDenied.PairStatusCannotAddToGroup',
    'OperationDenied.QuotaExceed',
    'OperationDenied.PairsExceedInGroup',
    'OperationDenied.GroupTotalDiskCapacityLimit',
  ],
  RemoveDiskReplicaPair: [
    ...STATE,
    ...PAIR_GROUP,
    'OperationDenied.GroupStatusCannotRemovePair',
    'OperationDenied.PairInAnotherGroup',
    'OperationDenied.PairNotInGroup',
    'OperationDenied.PairStatusCannotRemoveFromGroup',
  ],
  CreateDiskReplicaGroup: [...STATE, 'OperationDenied.QuotaExceed', 'OperationDenied.TooMuchEmptyGroup'],
  DescribeDiskReplicaGroups: STATE,
  ModifyDiskReplicaGroup: [...STATE, 'OperationDenied.GroupHasPair', ...WRONG_SITE],
  StartDiskReplicaGroup: [
    ...STATE,
    ...PAIR_GROUP,
    'OperationDenied.StandbyDeviceAttached',
    'OperationDenied.ManualSyncLimit',
    'OperationDenied.PairNotInGroup',
  ],
  StopDiskReplicaGroup: STATE,
  FailoverDiskReplicaGroup: [...STATE, ...PAIR_GROUP, 'OperationDenied.PairInAnotherGroup', ...WRONG_SITE],
  ReprotectDiskReplicaGroup: [...STATE, 'OperationDenied.NoPairInGroup', ...WRONG_SITE],
  DeleteDiskReplicaGroup: [...STATE, 'OperationDenied.GroupHasPair'],
  StartPairDrill: [...DRILL, ...DRILL_START],
  DescribePairDrills: DRILL,
  ClearPairDrill: DRILL,
  StartReplicaGroupDrill: [...DRILL, ...DRILL_START],
  DescribeReplicaGroupDrills: DRILL,
  ClearReplicaGroupDrill: DRILL,
  TagResources: [...TAGS, 'MissingParameter.ResourceType'],
  UntagResources: [...TAGS, 'OperationDenied.QuotaExceed', 'InvalidRegionId.NotFound'],
  ListTagResources: [
    ...TAGS,
    'OperationDenied.QuotaExceed',
    'IdempotentParameterMismatch',
    'InvalidRegionId.NotFound',
  ],
};

/** HTTP status of each EBS code as the metadata files it. */
const ebsStatus = (code: string, action = '') =>
  // The two tag pages file QuotaExceed under 400, every other page under 403.
  (code === 'OperationDenied.QuotaExceed' && ['UntagResources', 'ListTagResources'].includes(action)
    ? 400
    : undefined) ??
  {
    IdempotentParameterMismatch: 400,
    InvalidParameter: 400,
    MissingParameter: 400,
    'InvalidApi.NotFound': 404,
    'OperationDenied.StandbyDeviceAttached': 400,
    'InvalidParameter.Conflict': 400,
    'InvalidParameter.Format': 400,
    'Duplicate.TagKey': 400,
    'NumberExceed.ResourceIds': 400,
    'NumberExceed.Tags': 400,
    NoSuchResource: 404,
    'InvalidResourceId.NotFound': 404,
    'InvalidResourceType.NotFound': 404,
    'MissingParameter.ResourceType': 404,
    'InvalidRegionId.NotFound': 404,
    InternalError: 500,
    RequestTimeout: 504,
  }[code] ??
  403;

const ebs = (action: string) => findOperation('ebs', '2021-07-30', action)!;
const ecs = (action: string) => findOperation('ecs', '2014-05-26', action)!;
const codes = (op: Operation) => op.errors.map((e) => e.code);

describe('operation table', () => {
  it('holds every listed action exactly once per product and version, and nothing else', () => {
    const expected = [
      ...Object.keys(EBS_ACTIONS).map((a) => `ebs:2021-07-30:${a}`),
      ...Object.keys(ECS_ACTIONS).map((a) => `ecs:2014-05-26:${a}`),
    ].sort();
    expect(OPERATIONS.map(operationKey).sort()).toEqual(expected);
  });

  it('finds operations by product, version and action only', () => {
    expect(ebs('StartDiskReplicaPair')).toBe(StartDiskReplicaPair);
    expect(ebs('CreateDiskReplicaPair')).not.toBe(ecs('CreateDiskReplicaPair'));
    expect(findOperation('ebs', '2021-07-30', 'CreateDisk')).toBeUndefined();
    expect(findOperation('ecs', '2021-07-30', 'CreateDisk')).toBeUndefined();
    expect(findOperation('ebs', '2021-07-30', 'startDiskReplicaPair')).toBeUndefined();
  });

  it.each(Object.entries(EBS_ACTIONS))('ebs %s is called in the %s region', (action, region) => {
    expect(ebs(action).region).toBe(region);
  });

  it.each(Object.entries(ECS_ACTIONS))('ecs %s is called in the %s region', (action, region) => {
    expect(ecs(action).region).toBe(region);
  });

  it('marks every call but the listings as mutating', () => {
    for (const op of OPERATIONS) expect(op.mutating, op.action).toBe(!READ_ONLY.includes(op.action));
  });

  it('takes a ClientToken on every EBS mutation but the drill clears, on ListTagResources and CreateDisk, nowhere else', () => {
    // As the metadata lists them: ClearPairDrill and ClearReplicaGroupDrill take none, ListTagResources does.
    const odd = ['ClearPairDrill', 'ClearReplicaGroupDrill', 'ListTagResources'];
    for (const op of OPERATIONS) {
      const ebsExpected = odd.includes(op.action) ? !op.mutating : op.mutating;
      const expected = op.product === 'ebs' ? ebsExpected : op.action === 'CreateDisk';
      expect(takesClientToken(op), operationKey(op)).toBe(expected);
    }
  });
});

describe('documented errors', () => {
  it('are all in the error catalogue, once per operation', () => {
    for (const op of OPERATIONS) {
      for (const code of codes(op)) expect(ERROR_CATALOGUE.has(code), `${op.action} ${code}`).toBe(true);
      expect(new Set(codes(op)).size, op.action).toBe(op.errors.length);
    }
  });

  it.each(Object.entries(EBS_EXTRA_ERRORS))(
    'ebs %s lists exactly the metadata codes and statuses',
    (action, extra) => {
      const op = ebs(action);
      expect([...codes(op)].sort()).toEqual([...EBS_COMMON_ERRORS, ...extra].sort());
      for (const e of op.errors) expect(e.httpStatus, e.code).toBe(ebsStatus(e.code, action));
    },
  );

  it('the legacy CreateDiskReplicaPair lists exactly its three codes, spelled as documented', () => {
    expect(ecs('CreateDiskReplicaPair').errors).toEqual([
      { code: 'InvalidDiskId.NotFound', httpStatus: 404 },
      { code: 'IncorrectDiskStatus', httpStatus: 403 },
      { code: 'IncompleteParamter', httpStatus: 400 },
    ]);
  });

  it('keeps the statuses ECS documents per call where they differ from the catalogue', () => {
    const status = (op: Operation, code: string) => op.errors.find((e) => e.code === code)?.httpStatus;
    expect(status(ecs('DescribeDisks'), 'InvalidZoneId.NotFound')).toBe(400);
    expect(status(ecs('CreateDisk'), 'InvalidZoneId.NotFound')).toBe(404);
    expect(status(ecs('AttachDisk'), 'IncorrectInstanceStatus')).toBe(400);
    expect(status(ecs('DescribeDisks'), 'InvalidDiskIds.Malformed')).toBe(403);
  });

  it('DeleteDisk has no not-found error: deleting an unknown disk succeeds', () => {
    expect(codes(ecs('DeleteDisk'))).not.toContain('InvalidDiskId.NotFound');
    expect(codes(ecs('DetachDisk'))).toContain('InvalidDiskId.NotFound');
  });
});

describe('exported types', () => {
  it('derives each request type from its parameter list', () => {
    expectTypeOf<StartDiskReplicaPairRequest>().toEqualTypeOf<{
      RegionId: string;
      ReplicaPairId: string;
      ClientToken?: string;
      OneShot?: boolean | 'true' | 'false';
    }>();
    expectTypeOf<LegacyCreateDiskReplicaPairRequest>().toEqualTypeOf<{
      RegionId: string;
      DiskId: string;
      DestinationRegionId: string;
      DestinationDiskId: string;
      PairName: string;
      Description?: string;
    }>();
    expectTypeOf<DescribeDiskReplicaPairsRequest['Site']>().toEqualTypeOf<
      'production' | 'backup' | undefined
    >();
    expectTypeOf<DescribeDisksRequest['DiskIds']>().toEqualTypeOf<string[] | string | undefined>();
    expectTypeOf<CreateDiskReplicaPairRequest['ChargeType']>().toEqualTypeOf<
      'PREPAY' | 'POSTPAY' | undefined
    >();
    expectTypeOf<ReplicaPair['Status']>().toEqualTypeOf<PairStatus>();
  });

  it('a value of a request type is accepted by the schema', () => {
    const request: StartDiskReplicaPairRequest = {
      RegionId: 'cn-beijing',
      ReplicaPairId: 'pair-1',
      OneShot: true,
    };
    expect(StartDiskReplicaPair.request.safeParse(request).success).toBe(true);
  });
});
