import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CreatableTargetKind, createTarget } from '../adapters';
import type { Target } from '../adapters/target';
import { runConformance } from '../cli/run-suite';

// The property suite as a vitest project: the target comes from the environment, so the same
// file runs against the gateway in-process, the msw mock, a started emulator, or any endpoint.
//   EBS_CONFORMANCE_TARGET=direct|mock|emulator|endpoint  EBS_CONFORMANCE_ENDPOINT=http://...
//   EBS_CONFORMANCE_SEED=N  EBS_CONFORMANCE_RUNS=N  EBS_CONFORMANCE_CONCURRENCY=N
const kind = (process.env.EBS_CONFORMANCE_TARGET ?? 'direct') as CreatableTargetKind;
const seed = Number(process.env.EBS_CONFORMANCE_SEED ?? 20261123);
const runs = Number(process.env.EBS_CONFORMANCE_RUNS ?? 25);
// A target in another process also runs the shared-target path: two lanes side by side.
const concurrency = Number(
  process.env.EBS_CONFORMANCE_CONCURRENCY ?? (kind === 'mock' || kind === 'direct' ? 1 : 2),
);

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
      concurrency,
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
    // A run that never reaches the deep states proves little: scenarios and status-seeking picks
    // must drive pairs and groups through most of their documented state x operation cells.
    const { pairs, groups } = record.coverage;
    expect(pairs.covered + groups.covered).toBeGreaterThan(0.6 * (pairs.documented + groups.documented));
    // Each lane is a shard with its own seed, so a failure replays alone.
    if (concurrency > 1) expect(record.shards?.map((s) => s.seed)).toEqual([seed, seed + 1]);
  });
});
