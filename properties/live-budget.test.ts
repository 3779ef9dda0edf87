import { describe, expect, it } from 'vitest';
import { defaultWorld, initialState, type ModelState } from '../model';
import type { Call } from '../model/call';
import { SEQUENCE_BUDGET, withinBudget } from './live-budget';

const createDisk = (size: number): Call => ({
  product: 'ecs',
  version: '2014-05-26',
  action: 'CreateDisk',
  params: { RegionId: 'cn-hangzhou', ZoneId: 'cn-hangzhou-h', Size: size },
});
const createGroup: Call = {
  product: 'ebs',
  version: '2021-07-30',
  action: 'CreateDiskReplicaGroup',
  params: { RegionId: 'cn-hangzhou' },
};

/** A state holding `n` disks of `size` GiB, on a billed world or not. */
function holding(n: number, size: number, billed: boolean): ModelState {
  const state = initialState(defaultWorld(billed ? { billed: true } : {}));
  // The budget reads only a disk's size.
  const disks = Object.fromEntries(Array.from({ length: n }, (_, i) => [`d-${i}`, { id: `d-${i}`, size }]));
  return { ...state, disks } as unknown as ModelState;
}

describe('the live budget of a sequence on a billed account', () => {
  it('is half the default caps: a create past it is not drawn; a target of our own has none', () => {
    expect(SEQUENCE_BUDGET).toEqual({ disks: 6, gib: 200, pairs: 3, groups: 1 });
    expect(withinBudget(holding(5, 20, true), createDisk(20))).toBe(true);
    expect(withinBudget(holding(6, 20, true), createDisk(20))).toBe(false);
    expect(withinBudget(holding(4, 40, true), createDisk(40))).toBe(true);
    expect(withinBudget(holding(4, 40, true), createDisk(41))).toBe(false);
    expect(withinBudget(holding(6, 40, false), createDisk(40))).toBe(true);
    const grouped = holding(0, 0, true);
    expect(withinBudget(grouped, createGroup)).toBe(true);
    expect(withinBudget({ ...grouped, groups: { 'pg-1': {} } } as unknown as ModelState, createGroup)).toBe(
      false,
    );
    // Not a create: never limited.
    expect(withinBudget(holding(9, 40, true), { ...createDisk(20), action: 'DescribeDisks' })).toBe(true);
  });
});
