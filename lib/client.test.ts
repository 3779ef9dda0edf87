import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../api';
import { DEFAULT_STS_CREDENTIAL, startEmulator } from '../emulator';
import { API_OPERATIONS, ApiError, ClientError, createClient } from './client';
import { createMswEmulator } from './msw';

// The typed client over fetch, answered by the msw handlers (plus one host that answers a body
// breaking the documented schema), and over undici sockets against a listening emulator.
const emulator = createMswEmulator();
const server = setupServer(
  ...emulator.handlers,
  http.all('https://broken.example.test/', () =>
    HttpResponse.json({ RequestId: 'R-1', Regions: 'none' }, { status: 200 }),
  ),
);
const keys = { accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret };
const fast = { baseDelayMs: 1, maxDelayMs: 1 };

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('the typed client', () => {
  it('can call every operation of the spec by name', () => {
    const callable = new Set<unknown>(Object.values(API_OPERATIONS));
    expect(OPERATIONS.filter((op) => !callable.has(op)).map((op) => op.action)).toEqual([]);
  });

  it('resolves to the documented body, checked by its schema', async () => {
    const client = createClient({ credentials: keys });
    const res = await client.call('DescribeRegions', { ResourceType: 'ear', AcceptLanguage: 'en-US' });
    const hangzhou = res.Regions.find((r) => r.RegionId === 'cn-hangzhou');
    expect(hangzhou?.LocalName).toBe('China (Hangzhou)');
    expect(hangzhou?.Zones.map((z) => z.ZoneId)).toEqual(['cn-hangzhou-g', 'cn-hangzhou-h']);
  });

  it('rejects a refusal with ApiError, carrying code, status and RequestId', async () => {
    const client = createClient({ credentials: keys });
    const err = await client
      .call('FailoverDiskReplicaPair', { RegionId: 'cn-beijing', ReplicaPairId: 'pair-none' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ action: 'FailoverDiskReplicaPair', code: 'NoSuchResource', httpStatus: 404 });
    expect((err as ApiError).requestId).toMatch(/^[0-9A-F-]{36}$/);
  });

  it('retries transient answers with backoff, up to its attempts', async () => {
    emulator.faults.next('DescribeRegions', 'ServiceUnavailable', 2);
    const patient = createClient({ credentials: keys, retry: { ...fast, maxAttempts: 3 } });
    expect((await patient.call('DescribeRegions', {})).Regions.length).toBeGreaterThan(0);

    emulator.faults.next('DescribeRegions', 'ServiceUnavailable', 2);
    const impatient = createClient({ credentials: keys, retry: { ...fast, maxAttempts: 2 } });
    await expect(impatient.call('DescribeRegions', {})).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    emulator.faults.clear();
  });

  it('rejects a body that breaks the documented schema with ClientError', async () => {
    const client = createClient({ endpoint: 'https://broken.example.test', credentials: keys });
    const err = await client.call('DescribeRegions', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClientError);
    expect(err).toMatchObject({ reason: 'schema' });
    expect((err as Error).message).toContain('Regions');
  });

  it('never lets the secret or the STS token into an error', async () => {
    const secret = 'Secret-0123456789-value';
    // The emulator's STS token, so the key is accepted and the signature check echoes its string to sign.
    const token = DEFAULT_STS_CREDENTIAL.securityToken as string;
    const client = createClient({
      credentials: { accessKeyId: 'STS.testAccessKeyId', accessKeySecret: secret, securityToken: token },
      variant: { signature: 'v1', method: 'GET' },
    });
    const err = (await client.call('DescribeRegions', {}).catch((e: unknown) => e)) as ApiError;
    expect(err.code).toBe('SignatureDoesNotMatch');
    expect(err.message).toContain('SecurityToken%3D***');
    expect(err.message).not.toContain(secret);
    expect(err.message).not.toContain(token);
  });

  it('talks to a listening emulator over undici sockets', async () => {
    const running = await startEmulator({ transitionMs: 0 });
    const client = createClient({ endpoint: running.url, transport: 'undici' });
    try {
      const res = await client.call('DescribeInstances', { RegionId: 'cn-beijing', ZoneId: 'cn-beijing-f' });
      expect(res.Instances.Instance).toHaveLength(2);
    } finally {
      await client.close();
      await running.close();
    }
  });
});
