import { describe, expect, it } from 'vitest';
import { allowedOutcomes } from './allowed-outcomes';
import type { ModelState } from './state';
import {
  apply,
  asRefusal,
  asSuccess,
  codesOf,
  createGroupParams,
  createPairParams,
  ebsCall,
  ecsCall,
  groupCall,
  memberScenario,
  pairScenario,
  T0,
  withDisk,
} from './testkit';

// Answers the model got wrong against the documentation (issue 14); each test fails on the old model.

/** `n` more created pairs Shanghai -> Beijing, pair-x<i>. */
function morePairs(state: ModelState, n: number): ModelState {
  let s = state;
  for (let i = 0; i < n; i++) {
    s = withDisk(withDisk(s, { id: `d-p${i}` }), { id: `d-s${i}`, region: 'cn-beijing' });
    s = apply(s, ebsCall('CreateDiskReplicaPair', createPairParams(`d-p${i}`, `d-s${i}`)), T0, {
      ReplicaPairId: `pair-x${i}`,
    });
  }
  return s;
}

describe('documented answers the model used to get wrong', () => {
  it('GROUP.REMOVE.PAIR_IN_ANOTHER_GROUP: removing a member of pg-1 through pg-2 is PairInAnotherGroup', () => {
    let s = memberScenario();
    s = morePairs(s, 1);
    s = apply(s, ebsCall('CreateDiskReplicaGroup', createGroupParams()), T0, { ReplicaGroupId: 'pg-2' });
    s = apply(
      s,
      ebsCall('AddDiskReplicaPair', {
        RegionId: 'cn-shanghai',
        ReplicaGroupId: 'pg-2',
        ReplicaPairId: 'pair-x0',
      }),
    );
    const call = ebsCall('RemoveDiskReplicaPair', {
      RegionId: 'cn-shanghai',
      ReplicaGroupId: 'pg-2',
      ReplicaPairId: 'pair-1',
    });
    const e = asRefusal(allowedOutcomes(s, call, T0));
    expect(codesOf(e)).toEqual(['OperationDenied.PairInAnotherGroup']);
    // A pair in no group is still PairNotInGroup.
    const loose = asRefusal(
      allowedOutcomes(
        morePairs(memberScenario(), 1),
        groupCall('RemoveDiskReplicaPair', 'cn-shanghai', { ReplicaPairId: 'pair-x0' }),
        T0,
      ),
    );
    expect(codesOf(loose)).toEqual(['OperationDenied.PairNotInGroup']);
  });

  it('PAIR.DESCRIBE.EMPTY_PAIR_IDS_ALL: PairIds empty lists every pair', () => {
    const s = morePairs(pairScenario(), 2);
    const e = asSuccess(
      allowedOutcomes(s, ebsCall('DescribeDiskReplicaPairs', { RegionId: 'cn-shanghai', PairIds: '' }), T0),
    );
    expect(e.listing?.rows.map((r) => r.ReplicaPairId)).toEqual(['pair-1', 'pair-x0', 'pair-x1']);
    expect(e.rules).toContain('PAIR.DESCRIBE.EMPTY_PAIR_IDS_ALL');
  });

  it('PAIR.DESCRIBE.NEXT_TOKEN_WHEN_MORE: the default page of 11 pairs carries a NextToken, of 10 need not', () => {
    const call = ebsCall('DescribeDiskReplicaPairs', { RegionId: 'cn-shanghai' });
    expect(asSuccess(allowedOutcomes(morePairs(pairScenario(), 10), call, T0)).present).toContain(
      'NextToken',
    );
    expect(asSuccess(allowedOutcomes(morePairs(pairScenario(), 9), call, T0)).present).not.toContain(
      'NextToken',
    );
    const groups = ebsCall('DescribeDiskReplicaGroups', { RegionId: 'cn-shanghai', MaxResults: 1 });
    let s = memberScenario();
    s = apply(s, ebsCall('CreateDiskReplicaGroup', createGroupParams()), T0, { ReplicaGroupId: 'pg-2' });
    expect(asSuccess(allowedOutcomes(s, groups, T0)).present).toContain('NextToken');
  });

  it('DISK.DESCRIBE.PAGING: more than 100 DiskIds is InvalidDiskIds.Malformed with status 403, and only that', () => {
    const ids = JSON.stringify(Array.from({ length: 101 }, (_, i) => `d-${i}`));
    const e = asRefusal(
      allowedOutcomes(
        pairScenario(),
        ecsCall('DescribeDisks', { RegionId: 'cn-shanghai', DiskIds: ids }),
        T0,
      ),
    );
    expect(e.errors).toEqual([{ code: 'InvalidDiskIds.Malformed', httpStatus: 403 }]);
  });

  it('DISK.DESCRIBE.MAX_RESULTS_RANGE: MaxResults below 10 may be refused, 10 may not', () => {
    const call = (MaxResults: number) => ecsCall('DescribeDisks', { RegionId: 'cn-shanghai', MaxResults });
    expect(asSuccess(allowedOutcomes(pairScenario(), call(5), T0)).also.map((x) => x.code)).toContain(
      'InvalidParameter',
    );
    expect(asSuccess(allowedOutcomes(pairScenario(), call(10), T0)).also).toEqual([]);
  });
});
