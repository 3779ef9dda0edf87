import { describe, expect, it } from 'vitest';
import { runCli, spawnEmulator } from './cli-process';
import { callAs, sdkError } from './sdk-clients';

// `ebs-conformance emulator` as users run it: flags, environment, signals, exit statuses.
const DESCRIBE = ['DescribeDiskReplicaPairs', '2021-07-30', { RegionId: 'cn-shanghai' }] as const;

describe('ebs-conformance emulator', () => {
  it('takes credentials from ALIBABA_CLOUD_* and refuses the defaults then; exits 0 on SIGINT', async () => {
    const emu = await spawnEmulator([], {
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'envKeyId',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'envKeySecret',
    });
    const keys = { accessKeyId: 'envKeyId', accessKeySecret: 'envKeySecret' };
    expect((await callAs('v3', emu.port, ...DESCRIBE, keys)).ReplicaPairs).toEqual([]);
    expect((await sdkError(callAs('pop-get', emu.port, ...DESCRIBE))).code).toBe(
      'InvalidAccessKeyId.NotFound',
    );
    emu.child.kill('SIGINT');
    const code = await new Promise((done) => emu.child.once('exit', done));
    expect(code).toBe(0);
  });

  it('lets flags win over the environment, and serves a manual clock only with --clock manual', async () => {
    const emu = await spawnEmulator(
      ['--access-key-id', 'flagId', '--access-key-secret', 'flagSecret', '--clock', 'manual'],
      { ALIBABA_CLOUD_ACCESS_KEY_ID: 'envKeyId', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'envKeySecret' },
    );
    const keys = { accessKeyId: 'flagId', accessKeySecret: 'flagSecret' };
    expect((await callAs('pop-post', emu.port, ...DESCRIBE, keys)).ReplicaPairs).toEqual([]);
    const advance = () =>
      fetch(`${emu.url}/_emulator/clock`, { method: 'POST', body: JSON.stringify({ advance: '15m' }) });
    expect((await advance()).status).toBe(200);
    expect(await emu.stop()).toBe(0);
    const real = await spawnEmulator([]);
    expect(
      (await fetch(`${real.url}/_emulator/clock`, { method: 'POST', body: '{"advanceMs":1}' })).status,
    ).toBe(409);
    expect(await real.stop()).toBe(0);
  });

  it('runs its clock --clock-rate times the wall, and says so in GET /_emulator/clock and the Date header', async () => {
    const emu = await spawnEmulator(['--clock-rate', '600']);
    const res = await fetch(`${emu.url}/_emulator/clock`);
    const { now, rate } = (await res.json()) as { now: number; rate: number };
    expect(rate).toBe(600);
    await new Promise((r) => setTimeout(r, 1_000));
    // A second of the wall's is ten minutes of its own, whatever the wait for a core added.
    const later = Date.parse((await fetch(`${emu.url}/_emulator/clock`)).headers.get('date') ?? '');
    expect(later - now).toBeGreaterThanOrEqual(599_000);
    expect(await emu.stop()).toBe(0);
  });

  it('exits 2 with a readable message on bad flags, without listening', async () => {
    for (const args of [
      ['--port', 'eighty'],
      ['--transition-ms', '-1'],
      ['--clock', 'sundial'],
      ['--clock-rate', '0'],
      ['--clock-rate', '600', '--clock', 'manual'],
      ['--access-key-id', 'x'],
      ['--reading', 'encrypted-disks=maybe'],
      ['--reading', 'pair-listing=site', '--reading', 'pair-listing=either-disk'],
    ]) {
      const { code, stdout, stderr } = await runCli(['emulator', ...args]);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.split('\n')[0]).toMatch(/port|transition-ms|clock|access key|reading/);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('answers in the alternatives --reading names, and says so on stderr', async () => {
    const emu = await spawnEmulator([
      '--reading',
      'empty-group-pair-ids=empty-list',
      '--reading',
      'token-walk-paging-fields=present',
    ]);
    await callAs('v3', emu.port, 'CreateDiskReplicaGroup', '2021-07-30', {
      RegionId: 'cn-shanghai',
      SourceZoneId: 'cn-shanghai-b',
      DestinationRegionId: 'cn-beijing',
      DestinationZoneId: 'cn-beijing-f',
    });
    const groups = await callAs('v3', emu.port, 'DescribeDiskReplicaGroups', '2021-07-30', {
      RegionId: 'cn-shanghai',
      MaxResults: 10,
    });
    expect(groups.TotalCount).toBe(1);
    const [row] = groups.ReplicaGroups as Record<string, unknown>[];
    expect(row).toBeDefined();
    expect(row).toMatchObject({ PairIds: [], PairNumber: 0 });
    expect(emu.stderr()).toMatch(
      /playing readings empty-group-pair-ids=empty-list, token-walk-paging-fields=present/,
    );
    expect(await emu.stop()).toBe(0);
  });
});
