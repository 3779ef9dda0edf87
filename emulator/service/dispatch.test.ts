import { describe, expect, it } from 'vitest';
import { isExempt, OPERATIONS, operationKey } from '../../api';
import { ROUTES } from './dispatch';

describe('dispatch', () => {
  it('routes every operation the spec defines (unless exempt in api/layers.ts), and only those', () => {
    const specKeys = OPERATIONS.filter((op) => !isExempt(op, 'emulator'))
      .map(operationKey)
      .sort();
    expect([...ROUTES.keys()].sort()).toEqual(specKeys);
  });

  it('agrees with the spec on which operations change state', () => {
    for (const op of OPERATIONS.filter((o) => ROUTES.has(operationKey(o))))
      expect([operationKey(op), ROUTES.get(operationKey(op))?.mutating]).toEqual([
        operationKey(op),
        op.mutating,
      ]);
  });

  it('maps each action to a function of the same name', () => {
    for (const [key, route] of ROUTES) expect(route.fn.name).toBe(key.split(':')[2]);
  });
});
