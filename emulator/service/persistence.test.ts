import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from './clock';
import { StateFileError } from './persistence';
import { createEmulatorService } from './service';
import { createPair, makeService, T0 } from './test-support';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'emu-state-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('persistence', () => {
  it('reloads the same state in a new service, and continues the ID sequence', () => {
    const stateFile = join(dir, 'state.json');
    const h = makeService(5_000, { stateFile, idSeed: 7 });
    const { pairId } = createPair(h);
    h.settle();
    h.ebs('StartDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: pairId, ClientToken: 't1' });
    const before = h.service.snapshot();

    const clock = manualClock(T0);
    const reloaded = createEmulatorService({ transitionMs: 5_000, clock, stateFile, idSeed: 7 });
    expect(reloaded.snapshot()).toEqual(before);
    // The manual clock resumes where the saved state left off.
    expect(clock.now()).toBe(h.clock.now());
    const next = reloaded.handle({
      product: 'ecs',
      version: '2014-05-26',
      action: 'CreateDisk',
      params: { RegionId: 'cn-hangzhou', ZoneId: 'cn-hangzhou-g', DiskCategory: 'cloud_essd', Size: 40 },
      requestId: 'r',
      accessKeyId: 'test-ak',
    }) as { DiskId: string };
    expect(JSON.stringify(before)).not.toContain(next.DiskId);
    // No temporary files are left behind.
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('does not persist refused calls or reads', () => {
    const stateFile = join(dir, 'state.json');
    const h = makeService(0, { stateFile });
    createPair(h);
    const saved = readFileSync(stateFile, 'utf8');
    expect(() =>
      h.ebs('StopDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: 'pair-cn-x' }),
    ).toThrow();
    h.ebs('DescribeDiskReplicaPairs', { RegionId: 'cn-shanghai' });
    expect(readFileSync(stateFile, 'utf8')).toBe(saved);
  });

  it.each([
    ['not JSON', '{"format": "ebs-conf'],
    ['foreign JSON', '{"hello": "world"}'],
    ['another format version', '{"format":"ebs-conformance-emulator-state","formatVersion":99}'],
    [
      'damaged content',
      '{"format":"ebs-conformance-emulator-state","formatVersion":1,"ids":{"seed":1,"counter":-4},"savedAt":0,"accounts":{}}',
    ],
  ])('refuses a state file with %s and leaves it untouched', (_what, content) => {
    const stateFile = join(dir, 'state.json');
    writeFileSync(stateFile, content);
    expect(() => createEmulatorService({ transitionMs: 0, clock: manualClock(T0), stateFile })).toThrow(
      StateFileError,
    );
    expect(readFileSync(stateFile, 'utf8')).toBe(content);
  });

  it('reset returns to the seeded world and is persisted', () => {
    const stateFile = join(dir, 'state.json');
    const h = makeService(0, { stateFile });
    createPair(h);
    h.service.reset();
    const reloaded = createEmulatorService({ transitionMs: 0, clock: manualClock(T0), stateFile });
    expect(reloaded.snapshot()).toMatchObject({ accounts: {}, ids: { counter: 0 } });
    expect(h.ebs('DescribeDiskReplicaPairs', { RegionId: 'cn-shanghai' }).ReplicaPairs).toEqual([]);
  });
});
