import { afterEach, describe, expect, it } from 'vitest';
import { createTarget, EMULATOR_CREDENTIALS } from '../../adapters';
import type { Target } from '../../adapters/target';
import { runConformance } from '../../cli/run-suite';
import { type Clock, type RunningEmulator, realClock, startEmulator } from '../../emulator';
import { SEED } from './detection-suite';

// A region is judged by its own clock, in both directions. The emulator stands in for one whose
// clock is an hour ahead of this machine's (every time it answers with is, by the wall, an hour
// in the future) and whose Date header is 4 s off the clock its answers' times are taken on,
// one way or the other; it runs 600 times the wall's pace, so an RPO passes in 1.5 s. A correct
// service is conformant; one whose recovery point is frozen is reported.

const RATE = 600;
const HOUR_MS = 3_600_000;

/** The service's clock an hour ahead of the wall; its Date `dateOffsetMs` off that clock. */
function regionClock(dateOffsetMs: number): Clock {
  const inner = realClock(RATE);
  return {
    mode: 'real',
    rate: RATE,
    now: () => inner.now() + HOUR_MS,
    lastRead: () => (inner.lastRead?.() ?? inner.now()) + HOUR_MS + dateOffsetMs,
    advance: () => false,
  };
}

let emulator: RunningEmulator | undefined;
let endpoint: Target | undefined;
afterEach(async () => {
  await endpoint?.close?.();
  await emulator?.close();
});

async function run(dateOffsetMs: number, faultProfile?: string, runs = 6) {
  emulator = await startEmulator({
    clock: regionClock(dateOffsetMs),
    transitionMs: 150 * RATE,
    ...(faultProfile ? { faultProfile } : {}),
  });
  endpoint = await createTarget('endpoint', { endpoint: emulator.url, credentials: EMULATOR_CREDENTIALS });
  const { record } = await runConformance({
    target: endpoint,
    seed: SEED,
    runs,
    maxCommands: 40,
    concurrency: 1,
    shrink: false,
    harnessVersion: 'test',
    replayCommand: () => '',
    session: { settleTimeoutMs: 10_000 },
  });
  return record;
}

describe('recovery data on a region whose clock is an hour ahead of the harness', () => {
  it.each([-4_000, 4_000])(
    'a correct region whose Date is %i ms off its own times is conformant',
    async (off) => {
      const record = await run(off);
      expect(record.failures.map((f) => f.title)).toEqual([]);
      expect(record.verdict).toBe('conformant');
    },
    240_000,
  );

  it('a frozen recovery point is reported against the RPO at the answer’s time', async () => {
    const record = await run(4_000, 'recover-point-frozen', 60);
    expect(record.verdict).toBe('nonconformant');
    expect(record.failures[0]?.rules[0], record.failures[0]?.title).toBe('PAIR.RECOVER_POINT.WITHIN_RPO');
  }, 300_000);
});
