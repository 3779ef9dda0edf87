import { describe, expect, it } from 'vitest';
import { randomUpperUuid, randomUuid } from './uuid';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const V4_UPPER = new RegExp(V4.source.toUpperCase());

describe('random UUIDs', () => {
  // Three pools' worth: a refill that failed to happen would repeat the first pool's UUIDs.
  const lower = Array.from({ length: 400 }, randomUuid);
  const upper = Array.from({ length: 400 }, randomUpperUuid);

  it('are version 4, variant 10, in the case asked for', () => {
    for (const u of lower) expect(u).toMatch(V4);
    for (const u of upper) expect(u).toMatch(V4_UPPER);
  });

  it('never repeat, across refills of the pool', () => {
    expect(new Set([...lower, ...upper.map((u) => u.toLowerCase())]).size).toBe(800);
  });

  it('use every hex digit in every free position', () => {
    // 400 random digits per position: a position stuck on a few digits (a masking slip) shows.
    for (let pos = 0; pos < 36; pos++) {
      if ([8, 13, 14, 18, 19, 23].includes(pos)) continue;
      expect(new Set(lower.map((u) => u[pos])).size, `position ${pos}`).toBe(16);
    }
  });
});
