import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { TRANSIENT_PAIR_STATUSES } from '../../api/enums';
import { main } from '../../cli/main';
import { REPORT_FILES } from '../../reports/write';
import { runCli } from '../emulator/cli-process';

const dir = mkdtempSync(join(tmpdir(), 'ebs-report-cli-'));
const at = (...parts: string[]) => join(dir, ...parts);
const read = (...parts: string[]) => readFileSync(at(...parts), 'utf8');
const record = (name: string) => JSON.parse(read(name, 'run.json'));
const small = ['--runs', '6', '--max-commands', '15'];

/**
 * Statuses a call meets only when it is made during a transition, while the target still shows
 * it: on a clock other lanes move too, one of their moves can end the transition first.
 */
const ON_THE_WAY = new Set<string>(
  TRANSIENT_PAIR_STATUSES.filter((s) => s !== 'initial_syncing' && s !== 'syncing'),
);

/**
 * The coverage of a record, order-free: what must match between a run and its merged shards.
 * Not the raw call counts: lanes share one target, so their listing walks page over each other's
 * resources, and share one virtual clock, so time-dependent decisions (the one-shot sync
 * interval) can differ; shards have a target and a clock each. For the same reason the number of
 * reads made through an initial sync differs (another lane's clock move ends it sooner): those
 * cells are compared as reached or not.
 */
const coverage = (r: ReturnType<typeof record>) => {
  const sorted = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
  const cells = [...r.coverage.pairs.cells, ...r.coverage.groups.cells]
    .filter((c: { state: string }) => !ON_THE_WAY.has(c.state))
    .map((c: { state: string; hits: number }) =>
      c.state === 'initial_syncing' ? { ...c, hits: c.hits > 0 } : c,
    );
  return {
    cells: sorted(cells),
    covered: [r.coverage.pairs.covered, r.coverage.groups.covered],
    transitions: sorted(r.coverage.transitions),
  };
};

/** The CLI's own entry point (what bin/ calls) in this process, its stderr captured. */
async function inProcess(args: readonly string[]) {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await main(args), stderr };
  } finally {
    spy.mockRestore();
  }
}

describe('report, compare and merge on the command line', () => {
  const exits: Record<string, number | null> = {};

  beforeAll(async () => {
    const runs: [string, string[]][] = [
      ['faulty', ['--target', 'mock', '--fault-profile', 'rpo-missing', '--seed', '1', ...small]],
      ['shard-a', ['--target', 'mock', '--seed', '11', '--concurrency', '1', ...small]],
      ['shard-b', ['--target', 'mock', '--seed', '12', '--concurrency', '1', ...small]],
      [
        'whole',
        ['--target', 'mock', '--seed', '11', '--concurrency', '2', '--runs', '12', '--max-commands', '15'],
      ],
    ];
    await Promise.all(
      runs.map(async ([name, args]) => {
        exits[name] = (await runCli(['run', ...args, '--report-dir', at(name)])).code;
      }),
    );
  }, 180_000);

  it('a conformant run and a fault-profile run each write all four files', () => {
    expect(exits).toMatchObject({ 'shard-a': 0, faulty: 1 });
    for (const name of ['shard-a', 'faulty'])
      for (const file of REPORT_FILES) expect(read(name, file).length).toBeGreaterThan(0);
    expect(record('faulty').failures[0].trace.length).toBeGreaterThan(0);
  });

  const CLI_MS = 60_000;

  it(
    'compare reports the new nonconformance and exits 1; the other way round it is fixed, exit 0',
    async () => {
      const [worse, better] = await Promise.all([
        runCli(['compare', at('shard-a', 'run.json'), at('faulty', 'run.json'), '--out', at('cmp')]),
        runCli(['compare', at('faulty', 'run.json'), at('shard-a', 'run.json'), '--out', at('cmp2')]),
      ]);
      expect(worse.code).toBe(1);
      expect(worse.stdout).toContain('**regression: 1 new nonconformance(s)**');
      expect(worse.stdout).toContain('### New nonconformances (1)');
      expect(read('cmp', 'compare.html')).toContain('New nonconformances (1)');
      expect(better.code).toBe(0);
      expect(better.stdout).toContain('### Fixed nonconformances (1)');
    },
    CLI_MS,
  );

  it(
    'merge of two shards has the coverage of the run that ran both as lanes',
    async () => {
      expect(exits).toMatchObject({ 'shard-a': 0, 'shard-b': 0, whole: 0 });
      const merged = await runCli([
        'merge',
        at('shard-a', 'run.json'),
        at('shard-b', 'run.json'),
        '--out',
        at('merged'),
      ]);
      expect(merged.code).toBe(0);
      expect(coverage(record('merged'))).toEqual(coverage(record('whole')));
      expect(record('merged').shards.map((s: { seed: number }) => s.seed)).toEqual([11, 12]);
    },
    CLI_MS,
  );

  it(
    'report re-renders every file exactly as the run wrote it',
    async () => {
      const again = await runCli(['report', at('faulty', 'run.json'), '--out', at('again')]);
      expect(again.code).toBe(0);
      for (const file of REPORT_FILES) expect(read('again', file)).toBe(read('faulty', file));
    },
    CLI_MS,
  );

  it(
    'replay re-runs a failure of a fault-profile run with the same profile and finds it again',
    async () => {
      const faulty = record('faulty');
      expect(faulty.target.faultProfile).toBe('rpo-missing');
      const replay = await runCli([
        'replay',
        at('faulty', 'run.json'),
        '--failure',
        '1',
        '--report-dir',
        at('replayed'),
      ]);
      expect(replay.code).toBe(1);
      expect(record('replayed').failures[0].key).toBe(faulty.failures[0].key);
      // On another built-in emulator too (found over msw, debugged in-process): the profile goes along.
      const direct = await runCli([
        'replay',
        at('faulty', 'run.json'),
        '--failure',
        '1',
        '--target',
        'direct',
        '--report-dir',
        at('replayed-direct'),
      ]);
      expect(direct.code).toBe(1);
      expect(record('replayed-direct').target).toMatchObject({ kind: 'direct', faultProfile: 'rpo-missing' });
    },
    CLI_MS,
  );

  it(
    'unreadable input is a usage error (exit 2) with the file named and no stack trace',
    async () => {
      writeFileSync(at('not.json'), '{ nope');
      const run = record('shard-a');
      writeFileSync(at('v1.json'), JSON.stringify({ ...run, version: 1 }));
      writeFileSync(
        at('emulator.json'),
        JSON.stringify({ ...run, target: { ...run.target, kind: 'emulator' } }),
      );
      const cases: [string[], RegExp][] = [
        [
          ['compare', at('missing.json'), at('shard-a', 'run.json')],
          /cannot read .*missing\.json \(ENOENT\)/,
        ],
        [['merge', at('not.json'), '--out', at('m')], /not\.json is not JSON/],
        [['report', at('v1.json')], /v1\.json is a run record of version 1; this harness reads version 2/],
        [
          ['merge', at('emulator.json'), at('faulty', 'run.json'), '--out', at('m')],
          /different targets \(emulator, mock\)/,
        ],
      ];
      for (const [args, message] of cases) {
        const r = await inProcess(args);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr).toMatch(message);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
    },
    CLI_MS,
  );
});
