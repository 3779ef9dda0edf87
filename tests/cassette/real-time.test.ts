import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMockTarget, EMULATOR_CREDENTIALS } from '../../adapters';
import { readCassette } from '../../adapters/cassette';
import { createReplayTarget } from '../../adapters/replay-target';
import { runOn, tempDir, withCassette } from './fixtures';

// A target whose clock runs by itself (a real region; here the emulator on the real clock with
// transitions that take real time): the engine polls until changes settle, and what it decides
// depends on when. The replay runs on the recording's time, so it decides the same, at once.
describe('replay of a run on a real clock', { timeout: 60_000 }, () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());
  const run = { seed: 5, runs: 2, maxCommands: 12 };

  it('polls as recorded and reaches the same verdict, on the recorded time', async () => {
    const file = join(tmp.dir, 'real-clock.jsonl');
    const live = createMockTarget({ clockMode: 'real', transitionMs: 150 });
    expect(live.capabilities.clockControl).toBe(false);
    const recorder = withCassette(live, { file, credentials: EMULATOR_CREDENTIALS, run });
    const original = await runOn(recorder.target, run, recorder.events);
    await recorder.close();

    const cassette = readCassette(file);
    const exchanges = cassette.events.filter((e) => e.type === 'exchange');
    const target = createReplayTarget(cassette, file);
    const replayed = await runOn(target, run);
    await target.close();
    expect(replayed.verdict).toBe(original.verdict);
    expect(replayed.steps).toBe(original.steps);
    expect(target.remaining()).toBe(0);
    // Its clock ended where the recording's did, not where this process's is.
    const last = exchanges.at(-1);
    expect(target.now()).toBeGreaterThanOrEqual((last?.startedAt ?? 0) + (last?.durationMs ?? 0));
    expect(target.now()).toBeLessThan(Date.now());
  });
});
