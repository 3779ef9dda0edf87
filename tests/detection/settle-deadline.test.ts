import { describe, expect, it } from 'vitest';
import { createDirectTarget } from '../../adapters/direct-target';
import type { Target } from '../../adapters/target';
import { runConformance } from '../../cli/run-suite';
import { SEED } from './detection-suite';

// On a clock of its own a resource that never settles is inconclusive, and the wait it names is
// the whole settle bound: the last read is made at the deadline, not skipped because the next
// backoff step (doubling up to 5 s) would have passed it. With 10 s a loop that skipped it gave up
// after 6.35 s, two thirds of the time a slow but correct region had been promised.
// The target is the emulator on a clock of its own whose time passes only as the harness waits
// (`sleep`), as a recording's does on replay: a real clock's behaviour, without its wall time.

const SETTLE_MS = 10_000;
const CALL_MS = 5;

async function virtualWall(faultProfile: string): Promise<Target> {
  const inner = createDirectTarget({ transitionMs: 1_000, clockMode: 'manual', faultProfile });
  let wall = await (inner.clockNow?.() ?? Promise.resolve(Date.now()));
  const pass = async (ms: number) => {
    wall += ms;
    await inner.advanceClock?.(ms);
  };
  return {
    kind: 'endpoint',
    endpoint: inner.endpoint,
    capabilities: { ...inner.capabilities, clockControl: false, reset: false },
    // A call takes time too (a few ms of a region's), and waiting is the only other way it passes.
    send: async (call) => {
      await pass(CALL_MS);
      return inner.send(call);
    },
    now: () => wall,
    sleep: (ms) => pass(ms),
    close: () => inner.close?.() ?? Promise.resolve(),
  };
}

describe('the settle deadline on a clock of the target’s own', () => {
  it('a stop that never ends is read until the deadline and named with the time waited', async () => {
    const target = await virtualWall('stop-stuck-stopping');
    try {
      const { record } = await runConformance({
        target,
        seed: SEED,
        runs: 60,
        maxCommands: 40,
        concurrency: 1,
        shrink: false,
        harnessVersion: 'test',
        replayCommand: () => '',
        session: { settleTimeoutMs: SETTLE_MS },
      });
      const reason = record.inconclusive.map((i) => i.reason).join('; ');
      const waited = /still stopping (\d+) ms after StopDiskReplicaPair/.exec(reason);
      expect(waited, reason).not.toBeNull();
      expect(Number(waited?.[1])).toBeGreaterThanOrEqual(SETTLE_MS);
      // One read at the deadline, not another backoff step past it.
      expect(Number(waited?.[1])).toBeLessThan(SETTLE_MS + 1_000);
    } finally {
      await target.close?.();
    }
  }, 60_000);
});
