import { describe, expect, it } from 'vitest';
import { findOperation, OPERATIONS } from '../api';
import { allowedOutcomes } from './allowed-outcomes';
import { COMMON_PARAMS } from './call';
import { initialState } from './state';
import { asRefusal, asSuccess, ebsCall, ecsCall, pairScenario, startPairCall, T0 } from './testkit';
import { validateFor } from './validate';
import { defaultWorld } from './world';

const empty = () => initialState(defaultWorld());

describe('request validation and common errors', () => {
  it('PROTO.UNKNOWN_ACTION: an action the service does not serve is InvalidApi.NotFound 404', () => {
    const r = asRefusal(allowedOutcomes(empty(), ebsCall('LaunchRocket', {}), T0));
    expect(r.rules).toEqual(['PROTO.UNKNOWN_ACTION']);
    expect(r.errors).toEqual([{ code: 'InvalidApi.NotFound', httpStatus: 404 }]);
    const wrongVersion = { ...ebsCall('StartDiskReplicaPair', {}), version: '2019-01-01' };
    expect(asRefusal(allowedOutcomes(empty(), wrongVersion, T0)).rules).toEqual(['PROTO.UNKNOWN_ACTION']);
  });

  it('PROTO.MISSING_REQUIRED: no ReplicaPairId is MissingParameter / MissingReplicaPairId 400', () => {
    const r = asRefusal(
      allowedOutcomes(pairScenario(), ebsCall('StartDiskReplicaPair', { RegionId: 'cn-shanghai' }), T0),
    );
    // With the derived rule of the parameter's documented `required` (api/rules/params.ts).
    expect(r.rules).toEqual([
      'PARAM.EBS.START_DISK_REPLICA_PAIR.REPLICA_PAIR_ID.REQUIRED',
      'PROTO.MISSING_REQUIRED',
    ]);
    expect(r.errors).toEqual(
      expect.arrayContaining([
        { code: 'MissingParameter', httpStatus: 400 },
        { code: 'MissingReplicaPairId', httpStatus: 400 },
      ]),
    );
  });

  it('PROTO.MISSING_REQUIRED: an empty string counts as missing', () => {
    const r = asRefusal(allowedOutcomes(pairScenario(), startPairCall({ ReplicaPairId: '' }), T0));
    expect(r.rules).toEqual([
      'PARAM.EBS.START_DISK_REPLICA_PAIR.REPLICA_PAIR_ID.REQUIRED',
      'PROTO.MISSING_REQUIRED',
    ]);
  });

  it('PROTO.INVALID_VALUE: OneShot=maybe is InvalidParameter 400', () => {
    const r = asRefusal(allowedOutcomes(pairScenario(), startPairCall({ OneShot: 'maybe' }), T0));
    expect(r.rules).toEqual(['PROTO.INVALID_VALUE', 'PARAM.EBS.START_DISK_REPLICA_PAIR.ONE_SHOT.BOOLEAN']);
    expect(r.errors).toContainEqual({ code: 'InvalidParameter', httpStatus: 400 });
  });

  it('PROTO.INVALID_VALUE: a documented specific code is allowed (CreateDisk Size)', () => {
    const call = ecsCall('CreateDisk', { RegionId: 'cn-shanghai', ZoneId: 'cn-shanghai-a', Size: 'big' });
    const r = asRefusal(allowedOutcomes(empty(), call, T0));
    expect(r.rules).toEqual(expect.arrayContaining(['PROTO.INVALID_VALUE', 'DISK.CREATE.SIZE_RANGE']));
    expect(r.errors.map((x) => x.code)).toContain('InvalidSize.ValueNotSupported');
  });

  it('PROTO.UNKNOWN_PAIR: an unknown ReplicaPairId is NoSuchResource 404', () => {
    const r = asRefusal(allowedOutcomes(pairScenario(), startPairCall({ ReplicaPairId: 'pair-nope' }), T0));
    expect(r.rules).toEqual(['PROTO.UNKNOWN_PAIR']);
    expect(r.errors).toEqual([{ code: 'NoSuchResource', httpStatus: 404 }]);
  });

  it('PROTO.UNKNOWN_GROUP: an unknown ReplicaGroupId is NoSuchResource 404', () => {
    const call = ebsCall('StartDiskReplicaGroup', { RegionId: 'cn-shanghai', ReplicaGroupId: 'pg-nope' });
    const r = asRefusal(allowedOutcomes(pairScenario(), call, T0));
    expect(r.rules).toEqual(['PROTO.UNKNOWN_GROUP']);
    expect(r.errors).toEqual([{ code: 'NoSuchResource', httpStatus: 404 }]);
  });

  it('PROTO.EAR_REGION: replication calls in a region without async replication are refused', () => {
    const r = asRefusal(allowedOutcomes(pairScenario(), startPairCall({ RegionId: 'cn-qingdao' }), T0));
    // No pair is known there either: the pair's visibility rule decides beside it.
    expect(r.rules).toEqual(['PROTO.EAR_REGION', 'PAIR.VISIBLE_IN_OWN_REGIONS']);
    expect(r.undocumented).toBe(true);
    // A placement condition: never an authorization or a transient code.
    expect(r.errors.map((x) => x.code).sort()).toEqual([
      'InvalidRegionId.NotFound',
      'NoSuchResource',
      'OperationDenied',
    ]);
  });

  it('PROTO.SUCCESS_HAS_REQUEST_ID: every success requires RequestId and forbids Code', () => {
    const e = asSuccess(allowedOutcomes(pairScenario(), startPairCall(), T0));
    expect(e.rules).toContain('PROTO.SUCCESS_HAS_REQUEST_ID');
    expect(e.present).toContain('RequestId');
    expect(e.absent).toContain('Code');
  });

  it('PROTO.ID_FORMAT: listings and creations are held to the documented ID prefixes', () => {
    const listing = asSuccess(
      allowedOutcomes(pairScenario(), ebsCall('DescribeDiskReplicaPairs', { RegionId: 'cn-shanghai' }), T0),
    );
    expect(listing.rules).toContain('PROTO.ID_FORMAT');
    expect(asSuccess(allowedOutcomes(pairScenario(), startPairCall(), T0)).rules).not.toContain(
      'PROTO.ID_FORMAT',
    );
    // The response schema is what holds the prefix.
    const create = findOperation('ebs', '2021-07-30', 'CreateDiskReplicaPair')!.response;
    expect(create.safeParse({ RequestId: 'R', ReplicaPairId: 'pair-cn-1' }).success).toBe(true);
    expect(create.safeParse({ RequestId: 'R', ReplicaPairId: 'rg-1' }).success).toBe(false);
    const legacy = findOperation('ecs', '2014-05-26', 'CreateDiskReplicaPair')!.response;
    expect(legacy.safeParse({ RequestId: 'R', PairId: 'pair-cn-1' }).success).toBe(false);
  });

  it('PROTO.DESCRIBE_IS_PROJECTION: a Describe leaves the state as it was', () => {
    const s = pairScenario();
    const e = asSuccess(
      allowedOutcomes(s, ebsCall('DescribeDiskReplicaPairs', { RegionId: 'cn-shanghai' }), T0),
    );
    expect(e.rules).toContain('PROTO.DESCRIBE_IS_PROJECTION');
    expect(e.next()).toBe(s);
  });

  it("common parameters are no operation's own: validation reads a call by its own names, left in place", () => {
    // validateFor reads the call's parameters without first copying the common ones out.
    expect(OPERATIONS.flatMap((op) => op.params.filter((p) => COMMON_PARAMS.has(p.name)))).toEqual([]);
    const call = startPairCall();
    const signed = { ...call, params: { ...call.params, Signature: 'x', SignatureNonce: 'n' } };
    const e = validateFor(findOperation('ebs', '2021-07-30', 'StartDiskReplicaPair')!, signed);
    expect(e.ok && Object.keys(e.params)).toEqual(Object.keys(call.params));
  });
});

describe('parameter-specific rules', () => {
  it('DISK.DESCRIBE.PAGING: PageSize 101 on DescribeDisks is an invalid parameter of the paging rule', () => {
    const r = asRefusal(
      allowedOutcomes(empty(), ecsCall('DescribeDisks', { RegionId: 'cn-shanghai', PageSize: 101 }), T0),
    );
    expect(r.rules).toEqual(expect.arrayContaining(['DISK.DESCRIBE.PAGING', 'PROTO.INVALID_VALUE']));
  });

  it('PAIR.DESCRIBE.TOKEN_PAGING: MaxResults 501 on DescribeDiskReplicaPairs is invalid', () => {
    const call = ebsCall('DescribeDiskReplicaPairs', { RegionId: 'cn-shanghai', MaxResults: 501 });
    expect(asRefusal(allowedOutcomes(empty(), call, T0)).rules).toContain('PAIR.DESCRIBE.TOKEN_PAGING');
  });
});
