import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJournal } from './journal';
import { observedTarget } from './observed-target';
import { SequenceCleaner } from './real-cleanup';
import { DEFAULT_REAL_CAPS } from './real-guard';
import { Inventory } from './real-inventory';
import { createRealTarget, type Housekeeping } from './real-target';
import type { ApiCall, Target } from './target';
import { json, scriptedTransport } from './testing/scripted-transport';

const RUN = 'r20261202t150000-abc123';
const createDisk: ApiCall = {
  product: 'ecs',
  version: '2014-05-26',
  action: 'CreateDisk',
  params: { RegionId: 'cn-hangzhou', ZoneId: 'cn-hangzhou-h', Size: 20, DiskCategory: 'cloud_essd' },
};
const deleteDisk = (id: string): ApiCall => ({ ...createDisk, action: 'DeleteDisk', params: { DiskId: id } });

function cleaner(): SequenceCleaner {
  const dir = mkdtempSync(join(tmpdir(), 'real-cleanup-'));
  return new SequenceCleaner({
    target: {} as Target,
    journal: openJournal(join(dir, 'journal.jsonl'), RUN),
    journalPath: join(dir, 'journal.jsonl'),
    runId: RUN,
    timeoutMs: 1_000,
  });
}

/** A real target with a one-disk cap whose housekeeping is `housekeeping`. */
function capped(housekeeping: Housekeeping) {
  const inventory = new Inventory();
  const { transport, sent } = scriptedTransport([
    json(200, { RequestId: 'R1', DiskId: 'd-1' }),
    json(200, { RequestId: 'R2' }),
    json(200, { RequestId: 'R3', DiskId: 'd-2' }),
  ]);
  const real = createRealTarget({
    endpoint: 'http://emulator.test:9000',
    credentials: { accessKeyId: 'testAccessKeyId', accessKeySecret: 'testAccessKeySecret' },
    transport,
    runId: RUN,
    journal: openJournal(join(mkdtempSync(join(tmpdir(), 'real-cleanup-')), 'journal.jsonl'), RUN),
    inventory,
    caps: { ...DEFAULT_REAL_CAPS, disks: 1 },
    housekeeping,
  });
  const target = observedTarget(real, (e) => {
    if (e.type === 'exchange') inventory.record(e.exchange);
  });
  return { target, real, sent };
}

describe('room under the caps between sequences', () => {
  it('a create waits for another sequence to end, and gives up when every running one waits', async () => {
    const c = cleaner();
    c.started();
    c.started();
    let first: boolean | undefined;
    const waiting = c.roomMayFree().then((r) => {
      first = r;
    });
    await Promise.resolve();
    expect(first).toBeUndefined();
    // The other sequence ends holding nothing: the waiter is woken to look again.
    c.ended(1, 0, []);
    await waiting;
    expect(first).toBe(true);
    // One sequence left running, and it is the caller's: nothing else can free room.
    expect(await c.roomMayFree()).toBe(false);
  });

  it('two sequences waiting on each other: the second gives up and wakes the first without room', async () => {
    const c = cleaner();
    c.started();
    c.started();
    const first = c.roomMayFree();
    expect(await c.roomMayFree()).toBe(false);
    expect(await first).toBe(false);
  });

  it('the real target sends a create past a cap once housekeeping made room, and stops when none comes', async () => {
    let freed = false;
    const freeing: Housekeeping = {
      idle: async () => {},
      roomMayFree: async () => {
        // Another sequence's cleanup deletes its disk, which the inventory learns from the events.
        if (!freed) await target.send(deleteDisk('d-1'));
        freed = true;
        return true;
      },
    };
    const { target, real, sent } = capped(freeing);
    expect((await target.send(createDisk)).outcome.kind).toBe('success');
    expect((await target.send(createDisk)).outcome).toMatchObject({ kind: 'success' });
    expect(sent).toHaveLength(3);
    expect(real.status().stopped).toBeUndefined();

    const none = capped({ idle: async () => {}, roomMayFree: async () => false });
    expect((await none.target.send(createDisk)).outcome.kind).toBe('success');
    expect((await none.target.send(createDisk)).outcome).toMatchObject({
      reason: 'refused',
      message: 'cap reached: 1 disks live',
    });
    expect(none.sent).toHaveLength(1);
    expect(none.real.status().stopped).toBe('cap reached: 1 disks live');
  });
});
