import { describe, expect, it } from 'vitest';
import { createDirectTarget } from '../../adapters/direct-target';
import { createEmulatorTarget } from '../../adapters/emulator-target';
import type { Target } from '../../adapters/target';
import { conformanceRun } from '../readings/support';

// A user who runs twice against one emulator on a manual clock: the first run moved its clock on
// (every settle does), and the second must read it where it stands, not at this process's time.

const DAY_MS = 86_400_000;

/** Two runs against one target, its clock a day further on between them (as a long run leaves it). */
async function twice(target: Target, runs: number) {
  const first = await conformanceRun(target, { runs });
  await target.advanceClock?.(DAY_MS);
  const ahead = ((await target.clockNow?.()) ?? 0) - Date.now();
  const second = await conformanceRun(target, { runs });
  return { first: first.record, second: second.record, ahead };
}

const titles = (r: { failures: readonly { title: string }[] }) => r.failures.map((f) => f.title);

describe('a second run against a manual clock an earlier run moved', () => {
  it('is judged on the target clock (in process)', async () => {
    const target = createDirectTarget({ transitionMs: 1000, clockMode: 'manual' });
    try {
      const { first, second, ahead } = await twice(target, 6);
      expect(ahead).toBeGreaterThan(DAY_MS - 60_000);
      expect(titles(first)).toEqual([]);
      // Before: `pair-... CreateTime=... is not a Unix time in seconds` (PAIR.DESCRIBE.TIMES_IN_SECONDS).
      expect(titles(second)).toEqual([]);
      expect(second.verdict).toBe('conformant');
    } finally {
      await target.close?.();
    }
  }, 120_000);

  it('is judged on the target clock (an emulator child, its clock read over /_emulator/clock)', async () => {
    const target = await createEmulatorTarget({ transitionMs: 1000, clockMode: 'manual' });
    try {
      const { second, ahead } = await twice(target, 3);
      expect(ahead).toBeGreaterThan(DAY_MS - 60_000);
      expect(titles(second)).toEqual([]);
      expect(second.verdict).toBe('conformant');
    } finally {
      await target.close?.();
    }
  }, 120_000);
});
