import { describe, expect, it } from 'vitest';
import { OPERATIONS, operationKey } from '../../api';
import { ROUTES } from './dispatch';

describe('dispatch', () => {
  it('routes every operation the spec defines, and only those', () => {
    const specKeys = OPERATIONS.map(operationKey).sort();
    expect([...ROUTES.keys()].sort()).toEqual(specKeys);
  });

  it('agrees with the spec on which operations change state', () => {
    for (const op of OPERATIONS)
      expect([operationKey(op), ROUTES.get(operationKey(op))?.mutating]).toEqual([
        operationKey(op),
        op.mutating,
      ]);
  });

  it('maps each action to a function of the same name', () => {
    for (const [key, route] of ROUTES) expect(route.fn.name).toBe(key.split(':')[2]);
  });
});
