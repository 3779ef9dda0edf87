/**
 * Resource groups on a real account: the run makes none, so it names only those its user gave it
 * (`run --resource-group`), and none when given none. The real target's whole path (namespace,
 * guard, caps, journal) against the emulator's gateway in this process, on a real clock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCassette } from '../../adapters/cassette';
import { EMULATOR_CREDENTIALS } from '../../adapters/credentials';
import { openJournal } from '../../adapters/journal';
import { Inventory } from '../../adapters/real-inventory';
import { createRealTarget } from '../../adapters/real-target';
import { createReplayTarget } from '../../adapters/replay-target';
import { gatewayTransport } from '../../adapters/testing/gateway-transport';
import type { Transport } from '../../adapters/transport';
import { recordEvents } from '../../cli/commands/cassette-flags';
import { withTargetEvents } from '../../cli/run-suite';
import { RunEvents } from '../../properties/events';
import { runAgainst } from '../readings/support';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A real run of `runs` sequences, recorded to `cassette` when given; every ResourceGroupId that
 * went on the wire, and the sequences judged.
 */
async function realRun(runs: number, resourceGroups?: readonly string[], cassette?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'real-rg-'));
  dirs.push(dir);
  const gateway = gatewayTransport([EMULATOR_CREDENTIALS]).transport;
  const named: string[] = [];
  const transport: Transport = (req) => {
    const id = new URLSearchParams(req.body || req.url.slice(req.url.indexOf('?') + 1)).get(
      'ResourceGroupId',
    );
    if (id !== null) named.push(id);
    return gateway(req);
  };
  const runId = 'r20261202t140000-abc123';
  const inventory = new Inventory();
  const real = createRealTarget({
    // gatewayTransport serves host gw.test: V3 signs the Host header.
    endpoint: 'http://gw.test',
    credentials: EMULATOR_CREDENTIALS,
    transport,
    runId,
    journal: openJournal(join(dir, 'journal.jsonl'), runId),
    inventory,
    // Past the default caps: a run keeps what it made until its cleanup, and the caps are not tested here.
    caps: { disks: 500, pairs: 500, groups: 500, gib: 50_000, calls: 50_000, wallMs: 600_000 },
    ...(resourceGroups ? { resourceGroups } : {}),
  });
  // As the CLI composes it (cli/real-run.ts): the target's exchanges on the run's events, which the
  // inventory the caps read and the cassette subscribe to.
  const events = new RunEvents();
  events.on('exchange', (e) => inventory.record(e.exchange));
  const target = withTargetEvents(real, events);
  let sequences = 0;
  events.on('sequence-ended', () => {
    sequences++;
  });
  const recording = cassette
    ? recordEvents(events, target, { file: cassette, credentials: EMULATOR_CREDENTIALS })
    : undefined;
  try {
    const { record } = await runAgainst({ target, events, runs, maxCommands: 25 });
    return { record, named, sequences };
  } finally {
    recording?.close();
  }
}

describe('resource groups on a real account', () => {
  it('given none, a run of many sequences names none and the guard refuses nothing', async () => {
    const { record, named, sequences } = await realRun(12);
    // Before: `guard: ResourceGroupId rg-conformance-a ...` ended the run inconclusive at once.
    expect(record.inconclusive).toEqual([]);
    expect(record.failures.map((f) => `${f.title}: expected ${f.expected}, received ${f.received}`)).toEqual(
      [],
    );
    expect(record.verdict).toBe('conformant');
    expect(sequences).toBe(12);
    expect(named).toEqual([]);
  }, 120_000);

  it('given two, creates and listings name only those, the run stays conformant, and its cassette replays', async () => {
    const given = ['rg-aek2alpha', 'rg-aek2beta'];
    const cassette = join(mkdtempSync(join(tmpdir(), 'real-rg-cassette-')), 'night.jsonl');
    dirs.push(dirname(cassette));
    // 20 sequences: at 12, none of this seed's billed sequences named a group since the replay
    // command joined the generator (a billed sequence draws few creates).
    const { record, named, sequences } = await realRun(20, given, cassette);
    expect(record.inconclusive).toEqual([]);
    expect(record.failures.map((f) => `${f.title}: expected ${f.expected}, received ${f.received}`)).toEqual(
      [],
    );
    expect(record.verdict).toBe('conformant');
    expect(sequences).toBe(20);
    expect(named.length).toBeGreaterThan(0);
    expect(new Set(named).size).toBeLessThanOrEqual(2);
    for (const id of named) expect(given).toContain(id);
    // The replay draws the same calls only if it knows the groups the run was given (the header).
    const replayed = await runAgainst({
      target: createReplayTarget(readCassette(cassette)),
      runs: 20,
      maxCommands: 25,
    });
    expect(replayed.record.inconclusive).toEqual([]);
    expect(replayed.record).toMatchObject({ verdict: 'conformant', steps: record.steps });
  }, 120_000);
});
