import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main';
import { tempDir } from './fixtures';

// The commands as CI runs them, as child processes: record a run, replay it, check parity.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = resolve(ROOT, 'bin/ebs-conformance.mjs');

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const cli = (args: readonly string[]) =>
  new Promise<Ran>((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });

/** The same commands in this process, for the quick cases: output captured, exit status returned. */
async function inProcess(args: readonly string[]): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const runJson = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as { verdict: string; steps: number };

describe('ebs-conformance run --record / --target replay / parity', { timeout: 120_000 }, () => {
  const tmp = tempDir();
  const cassette = join(tmp.dir, 'night.jsonl');
  let recorded: Ran;
  beforeAll(async () => {
    recorded = await cli([
      'run',
      '--target',
      'mock',
      '--seed',
      '7',
      '--runs',
      '3',
      '--max-commands',
      '15',
      // Quiet: no start line and no progress, so stderr holds only what went wrong.
      '--quiet',
      '--record',
      cassette,
      '--report-dir',
      join(tmp.dir, 'recorded'),
    ]);
  }, 120_000);
  afterAll(() => tmp.remove());

  it('replays a recorded run with the same verdict, exit status and number of steps', async () => {
    expect(recorded.stderr).toBe('');
    const replayed = await cli([
      'run',
      '--target',
      'replay',
      '--cassette',
      cassette,
      '--report-dir',
      join(tmp.dir, 'replayed'),
    ]);
    expect(replayed.stdout).toContain('target: replay, seed 7, 3 sequences');
    expect(replayed.code).toBe(recorded.code);
    const [before, after] = [runJson(join(tmp.dir, 'recorded')), runJson(join(tmp.dir, 'replayed'))];
    expect(after.verdict).toBe(before.verdict);
    expect(after.steps).toBe(before.steps);
  });

  it('parity of the emulator against its own recording: zero unexplained divergences, exit 0', async () => {
    const parity = await inProcess(['parity', cassette]);
    expect(parity.stdout).toContain('divergences: 0 unexplained');
    expect(parity.code).toBe(0);
  });

  it('parity exits 1 and names an unexplained divergence', async () => {
    const lines = readFileSync(cassette, 'utf8').trimEnd().split('\n');
    const at = lines.findIndex((l) => l.includes('"action":"DescribeRegions"'));
    lines[at] = (lines[at] as string).replace('cn-hangzhou', 'cn-nowhere');
    const doctored = join(tmp.dir, 'doctored.jsonl');
    writeFileSync(doctored, `${lines.join('\n')}\n`);
    const parity = await inProcess(['parity', doctored]);
    expect(parity.code).toBe(1);
    expect(parity.stdout).toMatch(
      /#\d+ DescribeRegions:Regions\[0\]\.RegionId: recorded "cn-nowhere", emulator "cn-hangzhou"/,
    );
  });

  it('a cassette without the call is a harness error naming it (exit 3), never a network call', async () => {
    const header = readFileSync(cassette, 'utf8').split('\n')[0] as string;
    const empty = join(tmp.dir, 'empty.jsonl');
    writeFileSync(empty, `${header}\n`);
    const replayed = await inProcess([
      'run',
      '--target',
      'replay',
      '--cassette',
      empty,
      '--report-dir',
      join(tmp.dir, 'empty'),
    ]);
    expect(replayed.code).toBe(3);
    expect(replayed.stdout).toContain('verdict: harness-error');
    expect(replayed.stdout).toContain(`${empty} has no answer for DescribeRegions {ResourceType: ear}`);
  });

  it('usage mistakes exit 2 with one readable line', async () => {
    const noCassette = await inProcess(['run', '--target', 'replay']);
    expect([noCassette.code, noCassette.stderr]).toEqual([
      2,
      'ebs-conformance: --target replay needs --cassette FILE\n',
    ]);
    const wrongTarget = await inProcess(['run', '--target', 'mock', '--cassette', cassette]);
    expect([wrongTarget.code, wrongTarget.stderr]).toEqual([
      2,
      'ebs-conformance: --cassette is only for --target replay\n',
    ]);
    const notACassette = join(tmp.dir, 'not.jsonl');
    writeFileSync(notACassette, '{"version":1}\n');
    const parity = await inProcess(['parity', notACassette]);
    expect(parity.code).toBe(2);
    expect(parity.stderr).toBe(
      `ebs-conformance: ${notACassette}: line 1 is not an ebs-conformance cassette header\n`,
    );
  });
});
