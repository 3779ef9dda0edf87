import { describe, expect, it } from 'vitest';
import { flattenParams, unflattenParams } from './flatten';

describe('flattening parameters', () => {
  it('writes lists 1-based and objects by key, in the order given, leaving out null and undefined', () => {
    const flat = flattenParams({
      RegionId: 'cn-hangzhou',
      Tag: [{ Key: 'a', Value: 'x' }, { Key: 'b' }],
      Skipped: undefined,
      Also: null,
      ResourceId: ['r-1', undefined, 'r-3'],
      DryRun: false,
      Size: 40,
    });
    expect(Object.entries(flat)).toEqual([
      ['RegionId', 'cn-hangzhou'],
      ['Tag.1.Key', 'a'],
      ['Tag.1.Value', 'x'],
      ['Tag.2.Key', 'b'],
      ['ResourceId.1', 'r-1'],
      ['ResourceId.3', 'r-3'],
      ['DryRun', 'false'],
      ['Size', '40'],
    ]);
  });

  it('reads inherited fields of neither the parameters nor their values', () => {
    const inherited = Object.assign(Object.create({ Sneaky: 'x' }), { Key: 'k' });
    expect(flattenParams(Object.assign(Object.create({ Extra: '1' }), { Tag: [inherited] }))).toEqual({
      'Tag.1.Key': 'k',
    });
  });

  it('is undone by unflattenParams for tag lists', () => {
    const tags = {
      Tag: [
        { Key: 'a', Value: 'x' },
        { Key: 'b', Value: 'y' },
      ],
    };
    expect(unflattenParams(flattenParams(tags))).toEqual(tags);
  });
});
