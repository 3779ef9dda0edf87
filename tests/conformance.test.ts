import { expect, it } from 'vitest';
import { conformanceSuite } from '../cli/vitest-suite';

// The property suite as this project runs it: one vitest test per rule (cli/vitest-suite.ts),
// against the target the vitest project or the environment names: the gateway in-process
// (direct), through msw (mock), a started emulator, or any endpoint.
//   EBS_CONFORMANCE_TARGET=direct|mock|emulator|endpoint  EBS_CONFORMANCE_ENDPOINT=http://...
//   EBS_CONFORMANCE_SEED=N  EBS_CONFORMANCE_RUNS=N  EBS_CONFORMANCE_CONCURRENCY=N
const kind = process.env.EBS_CONFORMANCE_TARGET || 'direct';
// A target in another process also runs the shared-target path: two lanes side by side.
const concurrency = kind === 'mock' || kind === 'direct' ? 1 : 2;
const suite = conformanceSuite({
  target: 'direct',
  seed: 20261123,
  runs: 25,
  concurrency,
  timeoutMs: 300_000,
});

it.runIf(concurrency > 1 && !process.env.EBS_CONFORMANCE_CONCURRENCY)(
  'runs each lane as a shard with its own seed, so a failure replays alone',
  () => {
    const record = suite.record();
    expect(record?.shards?.map((s) => s.seed)).toEqual([record?.seed, (record?.seed ?? 0) + 1]);
  },
);
