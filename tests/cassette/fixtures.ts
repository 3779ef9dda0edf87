/** Recorded runs for the cassette tests: a small in-process run, recorded to a file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMockTarget, EMULATOR_CREDENTIALS } from '../../adapters';
import type { RecordingOptions } from '../../adapters/cassette-recorder';
import type { Target } from '../../adapters/target';
import { recordEvents } from '../../cli/commands/cassette-flags';
import { runConformance, withTargetEvents } from '../../cli/run-suite';
import { RunEvents } from '../../properties/events';
import type { RunRecord } from '../../reports/run-record';

export const RUN = { seed: 11, runs: 4, maxCommands: 20 } as const;

export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ebs-cassette-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The run the CLI makes of a target, at test size. */
export async function runOn(
  target: Target,
  run: { seed: number; runs: number; maxCommands: number } = RUN,
  events?: RunEvents,
) {
  const { record } = await runConformance({
    target,
    ...run,
    concurrency: 1,
    harnessVersion: 'test',
    replayCommand: () => 'replay',
    ...(events ? { events } : {}),
  });
  return record;
}

/**
 * A target recorded as `run --record` records it: its events on a run's stream, a cassette
 * subscribed there. Run it with `events`; `close` closes the cassette, then the target.
 */
export function withCassette<T extends Target>(inner: T, options: RecordingOptions) {
  const events = new RunEvents();
  const target = withTargetEvents(inner, events);
  const cassette = recordEvents(events, target, options);
  return {
    target,
    events,
    async close() {
      cassette.close();
      await target.close?.();
    },
  };
}

/** A mock run (emulator service in-process, manual clock) recorded to `file`. */
export async function recordMockRun(file: string): Promise<RunRecord> {
  const recording = withCassette(createMockTarget({ clockMode: 'manual', transitionMs: 1000 }), {
    file,
    credentials: EMULATOR_CREDENTIALS,
    run: { ...RUN, concurrency: 1 },
  });
  try {
    return await runOn(recording.target, RUN, recording.events);
  } finally {
    await recording.close();
  }
}
