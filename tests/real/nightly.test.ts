/**
 * A default-size night on a real account can finish: 20 sequences under the default caps, through
 * the CLI's real target pointed at an emulator child with real-time transitions. Before the
 * cleanup after each sequence, live resources only grew and such a run ended inconclusive on
 * "cap reached: 12 disks live" after a handful of sequences.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REAL_CAPS } from '../../adapters/real-guard';
import { type EmulatorProcess, spawnEmulator } from '../emulator/cli-process';
import { accountContents, runCliToEnd } from './harness';

let emulator: EmulatorProcess;
let dir: string;

beforeAll(async () => {
  emulator = await spawnEmulator(['--transition-ms', '100']);
  dir = mkdtempSync(join(tmpdir(), 'ebs-nightly-'));
}, 60_000);

afterAll(async () => {
  await emulator?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a nightly on a real target', () => {
  it('runs 20 sequences under the default caps, cleaning up after each, and ends conformant with nothing left', async () => {
    const reportDir = join(dir, 'night');
    // Fewer commands per sequence than a night's 40 keep this test's CPU down; every sequence still
    // creates, and the caps are the defaults (no --max-* flag).
    const { code, output } = await runCliToEnd([
      'run',
      '--target',
      'real',
      '--endpoint',
      emulator.url,
      '--allow-real-resources',
      '--seed',
      '1',
      '--runs',
      '20',
      '--max-commands',
      '20',
      '--report-dir',
      reportDir,
      '--progress-seconds',
      '30',
    ]);
    const record = JSON.parse(readFileSync(join(reportDir, 'run.json'), 'utf8'));
    expect(record.inconclusive, output).toEqual([]);
    expect(record.verdict).toBe('conformant');
    expect(code).toBe(0);
    const { real } = record;
    expect(real.stopped).toBeUndefined();
    // More was created over the night than the caps allow alive at once: only the cleanups between
    // sequences made room for it.
    expect(real.created.disks).toBeGreaterThan(DEFAULT_REAL_CAPS.disks);
    expect(real.peakLive.disks).toBeLessThanOrEqual(DEFAULT_REAL_CAPS.disks);
    expect(real.peakLive.gib).toBeLessThanOrEqual(DEFAULT_REAL_CAPS.gib);
    expect(real.peakLive.pairs).toBeLessThanOrEqual(DEFAULT_REAL_CAPS.pairs);
    expect(real.peakLive.groups).toBeLessThanOrEqual(DEFAULT_REAL_CAPS.groups);
    const between = real.betweenSequences;
    expect(between.failures).toEqual([]);
    expect(between.sequences).toBeGreaterThan(10);
    // The cleanups removed only what the run created (its journal), and the account holds none of it.
    const journal = readFileSync(join(reportDir, 'journal.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    const created = journal.filter((e) => e.t === 'created');
    expect(created.filter((e) => e.kind === 'disk')).toHaveLength(real.created.disks);
    expect(between.removed.length).toBeGreaterThan(DEFAULT_REAL_CAPS.disks);
    const ids = new Set(created.map((e) => e.id));
    for (const r of [...between.removed, ...real.cleanup.removed]) expect(ids, r.id).toContain(r.id);
    expect(real.cleanup).toMatchObject({ result: 'clean', left: [] });
    expect(await accountContents(emulator.url)).toEqual({ listed: 0, tagged: 0 });
    const summary = readFileSync(join(reportDir, 'summary.md'), 'utf8');
    expect(summary).toMatch(/\| cleanup after each sequence \| \d+ sequences: \d+ removed/);
  }, 240_000);
});
