import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CreatableTargetKind, createTarget } from '../adapters';
import type { Target } from '../adapters/target';
import { runConformance } from './engine';

// The property suite as a vitest project: the target comes from the environment, so the same
// file runs against the in-process mock, a started emulator, or any endpoint.
//   EBS_CONFORMANCE_TARGET=mock|emulator|endpoint  EBS_CONFORMANCE_ENDPOINT=http://...
//   EBS_CONFORMANCE_SEED=N  EBS_CONFORMANCE_RUNS=N
const kind = (process.env.EBS_CONFORMANCE_TARGET ?? 'mock') as CreatableTargetKind;
const seed = Number(process.env.EBS_CONFORMANCE_SEED ?? 20261123);
const runs = Number(process.env.EBS_CONFORMANCE_RUNS ?? 25);

describe(`conformance of the ${kind} target`, () => {
  let target: Target;
  beforeAll(async () => {
    target = await createTarget(kind, {
      ...(process.env.EBS_CONFORMANCE_ENDPOINT ? { endpoint: process.env.EBS_CONFORMANCE_ENDPOINT } : {}),
      transitionMs: 1000,
      clockMode: 'manual',
    });
  });
  afterAll(async () => {
    await target?.close?.();
  });

  it(`holds every documented rule over ${runs} random command sequences (seed ${seed})`, async () => {
    const { record } = await runConformance({
      target,
      seed,
      runs,
      maxCommands: 40,
      harnessVersion: 'test',
      replayCommand: () => `EBS_CONFORMANCE_TARGET=${kind} EBS_CONFORMANCE_SEED=${seed}`,
    });
    const failures = record.failures.map(
      (f) =>
        `${f.title}\n  expected ${f.expected}\n  received ${f.received}\n  ${f.trace.map((s) => s.command).join('\n  ')}`,
    );
    expect(failures).toEqual([]);
    expect(record.inconclusive).toEqual([]);
    expect(record.verdict).toBe('conformant');
    // A run that never reaches the pair life cycle proves little: it must create and drive pairs.
    expect(record.coverage.pairs.covered).toBeGreaterThan(10);
  });
});
