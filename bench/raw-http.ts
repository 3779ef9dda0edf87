/**
 * The raw HTTP limit of this machine, measured beside the emulator target: undici `Pool.request`
 * with keep-alive (what the emulator target's transport uses) against a trivial node:http server
 * in a child process, which answers the captured responses with no work of its own.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { createEmulatorTarget, type HttpRequest } from '../adapters';
import { type ReplayedExchange, replayRate } from './replayed-traffic';

const SERVER = fileURLToPath(new URL('./raw-http-server.mjs', import.meta.url));

export interface RawHttpServer {
  readonly origin: string;
  /** The server's process, whose CPU the benchmark reads beside the client's. */
  readonly pid: number | undefined;
  close(): Promise<void>;
}

/** Starts the trivial server as a child process; it answers `responses` in turn. */
export async function startRawServer(traffic: readonly ReplayedExchange[]): Promise<RawHttpServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ebs-bench-raw-'));
  const file = join(dir, 'responses.json');
  writeFileSync(file, JSON.stringify(traffic.map((t) => t.response)));
  // The emulator target's child-process handling (spawn, wait for "listening on", stop) with
  // the trivial server in place of the emulator; its API client is never used.
  const child = await createEmulatorTarget({ command: { file: process.execPath, args: [SERVER, file] } });
  return {
    origin: child.endpoint as string,
    pid: child.pid,
    async close() {
      await child.close?.();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Requests per second through one undici pool of 16 keep-alive connections, as the transport has. */
export async function rawHttpRate(
  origin: string,
  traffic: readonly ReplayedExchange[],
  total: number,
  concurrency: number,
): Promise<number> {
  const pool = new Pool(origin, { connections: 16, pipelining: 1 });
  const send = async (req: HttpRequest) => {
    const q = req.url.indexOf('/', req.url.indexOf('//') + 2);
    const { host: _host, ...headers } = req.headers;
    const res = await pool.request({
      method: req.method,
      path: req.url.slice(q),
      headers,
      body: req.body === '' ? undefined : req.body,
    });
    return res.body.text();
  };
  try {
    return await replayRate(traffic, total, concurrency, send);
  } finally {
    await pool.close();
  }
}
