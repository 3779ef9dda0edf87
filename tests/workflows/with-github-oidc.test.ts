/**
 * The nightly's credentials: `.github/scripts/with-github-oidc.sh` against a local server standing
 * in for GitHub's OIDC token endpoint. It hands the command a token file (never the log), renews it
 * while the command runs, passes the command's status on, and leaves nothing behind.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SCRIPT = resolve(dirname(fileURLToPath(import.meta.url)), '../../.github/scripts/with-github-oidc.sh');

let server: Server;
let url: string;
const asked: { auth: string | undefined; audience: string | null }[] = [];
const temp = mkdtempSync(join(tmpdir(), 'github-oidc-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    asked.push({ auth: req.headers.authorization, audience: query.get('audience') });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ value: `github-id-token-${asked.length}` }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token?api-version=2.0`;
});

afterAll(() => {
  server.close();
  rmSync(temp, { recursive: true, force: true });
});

function withOidc(command: string, env: Record<string, string | undefined>) {
  const child = spawn('bash', [SCRIPT, 'bash', '-c', command], {
    env: { PATH: process.env.PATH, RUNNER_TEMP: temp, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    err += c.toString();
  });
  return new Promise<{ code: number | null; out: string; err: string }>((done) =>
    child.once('exit', (code) => done({ code, out, err })),
  );
}

const GITHUB = {
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token',
  ALIBABA_CLOUD_ROLE_ARN: 'acs:ram::1234567890123456:role/ebs-conformance-nightly',
  ALIBABA_CLOUD_OIDC_PROVIDER_ARN: 'acs:ram::1234567890123456:oidc-provider/github',
};

describe('with-github-oidc.sh', () => {
  it('names a token file the command reads, renews it while the command runs, and passes its status on', async () => {
    const { code, out, err } = await withOidc(
      'echo "$ALIBABA_CLOUD_OIDC_TOKEN_FILE"; cat "$ALIBABA_CLOUD_OIDC_TOKEN_FILE"; sleep 2.5; cat "$ALIBABA_CLOUD_OIDC_TOKEN_FILE"; exit 7',
      { ...GITHUB, ACTIONS_ID_TOKEN_REQUEST_URL: url, EBS_OIDC_REFRESH_SECONDS: '1' },
    );
    expect(code).toBe(7);
    const [file, first, later] = out.split('\n');
    expect(first).toBe('github-id-token-1');
    expect(later).toMatch(/^github-id-token-[2-9]$/);
    expect(asked[0]).toEqual({ auth: 'Bearer request-token', audience: 'sts.aliyuncs.com' });
    // The token is never printed by the script itself, and nothing of it stays on disk.
    expect(err).not.toContain('github-id-token');
    expect(existsSync(dirname(file as string))).toBe(false);
  }, 30_000);

  it('runs nothing without the id-token permission', async () => {
    const { code, out, err } = await withOidc('echo ran', GITHUB);
    expect(code).not.toBe(0);
    expect(out).toBe('');
    expect(err).toMatch(/id-token: write/);
  }, 30_000);
});
