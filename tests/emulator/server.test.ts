import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHandler,
  listen,
  type RunningServer,
  signV1,
  signV3,
  type WireRequest,
} from '../../emulator/protocol';
import { echoService } from '../../emulator/protocol/echo-service';

// The node:http transport around the gateway, over real sockets (the gateway's own logic is
// covered in emulator/protocol; here: bodies, headers, keep-alive, limits, closing).
let server: RunningServer;
let pool: Pool;
const START = {
  action: 'StartDiskReplicaPair',
  version: '2021-07-30',
  params: { RegionId: 'cn-hangzhou', ReplicaPairId: 'pair-1' },
  format: 'JSON',
};

beforeAll(async () => {
  server = await listen(createHandler(echoService()), { maxBodyBytes: 64 * 1024 });
  pool = new Pool(server.url, { connections: 8 });
});
afterAll(async () => {
  await pool.close();
  await server.close();
});

async function send(req: WireRequest) {
  const res = await pool.request({
    method: req.method as 'GET',
    path: req.url,
    headers: { ...(req.headers as Record<string, string>), host: `127.0.0.1:${server.port}` },
    body: req.method === 'GET' ? undefined : req.body,
  });
  return {
    status: res.statusCode,
    headers: res.headers,
    json: (await res.body.json()) as Record<string, unknown>,
  };
}

describe('node:http server', () => {
  it('prints its URL with the port it got', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves V1 GET, V1 POST form bodies and V3 (host signed with its port) on one socket pool', async () => {
    const host = `127.0.0.1:${server.port}`;
    for (const req of [
      signV1({ ...START, host }),
      signV1({ ...START, host, layout: 'body' }),
      signV1({ ...START, host, layout: 'split' }),
      signV3({ ...START, host }),
      signV3({ ...START, host, inBody: true }),
    ]) {
      const res = await send(req);
      expect(res.status).toBe(200);
      expect(res.headers['content-length']).toBeDefined();
      expect(res.headers['x-acs-request-id']).toBe(res.json.RequestId);
    }
  });

  it('answers 64 concurrent requests, each with its own RequestId', async () => {
    const all = await Promise.all(Array.from({ length: 64 }, () => send(signV1(START))));
    expect(all.every((r) => r.status === 200)).toBe(true);
    expect(new Set(all.map((r) => r.json.RequestId)).size).toBe(64);
  });

  it('refuses a body over the limit in the gateway error shape', async () => {
    const req = signV1({ ...START, layout: 'body', params: { ...START.params, Pad: 'x'.repeat(70_000) } });
    const res = await send(req);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      Code: 'InvalidParameter',
      Message: expect.stringContaining('larger than'),
    });
  });
});
