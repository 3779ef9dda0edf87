import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDirectTarget } from '../adapters/direct-target';
import { mergeRecords } from '../reports/merge';
import type { RunRecord } from '../reports/run-record';
import { runConformance } from './run-suite';
import { bundleIsFresh, quotaCores, runInWorkers } from './workers';

const SIZE = { runs: 6, maxCommands: 20 };

async function shard(seed: number, runs: number): Promise<RunRecord> {
  const target = createDirectTarget({ transitionMs: 1000, clockMode: 'manual' });
  try {
    const { record } = await runConformance({
      target,
      seed,
      runs,
      maxCommands: SIZE.maxCommands,
      concurrency: 1,
      harnessVersion: 'test',
      replayCommand: () => '',
    });
    return record;
  } finally {
    await target.close?.();
  }
}

const judged = (r: RunRecord) => ({
  verdict: r.verdict,
  steps: r.steps,
  runs: r.budget.runs,
  shards: r.shards?.map((s) => [s.seed, s.runs, s.steps, s.verdict]),
  rules: r.rules.map((x) => [x.id, x.accepted, x.refused, x.violations]),
  pairs: r.coverage.pairs.cells,
  groups: r.coverage.groups.cells,
  transitions: r.coverage.transitions,
});

describe('lanes in worker threads', () => {
  it('make the run that merging the shards seed, seed + 1 makes', async () => {
    let progress = 0;
    const whole = await runInWorkers({
      target: { kind: 'direct', transitionMs: 1000 },
      seed: 11,
      ...SIZE,
      lanes: 2,
      harnessVersion: 'test',
      replayCommand: (n) => `replay ${n}`,
      onProgress: () => progress++,
    });
    const merged = mergeRecords([await shard(11, 3), await shard(12, 3)]);
    expect(whole.shards?.map((s) => s.seed)).toEqual([11, 12]);
    expect(whole.seed).toBe(11);
    expect(progress).toBe(SIZE.runs);
    expect(judged(whole)).toEqual(judged(merged));
  });

  it('pooled on fewer threads, still make the merge of one shard per lane, in lane order', async () => {
    let idle = 0;
    const whole = await runInWorkers({
      target: { kind: 'direct', transitionMs: 1000 },
      seed: 21,
      ...SIZE,
      lanes: 3,
      threads: 2,
      harnessVersion: 'test',
      replayCommand: () => '',
      onThreadIdle: () => idle++,
    });
    expect(idle).toBe(2); // each thread once, when no lane is left for it
    const merged = mergeRecords([await shard(21, 2), await shard(22, 2), await shard(23, 2)]);
    expect(whole.shards?.map((s) => s.seed)).toEqual([21, 22, 23]);
    expect(judged(whole)).toEqual(judged(merged));
  });

  it('name each failure’s replay and keep the seed of the lane that found it', async () => {
    const run = await runInWorkers({
      target: { kind: 'direct', transitionMs: 1000, faultProfile: 'rpo-missing' },
      seed: 1,
      runs: 20,
      maxCommands: 20,
      lanes: 2,
      shrink: false,
      harnessVersion: 'test',
      replayCommand: (n) => `replay --failure ${n}`,
    });
    expect(run.verdict).toBe('nonconformant');
    expect(run.failures[0]?.replay).toBe('replay --failure 1');
    expect([1, 2]).toContain(run.failures[0]?.seed);
  });

  it('reject with the lane’s own error when its target cannot start', async () => {
    await expect(
      runInWorkers({
        target: { kind: 'direct', transitionMs: 1000, faultProfile: 'no-such-profile' },
        seed: 1,
        runs: 2,
        maxCommands: 5,
        lanes: 2,
        harnessVersion: 'test',
        replayCommand: () => '',
      }),
    ).rejects.toThrow(/lane with seed [12]: .*no-such-profile/);
  });
});

describe('the default lanes', () => {
  it('are the whole cores a cgroup CPU quota allows, at least one, and no limit without a quota', () => {
    expect(quotaCores(200_000, 100_000)).toBe(2);
    expect(quotaCores(150_000, 100_000)).toBe(1);
    expect(quotaCores(50_000, 100_000)).toBe(1);
    expect(quotaCores(Number('max'), 100_000)).toBeUndefined(); // cgroup v2 without a quota
    expect(quotaCores(-1, 100_000)).toBeUndefined(); // cgroup v1 without a quota
  });
});

describe('the lane worker', () => {
  it('is the bundle only while no source it was built from is newer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lane-bundle-'));
    const root = pathToFileURL(`${dir}/`);
    const at = (file: string, seconds: number) => utimesSync(join(dir, file), seconds, seconds);
    try {
      mkdirSync(join(dir, 'dist'));
      writeFileSync(join(dir, 'a.ts'), '');
      writeFileSync(join(dir, 'dist/cli-inputs.json'), '["a.ts"]');
      expect(bundleIsFresh(root)).toBe(false); // not built
      writeFileSync(join(dir, 'dist/lane-worker.mjs'), '');
      at('a.ts', 1_000);
      at('dist/lane-worker.mjs', 2_000);
      expect(bundleIsFresh(root)).toBe(true);
      at('a.ts', 3_000);
      expect(bundleIsFresh(root)).toBe(false); // edited since
      at('a.ts', 1_000);
      writeFileSync(join(dir, 'dist/cli-inputs.json'), '["a.ts","gone.ts"]');
      expect(bundleIsFresh(root)).toBe(false); // a source it names is missing
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
