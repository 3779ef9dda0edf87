import { describe, expect, it } from 'vitest';
import { createTarget, credentialsFromEnv, EMULATOR_CREDENTIALS } from '.';

const KEYS = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'envKeyId123', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'envSecret' };

describe('credentialsFromEnv', () => {
  it('reads the key pair and the optional STS token', () => {
    expect(credentialsFromEnv(KEYS)).toEqual({
      ok: true,
      source: 'environment',
      credentials: { accessKeyId: 'envKeyId123', accessKeySecret: 'envSecret' },
    });
    expect(credentialsFromEnv({ ...KEYS, ALIBABA_CLOUD_SECURITY_TOKEN: 'tok' })).toMatchObject({
      credentials: { securityToken: 'tok' },
    });
  });

  it('falls back only when given a fallback, and never mixes half a pair with it', () => {
    expect(credentialsFromEnv({}, EMULATOR_CREDENTIALS)).toMatchObject({
      ok: true,
      source: 'emulator-default',
    });
    expect(credentialsFromEnv({})).toMatchObject({ ok: false, code: 'CREDENTIALS_MISSING' });
    expect(credentialsFromEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'x' }, EMULATOR_CREDENTIALS)).toMatchObject({
      ok: false,
      code: 'CREDENTIALS_MISSING',
    });
  });
});

describe('createTarget', () => {
  it('mock: runs with no account at all, on the emulator default key', async () => {
    const target = await createTarget('mock', { env: {}, retry: { maxAttempts: 1 } });
    try {
      expect(target.kind).toBe('mock');
      const ex = await target.send({
        product: 'ebs',
        version: '2021-07-30',
        action: 'DescribeRegions',
        params: { RegionId: 'cn-hangzhou' },
      });
      expect(ex.outcome.kind).toBe('success');
      expect(ex.request.headers.authorization).toContain('Credential=test****Id');
    } finally {
      await target.close?.();
    }
  });

  it('endpoint: configuration mistakes are TARGET_CONFIG errors, never a default key', async () => {
    await expect(createTarget('endpoint', { env: KEYS })).rejects.toMatchObject({ code: 'TARGET_CONFIG' });
    await expect(createTarget('endpoint', { env: {}, endpoint: 'http://127.0.0.1:1' })).rejects.toMatchObject(
      {
        code: 'TARGET_CONFIG',
      },
    );
    await expect(createTarget('endpoint', { env: KEYS, endpoint: 'ftp://x' })).rejects.toMatchObject({
      code: 'TARGET_CONFIG',
    });
  });
});
