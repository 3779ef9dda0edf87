import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../emulator/cli-process';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = resolve(ROOT, 'bin/ebs-conformance.mjs');
const dir = mkdtempSync(join(tmpdir(), 'ebs-cli-life-'));
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;

/**
 * A long run as a child process, signalled once its progress shows calls were judged: what a
 * user pressing Ctrl-C after a few seconds gets.
 */
async function interrupted(target: string, signal: NodeJS.Signals, reportDir: string) {
  const child = spawn(
    process.execPath,
    [
      BIN,
      'run',
      '--target',
      target,
      '--seed',
      '3',
      '--runs',
      '5000',
      '--progress-seconds',
      '1',
      '--report-dir',
      reportDir,
    ],
    { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  let signalled = false;
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
    if (!signalled && /progress: sequence \d+\/5000 · calls [1-9]/.test(stderr)) {
      signalled = true;
      child.kill(signal);
    }
  });
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  return { code, stdout, stderr };
}

describe('the run command as a user meets it', () => {
  it('--version prints the package version and exits 0', async () => {
    const { code, stdout } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(version);
  });

  it('refuses a --report-dir that names a file before anything runs: exit 2, one readable line', async () => {
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, 'x');
    const { code, stdout, stderr } = await runCli(['run', '--target', 'emulator', '--report-dir', file]);
    expect(code).toBe(2);
    expect(stderr).toBe(`ebs-conformance: --report-dir ${file} names a file, not a directory\n`);
    expect(stdout).toBe('');
  });

  it('prints the seed first, then progress; --quiet prints neither', async () => {
    const [loud, quiet] = await Promise.all([
      runCli(['run', '--target', 'mock', '--runs', '2', '--seed', '41', '--report-dir', join(dir, 'loud')]),
      // A fixed seed here too: two sequences of a random one may judge nothing (inconclusive, exit 3).
      runCli([
        'run',
        '--target',
        'mock',
        '--runs',
        '2',
        '--seed',
        '41',
        '--quiet',
        '--report-dir',
        join(dir, 'quiet'),
      ]),
    ]);
    expect([loud.code, quiet.code]).toEqual([0, 0]);
    const lines = loud.stderr.split('\n');
    expect(lines[0]).toMatch(/^run: target mock, seed 41, 2 sequences .*--seed 41 --runs 2/);
    expect(lines[1]).toMatch(/^progress: sequence 0\/2 · calls 0 · elapsed 0:00$/);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toMatch(/^verdict: conformant\n/);
  });

  it.each([
    ['mock', 'SIGINT'],
    ['emulator', 'SIGTERM'],
  ] as const)(
    'a %s run stopped by %s writes the four reports as interrupted, which report accepts and replay runs as far as it got',
    async (target, signal) => {
      const reportDir = join(dir, `stopped-${target}`);
      const run = await interrupted(target, signal, reportDir);
      expect(run.code, run.stderr).toBe(130);
      expect(run.stderr).toContain(`${signal}: stopping`);
      expect(run.stdout).toMatch(/^verdict: interrupted\n/);
      expect(run.stdout).toContain(`replay: ebs-conformance replay ${reportDir}/run.json\n`);
      const record = JSON.parse(readFileSync(join(reportDir, 'run.json'), 'utf8'));
      expect(record.verdict).toBe('interrupted');
      expect(record.steps).toBeGreaterThan(0);
      expect(record.inconclusive).toContainEqual({ operation: 'run', reason: `interrupted by ${signal}` });
      // How far each lane got: what a replay runs, no more (before: all 5000 sequences again).
      const judged = (record.stoppedAfter as number[]).reduce((a, b) => a + b, 0);
      expect(judged).toBeGreaterThan(0);
      expect(judged).toBeLessThan(5000);
      for (const file of ['junit.xml', 'summary.md', 'report.html'])
        expect(readFileSync(join(reportDir, file), 'utf8')).toContain('interrupted');

      const [report, replay] = await Promise.all([
        runCli(['report', join(reportDir, 'run.json'), '--out', join(dir, `rendered-${target}`)]),
        runCli(['replay', join(reportDir, 'run.json'), '--report-dir', join(dir, `again-${target}`)]),
      ]);
      expect(report.code).toBe(0);
      expect(report.stdout).toMatch(/^verdict: interrupted\n/);
      expect(replay.code).toBe(0);
      expect(replay.stdout).toMatch(
        new RegExp(`^replaying the run: seed 3, the ${judged} it started before it was interrupted`),
      );
      expect(replay.stdout).toContain('the replay stops there too');
      const again = JSON.parse(readFileSync(join(dir, `again-${target}`, 'run.json'), 'utf8'));
      expect(again).toMatchObject({ seed: 3, verdict: 'conformant', budget: { runs: judged } });
      // The sequence a signal cut short is run to its end: at least every call judged before.
      expect(again.steps).toBeGreaterThanOrEqual(record.steps);
    },
    120_000,
  );
});
