/**
 * Resource groups on a real account: the run makes none, so it names only those its user gave it
 * (`run --resource-group`), and none when given none. The real target's whole path (namespace,
 * guard, caps, journal) against the emulator's gateway in this process, on a real clock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EMULATOR_CREDENTIALS } from '../../adapters/credentials';
import { openJournal } from '../../adapters/journal';
import { observedTarget } from '../../adapters/observed-target';
import { Inventory } from '../../adapters/real-inventory';
import { createRealTarget } from '../../adapters/real-target';
import { gatewayTransport } from '../../adapters/testing/gateway-transport';
import type { Transport } from '../../adapters/transport';
import { RunEvents } from '../../properties/events';
import { runAgainst } from '../readings/support';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A real run of `runs` sequences; every ResourceGroupId that went on the wire, and the sequences judged. */
async function realRun(runs: number, resourceGroups?: readonly string[]) {
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
  const target = observedTarget(real, (e) => {
    if (e.type === 'exchange') inventory.record(e.exchange);
  });
  const events = new RunEvents();
  let sequences = 0;
  events.on('sequence-ended', () => {
    sequences++;
  });
  const { record } = await runAgainst({ target, events, runs, maxCommands: 25 });
  return { record, named, sequences };
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

  it('given two, creates and listings name only those, and the run stays conformant', async () => {
    const given = ['rg-aek2alpha', 'rg-aek2beta'];
    const { record, named, sequences } = await realRun(12, given);
    expect(record.inconclusive).toEqual([]);
    expect(record.failures.map((f) => `${f.title}: expected ${f.expected}, received ${f.received}`)).toEqual(
      [],
    );
    expect(record.verdict).toBe('conformant');
    expect(sequences).toBe(12);
    expect(named.length).toBeGreaterThan(0);
    expect(new Set(named).size).toBeLessThanOrEqual(2);
    for (const id of named) expect(given).toContain(id);
  }, 120_000);
});
