import { describe, expect, it } from 'vitest';
import { parseDuration } from './admin';
import { echoService } from './echo-service';
import { createHandler } from './handler';
import { signV1 } from './test-client';

function setup(mode: 'manual' | 'real' = 'manual') {
  const service = echoService(mode);
  const handler = createHandler(service);
  const admin = async (method: string, path: string, body?: unknown) => {
    const res = await handler({
      method,
      url: `/_emulator/${path}`,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, json: JSON.parse(res.body) };
  };
  return { service, handler, admin };
}

const START = {
  action: 'StartDiskReplicaPair',
  version: '2021-07-30',
  params: { RegionId: 'cn-hangzhou', ReplicaPairId: 'pair-1' },
  format: 'JSON',
};

describe('admin endpoints', () => {
  it('reports health and state, and resets the service without a signature', async () => {
    const { admin, service } = setup();
    expect(await admin('GET', 'health')).toEqual({ status: 200, json: { status: 'ok' } });
    expect((await admin('GET', 'state')).json).toEqual({ calls: 0, now: 0 });
    expect((await admin('POST', 'reset')).status).toBe(200);
    expect(service.resets).toBe(1);
  });

  it('advances a manual clock by milliseconds or a duration, and refuses a real clock with 409', async () => {
    const { admin } = setup();
    expect((await admin('POST', 'clock', { advanceMs: 1500 })).json).toEqual({ mode: 'manual', now: 1500 });
    expect((await admin('POST', 'clock', { advance: '15m' })).json.now).toBe(1500 + 900_000);
    expect((await admin('POST', 'clock', { advance: 'soon' })).status).toBe(400);
    expect((await admin('POST', 'clock', { advanceMs: -1 })).status).toBe(400);
    expect((await admin('POST', 'clock', '{not json')).status).toBe(400);
    const real = setup('real');
    expect((await real.admin('POST', 'clock', { advanceMs: 1 })).status).toBe(409);
  });

  it('manages faults that the next API calls then suffer', async () => {
    const { admin, handler } = setup();
    const added = await admin('POST', 'faults', {
      kind: 'error',
      action: 'StartDiskReplicaPair',
      code: 'Throttling.User',
    });
    expect(added.status).toBe(201);
    expect((await admin('GET', 'faults')).json.faults).toHaveLength(1);
    const throttled = await handler(signV1(START));
    expect({ status: throttled.status, code: JSON.parse(throttled.body).Code }).toEqual({
      status: 400,
      code: 'Throttling.User',
    });
    expect((await handler(signV1(START))).status).toBe(200);
    await admin('POST', 'faults', [
      { kind: 'delay', delayMs: 1 },
      { kind: 'error', code: 'InternalError', count: 3 },
    ]);
    expect((await admin('DELETE', 'faults')).json).toEqual({ removed: 2 });
    expect((await handler(signV1(START))).status).toBe(200);
  });

  it('refuses malformed fault rules, unknown endpoints and wrong methods with a clear 4xx', async () => {
    const { admin } = setup();
    expect((await admin('POST', 'faults', { kind: 'error' })).status).toBe(400);
    expect((await admin('POST', 'faults', { kind: 'error', code: 'Made.Up' })).status).toBe(400);
    expect((await admin('DELETE', 'faults/99')).status).toBe(404);
    expect((await admin('GET', 'nothing')).status).toBe(404);
    expect((await admin('GET', 'reset')).status).toBe(405);
  });

  it('parses durations', () => {
    expect([
      parseDuration('200ms'),
      parseDuration('90s'),
      parseDuration('1.5h'),
      parseDuration('2d'),
    ]).toEqual([200, 90_000, 5_400_000, 172_800_000]);
    expect(parseDuration('15 minutes')).toBeUndefined();
  });
});
