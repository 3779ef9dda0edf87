import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../emulator';
import { listDiskIds, RawClient } from './raw-client';

// 64 clients at once on the same disks and pairs, over real sockets: every call is answered,
// and the final state is what the acknowledged calls add up to (no lost update, no double
// effect), whatever the interleaving.
const CLIENTS = 64;
const ECS = '2014-05-26';
const EBS = '2021-07-30';
const PRIMARY = { RegionId: 'cn-shanghai', ZoneId: 'cn-shanghai-b' };
const STANDBY = { RegionId: 'cn-beijing', ZoneId: 'cn-beijing-f' };

let emu: RunningEmulator;
let client: RawClient;
beforeAll(async () => {
  emu = await startEmulator({ transitionMs: 0 });
  client = new RawClient(emu.url, emu.port, CLIENTS);
});
afterAll(async () => {
  await client.close();
  await emu.close();
});

const all = <T>(f: (i: number) => Promise<T>) => Promise.all(Array.from({ length: CLIENTS }, (_, i) => f(i)));

async function disk(site: typeof PRIMARY): Promise<string> {
  const res = await client.call('CreateDisk', ECS, { ...site, DiskCategory: 'cloud_essd', Size: '40' });
  expect(res.status).toBe(200);
  return res.body.DiskId as string;
}

describe('64 concurrent clients', () => {
  it('create disks without losing one: the listing adds up to the acknowledged calls', async () => {
    const before = (await listDiskIds(client, STANDBY.RegionId)).length;
    const created = (
      await all(async () => [await disk(STANDBY), await disk(STANDBY), await disk(STANDBY)])
    ).flat();
    expect(new Set(created).size).toBe(CLIENTS * 3);
    const listed = await listDiskIds(client, STANDBY.RegionId);
    expect(listed.length).toBe(before + CLIENTS * 3);
    expect(created.every((id) => listed.includes(id))).toBe(true);
  });

  it('share one ClientToken: one disk is created and every client gets its ID', async () => {
    const before = (await listDiskIds(client, PRIMARY.RegionId)).length;
    const answers = await all(() =>
      client.call('CreateDisk', ECS, {
        ...PRIMARY,
        DiskCategory: 'cloud_essd',
        Size: '40',
        ClientToken: 'shared-token',
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(new Set(answers.map((a) => a.body.DiskId)).size).toBe(1);
    expect((await listDiskIds(client, PRIMARY.RegionId)).length).toBe(before + 1);
  });

  it('race to create pairs on the same two disks: exactly one wins', async () => {
    const [primary, standby] = [await disk(PRIMARY), await disk(STANDBY)];
    const answers = await all((i) =>
      client.call('CreateDiskReplicaPair', EBS, {
        RegionId: PRIMARY.RegionId,
        SourceZoneId: PRIMARY.ZoneId,
        DiskId: primary,
        DestinationRegionId: STANDBY.RegionId,
        DestinationZoneId: STANDBY.ZoneId,
        DestinationDiskId: standby,
        PairName: `race-${i}`,
      }),
    );
    const won = answers.filter((a) => a.status === 200);
    expect(won).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 200).every((a) => a.status === 403)).toBe(true);
    const listed = await client.call('DescribeDiskReplicaPairs', EBS, {
      RegionId: PRIMARY.RegionId,
      PairIds: won[0]?.body.ReplicaPairId as string,
    });
    expect(listed.body.ReplicaPairs).toHaveLength(1);
  });

  it('start and stop the same pairs at once: each transition is accepted exactly once per pair', async () => {
    const pairs: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await client.call('CreateDiskReplicaPair', EBS, {
        RegionId: PRIMARY.RegionId,
        SourceZoneId: PRIMARY.ZoneId,
        DiskId: await disk(PRIMARY),
        DestinationRegionId: STANDBY.RegionId,
        DestinationZoneId: STANDBY.ZoneId,
        DestinationDiskId: await disk(STANDBY),
      });
      expect(res.status).toBe(200);
      pairs.push(res.body.ReplicaPairId as string);
    }
    for (const action of ['StartDiskReplicaPair', 'StopDiskReplicaPair']) {
      const answers = await all((i) =>
        client.call(action, EBS, {
          RegionId: i % 2 ? PRIMARY.RegionId : STANDBY.RegionId,
          ReplicaPairId: pairs[i % 4] as string,
        }),
      );
      const wins = pairs.map((_, p) => answers.filter((a, i) => i % 4 === p && a.status === 200).length);
      expect(wins, action).toEqual([1, 1, 1, 1]);
      const refused = answers.filter((a) => a.status !== 200).map((a) => a.body.Code);
      expect(new Set(refused), action).toEqual(new Set(['OperationDenied.InvalidStatus']));
    }
    const listed = await client.call('DescribeDiskReplicaPairs', EBS, {
      RegionId: PRIMARY.RegionId,
      PairIds: pairs.join(','),
    });
    expect((listed.body.ReplicaPairs as { Status: string }[]).map((p) => p.Status)).toEqual(
      pairs.map(() => 'stopped'),
    );
  });

  it('see LastTokenProcessing while a delayed call holds the same ClientToken', async () => {
    const fault = { kind: 'delay', action: 'CreateDisk', delayMs: 300, count: 1 };
    const added = await fetch(`${emu.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify(fault) });
    expect(added.status).toBe(201);
    const params = { ...PRIMARY, DiskCategory: 'cloud_essd', Size: '40', ClientToken: 'slow-token' };
    const slow = client.call('CreateDisk', ECS, params);
    await new Promise((r) => setTimeout(r, 50));
    const meanwhile = await client.call('CreateDisk', ECS, params);
    expect({ status: meanwhile.status, code: meanwhile.body.Code }).toEqual({
      status: 403,
      code: 'LastTokenProcessing',
    });
    const first = await slow;
    expect(first.status).toBe(200);
    const retried = await client.call('CreateDisk', ECS, params);
    expect(retried.body.DiskId).toBe(first.body.DiskId);
  });
});
