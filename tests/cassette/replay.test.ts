import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockTarget, EMULATOR_CREDENTIALS } from '../../adapters';
import { parseCassette, readCassette } from '../../adapters/cassette';
import { CassetteMismatch, createReplayTarget } from '../../adapters/replay-target';
import type { Exchange } from '../../adapters/target';
import type { RunRecord } from '../../reports/run-record';
import { recordMockRun, runOn, tempDir, withCassette } from './fixtures';

// A recorded run served back by the replay target must be the same run: the engine draws calls
// from the seed and learns IDs from responses only, so the same answers give the same verdict.
describe('replay target: a cassette serves the run it recorded', { timeout: 60_000 }, () => {
  const tmp = tempDir();
  const file = join(tmp.dir, 'mock.jsonl');
  /** One CreateDisk with a ClientToken, recorded on its own. */
  const one = join(tmp.dir, 'one.jsonl');
  const create = {
    product: 'ecs',
    version: '2014-05-26',
    action: 'CreateDisk',
    params: { RegionId: 'cn-hangzhou', ZoneId: 'cn-hangzhou-g', DiskCategory: 'cloud_essd', Size: 20 },
  } as const;
  let recorded: RunRecord;
  let original: Exchange;
  beforeAll(async () => {
    recorded = await recordMockRun(file);
    const recorder = withCassette(createMockTarget(), { file: one, credentials: EMULATOR_CREDENTIALS });
    original = await recorder.target.send({ ...create, params: { ...create.params, ClientToken: 'tok-1' } });
    await recorder.close();
  }, 60_000);
  afterAll(() => tmp.remove());

  it('reproduces the verdict, the steps and the coverage, and uses every recorded event', async () => {
    const target = createReplayTarget(readCassette(file), file);
    const replayed = await runOn(target);
    await target.close();
    expect(recorded.steps).toBeGreaterThan(50);
    expect(replayed.verdict).toBe(recorded.verdict);
    expect(replayed.steps).toBe(recorded.steps);
    expect(replayed.coverage).toEqual(recorded.coverage);
    expect(target.remaining()).toBe(0);
  });

  it('names the call a cassette lacks, and the run ends as a harness error', async () => {
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    // Drop the first state-changing exchange after the world was learnt.
    const dropped = lines.findIndex((l) => l.includes('"action":"CreateDisk",'));
    const removed = JSON.parse(lines[dropped] as string) as {
      action: string;
      params: Record<string, string>;
    };
    const holed = join(tmp.dir, 'holed.jsonl');
    writeFileSync(holed, `${lines.filter((_, i) => i !== dropped).join('\n')}\n`);
    const target = createReplayTarget(readCassette(holed), holed);
    const replayed = await runOn(target);
    await target.close();
    expect(replayed.verdict).toBe('harness-error');
    const reason = replayed.inconclusive.map((i) => i.reason).join('\n');
    expect(reason).toContain(`${holed} has no answer for CreateDisk {`);
    expect(reason).toContain(`RegionId: ${removed.params.RegionId}`);
  });

  it('refuses a call outside the cassette with CassetteMismatch, never reaching a network', async () => {
    const header = readFileSync(file, 'utf8').split('\n')[0] as string;
    const target = createReplayTarget(parseCassette(`${header}\n`), 'empty.jsonl');
    const call = {
      product: 'ecs',
      version: '2014-05-26',
      action: 'DescribeDisks',
      params: { RegionId: 'cn-hangzhou' },
    } as const;
    await expect(target.send(call)).rejects.toThrow(
      new CassetteMismatch(
        'empty.jsonl has no answer for DescribeDisks {RegionId: cn-hangzhou}; the cassette has no event left',
      ),
    );
    // Every later call fails with the first missing one, so the run reports that one.
    await expect(target.send({ ...call, action: 'DescribeRegions' })).rejects.toThrow(/DescribeDisks/);
    await expect(target.reset()).rejects.toThrow(/DescribeDisks/);
    await target.close();
  });

  it('matches by operation and parameters, ignoring ClientToken', async () => {
    const target = createReplayTarget(readCassette(one), one);
    const answer = await target.send({ ...create, params: { ...create.params, ClientToken: 'tok-2' } });
    expect(answer.response?.body).toBe(original.response?.body);
    expect(target.remaining()).toBe(0);
    await expect(target.send({ ...create, params: { ...create.params, Size: 40 } })).rejects.toThrow(
      /has no answer for CreateDisk \{.*Size: 40/,
    );
    await target.close();
  });

  it('answers a call the recorded target refused to send as refused, unsent', async () => {
    const cassette = readCassette(one);
    const [event] = cassette.events;
    if (event?.type !== 'exchange') throw new Error('one.jsonl holds no exchange');
    const { response: _sent, ...rest } = event;
    const refused = {
      ...rest,
      attempts: 0,
      failure: { reason: 'refused' as const, message: 'cap reached: disks' },
    };
    const target = createReplayTarget({ header: cassette.header, events: [refused] }, 'refused.jsonl');
    const answer = await target.send(create);
    expect(answer.outcome).toEqual({ kind: 'failure', reason: 'refused', message: 'cap reached: disks' });
    expect(answer.attempts).toBe(0);
    expect(target.remaining()).toBe(0);
    await target.close();
  });
});
