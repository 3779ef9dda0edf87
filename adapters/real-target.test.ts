import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHttpTarget } from './http-target';
import { openJournal, readJournal } from './journal';
import { RUN_TAG_KEY } from './namespace';
import { observedTarget, type TargetEvent } from './observed-target';
import { DEFAULT_REAL_CAPS } from './real-guard';
import { Inventory } from './real-inventory';
import { createRealTarget, type RealTargetOptions } from './real-target';
import type { ApiCall } from './target';
import { json, type ScriptEntry, scriptedTransport } from './testing/scripted-transport';
import type { HttpRequest } from './transport';

const RUN = 'r20261123t120000-abc123';
const ECS = { product: 'ecs', version: '2014-05-26' } as const;
const EBS = { product: 'ebs', version: '2021-07-30' } as const;
const createDisk: ApiCall = {
  ...ECS,
  action: 'CreateDisk',
  params: { RegionId: 'cn-hangzhou', ZoneId: 'cn-hangzhou-h', Size: 20, DiskCategory: 'cloud_essd' },
};

const paramsOf = (req: HttpRequest) => ({
  ...Object.fromEntries(new URL(req.url).searchParams),
  ...Object.fromEntries(new URLSearchParams(req.body)),
});

/** The inventory fed as the CLI feeds it: by the exchange events of an observed target. */
const feeding = (inventory: Inventory) => (e: TargetEvent) => {
  if (e.type === 'exchange') inventory.record(e.exchange);
};

function harness(script: ScriptEntry[], extra: Partial<RealTargetOptions> = {}) {
  const file = join(mkdtempSync(join(tmpdir(), 'real-target-')), 'journal.jsonl');
  const journal = openJournal(file, RUN);
  const { transport, sent } = scriptedTransport(script);
  const inventory = new Inventory();
  const unobserved = createRealTarget({
    endpoint: 'http://emulator.test:9000',
    credentials: { accessKeyId: 'testAccessKeyId', accessKeySecret: 'testAccessKeySecret' },
    transport,
    runId: RUN,
    journal,
    inventory,
    ...extra,
  });
  const target = observedTarget(unobserved, feeding(inventory));
  return { target, unobserved, inventory, sent, file };
}

const diskCreated = (id: string) => json(200, { RequestId: 'R1', DiskId: id });

describe('the real target', () => {
  it('tags, names and tokens a create, and journals the intent before the call and the ID after', async () => {
    let journalAtSend = '';
    const { target, sent, file } = harness([
      () => {
        journalAtSend = readFileSync(file, 'utf8');
        return diskCreated('d-own1');
      },
    ]);
    await target.send(createDisk);
    const wire = paramsOf(sent[0] as HttpRequest);
    expect(wire['Tag.1.Key']).toBe(RUN_TAG_KEY);
    expect(wire['Tag.1.Value']).toBe(RUN);
    expect(wire.DiskName).toBe(`ebs-conformance-${RUN}`);
    expect(wire.ClientToken).toMatch(/^abc123-c1-/);
    expect(journalAtSend).toContain(`"t":"intent"`);
    expect(journalAtSend).toContain(wire.ClientToken);
    expect(journalAtSend).not.toContain('"t":"created"');
    const created = readJournal(file).find((e) => e.t === 'created');
    expect(created).toMatchObject({ kind: 'disk', id: 'd-own1', region: 'cn-hangzhou', runId: RUN });
  });

  it("adds the run's tag to the caller's tags, and takes it out of the answers the run judges", async () => {
    const tagged = { ...createDisk, params: { ...createDisk.params, Tag: [{ Key: 'team', Value: 'dr' }] } };
    const rows = [
      { TagKey: RUN_TAG_KEY, TagValue: RUN },
      { TagKey: 'team', TagValue: 'dr' },
    ];
    const { target, sent } = harness([
      diskCreated('d-own1'),
      json(200, { RequestId: 'R', Disks: { Disk: [{ DiskId: 'd-own1', Tags: { Tag: rows } }] } }),
    ]);
    await target.send(tagged);
    // Before: a create given tags went without the run's, out of its listings and of `sweep --all-tagged`.
    expect(paramsOf(sent[0] as HttpRequest)).toMatchObject({
      'Tag.1.Key': 'team',
      'Tag.2.Key': RUN_TAG_KEY,
      'Tag.2.Value': RUN,
    });
    const listed = await target.send({
      ...ECS,
      action: 'DescribeDisks',
      params: { RegionId: 'cn-hangzhou' },
    });
    expect(listed.outcome).toMatchObject({
      kind: 'success',
      body: { Disks: { Disk: [{ DiskId: 'd-own1', Tags: { Tag: [{ TagKey: 'team', TagValue: 'dr' }] } }] } },
    });
    // What came back stays in the exchange as received (a cassette keeps it).
    expect(listed.response?.body).toContain(RUN_TAG_KEY);
  });

  it('keeps names the caller chose and never adds a required parameter the caller left out', async () => {
    const { target, sent } = harness([json(200, { RequestId: 'R', PairId: 'rp-1' })]);
    await target.send({ ...createDisk, params: { ...createDisk.params, DiskName: 'mine' } });
    await target.send({
      ...ECS,
      action: 'CreateDiskReplicaPair',
      params: {
        RegionId: 'cn-hangzhou',
        DiskId: 'd-unknown0',
        DestinationRegionId: 'cn-beijing',
        DestinationDiskId: 'd-unknown1',
      },
    });
    expect(paramsOf(sent[0] as HttpRequest).DiskName).toBe('mine');
    // The legacy dialect requires PairName: a call without it is a probe and stays one.
    expect(paramsOf(sent[1] as HttpRequest).PairName).toBeUndefined();
  });

  it('filters every listing by the run tag, so it reads only its own resources', async () => {
    const { target, sent } = harness([json(200, { RequestId: 'R', ReplicaPairs: [] })]);
    await target.send({ ...EBS, action: 'DescribeDiskReplicaPairs', params: { RegionId: 'cn-hangzhou' } });
    expect(paramsOf(sent[0] as HttpRequest)).toMatchObject({ 'Tag.1.Key': RUN_TAG_KEY, 'Tag.1.Value': RUN });
  });

  it('refuses unsent a call naming a resource it did not create, and allows its own and made-up ones', async () => {
    const { target, sent } = harness([diskCreated('d-own1'), json(200, { RequestId: 'R' })]);
    const foreign = await target.send({ ...ECS, action: 'DeleteDisk', params: { DiskId: 'd-someone' } });
    expect(foreign.outcome).toMatchObject({ kind: 'failure', reason: 'refused' });
    expect(sent).toHaveLength(0);
    const attach = await target.send({
      ...ECS,
      action: 'AttachDisk',
      params: { DiskId: 'd-unknown000000', InstanceId: 'i-theirs' },
    });
    expect(attach.outcome).toMatchObject({ reason: 'refused', message: expect.stringMatching(/InstanceId/) });
    await target.send(createDisk);
    const own = await target.send({ ...ECS, action: 'DeleteDisk', params: { DiskId: 'd-own1' } });
    const probe = await target.send({ ...ECS, action: 'DeleteDisk', params: { DiskId: 'd-unknown000000' } });
    expect(own.outcome.kind).toBe('success');
    expect(probe.outcome.kind).toBe('success');
    expect(target.status().stopped).toBeUndefined();
  });

  it('owns the drill it started: Clear names it, and a drill it did not start is refused unsent', async () => {
    const { target, sent } = harness([
      json(200, { RequestId: 'R', ReplicaPairId: 'pair-own1' }),
      json(200, { RequestId: 'R', DrillId: 'drill-own1' }),
      json(200, { RequestId: 'R' }),
    ]);
    const pair = { RegionId: 'cn-hangzhou', PairId: 'pair-own1' };
    const clear = (DrillId: string) =>
      target.send({ ...EBS, action: 'ClearPairDrill', params: { ...pair, DrillId } });
    await target.send({
      ...EBS,
      action: 'CreateDiskReplicaPair',
      params: { RegionId: 'cn-hangzhou', DiskId: 'd-unknown0', DestinationDiskId: 'd-unknown1' },
    });
    const before = await clear('drill-own1');
    expect(before.outcome).toMatchObject({
      reason: 'refused',
      message: expect.stringMatching(/not started/),
    });
    await target.send({ ...EBS, action: 'StartPairDrill', params: pair });
    expect((await clear('drill-someone')).outcome).toMatchObject({ reason: 'refused' });
    expect(sent).toHaveLength(2);
    expect((await clear('drill-own1')).outcome.kind).toBe('success');
    expect(paramsOf(sent[2] as HttpRequest).DrillId).toBe('drill-own1');
  });

  it('never buys a subscription unless allowed', async () => {
    const prepay = {
      ...EBS,
      action: 'CreateDiskReplicaGroup',
      params: { RegionId: 'cn-hangzhou', ChargeType: 'PREPAY' },
    };
    const refused = harness([json(200, { RequestId: 'R', ReplicaGroupId: 'pg-1' })]);
    expect((await refused.target.send(prepay)).outcome).toMatchObject({ reason: 'refused' });
    const allowed = harness([json(200, { RequestId: 'R', ReplicaGroupId: 'pg-1' })], { allowPrepay: true });
    expect((await allowed.target.send(prepay)).outcome.kind).toBe('success');
  });

  it('caps what is alive, not what was ever made: a deleted disk frees its share of disks and GiB', async () => {
    const ok = json(200, { RequestId: 'R' });
    const { target, sent } = harness([diskCreated('d-1'), ok, diskCreated('d-2'), diskCreated('d-3')], {
      caps: { ...DEFAULT_REAL_CAPS, disks: 1, gib: 30 },
    });
    const deleteDisk = (id: string): ApiCall => ({ ...ECS, action: 'DeleteDisk', params: { DiskId: id } });
    expect((await target.send(createDisk)).outcome.kind).toBe('success');
    expect(target.status()).toMatchObject({ live: { disk: 1 }, liveGiB: 20 });
    expect((await target.send(deleteDisk('d-1'))).outcome.kind).toBe('success');
    expect(target.status()).toMatchObject({ live: { disk: 0 }, liveGiB: 0 });
    // Two disks and 40 GiB made in all, over caps of one disk and 30 GiB: never more than one alive.
    expect((await target.send(createDisk)).outcome.kind).toBe('success');
    expect(target.status()).toMatchObject({
      created: { disks: 2, gib: 40 },
      peak: { disks: 1, gib: 20 },
      stopped: undefined,
    });
    expect((await target.send(createDisk)).outcome).toMatchObject({
      reason: 'refused',
      message: 'cap reached: 1 disks live',
    });
    const later = await target.send({ ...EBS, action: 'DescribeRegions', params: {} });
    expect(later.outcome).toMatchObject({ reason: 'refused', message: 'cap reached: 1 disks live' });
    expect(sent).toHaveLength(3);
    expect(target.status()).toMatchObject({
      stopped: 'cap reached: 1 disks live',
      usage: { disks: 2, gib: 40, calls: 3 },
    });
  });

  it('a GiB cap counts the disks alive and the creates still in flight', async () => {
    const { target } = harness([diskCreated('d-1'), diskCreated('d-2')], {
      caps: { ...DEFAULT_REAL_CAPS, gib: 30 },
    });
    const first = target.send(createDisk);
    // The first create has not answered yet: its 20 GiB are held, so another 20 would cross 30.
    const second = await target.send(createDisk);
    expect(second.outcome).toMatchObject({
      reason: 'refused',
      message: 'cap reached: 30 GiB of disks live (20 live, 20 more asked)',
    });
    expect((await first).outcome.kind).toBe('success');
  });

  it('sends a call naming no region to the --region endpoints, and one naming a region to its own', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'real-target-')), 'journal.jsonl');
    const { transport, sent } = scriptedTransport([json(200, { RequestId: 'R', Regions: [] })]);
    const target = createRealTarget({
      credentials: { accessKeyId: 'testAccessKeyId', accessKeySecret: 'testAccessKeySecret' },
      transport,
      runId: RUN,
      journal: openJournal(file, RUN),
      inventory: new Inventory(),
      region: 'cn-shanghai',
    });
    await target.send({ ...EBS, action: 'DescribeRegions', params: { ResourceType: 'ear' } });
    await target.send({ ...EBS, action: 'DescribeDiskReplicaPairs', params: { RegionId: 'cn-beijing' } });
    expect(sent.map((r) => new URL(r.url).host)).toEqual([
      'ebs.cn-shanghai.aliyuncs.com',
      'ebs.cn-beijing.aliyuncs.com',
    ]);
  });

  it('counts the wall-time budget and a stop from outside the same way', async () => {
    let now = 0;
    const timed = harness([json(200, { RequestId: 'R', Regions: [] })], {
      caps: { ...DEFAULT_REAL_CAPS, wallMs: 1000 },
      now: () => now,
    });
    expect((await timed.target.send({ ...EBS, action: 'DescribeRegions', params: {} })).outcome.kind).toBe(
      'success',
    );
    now = 1000;
    expect(
      (await timed.target.send({ ...EBS, action: 'DescribeRegions', params: {} })).outcome,
    ).toMatchObject({
      message: 'cap reached: wall time 1 s',
    });
    const stopped = harness([json(200, { RequestId: 'R', Regions: [] })]);
    stopped.target.stop('interrupted by SIGINT');
    expect((await stopped.target.send(createDisk)).outcome).toMatchObject({
      message: 'interrupted by SIGINT',
    });
    expect(stopped.sent).toHaveLength(0);
  });

  it('learns what is alive from exchange events: a delete by another observed client frees the cap before the next create is sent', async () => {
    const { target, inventory, sent } = harness([diskCreated('d-1'), diskCreated('d-2')], {
      caps: { ...DEFAULT_REAL_CAPS, disks: 1 },
    });
    expect((await target.send(createDisk)).outcome.kind).toBe('success');
    // The cleanup's own client (no caps, no guard) deletes the disk; its exchange is an event too.
    const sweeper = scriptedTransport([json(200, { RequestId: 'R' })]);
    const cleanup = observedTarget(
      createHttpTarget({
        baseUrl: 'http://emulator.test:9000',
        credentials: { accessKeyId: 'testAccessKeyId', accessKeySecret: 'testAccessKeySecret' },
        transport: sweeper.transport,
      }),
      feeding(inventory),
    );
    expect(inventory.snapshot().live.disk).toBe(1);
    await cleanup.send({ ...ECS, action: 'DeleteDisk', params: { DiskId: 'd-1' } });
    expect(inventory.snapshot().live.disk).toBe(0);
    expect((await target.send(createDisk)).outcome.kind).toBe('success');
    expect(sent).toHaveLength(2);
  });

  it('refuses a create over the cap unsent, from what the events told the inventory, not from the answer alone', async () => {
    const { unobserved, inventory, sent } = harness([diskCreated('d-1'), diskCreated('d-2')], {
      caps: { ...DEFAULT_REAL_CAPS, disks: 1 },
    });
    // Sent past the observer: the answer reaches no inventory, so the create keeps holding its share.
    const first = await unobserved.send(createDisk);
    expect(first.outcome.kind).toBe('success');
    expect(inventory.snapshot().live.disk).toBe(0);
    expect((await unobserved.send(createDisk)).outcome).toMatchObject({
      reason: 'refused',
      message: 'cap reached: 1 disks live',
    });
    expect(sent).toHaveLength(1);
    // Once the event arrives the hold gives way to the live disk it made: still one of one.
    feeding(inventory)({ type: 'exchange', exchange: first });
    expect(inventory.snapshot()).toMatchObject({ live: { disk: 1 }, liveGiB: 20, created: { disks: 1 } });
    expect(unobserved.status()).toMatchObject({ live: { disk: 1 }, stopped: 'cap reached: 1 disks live' });
  });
});
