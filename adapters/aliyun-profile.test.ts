import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realCredentials } from './aliyun-profile';

function configFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'aliyun-')), 'config.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const CONFIG = {
  current: 'night',
  profiles: [
    {
      name: 'default',
      mode: 'AK',
      access_key_id: 'profileKeyDefault',
      access_key_secret: 'secret-d',
      region_id: 'cn-hangzhou',
    },
    {
      name: 'night',
      mode: 'StsToken',
      access_key_id: 'STS.night',
      access_key_secret: 'secret-n',
      sts_token: 'tok-n',
    },
    { name: 'sso', mode: 'CloudSSO' },
  ],
};

describe('credentials for a real account', () => {
  it('reads the named profile of the aliyun CLI config, AK and StsToken', () => {
    const profileFile = configFile(CONFIG);
    const ak = realCredentials({ profile: 'default', profileFile, env: {} });
    expect(ak.credentials).toEqual({ accessKeyId: 'profileKeyDefault', accessKeySecret: 'secret-d' });
    expect(ak.region).toBe('cn-hangzhou');
    expect(ak.source).toBe(`profile default (${profileFile})`);
    const sts = realCredentials({ profile: 'night', profileFile, env: {} });
    expect(sts.credentials).toEqual({
      accessKeyId: 'STS.night',
      accessKeySecret: 'secret-n',
      securityToken: 'tok-n',
    });
  });

  it('prefers the environment, then the current profile', () => {
    const profileFile = configFile(CONFIG);
    const env = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'envKeyId',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 's',
      ALIBABA_CLOUD_SECURITY_TOKEN: 't',
    };
    expect(realCredentials({ profileFile, env })).toEqual({
      credentials: { accessKeyId: 'envKeyId', accessKeySecret: 's', securityToken: 't' },
      source: 'environment',
    });
    expect(realCredentials({ profileFile, env: {} }).credentials.accessKeyId).toBe('STS.night');
  });

  it('explains what is wrong without printing a key or secret', () => {
    const profileFile = configFile(CONFIG);
    const message = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return (err as Error).message;
      }
      throw new Error('no error');
    };
    expect(message(() => realCredentials({ profile: 'nope', profileFile, env: {} }))).toMatch(
      /no profile named "nope"/,
    );
    expect(message(() => realCredentials({ profile: 'sso', profileFile, env: {} }))).toMatch(
      /mode CloudSSO.*only AK and StsToken/,
    );
    expect(message(() => realCredentials({ profileFile: configFile('{not json'), env: {} }))).toMatch(
      /not valid JSON/,
    );
    const none = message(() => realCredentials({ profileFile: '/nonexistent/config.json', env: {} }));
    expect(none).toMatch(/ALIBABA_CLOUD_ACCESS_KEY_ID/);
    const half = message(() =>
      realCredentials({ profileFile, env: { ALIBABA_CLOUD_ACCESS_KEY_ID: 'halfKeyId' } }),
    );
    expect(half).toMatch(/set both/);
    for (const m of [none, half]) expect(m).not.toMatch(/secret-|halfKeyId|tok-n/);
  });
});
