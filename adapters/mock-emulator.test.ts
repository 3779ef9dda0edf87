import { afterAll, describe, expect, it } from 'vitest';
import { findOperation } from '../api';
import { createMockTarget } from './mock-target';
import type { ApiCall, Exchange, Variant } from './target';

// End to end in-process: the real emulator service behind its real gateway, reached through msw.
const target = createMockTarget({ retry: { maxAttempts: 1 } });
afterAll(() => target.close?.());

const ecs = (action: string, params: Record<string, unknown>): ApiCall => ({
  product: 'ecs',
  version: '2014-05-26',
  action,
  params,
});
const ebs = (action: string, params: Record<string, unknown>): ApiCall => ({
  product: 'ebs',
  version: '2021-07-30',
  action,
  params,
});

function body(ex: Exchange): Record<string, unknown> {
  if (ex.outcome.kind !== 'success') throw new Error(`expected success: ${JSON.stringify(ex.outcome)}`);
  return ex.outcome.body;
}

const withoutRequestId = (b: Record<string, unknown>) => ({ ...b, RequestId: '<id>' });

async function both(call: ApiCall) {
  const json: Partial<Variant> = { signature: 'v1', method: 'GET', format: 'JSON' };
  const xml: Partial<Variant> = { signature: 'v1', method: 'GET', format: 'XML' };
  const a = await target.send({ ...call, variant: json });
  const b = await target.send({ ...call, variant: xml });
  expect(b.response?.body.trimStart().startsWith('<')).toBe(true);
  return [body(a), body(b)] as const;
}

describe('mock target against the real emulator service', () => {
  it('creates disks and a pair; listings decode identically from JSON and XML and match their schemas', async () => {
    const disk = async (region: string, zone: string) =>
      body(
        await target.send(
          ecs('CreateDisk', {
            RegionId: region,
            ZoneId: zone,
            DiskCategory: 'cloud_essd',
            Size: 40,
            ClientToken: `t-${zone}`,
          }),
        ),
      ).DiskId as string;
    const primary = await disk('cn-hangzhou', 'cn-hangzhou-g');
    const secondary = await disk('cn-shanghai', 'cn-shanghai-b');
    const created = await target.send(
      ebs('CreateDiskReplicaPair', {
        RegionId: 'cn-hangzhou',
        SourceZoneId: 'cn-hangzhou-g',
        DiskId: primary,
        DestinationRegionId: 'cn-shanghai',
        DestinationZoneId: 'cn-shanghai-b',
        DestinationDiskId: secondary,
        Tag: [{ Key: 'team', Value: 'dr' }],
      }),
    );
    expect(body(created).ReplicaPairId).toMatch(/^pair-/);

    const pairs = await both(ebs('DescribeDiskReplicaPairs', { RegionId: 'cn-hangzhou' }));
    expect(withoutRequestId(pairs[1])).toEqual(withoutRequestId(pairs[0]));
    expect((pairs[0].ReplicaPairs as unknown[]).length).toBe(1);
    const pairsSchema = findOperation('ebs', '2021-07-30', 'DescribeDiskReplicaPairs')?.response;
    expect(pairsSchema?.safeParse(pairs[1]).success).toBe(true);

    // DiskIds travels as one JSON-array string, not flattened.
    const disks = await both(ecs('DescribeDisks', { RegionId: 'cn-hangzhou', DiskIds: [primary] }));
    expect(withoutRequestId(disks[1])).toEqual(withoutRequestId(disks[0]));
    expect((disks[0].Disks as { Disk: { DiskId: string }[] }).Disk.map((d) => d.DiskId)).toEqual([primary]);
    const disksSchema = findOperation('ecs', '2014-05-26', 'DescribeDisks')?.response;
    expect(disksSchema?.safeParse(disks[1]).success).toBe(true);
  });

  it('an unknown pair is a documented error, and reset empties the world', async () => {
    const ex = await target.send(
      ebs('StartDiskReplicaPair', { RegionId: 'cn-hangzhou', ReplicaPairId: 'pair-nope' }),
    );
    expect(ex.outcome).toMatchObject({ kind: 'error', httpStatus: 404, code: 'NoSuchResource' });
    await target.reset?.();
    const listed = body(await target.send(ebs('DescribeDiskReplicaPairs', { RegionId: 'cn-hangzhou' })));
    expect(listed.ReplicaPairs).toEqual([]);
  });
});
