import { expect } from 'vitest';
import { echoService } from './echo-service';
import { createHandler } from './handler';
import type { WireRequest, WireResponse } from './wire';

// Shared by the gateway's unit tests: a handler over the echo service on a fixed wall clock.
export const EBS = { action: 'StartDiskReplicaPair', version: '2021-07-30' } as const;
export const START = {
  ...EBS,
  params: { RegionId: 'cn-hangzhou', ReplicaPairId: 'pair-1', OneShot: 'true' },
};
export const NOW = Date.parse('2026-01-01T00:00:00Z');

export function setup(overrides: Parameters<typeof createHandler>[1] = {}) {
  const service = echoService();
  const handler = createHandler(service, { now: () => NOW, ...overrides });
  const call = async (req: WireRequest) => {
    const res = await handler(req);
    return {
      res,
      json: res.headers['content-type']?.startsWith('application/json') ? JSON.parse(res.body) : undefined,
    };
  };
  return { service, handler, call };
}

export const expectError = (
  r: { res: WireResponse; json: Record<string, string> },
  status: number,
  code: string,
) => {
  expect({ status: r.res.status, code: r.json?.Code }).toEqual({ status, code });
  expect(Object.keys(r.json)).toEqual(['RequestId', 'HostId', 'Code', 'Message', 'Recommend']);
};
