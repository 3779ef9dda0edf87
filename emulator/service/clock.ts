import type { Clock } from './api';

/** Wall-clock time: transient statuses end on their own as real time passes. */
export function realClock(): Clock {
  return { mode: 'real', now: () => Date.now(), advance: () => false };
}

/**
 * Virtual time that moves only when a test (or `/_emulator/clock`) advances it, so every
 * transient status can be observed before it settles, deterministically.
 */
export function manualClock(startMs: number): Clock {
  let now = startMs;
  return {
    mode: 'manual',
    now: () => now,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) return false;
      now += ms;
      return true;
    },
  };
}
