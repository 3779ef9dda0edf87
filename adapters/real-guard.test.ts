import { describe, expect, it } from 'vitest';
import { ownershipProblem } from './real-guard';

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
    expect(ownershipProblem({ ResourceGroupId: 'rg-theirs' }, owned)).toMatch(/ResourceGroupId/);
    // A tag call names its resources ResourceId.N: the run may tag its own pair, nobody else's.
    expect(ownershipProblem({ 'ResourceId.1': 'pair-own1' }, owned)).toBeUndefined();
    expect(ownershipProblem({ ResourceId: ['pair-own1', 'd-theirs'] }, owned)).toMatch(/ResourceId d-theirs/);
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
});
