import { describe, expect, it } from 'vitest';
import { childStartTimeoutMs } from './detection';

describe('childStartTimeoutMs', () => {
  it('gives 30 s on an idle machine and grows with the runnable processes per core, to 10 minutes', () => {
    expect(childStartTimeoutMs(0.5, 2)).toBe(30_000);
    expect(childStartTimeoutMs(2, 2)).toBe(30_000);
    // Session 4's load: 28 on 2 cores, where 90 s was too short for every child.
    expect(childStartTimeoutMs(28, 2)).toBe(420_000);
    expect(childStartTimeoutMs(200, 2)).toBe(600_000);
  });
});
