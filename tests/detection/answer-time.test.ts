import { afterEach, describe, expect, it } from 'vitest';
import { createTarget, EMULATOR_CREDENTIALS } from '../../adapters';
import type { Target } from '../../adapters/target';
import { runConformance } from '../../cli/run-suite';
import { type Clock, type RunningEmulator, realClock, startEmulator } from '../../emulator';
import { RPO_SEED } from './detection-suite';

// A region is judged by its own clock, in both directions. The emulator stands in for one whose
// clock is an hour ahead of this machine's (every time it answers with is, by the wall, an hour
// in the future) and whose Date header is 4 s off the clock its answers' times are taken on,
// one way or the other; it runs 3,000 times the wall's pace, so an RPO passes in 0.3 s. A correct
// service is conformant, with recovery points judged; one whose recovery point is frozen is reported.
// Its syncs last 90 s of its own time (30 ms of the wall's), as detect's endpoint child's do: how
// long a sync takes is the target's own time, which the model's allowance (SYNC_SLACK_S) bounds;
// the rate only says how fast that time passes by the wall.

const RATE = 3_000;
const TRANSITION_MS = 30;
const HOUR_MS = 3_600_000;
const WITHIN_RPO = 'PAIR.RECOVER_POINT.WITHIN_RPO';

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
    transitionMs: TRANSITION_MS * RATE,
    ...(faultProfile ? { faultProfile } : {}),
  });
  endpoint = await createTarget('endpoint', { endpoint: emulator.url, credentials: EMULATOR_CREDENTIALS });
  const { record } = await runConformance({
    target: endpoint,
    seed: RPO_SEED,
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
      // A recovery point was judged against the RPO's floor, and passed: the seed reaches it.
      expect(record.rules.find((r) => r.id === WITHIN_RPO)?.accepted).toBeGreaterThan(0);
    },
    240_000,
  );

  it('a frozen recovery point is reported against the RPO at the answer’s time', async () => {
    const record = await run(4_000, 'recover-point-frozen', 20);
    expect(record.verdict).toBe('nonconformant');
    expect(record.failures[0]?.rules[0], record.failures[0]?.title).toBe(WITHIN_RPO);
  }, 300_000);
});
