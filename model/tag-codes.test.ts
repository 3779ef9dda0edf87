import { describe, expect, it } from 'vitest';
import { allowedOutcomes } from './allowed-outcomes';
import { asRefusal, asSuccess, codesOf, ebsCall, pairScenario, T0 } from './testkit';

// The documented codes of the tag calls that had no rule: Duplicate.TagKey on a ListTagResources
// filter and InvalidRegionId.NotFound on UntagResources and ListTagResources.
const where = { RegionId: 'cn-shanghai', ResourceType: 'diskreplicapair' };
const decide = (action: string, params: Record<string, unknown>) =>
  allowedOutcomes(pairScenario(), ebsCall(action, { ...where, ...params }), T0);

describe('tag calls: documented codes', () => {
  it('TAG.LIST.DUPLICATE_KEY: a Tag.N filter naming one key twice is refused with Duplicate.TagKey', () => {
    const twice = decide('ListTagResources', { Tag: [{ Key: 'env' }, { Key: 'env', Value: 'dr' }] });
    expect(codesOf(twice)).toEqual(['Duplicate.TagKey']);
    expect(asRefusal(twice).rules).toEqual(['TAG.LIST.DUPLICATE_KEY']);
    const distinct = decide('ListTagResources', { Tag: [{ Key: 'env' }, { Key: 'team' }] });
    expect(asSuccess(distinct).rules).toContain('TAG.LIST.DUPLICATE_KEY');
  });

  it('TAG.UNKNOWN_REGION: Untag and List in a region that does not exist are refused with InvalidRegionId.NotFound', () => {
    const list = decide('ListTagResources', { RegionId: 'cn-unknown', ResourceId: ['pair-1'] });
    expect(codesOf(list)).toEqual(['InvalidRegionId.NotFound']);
    expect(asRefusal(list).rules).toEqual(['TAG.UNKNOWN_REGION']);
    // The pair is not found there either; the docs give no order, so either code is allowed.
    const untag = decide('UntagResources', { RegionId: 'cn-unknown', ResourceId: ['pair-1'], All: true });
    expect(codesOf(untag).sort()).toEqual(['InvalidRegionId.NotFound', 'InvalidResourceId.NotFound']);
    expect(asRefusal(untag).rules).toContain('TAG.UNKNOWN_REGION');
    // In a region that exists, neither call is refused for it.
    expect(asSuccess(decide('UntagResources', { ResourceId: ['pair-1'], All: true })).rules).toContain(
      'TAG.UNKNOWN_REGION',
    );
    expect(asSuccess(decide('ListTagResources', { ResourceId: ['pair-1'] })).rules).toContain(
      'TAG.UNKNOWN_REGION',
    );
  });
});
