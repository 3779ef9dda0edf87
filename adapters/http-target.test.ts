import { describe, expect, it } from 'vitest';
import { defineOperation, param } from '../api';
import { RequestIdOnly } from '../api/operations/common';
import { createHttpTarget, type HttpTargetOptions } from './http-target';
import type { ApiCall } from './target';
import { apiError, json, scriptedTransport, TransportError } from './testing/scripted-transport';
import type { HttpRequest } from './transport';
import { toWireParams } from './wire-params';

const credentials = { accessKeyId: 'testAccessKeyId', accessKeySecret: 'testAccessKeySecret' };
const start: ApiCall = {
  product: 'ebs',
  version: '2021-07-30',
  action: 'StartDiskReplicaPair',
  params: { RegionId: 'cn-hangzhou', ReplicaPairId: 'pair-1', ClientToken: 'token-A' },
};

function harness(script: Parameters<typeof scriptedTransport>[0], extra: Partial<HttpTargetOptions> = {}) {
  const { transport, sent } = scriptedTransport(script);
  const sleeps: number[] = [];
  let n = 0;
  const target = createHttpTarget({
    baseUrl: 'http://emulator.test:9000',
    credentials,
    transport,
    retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 250 },
    nonce: () => `nonce-${++n}`,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...extra,
  });
  return { target, sent, sleeps };
}

const paramsOf = (req: HttpRequest) => ({
  ...Object.fromEntries(new URL(req.url).searchParams),
  ...Object.fromEntries(new URLSearchParams(req.body)),
});

describe('createHttpTarget retries', () => {
  it('retries throttling with the SAME ClientToken and a fresh nonce, then succeeds', async () => {
    const { target, sent, sleeps } = harness([
      apiError(400, 'Throttling.User'),
      json(200, { RequestId: 'R2' }),
    ]);
    const ex = await target.send(start);
    expect(ex.outcome).toEqual({ kind: 'success', body: { RequestId: 'R2' } });
    expect(ex.attempts).toBe(2);
    expect(sent).toHaveLength(2);
    const [first, second] = sent.map(paramsOf);
    expect(first?.ClientToken).toBe('token-A');
    expect(second?.ClientToken).toBe('token-A');
    expect(sent.map((r) => r.headers['x-acs-signature-nonce'])).toEqual(['nonce-1', 'nonce-2']);
    expect(sent[0]?.headers.authorization).not.toBe(sent[1]?.headers.authorization);
    expect(ex.retried).toEqual([
      { attempt: 1, reason: 'throttled', httpStatus: 400, code: 'Throttling.User', delayMs: 50 },
    ]);
    expect(sleeps).toEqual([50]);
  });

  it('does not retry a 400 that is not throttling', async () => {
    const { target, sent } = harness([apiError(400, 'InvalidParameter'), json(200, { RequestId: 'R' })]);
    const ex = await target.send(start);
    expect(ex.attempts).toBe(1);
    expect(sent).toHaveLength(1);
    expect(ex.outcome).toMatchObject({
      kind: 'error',
      httpStatus: 400,
      code: 'InvalidParameter',
      requestId: 'R-err',
    });
    expect(ex.retried).toEqual([]);
  });

  it('stops at maxAttempts with capped, exponentially growing full-jitter delays', async () => {
    const { target, sent, sleeps } = harness([apiError(503, 'ServiceUnavailable')], { random: () => 0.999 });
    const ex = await target.send(start);
    expect(sent).toHaveLength(4);
    expect(ex.attempts).toBe(4);
    expect(ex.outcome).toMatchObject({ kind: 'error', code: 'ServiceUnavailable', httpStatus: 503 });
    expect(sleeps).toEqual([99, 199, 249]);
    expect(ex.retried.map((r) => r.reason)).toEqual(['server-error', 'server-error', 'server-error']);
  });

  it('retries 429, RequestTimeout, 5xx HTML and network failures; records each', async () => {
    const { target } = harness([
      apiError(429, 'BLOCK.LimitedRequest'),
      apiError(504, 'RequestTimeout'),
      { status: 502, headers: {}, body: '<html>bad gateway</html>' },
      json(200, { RequestId: 'R' }),
    ]);
    const ex = await target.send(start);
    expect(ex.retried.map((r) => r.reason)).toEqual(['throttled', 'server-error', 'server-error']);
    expect(ex.outcome.kind).toBe('success');

    const net = harness(
      [new TransportError('network', 'ECONNRESET'), new TransportError('timeout', 'timed out')],
      {
        retry: { maxAttempts: 2 },
      },
    );
    const failed = await net.target.send(start);
    expect(failed.attempts).toBe(2);
    expect(failed.response).toBeUndefined();
    expect(failed.outcome).toEqual({ kind: 'failure', reason: 'timeout', message: 'timed out' });
    expect(failed.retried[0]?.reason).toBe('network');
  });

  it('records the whole exchange: variant, redacted request, response, decoded body, timings', async () => {
    const { target } = harness([json(200, { RequestId: 'R' })], { clock: () => 1_700_000_000_000 });
    const ex = await target.send({ ...start, variant: { signature: 'v1', method: 'GET' } });
    expect(ex.variant).toEqual({ method: 'GET', format: 'JSON', signature: 'v1', paramsIn: 'query' });
    expect(ex.request.url).toContain('http://emulator.test:9000/?');
    expect(ex.request.url).toContain('Signature=***');
    expect(ex.request.url).toContain('Timestamp=2023-11-14T22%3A13%3A20Z');
    expect(ex.response?.status).toBe(200);
    expect(ex.decoded).toEqual({ RequestId: 'R' });
    expect(ex.startedAt).toBe(1_700_000_000_000);
    expect(ex.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('a parameter that cannot be encoded is a failure outcome, and nothing is sent', async () => {
    const { target, sent } = harness([json(200, { RequestId: 'R' })]);
    const ex = await target.send({ ...start, params: { ...start.params, Description: 'bad \ud800 text' } });
    expect(ex.outcome).toMatchObject({ kind: 'failure', reason: 'unencodable' });
    expect(sent).toHaveLength(0);
  });

  it('an undefined variant field keeps the default', async () => {
    const { target } = harness([json(200, { RequestId: 'R' })], { defaultVariant: { signature: 'v1' } });
    const ex = await target.send({ ...start, variant: { format: undefined, method: 'GET' } });
    expect(ex.variant).toEqual({ method: 'GET', format: 'JSON', signature: 'v1', paramsIn: 'query' });
  });

  it('refuses to send once closed', async () => {
    const { target } = harness([json(200, { RequestId: 'R' })]);
    await target.close?.();
    await expect(target.send(start)).rejects.toMatchObject({ code: 'TARGET_CLOSED' });
  });
});

describe('endpoint choice', () => {
  it('routes by RegionId, else by the call region, to the real product hosts', async () => {
    const { target, sent } = harness([json(200, { RequestId: 'R' })], { baseUrl: undefined });
    await target.send(start);
    await target.send({
      product: 'ecs',
      version: '2014-05-26',
      action: 'DeleteDisk',
      params: { DiskId: 'd-1' },
      region: 'cn-beijing',
    });
    await target.send({
      product: 'ecs',
      version: '2014-05-26',
      action: 'DeleteDisk',
      params: { DiskId: 'd-1' },
    });
    expect(sent.map((r) => new URL(r.url).host)).toEqual([
      'ebs.cn-hangzhou.aliyuncs.com',
      'ecs.cn-beijing.aliyuncs.com',
      'ecs.aliyuncs.com',
    ]);
    expect(sent[0]?.headers.host).toBe('ebs.cn-hangzhou.aliyuncs.com');
  });
});

describe('wire parameters', () => {
  const op = defineOperation({
    product: 'ecs',
    version: '2014-05-26',
    action: 'ListThings',
    summary: 'test only',
    doc: 'test',
    params: [
      param('DiskIds', { type: 'jsonArray', maxItems: 100 }, 'json list'),
      param('PairIds', { type: 'csv', maxItems: 100 }, 'csv list'),
      param('Tag', { type: 'tags', maxItems: 20 }, 'tags'),
    ],
    response: RequestIdOnly,
    errors: [],
    region: 'any',
    mutating: false,
  });

  it('sends JSON-array and CSV lists as one string, tags flattened, scalars as text', () => {
    expect(
      toWireParams(op, {
        DiskIds: ['d-1', 'd-2'],
        PairIds: ['pair-1', 'pair-2'],
        Tag: [{ Key: 'k', Value: 'v' }],
        DryRun: true,
        Size: 40,
      }),
    ).toEqual({
      DiskIds: '["d-1","d-2"]',
      PairIds: 'pair-1,pair-2',
      'Tag.1.Key': 'k',
      'Tag.1.Value': 'v',
      DryRun: 'true',
      Size: '40',
    });
    expect(toWireParams(op, { DiskIds: '["d-1"]' })).toEqual({ DiskIds: '["d-1"]' });
  });

  it('leaves the caller’s parameters as they were', () => {
    const params = { DiskIds: ['d-1'], PairIds: ['pair-1'], RegionId: 'cn-hangzhou' };
    toWireParams(op, params);
    expect(params).toEqual({ DiskIds: ['d-1'], PairIds: ['pair-1'], RegionId: 'cn-hangzhou' });
  });
});
