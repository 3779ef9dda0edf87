import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { encodeError } from './encode';
import type { WireHandler, WireResponse } from './wire';

export interface ListenOptions {
  readonly host?: string;
  /** 0 = any free port. */
  readonly port?: number;
  /** Larger bodies are refused with 413 before they reach the gateway. */
  readonly maxBodyBytes?: number;
}

export interface RunningServer {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 8 * 1024 * 1024;
const EMPTY = Buffer.alloc(0);
/** GET requests carry every parameter in the URL: allow more than node's 16 KiB default. */
const MAX_HEADER_BYTES = 64 * 1024;

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(size > limit ? undefined : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });
}

/** Refused before the gateway sees it, but in the gateway's error shape all the same. */
function transportError(message: string, host: string | undefined): WireResponse {
  const error = { code: 'InvalidParameter', status: 400, message };
  return encodeError('JSON', error, randomUUID().toUpperCase(), host ?? 'localhost');
}

/** What node:http cannot parse (oversized headers, broken framing) never reaches a handler. */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || err.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const tooBig = err.code === 'HPE_HEADER_OVERFLOW';
  const out = transportError(
    tooBig ? 'The request line or headers are too large.' : 'The HTTP request is malformed.',
    undefined,
  );
  const head =
    `HTTP/1.1 ${tooBig ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
    `content-type: ${out.headers['content-type']}\r\ncontent-length: ${Buffer.byteLength(out.body)}\r\n` +
    'connection: close\r\n\r\n';
  socket.end(head + out.body);
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  headers['content-length'] = String(Buffer.byteLength(body));
  res.writeHead(status, headers);
  res.end(body);
}

/**
 * Serves a WireHandler over node:http with keep-alive. Idle connections are kept a minute (the
 * SDKs and undici reuse sockets; the default 5 s makes clients race a closing socket), and
 * `close()` ends idle sockets at once so a test or a signal does not wait for them.
 */
export function listen(handler: WireHandler, options: ListenOptions = {}): Promise<RunningServer> {
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const server = createServer({ keepAlive: true, maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    // Most calls (GET, and the ECS SDK's bodiless POSTs) have no body: skip the stream work.
    const hasBody =
      req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0';
    (hasBody ? readBody(req, limit) : Promise.resolve(EMPTY))
      .then(async (body) => {
        const out =
          body === undefined
            ? transportError(`The request body is larger than ${limit} bytes.`, req.headers.host)
            : await handler({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body });
        send(res, out.status, out.headers, out.body);
      })
      .catch(() => {
        // The handler never throws; this is a broken socket. Nothing useful can be sent.
        res.destroy();
      });
  });
  server.on('clientError', answerClientError);
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      const { address, port } = server.address() as AddressInfo;
      const host = address.includes(':') ? `[${address}]` : address;
      resolve({
        url: `http://${host}:${port}`,
        host: address,
        port,
        close: () =>
          new Promise<void>((done) => {
            // Busy keep-alive sockets get a moment to finish their response, then are cut.
            const force = setTimeout(() => server.closeAllConnections(), 2000);
            server.close(() => {
              clearTimeout(force);
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
