import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireResponse } from '../../emulator/protocol/wire';
import { type EmulatorProcess, runCli, spawnEmulator } from '../emulator/cli-process';
import { runAgainst } from '../readings/support';

// A target whose answers carry no RequestId at all, its very first one included (the answer the
// harness learns the world from): the run must reach a verdict, a nonconformance naming the call
// and PROTO.SUCCESS_HAS_REQUEST_ID, never an abort (exit 70) or an inconclusive end.

const RULE = 'PROTO.SUCCESS_HAS_REQUEST_ID';

/** The answer's text without any RequestId: JSON field, XML element, and the request-id header. */
function withoutRequestId(body: string): string {
  return body
    .replace(/"RequestId"\s*:\s*"[^"]*"\s*,?/g, '')
    .replace(/,(\s*})/g, '$1')
    .replace(/<RequestId>[^<]*<\/RequestId>/g, '');
}

describe('a target that never answers a RequestId', () => {
  it('in process: the first judged call is reported, naming its operation and the rule', async () => {
    let stripped = 0;
    const run = await runAgainst({
      runs: 3,
      maxCommands: 10,
      deviation: {
        encoded(_action: string, response: WireResponse): WireResponse {
          stripped += 1;
          const { 'x-acs-request-id': _, ...headers } = response.headers ?? {};
          return { ...response, headers, body: withoutRequestId(response.body) };
        },
      },
    });
    expect(run.worldNotes.join('\n')).toContain('RequestId');
    expect(run.record.verdict).toBe('nonconformant');
    expect(run.record.inconclusive).toEqual([]);
    const [failure] = run.record.failures;
    expect(failure?.rules).toContain(RULE);
    // The call it names is the one the trace ends with: the first the run judged.
    expect(failure?.operation).toBe(failure?.trace.at(-1)?.operation);
    expect(failure?.title).toContain('RequestId');
    expect(stripped).toBeGreaterThan(1);
  }, 120_000);

  describe('on the command line, through a proxy that strips it, on a real clock', () => {
    let emulator: EmulatorProcess;
    let proxy: Server;
    let proxyUrl: string;
    let stripped = 0;
    let dir: string;

    beforeAll(async () => {
      emulator = await spawnEmulator(['--transition-ms', '20']);
      const upstream = new URL(emulator.url);
      proxy = createServer((req, res) => {
        const forward = request(
          {
            host: upstream.hostname,
            port: upstream.port,
            path: req.url,
            method: req.method,
            headers: req.headers,
          },
          (answer) => {
            const chunks: Buffer[] = [];
            answer.on('data', (c: Buffer) => chunks.push(c));
            answer.on('end', () => {
              const body = withoutRequestId(Buffer.concat(chunks).toString('utf8'));
              stripped += 1;
              const { 'x-acs-request-id': _, 'content-length': __, ...headers } = answer.headers;
              res.writeHead(answer.statusCode ?? 502, {
                ...headers,
                'content-length': Buffer.byteLength(body),
              });
              res.end(body);
            });
          },
        );
        req.pipe(forward);
      });
      await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
      proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      dir = await mkdtemp(join(tmpdir(), 'no-request-id-'));
    }, 120_000);

    afterAll(async () => {
      await new Promise((r) => proxy?.close(r));
      await emulator?.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('exits 1 (nonconformant, not 70 or 3) and the record names the call and the rule', async () => {
      const { code, stdout, stderr } = await runCli(
        [
          'run',
          '--target',
          'endpoint',
          '--endpoint',
          proxyUrl,
          '--runs',
          '2',
          '--max-commands',
          '20',
          '--seed',
          '7',
          '--quiet',
          '--report-dir',
          dir,
        ],
        {
          ALIBABA_CLOUD_ACCESS_KEY_ID: 'testAccessKeyId',
          ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'testAccessKeySecret',
        },
      );
      expect(code, stderr + stdout).toBe(1);
      expect(stdout).toContain('nonconformant');
      expect(stderr).not.toMatch(/\n\s+at /);
      const record = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
      expect(record.verdict).toBe('nonconformant');
      expect(record.failures[0].rules).toContain(RULE);
      expect(record.failures[0].operation).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(record.failures[0].title).toContain('RequestId');
      expect(stripped).toBeGreaterThan(2);
    }, 180_000);
  });
});
