import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialState } from '../../model/state';
import { defaultWorld } from '../../model/world';
import { TAG_COMMANDS } from './tags';

describe('FiftyTagged', () => {
  // A billed sequence may hold one group (properties/live-budget.ts): fifty would stop at the first,
  // after creates that prove nothing, and fifty empty groups may meet an undocumented quota.
  it('starts on an account that costs nothing, never on a billed one', () => {
    const going = fc
      .sample(TAG_COMMANDS.fiftyTagged, { numRuns: 400, seed: 7 })
      .filter((c) => c.inputs.go === true);
    expect(going.length).toBeGreaterThan(0);
    const free = initialState(defaultWorld());
    const billed = initialState({ ...defaultWorld(), billed: true });
    for (const c of going) {
      expect(c.plan(free)).toBeDefined();
      expect(c.plan(billed)).toBeUndefined();
    }
  });
});
