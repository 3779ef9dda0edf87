import { describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator';
import { createEndpointTarget } from './endpoint-target';
import { startVerifyingServer } from './testing/verifying-server';

const credentials = { accessKeyId: 'testAccessKeyId', accessKeySecret: 'testAccessKeySecret' };
const regions = {
  product: 'ebs',
  version: '2021-07-30',
  action: 'DescribeRegions',
  params: { RegionId: 'cn-hangzhou' },
} as const;

describe('endpoint target', () => {
  it('finds the admin endpoints of an emulator it does not own, but never offers to reset it', async () => {
    const emulator = await startEmulator({ transitionMs: 0 });
    const target = await createEndpointTarget({ endpoint: `${emulator.url}/`, credentials });
    try {
      expect(target.endpoint).toBe(emulator.url);
      expect(target.capabilities).toMatchObject({ admin: true, reset: false, clockControl: false });
      expect(target.reset).toBeUndefined();
      expect(target.advanceClock).toBeUndefined();
      expect((await target.send(regions)).outcome.kind).toBe('success');
    } finally {
      await target.close?.();
      await emulator.close();
    }
  });

  it('reports no admin capability for a server without /_emulator', async () => {
    const server = await startVerifyingServer(credentials.accessKeySecret);
    const target = await createEndpointTarget({
      endpoint: server.origin,
      credentials,
      probeTimeoutMs: 1_000,
    });
    try {
      expect(target.capabilities.admin).toBe(false);
      expect((await target.send(regions)).outcome.kind).toBe('success');
      expect(server.received.at(-1)?.verified).toBe(true);
    } finally {
      await target.close?.();
      await server.close();
    }
  });

  it('refuses an endpoint with a path', async () => {
    await expect(createEndpointTarget({ endpoint: 'http://127.0.0.1:1/api', credentials })).rejects.toThrow(
      /no path/,
    );
  });
});
