import { describe, expect, it } from 'vitest';
import { ownershipProblem, startedId } from './real-guard';

const owned = new Set(['d-own1', 'pair-own1', 'pg-own1']);

describe('the ownership guard', () => {
  it('refuses a foreign group whatever the parameter is called, and allows the run own', () => {
    // GroupId: the drill calls name the group so, not ReplicaGroupId.
    expect(ownershipProblem({ RegionId: 'cn-hangzhou', GroupId: 'pg-theirs' }, owned)).toMatch(
      /GroupId pg-theirs was not created by this run/,
    );
    expect(ownershipProblem({ RegionId: 'cn-hangzhou', GroupId: 'pg-own1' }, owned)).toBeUndefined();
    expect(ownershipProblem({ RegionId: 'cn-hangzhou', PairId: 'pair-theirs' }, owned)).toMatch(/PairId/);
  });

  it('reads lists as JSON arrays, comma-separated text or arrays', () => {
    expect(ownershipProblem({ DiskIds: '["d-own1","d-theirs"]' }, owned)).toMatch(/DiskIds d-theirs/);
    expect(ownershipProblem({ PairIds: 'pair-own1,pair-theirs' }, owned)).toMatch(/PairIds pair-theirs/);
    expect(ownershipProblem({ GroupIds: ['pg-theirs'] }, owned)).toMatch(/GroupIds pg-theirs/);
    expect(ownershipProblem({ DiskIds: '["d-own1"]', PairIds: 'pair-own1' }, owned)).toBeUndefined();
  });

  it('refuses resources a run never creates, and ID parameters the table does not know yet', () => {
    expect(ownershipProblem({ InstanceIds: '["i-theirs"]' }, owned)).toMatch(
      /InstanceIds i-theirs names a resource this run did not create/,
    );
    expect(ownershipProblem({ ResourceGroupId: 'rg-theirs' }, owned)).toMatch(
      /ResourceGroupId rg-theirs is not a resource group this run was given/,
    );
    // A tag call names its resources ResourceId.N: the run may tag its own pair, nobody else's.
    expect(ownershipProblem({ 'ResourceId.1': 'pair-own1' }, owned)).toBeUndefined();
    expect(ownershipProblem({ ResourceId: ['pair-own1', 'd-theirs'] }, owned)).toMatch(/ResourceId d-theirs/);
  });

  it('lets a create name only the resource groups the user gave the run, never one of its own IDs', () => {
    const given = new Set(['rg-aek2mine']);
    expect(ownershipProblem({ RegionId: 'cn-hangzhou', ResourceGroupId: 'rg-aek2mine' }, owned, given)).toBe(
      undefined,
    );
    expect(ownershipProblem({ ResourceGroupId: 'rg-conformance-b' }, owned, given)).toMatch(
      /--resource-group/,
    );
    // Owning a resource does not make its ID a resource group the run may use, nor the reverse.
    expect(ownershipProblem({ ResourceGroupId: 'd-own1' }, owned, given)).toMatch(/rg|resource group/);
    expect(ownershipProblem({ DiskId: 'rg-aek2mine' }, owned, given)).toMatch(/DiskId rg-aek2mine/);
  });

  it("lets a sweep's probe past the length through: one of the run's own IDs made longer", () => {
    expect(ownershipProblem({ ReplicaGroupId: `pg-own1-${'z'.repeat(64)}` }, owned)).toBeUndefined();
    // Not a shorter one, nor one that merely shares a prefix with it.
    expect(ownershipProblem({ ReplicaGroupId: 'pg-own' }, owned)).toMatch(/ReplicaGroupId pg-own /);
    expect(ownershipProblem({ ReplicaGroupId: 'pg-ow2' }, owned)).toMatch(/ReplicaGroupId pg-ow2 /);
  });

  it('lets locations and made-up probe IDs through', () => {
    const call = {
      RegionId: 'cn-hangzhou',
      SourceZoneId: 'cn-hangzhou-h',
      DestinationRegionId: 'cn-beijing',
      DestinationZoneId: 'cn-beijing-h',
      DiskId: 'd-unknown000000',
      ReplicaGroupId: '-',
    };
    expect(ownershipProblem(call, owned)).toBeUndefined();
  });

  it('refuses a drill the run did not start, and owns the one a Start answer names', () => {
    const params = { RegionId: 'cn-hangzhou', PairId: 'pair-own1', DrillId: 'drill-theirs' };
    expect(ownershipProblem(params, owned)).toMatch(/DrillId drill-theirs was not started by this run/);
    const id = startedId('ebs', 'StartPairDrill', { RequestId: 'R', DrillId: 'drill-own1' });
    const group = startedId('ebs', 'StartReplicaGroupDrill', { RequestId: 'R', DrillId: 'pg-drill-own2' });
    expect([id, group]).toEqual(['drill-own1', 'pg-drill-own2']);
    const mine = new Set([...owned, id as string]);
    expect(ownershipProblem({ ...params, DrillId: 'drill-own1' }, mine)).toBeUndefined();
    // Only the calls that start a drill hand one out; an answer of another call owns nothing.
    expect(startedId('ebs', 'DescribePairDrills', { DrillId: 'drill-x' })).toBeUndefined();
    expect(startedId('ebs', 'StartPairDrill', { RequestId: 'R' })).toBeUndefined();
  });
});
