/**
 * Credentials of a real run come from `@alicloud/credentials` (the chain Alibaba Cloud's SDKs
 * use), read from a scratch HOME and environment: nothing of the machine running the tests leaks
 * in, and the ECS metadata service is switched off so the chain never waits on it.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkedCredentials, homeRegion, realCredentials, safeCredentialsMessage } from './aliyun-profile';
import { createHttpTarget } from './http-target';
import { gatewayTransport } from './testing/gateway-transport';

const CHAIN_VARIABLES = [
  'ALIBABA_CLOUD_ACCESS_KEY_ID',
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  'ALIBABA_CLOUD_SECURITY_TOKEN',
  'ALIBABA_CLOUD_PROFILE',
  'ALIBABA_CLOUD_REGION_ID',
  'ALIBABA_CLOUD_ROLE_ARN',
  'ALIBABA_CLOUD_OIDC_PROVIDER_ARN',
  'ALIBABA_CLOUD_OIDC_TOKEN_FILE',
  'ALIBABA_CLOUD_CREDENTIALS_URI',
  'ALIBABA_CLOUD_CREDENTIALS_FILE',
  'ALIBABA_CLOUD_ECS_METADATA',
];

let home: string;

/** A scratch HOME holding `~/.aliyun/config.json`. */
function writeConfig(content: unknown): void {
  mkdirSync(join(home, '.aliyun'), { recursive: true });
  writeFileSync(
    join(home, '.aliyun', 'config.json'),
    typeof content === 'string' ? content : JSON.stringify(content),
  );
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'aliyun-home-'));
  vi.stubEnv('HOME', home);
  for (const name of CHAIN_VARIABLES) vi.stubEnv(name, undefined);
  vi.stubEnv('ALIBABA_CLOUD_ECS_METADATA_DISABLED', 'true');
});

afterEach(() => {
  vi.unstubAllEnvs();
});

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
      region_id: 'cn-shanghai',
    },
  ],
};

describe('credentials for a real account (@alicloud/credentials)', () => {
  it('--profile reads that aliyun CLI profile in AK and StsToken mode', async () => {
    writeConfig(CONFIG);
    const ak = realCredentials({ profile: 'default' });
    expect(await ak.credentials()).toEqual({ accessKeyId: 'profileKeyDefault', accessKeySecret: 'secret-d' });
    expect(ak.describe()).toBe('aliyun CLI profile default: cli_profile/static_ak');
    expect(await realCredentials({ profile: 'night' }).credentials()).toEqual({
      accessKeyId: 'STS.night',
      accessKeySecret: 'secret-n',
      securityToken: 'tok-n',
    });
  });

  it('--profile reads a profile in External mode: the command it names prints the credentials', async () => {
    const command = join(home, 'print-credentials.sh');
    writeFileSync(
      command,
      `#!/bin/sh\necho '{"mode":"StsToken","access_key_id":"STS.ext","access_key_secret":"secret-x","sts_token":"tok-x"}'\n`,
    );
    chmodSync(command, 0o755);
    writeConfig({ current: 'ext', profiles: [{ name: 'ext', mode: 'External', process_command: command }] });
    expect(await realCredentials({ profile: 'ext' }).credentials()).toEqual({
      accessKeyId: 'STS.ext',
      accessKeySecret: 'secret-x',
      securityToken: 'tok-x',
    });
  });

  it('without --profile walks the default chain: environment, then ALIBABA_CLOUD_PROFILE, then the current profile', async () => {
    writeConfig(CONFIG);
    expect((await realCredentials().credentials()).accessKeyId).toBe('STS.night');
    vi.stubEnv('ALIBABA_CLOUD_PROFILE', 'default');
    expect((await realCredentials().credentials()).accessKeyId).toBe('profileKeyDefault');
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', 'envKeyId');
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', 's');
    vi.stubEnv('ALIBABA_CLOUD_SECURITY_TOKEN', 't');
    const env = realCredentials();
    expect(await env.credentials()).toEqual({
      accessKeyId: 'envKeyId',
      accessKeySecret: 's',
      securityToken: 't',
    });
    expect(env.describe()).toBe('default chain: default/env');
  });

  it('--region, else ALIBABA_CLOUD_REGION_ID, else the profile region_id', () => {
    writeConfig(CONFIG);
    expect(homeRegion(undefined, undefined)).toBe('cn-shanghai');
    expect(homeRegion(undefined, 'default')).toBe('cn-hangzhou');
    vi.stubEnv('ALIBABA_CLOUD_PROFILE', 'default');
    expect(homeRegion(undefined, undefined)).toBe('cn-hangzhou');
    vi.stubEnv('ALIBABA_CLOUD_REGION_ID', 'cn-beijing');
    expect(homeRegion(undefined, undefined)).toBe('cn-beijing');
    expect(homeRegion('ap-southeast-1', undefined)).toBe('ap-southeast-1');
  });

  it('explains what is wrong without printing a key, secret or token', async () => {
    const message = async (f: () => Promise<unknown>) => {
      try {
        await f();
      } catch (err) {
        return (err as Error).message;
      }
      throw new Error('no error');
    };
    writeConfig(CONFIG);
    expect(await message(() => checkedCredentials({ profile: 'nope' }))).toMatch(
      /no credentials from --profile nope: unable to get profile with 'nope'/,
    );
    // The library quotes a config it cannot parse whole: the quote is cut.
    writeConfig('{"profiles": [{"name": "x", "access_key_secret": "secret-leak", "sts_token": "tok-leak"');
    const broken = await message(() => checkedCredentials({ profile: 'x' }));
    expect(broken).toMatch(/parse aliyun cli config from '.*config\.json' failed \(not valid JSON\)/);
    const chain = await message(() => checkedCredentials());
    expect(chain).toMatch(/no credentials from the default credential chain/);
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', 'halfKeyId');
    const half = await message(() => checkedCredentials());
    expect(half).toMatch(/set both/);
    for (const m of [broken, chain, half]) expect(m).not.toMatch(/secret-|halfKeyId|tok-/);
    expect(safeCredentialsMessage('parse aliyun cli config from \'/c\' failed: {"k":"s3cr3t"}')).toBe(
      "parse aliyun cli config from '/c' failed (not valid JSON)",
    );
  });
});

/** A credentials URI (`ALIBABA_CLOUD_CREDENTIALS_URI`) that hands out a new STS token each time. */
async function tokenServer(
  expiresInSeconds: () => number,
): Promise<{ server: Server; url: string; served: () => number }> {
  let n = 0;
  const server = createServer((_req, res) => {
    n += 1;
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        Code: 'Success',
        AccessKeyId: `STS.key${n}`,
        AccessKeySecret: `secret-${n}`,
        SecurityToken: `token-${n}`,
        Expiration: new Date(Date.now() + expiresInSeconds() * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, served: () => n };
}

describe('a token that expires during a run', () => {
  it('is refreshed by the chain: later requests are signed with the new token, and the emulator accepts both', async () => {
    // The library refreshes 15 minutes before expiry: the first token is stale two seconds from now.
    let lifetime = 15 * 60 + 2;
    const sts = await tokenServer(() => lifetime);
    vi.stubEnv('ALIBABA_CLOUD_CREDENTIALS_URI', sts.url);
    const { transport, tokens: seen } = gatewayTransport(
      [1, 2].map((n) => ({
        accessKeyId: `STS.key${n}`,
        accessKeySecret: `secret-${n}`,
        securityToken: `token-${n}`,
      })),
    );
    const target = createHttpTarget({ baseUrl: 'http://gw.test', credentials: realCredentials(), transport });
    const call = { product: 'ebs', version: '2021-07-30', action: 'DescribeRegions', params: {} } as const;
    try {
      const before = await target.send(call);
      expect(before.outcome.kind).toBe('success');
      lifetime = 3600;
      await new Promise((r) => setTimeout(r, 2500));
      const after = await target.send(call);
      expect(after.outcome.kind).toBe('success');
      expect(seen).toEqual(['token-1', 'token-2']);
      // Neither token nor secret is kept in what the exchange records.
      for (const text of [JSON.stringify(before), JSON.stringify(after)])
        expect(text).not.toMatch(/token-\d|secret-\d/);
    } finally {
      await target.close?.();
      sts.server.close();
    }
  });
});
