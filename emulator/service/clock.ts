import type { Clock } from './api';

/**
 * Wall-clock time: transient statuses end on their own as real time passes. With a `rate` above
 * 1 the clock runs that many times faster than the wall from the moment it is made (`--clock-rate`):
 * transitions, periodic syncs and every time the emulator answers with follow it, so a 900 s RPO
 * can pass in seconds while the process still answers in real time.
 */
export function realClock(rate = 1): Clock {
  let origin = Date.now();
  let start = origin;
  let last = origin;
  const now = rate === 1 ? () => Date.now() : () => start + (Date.now() - origin) * rate;
  return {
    mode: 'real',
    rate,
    now: () => {
      last = now();
      return last;
    },
    lastRead: () => last,
    advance: () => false,
    resume(ms) {
      // Only a fast clock can stand behind a time it saved: the wall's own is never set back.
      if (rate === 1 || ms <= now()) return;
      origin = Date.now();
      start = ms;
    },
  };
}

/**
 * Virtual time that moves only when a test (or `/_emulator/clock`) advances it, so every
 * transient status can be observed before it settles, deterministically.
 */
export function manualClock(startMs: number): Clock {
  let now = startMs;
  const advance = (ms: number) => {
    if (!Number.isFinite(ms) || ms < 0) return false;
    now += ms;
    return true;
  };
  return {
    mode: 'manual',
    now: () => now,
    advance,
    resume(ms) {
      if (ms > now) advance(ms - now);
    },
  };
}
