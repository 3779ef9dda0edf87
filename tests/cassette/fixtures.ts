/** Recorded runs for the cassette tests: a small in-process run, recorded to a file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMockTarget, EMULATOR_CREDENTIALS } from '../../adapters';
import { recordingTarget } from '../../adapters/recording-target';
import type { Target } from '../../adapters/target';
import { runConformance } from '../../cli/run-suite';
import type { RunRecord } from '../../reports/run-record';

export const RUN = { seed: 11, runs: 4, maxCommands: 20 } as const;

export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ebs-cassette-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The run the CLI makes of a target, at test size. */
export async function runOn(target: Target, run: { seed: number; runs: number; maxCommands: number } = RUN) {
  const { record } = await runConformance({
    target,
    ...run,
    concurrency: 1,
    harnessVersion: 'test',
    replayCommand: () => 'replay',
  });
  return record;
}

/** A mock run (emulator service in-process, manual clock) recorded to `file`. */
export async function recordMockRun(file: string): Promise<RunRecord> {
  const target = recordingTarget(createMockTarget({ clockMode: 'manual', transitionMs: 1000 }), {
    file,
    credentials: EMULATOR_CREDENTIALS,
    run: { ...RUN, concurrency: 1 },
  });
  try {
    return await runOn(target);
  } finally {
    await target.close?.();
  }
}
