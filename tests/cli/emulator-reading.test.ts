import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../reports/run-record';
import { runCli } from '../emulator/cli-process';

const dir = mkdtempSync(join(tmpdir(), 'ebs-emulator-reading-'));
const READING = 'tag-calls-in-backup-region';
const PLAYED = `${READING}=found`;

const load = (reportDir: string): RunRecord => JSON.parse(readFileSync(join(reportDir, 'run.json'), 'utf8'));
const shown = (record: RunRecord) => record.readings?.find((r) => r.id === READING);

// The emulator's favoured alternative is `unknown`: a tag call in a pair's backup region is
// answered InvalidResourceId.NotFound. Seed 3 tags a pair there in its first sequence (call 61),
// so both runs below show the reading; only the emulator playing `found` answers it with success.
describe('run --emulator-reading', () => {
  const workers = join(dir, 'workers');

  it('has each lane of a run in worker threads play the alternative, the model left open', async () => {
    const run = await runCli([
      'run',
      '--target',
      'direct',
      '--emulator-reading',
      PLAYED,
      ...['--seed', '2', '--runs', '4', '--concurrency', '2', '--report-dir', workers],
    ]);
    expect(run.code).toBe(0);
    const record = load(workers);
    expect(record.shards?.map((s) => s.seed)).toEqual([2, 3]);
    expect(shown(record)).toMatchObject({ choice: 'found' });
    expect(shown(record)?.fixed).toBeUndefined();
    expect(record.target.emulatorReadings).toEqual({ [READING]: 'found' });
    expect(run.stderr).toContain(`--emulator-reading ${PLAYED} --seed 2`);
    expect(readFileSync(join(workers, 'summary.md'), 'utf8')).toContain(`(playing ${PLAYED})`);
  }, 120_000);

  it('has the in-process emulator of a single-lane run play it', async () => {
    const reportDir = join(dir, 'mock');
    const run = await runCli([
      'run',
      '--target',
      'mock',
      '--emulator-reading',
      PLAYED,
      ...['--seed', '3', '--runs', '2', '--concurrency', '1', '--report-dir', reportDir],
    ]);
    expect(run.code).toBe(0);
    expect(shown(load(reportDir))).toMatchObject({ choice: 'found' });
  }, 120_000);

  it('is replayed: the whole-run replay rebuilds the emulator playing the recorded readings', async () => {
    const again = join(dir, 'again');
    const replay = await runCli(['replay', join(workers, 'run.json'), '--report-dir', again]);
    expect(replay.code).toBe(0);
    const record = load(again);
    expect(shown(record)).toMatchObject({ choice: 'found' });
    expect(record.target.emulatorReadings).toEqual({ [READING]: 'found' });
  }, 120_000);

  it('is kept by merge, which refuses shards whose emulators played differently (exit 2)', async () => {
    const shard = join(workers, 'run.json');
    const merged = await runCli(['merge', shard, shard, '--out', join(dir, 'merged')]);
    expect(merged.code).toBe(0);
    expect(load(join(dir, 'merged')).target.emulatorReadings).toEqual({ [READING]: 'found' });

    const { emulatorReadings: _, ...target } = load(workers).target;
    const documented = join(dir, 'documented.json');
    writeFileSync(documented, JSON.stringify({ ...load(workers), target }));
    const refused = await runCli(['merge', shard, documented, '--out', join(dir, 'mixed')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `the shards' emulators played differently (playing ${PLAYED}; as documented)`,
    );
  }, 60_000);

  it('is replayed with --failure: the model held to one alternative, the emulator playing the other', async () => {
    const held = join(dir, 'held');
    const run = await runCli([
      'run',
      '--target',
      'direct',
      ...['--emulator-reading', PLAYED, '--reading', `${READING}=unknown`],
      ...['--seed', '3', '--runs', '2', '--concurrency', '1', '--report-dir', held],
    ]);
    expect(run.code).toBe(1);
    const [failure] = load(held).failures;
    expect(failure).toMatchObject({ operation: 'TagResources', expected: 'InvalidResourceId.NotFound 404' });
    expect(run.stderr).toContain(`--emulator-reading ${PLAYED} --reading ${READING}=unknown --seed 3`);

    // Without either choice the replay is conformant: the emulator's favoured `unknown` is what
    // the held model expects, and an open model allows the success.
    const again = join(dir, 'held-again');
    const replay = await runCli(['replay', join(held, 'run.json'), '--failure', '1', '--report-dir', again]);
    expect(replay.code).toBe(1);
    expect(load(again).failures.map((f) => f.title)).toEqual([failure?.title]);
  }, 120_000);

  it('refuses an unknown reading or alternative, and a target that is no built-in emulator (exit 2)', async () => {
    const refused = async (...args: string[]) => {
      const run = await runCli(['run', ...args, '--runs', '1', '--report-dir', join(dir, 'refused')]);
      expect(run.code).toBe(2);
      return run.stderr;
    };
    expect(await refused('--emulator-reading', 'nope=x')).toContain(
      `--emulator-reading: unknown reading "nope"; known:`,
    );
    expect(await refused('--emulator-reading', `${READING}=maybe`)).toContain(
      `reading ${READING} has no alternative "maybe"; choose one of: unknown, found`,
    );
    expect(
      await refused('--target', 'endpoint', '--endpoint', 'http://127.0.0.1:9', '--emulator-reading', PLAYED),
    ).toContain('--emulator-reading is only for --target direct, mock or emulator');
  }, 60_000);
});
