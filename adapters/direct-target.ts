/**
 * The direct target: the shared HTTP client (sign, encode, decode, retry) over a transport that
 * hands each request, as the bytes a socket would carry, straight to the emulator's gateway in
 * this process, and takes its answer back as bytes. No socket, no msw: it judges exactly what
 * the emulator target judges, at the cost of the harness and the emulator alone. msw costs
 * 0.4-1.3 ms a call and retains memory per request; this costs the gateway's own work.
 */
import type { GatewayHandler } from '../emulator';
import { createHttpTarget, type HttpTargetOptions } from './http-target';
import { type InProcessOptions, type InProcessService, inProcessEmulator } from './in-process';
import type { Target } from './target';
import type { HttpResponse, Transport } from './transport';

export interface DirectTargetOptions
  extends Omit<HttpTargetOptions, 'baseUrl' | 'transport' | 'credentials' | 'capabilities'>,
    InProcessOptions {}

export interface DirectTarget extends Target {
  readonly kind: 'direct';
  readonly service: InProcessService;
  readonly gateway: GatewayHandler;
}

let directCount = 0;

const EMPTY = new Uint8Array(0);
// Text crosses a socket as UTF-8 bytes; what cannot be encoded (a lone surrogate) arrives replaced.
// Well-formed text (every answer but a deviation's) makes the round trip unchanged: no copy then.
const wellFormed = (text: string): boolean => (text as unknown as { isWellFormed(): boolean }).isWellFormed();
const received = (text: string): string =>
  text === '' || wellFormed(text) ? text : Buffer.from(text, 'utf8').toString('utf8');

/**
 * The headers as a socket carries them, Host included. A V3 request signed its Host already (the
 * same text, from the same origin) and goes as it is; a V1 request gets a copy with Host set, by
 * Object.assign then set (V8, Node 20, adds to a spread copy slowly).
 */
function withHost(headers: Readonly<Record<string, string>>, host: string): Readonly<Record<string, string>> {
  if (headers.host === host) return headers;
  const copy: Record<string, string> = Object.assign({}, headers);
  copy.host = host;
  return copy;
}

export function createDirectTarget(options: DirectTargetOptions = {}): DirectTarget {
  const emulator = inProcessEmulator(options);
  const { service, gateway } = emulator;
  directCount += 1;
  const host = `direct-${process.pid}-${directCount}.ebs-conformance.invalid`;
  const transport: Transport = async (req): Promise<HttpResponse> => {
    // The part of the URL a request line carries; a socket also carries Host, which V3 signs.
    const start = req.url.indexOf('/', req.url.indexOf('//') + 2);
    const res = await gateway({
      method: req.method,
      url: start < 0 ? '/' : req.url.slice(start),
      headers: withHost(req.headers, host),
      body: req.body === '' ? EMPTY : Buffer.from(req.body, 'utf8'),
    });
    return { status: res.status, headers: res.headers, body: received(res.body) };
  };
  const http = createHttpTarget({
    ...options,
    baseUrl: `http://${host}`,
    credentials: emulator.credentials,
    transport,
  });
  return {
    kind: 'direct',
    service,
    gateway,
    endpoint: http.endpoint,
    capabilities: emulator.capabilities,
    send: (call) => http.send(call),
    reset: () => emulator.reset(host),
    advanceClock: (ms) => emulator.advanceClock(ms),
    ...(emulator.clockNow ? { clockNow: emulator.clockNow } : {}),
    close: async () => http.close?.(),
  };
}
