import { describe, expect, it } from 'vitest';
import { createTarget } from '../../adapters';
import { runCli } from '../emulator/cli-process';

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
});
