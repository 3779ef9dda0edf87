/**
 * `run --target real` end to end, through the real target's code path with the endpoint pointed
 * at an emulator child process whose transitions take real time. Proves the guard rails: no
 * request without the opt-in, caps that stop and clean up, a SIGTERM that cleans up, and a kill -9
 * whose leftovers `sweep` removes, each time leaving the account with none of the run's resources.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCassette } from '../../adapters/cassette';
import { type EmulatorProcess, spawnEmulator } from '../emulator/cli-process';
import { accountContents, runCliToEnd, startCli } from './harness';

/** Each test spawns the CLI (a few seconds of start-up under load) and waits on real transitions. */
const SLOW = 90_000;

let emulator: EmulatorProcess;
let dir: string;

beforeAll(async () => {
  // Real clock, transitions of 300 ms: the harness has to poll and wait as it would in a region.
  emulator = await spawnEmulator(['--transition-ms', '300']);
  dir = mkdtempSync(join(tmpdir(), 'ebs-real-'));
}, SLOW);

afterAll(async () => {
  await emulator?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const realRun = (name: string, ...extra: string[]) => [
  'run',
  '--target',
  'real',
  '--endpoint',
  emulator.url,
  '--report-dir',
  join(dir, name),
  '--max-commands',
  '12',
  '--progress-seconds',
  '1',
  ...extra,
];

const createdLines = (journal: string) =>
  existsSync(journal)
    ? readFileSync(journal, 'utf8')
        .split('\n')
        .filter((l) => l.includes('"t":"created"'))
    : [];

async function untilCreated(journal: string, n: number): Promise<void> {
  for (let waited = 0; createdLines(journal).length < n; waited += 100) {
    if (waited > 45_000) throw new Error(`fewer than ${n} resources journalled in 45 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Replaces the emulator's fault rules (an empty list clears them). */
async function setFaults(rules: readonly object[]): Promise<void> {
  const url = `${emulator.url}/_emulator/faults`;
  expect((await fetch(url, { method: 'DELETE' })).ok).toBe(true);
  if (rules.length === 0) return;
  const added = await fetch(url, {
    method: 'POST',
    body: JSON.stringify(rules),
    headers: { 'content-type': 'application/json' },
  });
  expect(added.status).toBe(201);
}

describe('run --target real (endpoint overridden to an emulator with realistic timing)', () => {
  it(
    'refuses to start without the opt-in: exit 2, and not one request is sent',
    async () => {
      let requests = 0;
      const server = createServer((_req, res) => {
        requests += 1;
        res.end('{}');
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        const { code, output } = await runCliToEnd(['run', '--target', 'real', '--endpoint', url]);
        expect(code).toBe(2);
        expect(output).toMatch(/--allow-real-resources/);
        expect(output).not.toMatch(/at .*\.ts:\d+/);
        expect(requests).toBe(0);
      } finally {
        server.close();
      }
    },
    SLOW,
  );

  it(
    'prints its plan, stops at a cap, cleans up and exits 3, leaving the account empty',
    async () => {
      const { code, output } = await runCliToEnd(
        realRun('capped', '--allow-real-resources', '--seed', '3', '--runs', '20', '--max-disks', '3'),
      );
      expect(output).toMatch(/region cn-[a-z]+: zones cn-/);
      expect(output).toMatch(/caps: 3 disks/);
      expect(output).toMatch(/pay-as-you-go only/);
      expect(output).toMatch(/credentials: default chain: default\/env/);
      expect(output).toMatch(/cap reached: 3 disks live/);
      expect(output).toMatch(/cleanup: removed .*; nothing left/);
      expect(code).toBe(3);
      expect(await accountContents(emulator.url)).toEqual({ listed: 0, tagged: 0 });
      // The record keeps what was made and held, and what the cleanup removed, by ID.
      const record = JSON.parse(readFileSync(join(dir, 'capped', 'run.json'), 'utf8'));
      const journalled = createdLines(join(dir, 'capped', 'journal.jsonl')).map((l) => JSON.parse(l).id);
      expect(record.real.stopped).toMatch(/cap reached: 3 disks live/);
      expect(record.real.peakLive.disks).toBeLessThanOrEqual(3);
      expect(record.real.created.disks).toBeGreaterThanOrEqual(3);
      expect(record.real.cleanup).toMatchObject({ result: 'clean', left: [] });
      // Removed after their sequence, or by the final sweep once the cap stopped the run.
      const removed = [...record.real.betweenSequences.removed, ...record.real.cleanup.removed];
      expect(removed.map((r: { id: string }) => r.id).sort()).toEqual(journalled.sort());
      const summary = readFileSync(join(dir, 'capped', 'summary.md'), 'utf8');
      expect(summary).toMatch(/### Real account/);
      expect(summary).toMatch(/\| cleanup \| \*\*clean\*\*/);
      for (const id of journalled) expect(summary).toContain(id);
    },
    SLOW,
  );

  it(
    'on SIGTERM stops generating, cleans up what it made, and exits',
    async () => {
      const journal = join(dir, 'term.jsonl');
      // Credentials from an aliyun CLI profile (through @alicloud/credentials), none in the environment.
      const home = join(dir, 'home');
      mkdirSync(join(home, '.aliyun'), { recursive: true });
      writeFileSync(
        join(home, '.aliyun', 'config.json'),
        JSON.stringify({
          current: 'other',
          profiles: [
            { name: 'other', mode: 'AK', access_key_id: 'wrongKeyId', access_key_secret: 'wrong' },
            {
              name: 'emu',
              mode: 'AK',
              access_key_id: 'testAccessKeyId',
              access_key_secret: 'testAccessKeySecret',
            },
          ],
        }),
      );
      const cli = startCli(
        realRun('term', '--runs', '200', '--seed', '4', '--journal', journal, '--profile', 'emu'),
        {
          EBS_CONFORMANCE_ALLOW_REAL: '1',
          HOME: home,
          ALIBABA_CLOUD_ACCESS_KEY_ID: '',
          ALIBABA_CLOUD_ACCESS_KEY_SECRET: '',
          ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
        },
      );
      await untilCreated(journal, 3);
      cli.child.kill('SIGTERM');
      const code = await cli.exited;
      expect(cli.stdout()).toMatch(/credentials: aliyun CLI profile emu: cli_profile\/static_ak/);
      expect(cli.stdout()).not.toContain('testAccessKeySecret');
      expect(cli.stdout()).toMatch(/interrupted by SIGTERM/);
      expect(cli.stdout()).toMatch(/nothing left/);
      expect(code).not.toBe(0);
      expect(await accountContents(emulator.url)).toEqual({ listed: 0, tagged: 0 });
    },
    SLOW,
  );

  it(
    'after a kill -9 mid-run, sweep removes everything the journal and the tag name',
    async () => {
      const journal = join(dir, 'killed.jsonl');
      const cli = startCli(
        realRun('killed', '--allow-real-resources', '--runs', '200', '--seed', '5', '--journal', journal),
      );
      await untilCreated(journal, 4);
      cli.child.kill('SIGKILL');
      await cli.exited;
      const left = await accountContents(emulator.url);
      expect(left.tagged).toBeGreaterThan(0);

      // A region that throttles: a third of the calls answer Throttling.User; the sweep gets through.
      await setFaults([
        { kind: 'rate', code: 'Throttling.User', httpStatus: 400, probability: 0.3, seed: 7 },
      ]);
      const swept = await runCliToEnd(['sweep', '--journal', journal, '--endpoint', emulator.url]);
      await setFaults([]);
      expect(swept.output).toMatch(/sweep: nothing left/);
      expect(swept.code).toBe(0);
      expect(await accountContents(emulator.url)).toEqual({ listed: 0, tagged: 0 });

      // Idempotent: a second sweep finds nothing and changes nothing.
      const again = await runCliToEnd(['sweep', '--journal', journal, '--endpoint', emulator.url]);
      expect(again.output).toMatch(/found 0 groups, 0 pairs, 0 disks/);
      expect(again.code).toBe(0);
    },
    SLOW,
  );

  it(
    'records through the run events its plan, world discovery, settle polls and cleanup, and the cassette replays to the same verdict',
    async () => {
      const cassette = join(dir, 'recorded.jsonl');
      const recorded = await runCliToEnd(
        realRun(
          'recorded',
          '--allow-real-resources',
          '--seed',
          '2',
          '--runs',
          '2',
          '--max-commands',
          '8',
          '--record',
          cassette,
        ),
      );
      expect(recorded.output).toMatch(/cleanup: removed .*; nothing left/);
      const { header, events } = readCassette(cassette);
      expect(header.target.kind).toBe('real');
      const exchanges = events.flatMap((e) => (e.type === 'exchange' ? [e] : []));
      const call = (e: (typeof exchanges)[number]) => `${e.action} ${JSON.stringify(e.params)}`;
      // The plan's DescribeRegions, then the engine's own, learning the world.
      expect(exchanges.slice(0, 2).map(call)).toEqual([
        'DescribeRegions {"ResourceType":"ear"}',
        'DescribeRegions {"ResourceType":"ear"}',
      ]);
      // A settle poll: the same Describe of one resource again, waiting for its transition.
      expect(
        exchanges.some(
          (e, i) =>
            e.action.startsWith('Describe') && i > 0 && call(e) === call(exchanges[i - 1] as typeof e),
        ),
      ).toBe(true);
      // The cleanups (after each sequence and at the end): every resource they removed was deleted
      // through the run's events.
      const record = JSON.parse(readFileSync(join(dir, 'recorded', 'run.json'), 'utf8'));
      const removed: { kind: string; id: string }[] = [
        ...record.real.betweenSequences.removed,
        ...record.real.cleanup.removed,
      ];
      expect(removed.length).toBeGreaterThan(0);
      const deleted = new Set(
        exchanges
          .filter((e) => e.action.startsWith('Delete') && e.response?.status === 200)
          .flatMap((e) => [e.params.DiskId, e.params.ReplicaPairId, e.params.ReplicaGroupId]),
      );
      for (const r of removed) expect(deleted, `${r.kind} ${r.id}`).toContain(r.id);
      // A create's params are the call as the run asked it; the run's tag and name are on the wire only.
      const creates = exchanges.filter((e) => e.action === 'CreateDisk' && e.attempts > 0);
      expect(creates.length).toBeGreaterThan(0);
      for (const e of creates) {
        expect(JSON.stringify(e.params)).not.toContain(record.real.runId);
        expect(`${e.request.url}${e.request.body}`).toContain(record.real.runId);
      }

      const replayed = await runCliToEnd([
        'run',
        '--target',
        'replay',
        '--cassette',
        cassette,
        '--quiet',
        '--report-dir',
        join(dir, 'replayed'),
      ]);
      const again = JSON.parse(readFileSync(join(dir, 'replayed', 'run.json'), 'utf8'));
      expect({ verdict: again.verdict, steps: again.steps, coverage: again.coverage }).toEqual({
        verdict: record.verdict,
        steps: record.steps,
        coverage: record.coverage,
      });
      expect(replayed.code).toBe(recorded.code);
    },
    SLOW,
  );
});
