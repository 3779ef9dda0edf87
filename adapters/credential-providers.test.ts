/**
 * The OIDC and ECS RAM-role providers of `@alicloud/credentials`, as a real run uses them (the
 * default chain of `realCredentials`, or `--profile` of a CLI profile in OIDC or EcsRamRole mode),
 * against local servers playing STS's AssumeRoleWithOIDC and the ECS metadata service.
 *
 * Neither host can be pointed elsewhere by configuration (@alicloud/credentials 2.4):
 * - the metadata service is `http://100.100.100.200` on port 80, fixed in ecs_ram_role.js;
 * - the OIDC provider's STS endpoint is `https://sts.aliyuncs.com`, or
 *   `https://sts.<region>.aliyuncs.com` (`sts-vpc.` with ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED) from
 *   ALIBABA_CLOUD_STS_REGION or a CLI profile's `sts_region`, always over https on port 443; its
 *   builder's `withStsEndpoint` is reachable from neither the chain nor a CLI profile in OIDC mode.
 * So these tests redirect the connection, not the URL: while they run, the agents' socket
 * factories send those two host:ports to the local servers (the TLS one with a certificate made
 * for the STS host name, which the connection is told to trust). Everything else is the library
 * and the harness as they run: the request the provider builds, HTTP over a socket, the answer
 * parsed, the session cached and refreshed, and each API request signed with what it returned.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { realCredentials } from './aliyun-profile';
import type { CredentialSource } from './credentials';
import { createHttpTarget } from './http-target';
import { gatewayTransport } from './testing/gateway-transport';

const STS_REGION = 'cn-test';
const STS_HOST = `sts.${STS_REGION}.aliyuncs.com`;
const METADATA_HOST = '100.100.100.200';

const CHAIN_VARIABLES = [
  'ALIBABA_CLOUD_ACCESS_KEY_ID',
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  'ALIBABA_CLOUD_SECURITY_TOKEN',
  'ALIBABA_CLOUD_PROFILE',
  'ALIBABA_CLOUD_ROLE_ARN',
  'ALIBABA_CLOUD_OIDC_PROVIDER_ARN',
  'ALIBABA_CLOUD_OIDC_TOKEN_FILE',
  'ALIBABA_CLOUD_ROLE_SESSION_NAME',
  'ALIBABA_CLOUD_STS_REGION',
  'ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED',
  'ALIBABA_CLOUD_CREDENTIALS_URI',
  'ALIBABA_CLOUD_CREDENTIALS_FILE',
  'ALIBABA_CLOUD_ECS_METADATA',
  'ALIBABA_CLOUD_ECS_METADATA_DISABLED',
  'ALIBABA_CLOUD_IMDSV1_DISABLED',
];

/** A session as STS and the metadata service write it: UTC, no milliseconds. */
const expiring = (seconds: number) =>
  new Date(Date.now() + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

const credentialsOf = (n: number) => ({
  accessKeyId: `STS.role${n}`,
  accessKeySecret: `secret-${n}`,
  securityToken: `token-${n}`,
});

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

type Handler = (req: Seen) => { status: number; body: string };

const listen = async (server: http.Server | https.Server) => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
};

function serve(server: http.Server | https.Server, handler: Handler, seen: Seen[]) {
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(entry);
      const answer = handler(entry);
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body);
    });
  });
}

let dir: string;
let cert: string;
let key: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'credential-providers-'));
  // A certificate for the STS host name, made here: the connection trusts it and nothing else.
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${STS_HOST}`,
      '-addext',
      `subjectAltName=DNS:${STS_HOST}`,
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
  key = readFileSync(join(dir, 'key.pem'), 'utf8');
});

const servers: (http.Server | https.Server)[] = [];
const realHttpConnect = http.Agent.prototype.createConnection;
const realHttpsConnect = (https.Agent.prototype as unknown as { createConnection: typeof realHttpConnect })
  .createConnection;

type ConnectOptions = { host?: string; port?: number | string; ca?: unknown };

/** Sends connections for `host:port` to a local port; the TLS ones trusting the test certificate. */
function redirect(routes: Record<string, number>): void {
  const route = (options: ConnectOptions): ConnectOptions => {
    const to = routes[`${options.host}:${options.port}`];
    return to === undefined ? options : { ...options, host: '127.0.0.1', port: to, ca: cert };
  };
  http.Agent.prototype.createConnection = function (this: http.Agent, options: ConnectOptions, cb?: unknown) {
    return (realHttpConnect as (...a: unknown[]) => ReturnType<typeof realHttpConnect>).call(
      this,
      route(options),
      cb,
    );
  } as typeof realHttpConnect;
  (https.Agent.prototype as unknown as { createConnection: unknown }).createConnection = function (
    this: https.Agent,
    options: ConnectOptions,
    cb?: unknown,
  ) {
    return (realHttpsConnect as (...a: unknown[]) => ReturnType<typeof realHttpConnect>).call(
      this,
      route(options),
      cb,
    );
  };
}

beforeEach(() => {
  vi.stubEnv('HOME', mkdtempSync(join(tmpdir(), 'aliyun-home-')));
  for (const name of CHAIN_VARIABLES) vi.stubEnv(name, undefined);
});

afterEach(async () => {
  vi.unstubAllEnvs();
  http.Agent.prototype.createConnection = realHttpConnect;
  (https.Agent.prototype as unknown as { createConnection: unknown }).createConnection = realHttpsConnect;
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

afterAll(() => {
  http.Agent.prototype.createConnection = realHttpConnect;
});

/**
 * Signs a DescribeRegions with the source three times: before the first session goes stale,
 * after it has (`staleAfterMs`), and once more. Returns the SecurityToken each request carried
 * and whether the emulator, which accepts only the two sessions handed out, answered each.
 */
async function signThrice(source: CredentialSource, staleAfterMs: number) {
  const { transport, tokens } = gatewayTransport([credentialsOf(1), credentialsOf(2)]);
  const target = createHttpTarget({ baseUrl: 'http://gw.test', credentials: source, transport });
  const call = { product: 'ebs', version: '2021-07-30', action: 'DescribeRegions', params: {} } as const;
  const outcomes: string[] = [];
  try {
    outcomes.push((await target.send(call)).outcome.kind);
    await new Promise((r) => setTimeout(r, staleAfterMs));
    outcomes.push((await target.send(call)).outcome.kind);
    outcomes.push((await target.send(call)).outcome.kind);
  } finally {
    await target.close?.();
  }
  return { tokens, outcomes };
}

/** STS answering AssumeRoleWithOIDC: the first session stale two seconds from now, later ones not. */
async function oidcSts() {
  const seen: Seen[] = [];
  let n = 0;
  const server = https.createServer({ cert, key });
  serve(
    server,
    (req) => {
      const query = new URL(req.url, 'https://sts').searchParams;
      if (req.method !== 'POST' || query.get('Action') !== 'AssumeRoleWithOIDC')
        return { status: 400, body: JSON.stringify({ Code: 'InvalidAction' }) };
      n += 1;
      // The library takes a session as stale 15 minutes before it expires.
      const Expiration = expiring(n === 1 ? 15 * 60 + 2 : 3600);
      const c = credentialsOf(n);
      return {
        status: 200,
        body: JSON.stringify({
          RequestId: `sts-${n}`,
          Credentials: {
            AccessKeyId: c.accessKeyId,
            AccessKeySecret: c.accessKeySecret,
            SecurityToken: c.securityToken,
            Expiration,
          },
        }),
      };
    },
    seen,
  );
  servers.push(server);
  redirect({ [`${STS_HOST}:443`]: await listen(server) });
  return seen;
}

/** The ECS metadata service (IMDSv2 tokens, the role name, its session): the first session prefetched two seconds from now. */
async function metadataService(role: string) {
  const seen: Seen[] = [];
  let n = 0;
  const server = http.createServer();
  serve(
    server,
    (req) => {
      if (req.method === 'PUT' && req.url === '/latest/api/token') return { status: 200, body: 'imds-token' };
      if (req.headers['x-aliyun-ecs-metadata-token'] !== 'imds-token') return { status: 401, body: '' };
      if (req.url === '/latest/meta-data/ram/security-credentials/') return { status: 200, body: role };
      if (req.url !== `/latest/meta-data/ram/security-credentials/${role}`) return { status: 404, body: '' };
      n += 1;
      // This provider refreshes an hour before expiry.
      const c = credentialsOf(n);
      return {
        status: 200,
        body: JSON.stringify({
          Code: 'Success',
          AccessKeyId: c.accessKeyId,
          AccessKeySecret: c.accessKeySecret,
          SecurityToken: c.securityToken,
          Expiration: expiring(n === 1 ? 3600 + 2 : 6 * 3600),
          LastUpdated: expiring(0),
        }),
      };
    },
    seen,
  );
  servers.push(server);
  redirect({ [`${METADATA_HOST}:80`]: await listen(server) });
  return seen;
}

const form = (body: string) => Object.fromEntries(new URLSearchParams(body));

describe('OIDC role credentials (what CI providers hand out)', () => {
  it('the default chain assumes the role with the token file, signs with the session, and assumes it again with the rotated token when it goes stale', async () => {
    const seen = await oidcSts();
    const tokenFile = join(dir, 'oidc-token');
    writeFileSync(tokenFile, 'oidc-jwt-1');
    vi.stubEnv('ALIBABA_CLOUD_ROLE_ARN', 'acs:ram::123:role/ci');
    vi.stubEnv('ALIBABA_CLOUD_OIDC_PROVIDER_ARN', 'acs:ram::123:oidc-provider/github');
    vi.stubEnv('ALIBABA_CLOUD_OIDC_TOKEN_FILE', tokenFile);
    vi.stubEnv('ALIBABA_CLOUD_STS_REGION', STS_REGION);
    const source = realCredentials();
    const first = await source.credentials();
    expect(first).toEqual(credentialsOf(1));
    expect(source.describe()).toBe('default chain: default/oidc_role_arn');
    // The CI provider rotates the token file; the next AssumeRoleWithOIDC must carry the new one.
    writeFileSync(tokenFile, 'oidc-jwt-2');
    const { tokens, outcomes } = await signThrice(source, 2500);
    expect(outcomes).toEqual(['success', 'success', 'success']);
    expect(tokens).toEqual(['token-1', 'token-2', 'token-2']);
    expect(seen.map((s) => form(s.body).OIDCToken)).toEqual(['oidc-jwt-1', 'oidc-jwt-2']);
    expect(form(seen[0]?.body ?? '')).toMatchObject({
      RoleArn: 'acs:ram::123:role/ci',
      OIDCProviderArn: 'acs:ram::123:oidc-provider/github',
      DurationSeconds: '3600',
    });
  }, 30_000);

  it('--profile of a CLI profile in OIDC mode does the same, with the profile sts_region', async () => {
    const seen = await oidcSts();
    const tokenFile = join(dir, 'oidc-token-profile');
    writeFileSync(tokenFile, 'oidc-jwt-profile');
    const home = process.env.HOME as string;
    execFileSync('mkdir', ['-p', join(home, '.aliyun')]);
    writeFileSync(
      join(home, '.aliyun', 'config.json'),
      JSON.stringify({
        current: 'ci',
        profiles: [
          {
            name: 'ci',
            mode: 'OIDC',
            ram_role_arn: 'acs:ram::123:role/ci',
            oidc_provider_arn: 'acs:ram::123:oidc-provider/github',
            oidc_token_file: tokenFile,
            sts_region: STS_REGION,
          },
        ],
      }),
    );
    const source = realCredentials({ profile: 'ci' });
    const { tokens, outcomes } = await signThrice(source, 2500);
    expect(outcomes).toEqual(['success', 'success', 'success']);
    expect(tokens).toEqual(['token-1', 'token-2', 'token-2']);
    expect(seen.map((s) => form(s.body).OIDCToken)).toEqual(['oidc-jwt-profile', 'oidc-jwt-profile']);
    expect(source.describe()).toBe('aliyun CLI profile ci: cli_profile/oidc_role_arn');
  }, 30_000);
});

describe('ECS instance RAM-role credentials', () => {
  it('the default chain asks the metadata service (IMDSv2) for the role and its session, signs with it, and fetches a new one before it expires', async () => {
    const seen = await metadataService('ebs-conformance-night');
    const source = realCredentials();
    const { tokens, outcomes } = await signThrice(source, 2500);
    expect(outcomes).toEqual(['success', 'success', 'success']);
    expect(tokens).toEqual(['token-1', 'token-2', 'token-2']);
    expect(source.describe()).toBe('default chain: default/ecs_ram_role');
    const reads = seen.filter((s) => s.method === 'GET').map((s) => s.url);
    expect(reads).toContain('/latest/meta-data/ram/security-credentials/');
    expect(reads.filter((u) => u.endsWith('/ebs-conformance-night'))).toHaveLength(2);
  }, 30_000);

  it('ALIBABA_CLOUD_ECS_METADATA names the role, so the role name is never asked', async () => {
    const seen = await metadataService('named-role');
    vi.stubEnv('ALIBABA_CLOUD_ECS_METADATA', 'named-role');
    expect(await realCredentials().credentials()).toEqual(credentialsOf(1));
    expect(seen.map((s) => s.url)).not.toContain('/latest/meta-data/ram/security-credentials/');
  });

  it('ALIBABA_CLOUD_ECS_METADATA_DISABLED keeps the chain off the metadata service', async () => {
    const seen = await metadataService('any');
    vi.stubEnv('ALIBABA_CLOUD_ECS_METADATA_DISABLED', 'true');
    await expect(realCredentials().credentials()).rejects.toThrow();
    expect(seen).toEqual([]);
  });
});
