import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEmulatorTarget, startTimeoutMs } from './emulator-target';

const FAKE = fileURLToPath(new URL('./testing/fake-emulator.mjs', import.meta.url));
const fake = (mode: string) => ({ file: process.execPath, args: [FAKE, '--mode', mode] });
const call = {
  product: 'ebs',
  version: '2021-07-30',
  action: 'DescribeRegions',
  params: { RegionId: 'cn-hangzhou' },
} as const;

const isAlive = (pid: number | undefined) => {
  try {
    process.kill(pid as number, 0);
    return true;
  } catch {
    return false;
  }
};

describe('emulator target: a child process behind real sockets', () => {
  it('waits for the ready line, sends over undici, reaches the admin endpoints, and stops the child', async () => {
    const target = await createEmulatorTarget({
      command: fake('ok'),
      clockMode: 'manual',
      retry: { maxAttempts: 1 },
    });
    try {
      expect(target.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(target.capabilities).toMatchObject({ reset: true, clockControl: true, admin: true });
      await target.reset?.();
      await target.advanceClock?.(1500);
      const ex = await target.send(call);
      expect(ex.outcome).toMatchObject({
        kind: 'success',
        body: { Seen: { action: 'DescribeRegions', key: 'test****Id', resets: 1, now: 1500 } },
      });
    } finally {
      await target.close?.();
    }
    expect(isAlive(target.pid)).toBe(false);
  });

  it('reports an early exit with the child stderr', async () => {
    await expect(createEmulatorTarget({ command: fake('exit-early') })).rejects.toMatchObject({
      code: 'TARGET_START_FAILED',
      message: expect.stringContaining('--port: not a number'),
    });
  });

  it('times out when the child never says it listens, twice, and says the machine is the cause', async () => {
    await expect(
      createEmulatorTarget({ command: fake('silent'), startTimeoutMs: 300, stopGraceMs: 200 }),
    ).rejects.toMatchObject({
      code: 'TARGET_START_TIMEOUT',
      message: expect.stringMatching(
        /within 300 ms, nor within \d+ ms when tried again: this machine is too busy \(load [\d.]+ on \d+ cores\)/,
      ),
    });
  });

  it('starts a child once more when the first did not say it listens in time', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'fake-emulator-')), 'started-once');
    const slowOnce = { file: process.execPath, args: [FAKE, '--mode', 'silent-once', '--marker', marker] };
    // The first start waits 2 s for a child that stays silent; the second gets 4 s, what a node
    // child needs to say it listens even on a machine at a load of 15 (300 ms was too little there).
    const target = await createEmulatorTarget({ command: slowOnce, startTimeoutMs: 2_000, stopGraceMs: 200 });
    try {
      expect(target.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await target.close?.();
    }
  });

  it('gives a start 30 s on an idle machine and more with the runnable processes per core, to 10 minutes', () => {
    expect(startTimeoutMs(0.5, 2)).toBe(30_000);
    expect(startTimeoutMs(2, 2)).toBe(30_000);
    // Session 4's load: 28 on 2 cores, where 90 s was too short for every child.
    expect(startTimeoutMs(28, 2)).toBe(420_000);
    expect(startTimeoutMs(200, 2)).toBe(600_000);
  });

  it('kills a child that ignores SIGTERM after the grace period', async () => {
    const target = await createEmulatorTarget({ command: fake('ignore-term'), stopGraceMs: 200 });
    const t0 = Date.now();
    await target.close?.();
    expect(isAlive(target.pid)).toBe(false);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(150);
  });
});

describe('emulator target with the real `ebs-conformance emulator` command', () => {
  it('starts it, creates through it, resets and advances its clock over /_emulator, then stops it', async () => {
    const target = await createEmulatorTarget({
      clockMode: 'manual',
      transitionMs: 60_000,
      retry: { maxAttempts: 1 },
    });
    try {
      const created = await target.send({
        product: 'ecs',
        version: '2014-05-26',
        action: 'CreateDisk',
        params: { RegionId: 'cn-hangzhou', ZoneId: 'cn-hangzhou-g', DiskCategory: 'cloud_essd', Size: 40 },
      });
      expect(created.outcome.kind).toBe('success');
      const status = async () => {
        const ex = await target.send({
          product: 'ecs',
          version: '2014-05-26',
          action: 'DescribeDisks',
          params: { RegionId: 'cn-hangzhou' },
        });
        const body =
          ex.outcome.kind === 'success'
            ? (ex.outcome.body as { Disks: { Disk: { Status: string }[] } })
            : undefined;
        return body?.Disks.Disk.map((d) => d.Status);
      };
      expect(await status()).toEqual(['Creating']);
      await target.advanceClock?.(60_000);
      expect(await status()).toEqual(['Available']);
      await target.reset?.();
      expect(await status()).toEqual([]);
    } finally {
      await target.close?.();
    }
    expect(isAlive(target.pid)).toBe(false);
  });
});
