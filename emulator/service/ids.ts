/**
 * Deterministic resource IDs. A run with the same seed creates the same IDs in the same order,
 * so failures replay exactly; the counter is part of the persisted state, so a reloaded
 * emulator never hands out an ID twice.
 */
export interface IdState {
  readonly seed: number;
  counter: number;
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** splitmix32: a small, well-mixed 32-bit hash; enough to make IDs look random but reproducible. */
function mix(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * 20 base-36 characters: 14 derived from (seed, n), then n itself, so two IDs of one run can
 * never collide (a hash alone could).
 */
export function idSuffix(seed: number, n: number): string {
  let out = '';
  let h = mix(seed ^ mix(n));
  for (let i = 0; i < 14; i++) {
    if (i % 5 === 0) h = mix(h + i + n);
    out += ALPHABET[h % 36];
    h = Math.floor(h / 36);
  }
  return out + n.toString(36).padStart(6, '0');
}

/** The next suffix; prefixes (`d-`, `pair-cn-`, `pg-`) are the caller's. */
export function nextSuffix(ids: IdState): string {
  ids.counter += 1;
  return idSuffix(ids.seed, ids.counter);
}

/** A numeric order number for PREPAY purchases, from the same sequence. */
export function nextOrderId(ids: IdState): string {
  ids.counter += 1;
  return String(200000000000 + (mix(ids.seed ^ ids.counter) % 800000000000));
}
