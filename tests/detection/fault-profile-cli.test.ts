import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTarget } from '../../adapters';
import { runCli } from '../emulator/cli-process';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The emulator processes whose parent is `parent` (from /proc: the CLI starts them itself). */
function emulatorChildren(parent: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
        return ppid === parent && cmd.includes('emulator') ? [Number(d)] : [];
      } catch {
        return []; // gone meanwhile
      }
    });
}

/** Whether the process holds a listening TCP socket (the emulator answers once it has one). */
function listening(pid: number): boolean {
  try {
    const sockets = new Set(
      readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
        try {
          return [/^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1] ?? ''];
        } catch {
          return [];
        }
      }),
    );
    return ['tcp', 'tcp6'].some((table) =>
      readFileSync(`/proc/net/${table}`, 'utf8')
        .split('\n')
        .slice(1)
        .map((line) => line.trim().split(/\s+/))
        .some((f) => f[3] === '0A' && sockets.has(f[9] ?? '')),
    );
  } catch {
    return false;
  }
}

/** Still running: listed in /proc and not a zombie waiting to be reaped. */
const alive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
};

// `--fault-profile` and `detect` as users run them: real child processes, real sockets.

describe('fault profiles on the command line', () => {
  it('detect prints, per profile, whether the suite caught it, and exits 0 when every one was', async () => {
    const { code, stdout } = await runCli([
      'detect',
      '--profile',
      'disk-size-as-string',
      'rpo-missing',
      '--targets',
      'mock',
      '--runs',
      '5',
      '--json',
    ]);
    expect(code).toBe(0);
    type Row = { profile: string; targets: Record<string, { detected: boolean; shrunkLength: number }> };
    const rows = JSON.parse(stdout) as Row[];
    // In catalogue order, whatever the order asked; the mock is the default target.
    expect(rows.map((r) => [r.profile, Object.keys(r.targets), r.targets.mock?.detected])).toEqual([
      ['rpo-missing', ['mock'], true],
      ['disk-size-as-string', ['mock'], true],
    ]);
    expect(rows.every((r) => (r.targets.mock?.shrunkLength ?? 0) >= 1)).toBe(true);
  }, 60_000);

  it('an unknown profile is a usage error naming the known ones; endpoint targets take none', async () => {
    const unknown = await runCli(['emulator', '--fault-profile', 'no-such-profile']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown fault profile "no-such-profile".*stop-keeps-syncing/);
    const endpoint = await runCli([
      'run',
      '--target',
      'endpoint',
      '--endpoint',
      'http://127.0.0.1:9',
      '--fault-profile',
      'rpo-missing',
    ]);
    expect(endpoint.code).toBe(2);
    expect(endpoint.stderr).toContain('--fault-profile is only for --target direct, mock or emulator');
    expect(endpoint.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const target = await runCli(['detect', '--targets', 'mock,nowhere']);
    expect(target.code).toBe(2);
    expect(target.stderr).toContain('choose among direct, mock, emulator, endpoint');
  }, 60_000);

  it('the emulator target hands the profile to its child process', async () => {
    const target = await createTarget('emulator', { faultProfile: 'disk-total-count-off-by-one' });
    try {
      const answer = await target.send({
        product: 'ecs',
        version: '2014-05-26',
        action: 'DescribeDisks',
        params: { RegionId: 'cn-hangzhou', PageNumber: 1, PageSize: 10 },
      });
      // No disk exists: the documented TotalCount is 0; the profile answers 1.
      expect(answer.outcome).toMatchObject({ kind: 'success', body: { TotalCount: 1 } });
    } finally {
      await target.close?.();
    }
  }, 60_000);

  it('detect killed with SIGTERM stops its emulator children and exits 130', async () => {
    const detect = spawn(
      process.execPath,
      [
        resolve(ROOT, 'bin/ebs-conformance.mjs'),
        'detect',
        '--targets',
        'endpoint',
        '--profile',
        'stop-stuck-stopping',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    detect.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const exited = new Promise<number | null>((done) => detect.once('exit', (code) => done(code)));
    // Until its real-clock emulator child listens (started under load, this can take a while).
    let children: number[] = [];
    for (let waited = 0; !children.some(listening); waited += 100) {
      if (waited > 100_000 || detect.exitCode !== null) throw new Error(`no emulator child: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
      children = emulatorChildren(detect.pid as number);
    }
    detect.kill('SIGTERM');
    expect(await exited).toBe(130);
    expect(stderr).toContain('SIGTERM: stopping the emulator children');
    expect(children.filter(alive)).toEqual([]);
  }, 150_000);
});
