import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, spawnEmulator } from './cli-process';
import { listDiskIds, RawClient } from './raw-client';

// What the emulator acknowledged survives a kill -9: the service saves every change before it
// answers. A few writers create disks until the process is killed at a random moment.
const dir = mkdtempSync(join(tmpdir(), 'ebs-emulator-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REGION = 'cn-hangzhou';
const DISK = { RegionId: REGION, ZoneId: 'cn-hangzhou-g', DiskCategory: 'cloud_essd', Size: '40' };

async function writeUntilKilled(url: string, port: number, acknowledged: string[]): Promise<void> {
  const client = new RawClient(url, port, 4);
  const writer = async () => {
    for (;;) {
      const res = await client.call('CreateDisk', '2014-05-26', DISK).catch(() => undefined);
      if (!res) return; // the connection died with the process
      if (res.status === 200) acknowledged.push(res.body.DiskId as string);
    }
  };
  await Promise.all([writer(), writer(), writer(), writer()]);
  await client.close().catch(() => {});
}

describe('durability of --state across kill -9', () => {
  it('keeps every acknowledged disk after SIGKILL at a random moment', async () => {
    const file = join(dir, 'state.json');
    const killAfterMs = Math.floor(Math.random() * 450);
    const first = await spawnEmulator(['--state', file, '--transition-ms', '0']);
    const acknowledged: string[] = [];
    const writing = writeUntilKilled(first.url, first.port, acknowledged);
    // The random moment starts from the first acknowledgement: on a loaded machine the first answer
    // can take longer than the whole random window, and a kill before it proves nothing.
    while (acknowledged.length === 0) await sleep(5);
    await sleep(killAfterMs);
    await first.kill9();
    await writing;
    expect(acknowledged.length).toBeGreaterThan(0);

    const second = await spawnEmulator(['--state', file, '--transition-ms', '0']);
    const client = new RawClient(second.url, second.port, 1);
    try {
      const listed = new Set(await listDiskIds(client, REGION));
      const lost = acknowledged.filter((id) => !listed.has(id));
      expect(lost, `killed after ${killAfterMs} ms, ${acknowledged.length} acknowledged`).toEqual([]);
    } finally {
      await client.close();
      expect(await second.stop()).toBe(0);
    }
  });

  it('refuses a corrupt state file with one readable line and exit 2', async () => {
    const file = join(dir, 'corrupt.json');
    writeFileSync(file, '{"not": "our state"');
    const { code, stdout, stderr } = await runCli(['emulator', '--port', '0', '--state', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(file);
  });
});
