import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { lockStateFile, StateLockedError } from '../../emulator/service/lock';
import { runCli, spawnEmulator } from './cli-process';
import { listDiskIds, RawClient } from './raw-client';

// One emulator per --state file: a second one on a held file is refused (exit 2, naming the
// holder) and writes nothing; a lock left by a killed emulator is stale and taken over.
const dir = mkdtempSync(join(tmpdir(), 'ebs-state-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REGION = 'cn-hangzhou';
const DISK = { RegionId: REGION, ZoneId: 'cn-hangzhou-g', DiskCategory: 'cloud_essd', Size: '40' };

async function createDisk(url: string, port: number): Promise<string> {
  const client = new RawClient(url, port, 1);
  try {
    const res = await client.call('CreateDisk', '2014-05-26', DISK);
    expect(res.status).toBe(200);
    return res.body.DiskId as string;
  } finally {
    await client.close();
  }
}

async function disksOf(url: string, port: number): Promise<string[]> {
  const client = new RawClient(url, port, 1);
  try {
    return await listDiskIds(client, REGION);
  } finally {
    await client.close();
  }
}

describe('the --state lock', () => {
  it('refuses a second emulator on a held file with exit 2 naming the holder, and loses nothing', async () => {
    const file = join(dir, 'held.json');
    const first = await spawnEmulator(['--state', file, '--transition-ms', '0']);
    const disk = await createDisk(first.url, first.port);
    const saved = readFileSync(file, 'utf8');

    const second = await runCli(['emulator', '--port', '0', '--state', file]);
    expect(second.code).toBe(2);
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(
      new RegExp(
        `^ebs-conformance: state file ${file} is in use by another emulator \\(pid ${first.child.pid} on `,
      ),
    );
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    // The refused one neither wrote the state nor took the lock away from the holder.
    expect(readFileSync(file, 'utf8')).toBe(saved);
    expect(await disksOf(first.url, first.port)).toContain(disk);
    const another = await createDisk(first.url, first.port);
    expect(await first.stop()).toBe(0);
    expect(existsSync(`${file}.lock`)).toBe(false);

    const third = await spawnEmulator(['--state', file, '--transition-ms', '0']);
    try {
      expect(await disksOf(third.url, third.port)).toEqual(expect.arrayContaining([disk, another]));
    } finally {
      expect(await third.stop()).toBe(0);
    }
  });

  it('takes over the stale lock of an emulator killed with SIGKILL', async () => {
    const file = join(dir, 'stale.json');
    const first = await spawnEmulator(['--state', file, '--transition-ms', '0']);
    const disk = await createDisk(first.url, first.port);
    await first.kill9();
    expect(JSON.parse(readFileSync(`${file}.lock`, 'utf8')).pid).toBe(first.child.pid);

    const second = await spawnEmulator(['--state', file, '--transition-ms', '0']);
    try {
      expect(JSON.parse(readFileSync(`${file}.lock`, 'utf8')).pid).toBe(second.child.pid);
      expect(await disksOf(second.url, second.port)).toContain(disk);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it('takes over the lock of a holder killed but not yet reaped (a zombie answers signal 0)', async () => {
    const file = join(dir, 'zombie.json');
    // The inner sleep's parent execs into another sleep that never waits: killed, it stays a zombie.
    const parent = spawn('sh', ['-c', 'sleep 30 & echo $!; exec sleep 30'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      const pid = Number((await once(parent.stdout, 'data'))[0].toString().trim());
      const started = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[19];
      writeFileSync(`${file}.lock`, JSON.stringify({ pid, host: hostname(), since: Date.now(), started }));
      expect(() => lockStateFile(file)).toThrow(StateLockedError);
      process.kill(pid, 'SIGKILL');
      await vi.waitFor(() => expect(readFileSync(`/proc/${pid}/stat`, 'utf8')).toMatch(/\) Z /));
      const lock = lockStateFile(file);
      expect(lock.tookOver?.pid).toBe(pid);
      expect(JSON.parse(readFileSync(`${file}.lock`, 'utf8')).pid).toBe(process.pid);
      lock.release();
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
