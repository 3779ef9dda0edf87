/**
 * The in-process target: the shared HTTP client over the global fetch, which msw intercepts and
 * hands to the emulator's own gateway (`createHandler`) over an in-process service. Everything
 * above the transport (signing, encoding, decoding, retries) is exercised exactly as on a socket;
 * only the socket is missing. reset and the clock never go through msw.
 */

import type { ReadingChoices } from '../api';
import {
  createEmulatorService,
  createHandler,
  type EmulatorControl,
  type EmulatorService,
  emulatorReadingsOf,
  faultProfile,
  type GatewayConfig,
  type GatewayHandler,
  manualClock,
  realClock,
} from '../emulator';
import { type Credentials, EMULATOR_CREDENTIALS } from './credentials';
import { createHttpTarget, type HttpTargetOptions } from './http-target';
import { addRoute, DEFAULT_RECYCLE_EVERY, intercepted } from './msw-interceptor';
import { type Target, TargetError } from './target';
import { fetchTransport } from './transport';

export type InProcessService = EmulatorService & EmulatorControl;

export interface MockTargetOptions
  extends Omit<HttpTargetOptions, 'baseUrl' | 'transport' | 'credentials' | 'capabilities'> {
  /** The service behind the gateway; by default a fresh emulator service built from the options below. */
  readonly service?: InProcessService;
  /** For the default service: how long transient statuses last (default 0: immediate). */
  readonly transitionMs?: number;
  /** For the default service: `manual` time moves only through `advanceClock`. */
  readonly clockMode?: 'real' | 'manual';
  /** For the default service: the seed of resource IDs. */
  readonly idSeed?: number;
  /** For the default service: the alternative to play at some readings (api/readings.ts). */
  readonly readings?: Partial<ReadingChoices>;
  readonly credentials?: Credentials;
  /** Gateway settings (accepted keys, timestamp window); the target's key is always accepted. */
  readonly gateway?: Partial<GatewayConfig>;
  /** A named deviation from the documentation in front of the service (emulator/deviations). */
  readonly faultProfile?: string;
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

function defaultService(options: MockTargetOptions): InProcessService {
  return createEmulatorService({
    transitionMs: options.transitionMs ?? 0,
    clock: options.clockMode === 'manual' ? manualClock(Date.now()) : realClock(),
    ...(options.idSeed === undefined ? {} : { idSeed: options.idSeed }),
    readings: emulatorReadingsOf(options.readings),
  });
}

export function createMockTarget(options: MockTargetOptions = {}): MockTarget {
  const credentials = options.credentials ?? EMULATOR_CREDENTIALS;
  const service = options.service ?? defaultService(options);
  const deviation =
    options.faultProfile === undefined ? undefined : faultProfile(options.faultProfile).create();
  const gateway = createHandler(service, {
    ...options.gateway,
    ...(deviation ? { deviation } : {}),
    credentials: [credentials, ...(options.gateway?.credentials ?? [])],
  });
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
    credentials,
    transport: fetchTransport(),
  });
  let closed = false;
  return {
    kind: 'mock',
    service,
    gateway,
    endpoint: http.endpoint,
    capabilities: {
      reset: true,
      clockControl: service.clock.mode === 'manual',
      admin: true,
      costsMoney: false,
      parallelSafe: false,
    },
    send: (call) => intercepted(() => http.send(call)),
    // Through the gateway's own admin route, in-process, so the gateway forgets its nonces and
    // faults along with the service's state, exactly as `/_emulator/reset` does on a socket.
    async reset() {
      const res = await gateway({ method: 'POST', url: '/_emulator/reset', headers: { host }, body: '' });
      if (res.status !== 200)
        throw new TargetError('TARGET_ADMIN_FAILED', `reset answered HTTP ${res.status}`);
    },
    async advanceClock(ms) {
      if (!service.clock.advance(ms))
        throw new TargetError(
          'TARGET_UNSUPPORTED',
          'the service runs on the real clock; it cannot be advanced',
        );
    },
    async close() {
      if (closed) return;
      closed = true;
      await http.close?.();
      removeRoute();
    },
  };
}
