/**
 * The fetch-shaped seam under every target: signing, encoding, decoding and retries sit above it
 * and are shared. Two implementations: undici pools (`dispatch`) for real sockets (about five times
 * cheaper than fetch under concurrency), and the global `fetch`, the only client msw intercepts.
 * A transport throws `TransportError` for a request that got no response; any HTTP status is an
 * answer, not an error.
 */
import type { Dispatcher, Pool } from 'undici';
import type { HttpMethod } from './target';

// Loaded on the first socket request: the in-process targets never open one, and evaluating
// undici cost each lane's thread about 50 ms of its start-up.
let undici: Promise<typeof import('undici')> | undefined;
const loadUndici = () => {
  undici ??= import('undici');
  return undici;
};

export interface HttpRequest {
  readonly method: HttpMethod;
  /** Absolute URL, query included. */
  readonly url: string;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Empty for no body. */
  readonly body: string;
  /** Give up when the response headers, or the next part of the body, take longer than this. */
  readonly timeoutMs?: number;
}

export interface HttpResponse {
  readonly status: number;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export type Transport = (req: HttpRequest) => Promise<HttpResponse>;

/** A transport that holds sockets and must be closed. */
export type ClosableTransport = Transport & { close(): Promise<void> };

export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    readonly code: 'timeout' | 'network',
    message: string,
  ) {
    super(message);
  }
}

// Neither client may pick the Host: undici derives it from the origin, and fetch forbids it. Both
// derive the same `host[:port]` the V3 signature covered.
function withoutHost(headers: Readonly<Record<string, string>>): Record<string, string> {
  const { host: _host, ...rest } = headers;
  return rest;
}

function asTransportError(err: unknown, timedOut: boolean): TransportError {
  if (err instanceof TransportError) return err;
  const e = err as {
    name?: string;
    code?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  const timeout =
    timedOut ||
    e?.name === 'TimeoutError' ||
    e?.code === 'UND_ERR_HEADERS_TIMEOUT' ||
    e?.code === 'UND_ERR_BODY_TIMEOUT' ||
    e?.code === 'UND_ERR_CONNECT_TIMEOUT';
  const detail = e?.cause?.code ?? e?.code ?? e?.cause?.message ?? e?.message ?? String(err);
  return new TransportError(timeout ? 'timeout' : 'network', timeout ? `timed out (${detail})` : detail);
}

function lowerCaseHeaders(
  entries: Iterable<[string, string | string[] | undefined]>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of entries)
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/**
 * One request through `dispatch`, its body gathered as bytes and decoded once: `Pool.request`
 * wraps every answer in a Readable stream, which cost the emulator target about as much CPU per
 * call as the rest of the client together. Decoded as undici's `text()` does (UTF-8, a BOM skipped).
 */
function dispatchText(pool: Pool, options: Dispatcher.DispatchOptions): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    let status = 0;
    let headers: Record<string, string> = {};
    let chunks: Buffer[] = [];
    pool.dispatch(options, {
      // undici tells its handler APIs apart by this method: without it, the deprecated one.
      onRequestStart() {},
      // Called again after a 1xx informational answer: only the last one's status and headers count.
      onResponseStart(_controller, statusCode, responseHeaders) {
        status = statusCode;
        headers = lowerCaseHeaders(Object.entries(responseHeaders));
        chunks = [];
      },
      onResponseData(_controller, chunk) {
        chunks.push(chunk);
      },
      onResponseEnd() {
        const bytes = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
        const bom = bytes.length > 2 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
        resolve({ status, headers, body: bytes.toString('utf8', bom ? 3 : 0) });
      },
      onResponseError(_controller, err) {
        reject(err);
      },
    });
  });
}

export interface UndiciTransportOptions {
  /** Sockets per origin. */
  readonly connections?: number;
}

/** undici pools, one per origin (real endpoints differ per product and region), keep-alive. */
export function undiciTransport(options: UndiciTransportOptions = {}): ClosableTransport {
  const pools = new Map<string, Pool>();
  const poolFor = (origin: string, { Pool }: typeof import('undici')) => {
    let pool = pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, { connections: options.connections ?? 16, pipelining: 1 });
      pools.set(origin, pool);
    }
    return pool;
  };
  const send: Transport = async (req) => {
    const url = new URL(req.url);
    try {
      return await dispatchText(poolFor(url.origin, await loadUndici()), {
        method: req.method,
        path: url.pathname + url.search,
        headers: withoutHost(req.headers),
        body: req.body === '' ? undefined : req.body,
        // undici's own timers, not an AbortSignal.timeout per request: that costs a timer and a
        // finalizer each (10-25 µs), and thousands stay pending for the whole timeout.
        ...(req.timeoutMs === undefined ? {} : { headersTimeout: req.timeoutMs, bodyTimeout: req.timeoutMs }),
      });
    } catch (err) {
      throw asTransportError(err, false);
    }
  };
  return Object.assign(send, {
    close: async () => {
      const all = [...pools.values()];
      pools.clear();
      await Promise.all(all.map((p) => p.close()));
    },
  });
}

/** The global fetch, looked up per call so an msw interceptor installed later is seen. */
export function fetchTransport(): Transport {
  return async (req) => {
    // A timer cleared on the answer, not AbortSignal.timeout: that one keeps its signal, and the
    // whole request fetch hangs on it, alive until it fires (10 s), so at a thousand calls a
    // second the mock target spent about a sixth of its time collecting them.
    const abort = req.timeoutMs === undefined ? undefined : new AbortController();
    const timer =
      abort &&
      setTimeout(() => abort.abort(new DOMException('The request timed out', 'TimeoutError')), req.timeoutMs);
    try {
      const res = await globalThis.fetch(req.url, {
        method: req.method,
        headers: withoutHost(req.headers),
        body: req.body === '' ? undefined : req.body,
        signal: abort?.signal,
      });
      const body = await res.text();
      return { status: res.status, headers: lowerCaseHeaders(res.headers.entries()), body };
    } catch (err) {
      throw asTransportError(err, abort?.signal.aborted === true);
    } finally {
      clearTimeout(timer);
    }
  };
}
