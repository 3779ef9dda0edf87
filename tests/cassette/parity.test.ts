import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cassette, type ExchangeEvent, readCassette } from '../../adapters/cassette';
import { runParity } from '../../parity/parity';
import { recordMockRun, tempDir } from './fixtures';

// Parity of the emulator against its own recording is the baseline: any divergence is noise in
// the normalisation (IDs, times, request IDs), which would drown real divergences of a region.
describe('parity: a cassette asked again of a fresh emulator', { timeout: 60_000 }, () => {
  const tmp = tempDir();
  let cassette: Cassette;
  beforeAll(async () => {
    const file = join(tmp.dir, 'mock.jsonl');
    await recordMockRun(file);
    cassette = readCassette(file);
  }, 60_000);
  afterAll(() => tmp.remove());

  it('finds no divergence between the emulator and its own recording', async () => {
    const result = await runParity(cassette, { accepted: [] });
    expect(result.compared).toBe(cassette.events.filter((e) => e.type === 'exchange').length);
    expect(result.unexplained).toEqual([]);
    expect(result.accepted).toEqual([]);
  });

  it('keeps identity when the emulator hands out other IDs: they are compared as reference tokens', async () => {
    const result = await runParity(cassette, { accepted: [], idSeed: 4242 });
    expect(result.unexplained).toEqual([]);
  });

  /** The cassette with the first recorded pair listing showing another status. */
  function doctored(): { cassette: Cassette; seq: number } {
    const at = cassette.events.findIndex(
      (e) =>
        e.type === 'exchange' &&
        e.action === 'DescribeDiskReplicaPairs' &&
        e.response?.body.includes('"Status":"'),
    );
    const event = cassette.events[at] as ExchangeEvent;
    const response = event.response as NonNullable<ExchangeEvent['response']>;
    const body = response.body.replace(/"Status":"[a-z_]+"/, '"Status":"doctored"');
    const events = cassette.events.map((e, i) =>
      i === at ? { ...event, response: { ...response, body } } : e,
    );
    return { cassette: { ...cassette, events }, seq: event.seq };
  }

  it('reports a divergence with its operation and path, and an accepted one with its reason', async () => {
    const { cassette: changed, seq } = doctored();
    const result = await runParity(changed, { accepted: [] });
    expect(result.unexplained).toHaveLength(1);
    expect(result.unexplained[0]).toMatchObject({
      seq,
      operation: 'DescribeDiskReplicaPairs',
      path: 'ReplicaPairs[0].Status',
      recorded: '"doctored"',
    });
    const accepted = [{ path: 'DescribeDiskReplicaPairs:ReplicaPairs[*].Status', reason: 'test' }];
    const explained = await runParity(changed, { accepted });
    expect(explained.unexplained).toEqual([]);
    expect(explained.accepted).toEqual([{ ...result.unexplained[0], reason: 'test' }]);
  });
});
