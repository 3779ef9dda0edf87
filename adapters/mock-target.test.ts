import { afterEach, describe, expect, it, vi } from 'vitest';
import { echoService } from '../emulator/protocol/echo-service';
import { createHttpTarget } from './http-target';
import { createMockTarget, type MockTarget } from './mock-target';
import { interceptorGeneration } from './msw-interceptor';
import type { ApiCall, Variant } from './target';
import { fetchTransport } from './transport';

const start: ApiCall = {
  product: 'ebs',
  version: '2021-07-30',
  action: 'StartDiskReplicaPair',
  params: { RegionId: 'cn-hangzhou', ReplicaPairId: 'pair-1', ClientToken: 'tok-1', OneShot: true },
};

const open: MockTarget[] = [];
function mock(options: Partial<Parameters<typeof createMockTarget>[0]> = {}) {
  const target = createMockTarget({ service: echoService(), retry: { maxAttempts: 1 }, ...options });
  open.push(target);
  return target;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close?.()));
});

const echoOf = (body: unknown) => (body as { Echo: Record<string, unknown> }).Echo;

describe('mock target: msw hands signed fetch requests to the emulator gateway in-process', () => {
  const variants: Partial<Variant>[] = [
    { signature: 'v3', method: 'POST', paramsIn: 'query' },
    { signature: 'v3', method: 'POST', paramsIn: 'body' },
    { signature: 'v1', method: 'GET' },
    { signature: 'v1', method: 'POST', paramsIn: 'body' },
    { signature: 'v1', method: 'POST', paramsIn: 'split' },
  ];
  it.each(variants)('authenticates and routes %o', async (variant) => {
    const target = mock();
    const ex = await target.send({ ...start, variant });
    expect(ex.outcome.kind).toBe('success');
    if (ex.outcome.kind !== 'success') return;
    expect(echoOf(ex.outcome.body)).toMatchObject({
      action: 'StartDiskReplicaPair',
      // The gateway saw the real key; the recorded exchange only ever holds it masked.
      accessKeyId: 'test****Id',
      ReplicaPairId: 'pair-1',
      ClientToken: 'tok-1',
      OneShot: true,
    });
  });

  it('XML and JSON answers decode to the same body', async () => {
    const target = mock();
    const asJson = await target.send({
      ...start,
      variant: { signature: 'v1', method: 'GET', format: 'JSON' },
    });
    const asXml = await target.send({ ...start, variant: { signature: 'v1', method: 'GET', format: 'XML' } });
    expect(asXml.response?.body.startsWith('<?xml')).toBe(true);
    const strip = (o: typeof asJson.outcome) => (o.kind === 'success' ? { ...o.body, RequestId: 'x' } : o);
    expect(strip(asXml.outcome)).toMatchObject({
      RequestId: 'x',
      Echo: expect.objectContaining({ ReplicaPairId: 'pair-1' }),
    });
    expect(echoOf(strip(asXml.outcome)).action).toBe(echoOf(strip(asJson.outcome)).action);
  });

  it('a wrong secret is an error outcome from the gateway, as data', async () => {
    const target = mock({ credentials: { accessKeyId: 'otherKeyId', accessKeySecret: 'right' } });
    const wrong = createHttpTarget({
      baseUrl: target.endpoint,
      credentials: { accessKeyId: 'otherKeyId', accessKeySecret: 'wrong' },
      transport: fetchTransport(),
      retry: { maxAttempts: 1 },
    });
    expect((await wrong.send(start)).outcome).toMatchObject({
      kind: 'error',
      httpStatus: 400,
      code: 'SignatureDoesNotMatch',
    });
    expect((await target.send(start)).outcome.kind).toBe('success');
  });

  it('retries an injected throttling fault and keeps the ClientToken', async () => {
    const service = echoService();
    const target = mock({ service, retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 } });
    target.gateway.faults.add({
      kind: 'error',
      action: 'StartDiskReplicaPair',
      code: 'Throttling.User',
      count: 1,
    });
    const ex = await target.send(start);
    expect(ex.outcome.kind).toBe('success');
    expect(ex.retried).toMatchObject([{ reason: 'throttled', code: 'Throttling.User' }]);
    expect(service.calls.map((c) => c.params.ClientToken)).toEqual(['tok-1']);
  });

  it('two mock targets share the interceptor but not their services', async () => {
    const a = echoService();
    const b = echoService();
    const ta = mock({ service: a });
    const tb = mock({ service: b });
    await ta.send(start);
    await tb.send(start);
    await tb.send(start);
    expect([a.calls.length, b.calls.length]).toEqual([1, 2]);
  });

  it('recycles the msw interceptor every N requests without losing any', async () => {
    const target = mock({ recycleEvery: 3 });
    const before = interceptorGeneration();
    const results = [];
    for (let i = 0; i < 10; i++) results.push((await target.send(start)).outcome.kind);
    expect(results.every((k) => k === 'success')).toBe(true);
    expect(interceptorGeneration() - before).toBe(3);
  });

  it('a request to a host no mock target serves fails as unhandled', async () => {
    mock();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const ex = await createHttpTarget({
      baseUrl: 'http://nobody.ebs-conformance.invalid',
      credentials: { accessKeyId: 'a', accessKeySecret: 'b' },
      transport: fetchTransport(),
      retry: { maxAttempts: 1 },
    }).send(start);
    quiet.mockRestore();
    expect(ex.outcome).toMatchObject({ kind: 'failure', reason: 'network' });
  });

  it('reset and advanceClock reach the in-process service', async () => {
    const service = echoService('manual');
    const target = mock({ service });
    await target.send(start);
    await target.reset?.();
    expect(service.resets).toBe(1);
    await target.advanceClock?.(5_000);
    expect(service.clock.now()).toBe(5_000);
    const real = mock({ service: echoService('real') });
    expect(real.capabilities.clockControl).toBe(false);
    await expect(real.advanceClock?.(1)).rejects.toMatchObject({ code: 'TARGET_UNSUPPORTED' });
  });
});

describe('mock target readings', () => {
  it('its default service answers in the alternative the readings option names', async () => {
    const list = async (target: MockTarget) => {
      const group = {
        product: 'ebs',
        version: '2021-07-30',
        action: 'CreateDiskReplicaGroup',
        params: {
          RegionId: 'cn-shanghai',
          SourceZoneId: 'cn-shanghai-b',
          DestinationRegionId: 'cn-beijing',
          DestinationZoneId: 'cn-beijing-f',
        },
      } as const;
      expect((await target.send(group)).outcome.kind).toBe('success');
      const listed = await target.send({
        ...group,
        action: 'DescribeDiskReplicaGroups',
        params: { RegionId: 'cn-shanghai' },
      });
      if (listed.outcome.kind !== 'success') throw new Error(`listing failed: ${listed.outcome.kind}`);
      return (listed.outcome.body.ReplicaGroups as Record<string, unknown>[])[0];
    };
    const absent = createMockTarget({
      retry: { maxAttempts: 1 },
      readings: { 'empty-group-pair-ids': 'absent' },
    });
    const listedEmpty = createMockTarget({
      retry: { maxAttempts: 1 },
      readings: { 'empty-group-pair-ids': 'empty-list' },
    });
    open.push(absent, listedEmpty);
    expect(await list(absent)).not.toHaveProperty('PairIds');
    expect(await list(listedEmpty)).toMatchObject({ PairIds: [], PairNumber: 0 });
  });
});
