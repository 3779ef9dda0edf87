/**
 * The in-process target: the shared HTTP client over the global fetch, which msw intercepts and
 * hands to the emulator's own gateway (`createHandler`) over an in-process service. Everything
 * above the transport (signing, encoding, decoding, retries) is exercised exactly as on a socket;
 * only the socket is missing. reset and the clock never go through msw. It is the target for
 * users' code under msw; the harness itself is faster on the direct target (direct-target.ts).
 */
import type { GatewayHandler } from '../emulator';
import { createHttpTarget, type HttpTargetOptions } from './http-target';
import { type InProcessOptions, type InProcessService, inProcessEmulator } from './in-process';
import { addRoute, DEFAULT_RECYCLE_EVERY, intercepted } from './msw-interceptor';
import type { Target } from './target';
import { fetchTransport } from './transport';

export type { InProcessService } from './in-process';

export interface MockTargetOptions
  extends Omit<HttpTargetOptions, 'baseUrl' | 'transport' | 'credentials' | 'capabilities'>,
    InProcessOptions {
  /** Recycle the msw interceptor after this many requests (it retains memory per request). */
  readonly recycleEvery?: number;
}

export interface MockTarget extends Target {
  readonly kind: 'mock';
  readonly service: InProcessService;
  /** The gateway in front of the service, with its fault table. */
  readonly gateway: GatewayHandler;
}

let mockCount = 0;

export function createMockTarget(options: MockTargetOptions = {}): MockTarget {
  const emulator = inProcessEmulator(options);
  const { service, gateway } = emulator;
  // A fake host of its own, so several mock targets can share the one msw interceptor; `.invalid`
  // can never resolve, so a request that escapes msw fails instead of reaching a network.
  mockCount += 1;
  const host = `mock-${process.pid}-${mockCount}.ebs-conformance.invalid`;
  const removeRoute = addRoute(host, (req) => gateway(req), {
    recycleEvery: options.recycleEvery ?? DEFAULT_RECYCLE_EVERY,
  });
  const http = createHttpTarget({
    ...options,
    baseUrl: `http://${host}`,
    credentials: emulator.credentials,
    transport: fetchTransport(),
  });
  let closed = false;
  return {
    kind: 'mock',
    service,
    gateway,
    endpoint: http.endpoint,
    capabilities: emulator.capabilities,
    send: (call) => intercepted(() => http.send(call)),
    reset: () => emulator.reset(host),
    advanceClock: (ms) => emulator.advanceClock(ms),
    ...(emulator.clockNow ? { clockNow: emulator.clockNow } : {}),
    async close() {
      if (closed) return;
      closed = true;
      await http.close?.();
      removeRoute();
    },
  };
}
