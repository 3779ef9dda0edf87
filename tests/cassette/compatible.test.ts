import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createMockTarget, EMULATOR_CREDENTIALS } from '../../adapters';
import { type CassetteEvent, readCassette } from '../../adapters/cassette';
import { createReplayTarget } from '../../adapters/replay-target';
import type { ApiCall, Target } from '../../adapters/target';
import { tempDir, withCassette } from './fixtures';

// A cassette written before cassettes subscribed to the run's events, by the recording wrapper of
// f35a856 (`run --target mock --seed 3 --runs 2 --max-commands 8 --record`): world discovery,
// resets, clock advances and settle polls. Cassettes already recorded must stay usable, and the
// event subscription must write the same lines the wrapper wrote.
const BEFORE = fileURLToPath(new URL('./__fixtures__/before-events.jsonl', import.meta.url));

const callOf = (e: Extract<CassetteEvent, { type: 'exchange' }>): ApiCall => ({
  product: e.product,
  version: e.apiVersion,
  action: e.action,
  params: e.params,
  ...(e.region !== undefined ? { region: e.region } : {}),
  variant: e.variant,
});

/** Asks `target` every call of the cassette again, with its resets and clock advances, in order. */
async function askAgain(target: Target, events: readonly CassetteEvent[]) {
  const bodies: string[] = [];
  for (const e of events) {
    if (e.type === 'reset') await target.reset?.();
    else if (e.type === 'advance-clock') await target.advanceClock?.(e.ms);
    else bodies.push((await target.send(callOf(e))).response?.body ?? '');
  }
  return bodies;
}

/**
 * A line without what differs between two recordings of the same calls (clocks, nonces,
 * signatures, request IDs, hosts) and without what the emulator answered, which changes as the
 * emulator does: of a response, the recorder's part is its shape (status, header names, body).
 */
function steady(line: string): string {
  const e = JSON.parse(line) as Record<string, unknown>;
  delete e.recordedAt;
  delete e.startedAt;
  delete e.durationMs;
  const response = e.response as
    | { status: number; headers: Record<string, string>; body: string }
    | undefined;
  if (response)
    e.response = {
      status: typeof response.status,
      // The emulator has stated its clock in a Date header since after this fixture was recorded:
      // that is the emulator's answer growing, not the recorder's lines changing.
      headers: Object.keys(response.headers).filter((h) => h !== 'date'),
      body: typeof response.body,
    };
  return JSON.stringify(e)
    .replace(/mock-\d+-\d+/g, 'mock-HOST')
    .replace(/[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}/gi, 'UUID')
    .replace(/\d{4}-\d\d-\d\dT\d\d(%3A|:)\d\d(%3A|:)\d\dZ/g, 'TIME')
    .replace(/(Time|Point|StartAt|EndAt)(\\?"?[:>]\\?"?)\d{9,}/g, '$1$2EPOCH')
    .replace(/("x-acs-content-sha256":")[0-9a-f]+/g, '$1SHA')
    .replace(/(Signature=)[^&",]+/g, '$1SIG');
}

describe('a cassette recorded before the event stream', { timeout: 60_000 }, () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());
  const before = readCassette(BEFORE);

  it('is read and served again: every recorded answer, in order, through its resets and clock advances', async () => {
    expect(before.events.map((e) => e.type)).toEqual(expect.arrayContaining(['reset', 'advance-clock']));
    const replay = createReplayTarget(before, BEFORE);
    const served = await askAgain(replay, before.events);
    await replay.close();
    expect(served).toEqual(
      before.events.flatMap((e) => (e.type === 'exchange' ? [e.response?.body ?? ''] : [])),
    );
    expect(replay.remaining()).toBe(0);
  });

  it('has the same lines as the same calls recorded now, through the run events', async () => {
    const file = join(tmp.dir, 'after-events.jsonl');
    const recording = withCassette(createMockTarget({ clockMode: 'manual', transitionMs: 1000 }), {
      file,
      credentials: EMULATOR_CREDENTIALS,
      ...(before.header.run ? { run: before.header.run } : {}),
    });
    const answered = await askAgain(recording.target, before.events);
    await recording.close();
    // The emulator's answers may grow between versions (a field added from the docs); the lines
    // around them may not change. Each body written is the one the target answered.
    const after = readCassette(file);
    expect(after.events.flatMap((e) => (e.type === 'exchange' ? [e.response?.body ?? ''] : []))).toEqual(
      answered,
    );
    const lines = (path: string) => readFileSync(path, 'utf8').trimEnd().split('\n').map(steady);
    expect(lines(file)).toEqual(lines(BEFORE));
  });
});
