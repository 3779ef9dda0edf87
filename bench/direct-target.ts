/**
 * The emulator's gateway called in-process with no interceptor in between: the shared HTTP
 * client (sign, encode, decode, retry) over a transport that hands each request straight to
 * `createHandler`. msw costs 0.4-1.3 ms a call and retains memory per request, which would
 * drown what the long benchmarks measure (the model, the recorder, the report writers).
 */
import {
  createHttpTarget,
  EMULATOR_CREDENTIALS,
  type HttpResponse,
  type Target,
  TargetError,
  type Transport,
} from '../adapters';
import { createEmulatorService, createHandler, manualClock } from '../emulator';

const HOST = 'direct.ebs-conformance.invalid';

export interface DirectTargetOptions {
  /** How long transient statuses last in virtual time (the conformance run's default: 1000). */
  readonly transitionMs?: number;
}

export function createDirectTarget(options: DirectTargetOptions = {}): Target {
  const service = createEmulatorService({
    transitionMs: options.transitionMs ?? 1000,
    clock: manualClock(Date.now()),
  });
  const gateway = createHandler(service, { credentials: [EMULATOR_CREDENTIALS] });
  const transport: Transport = async (req): Promise<HttpResponse> => {
    const url = new URL(req.url);
    // A socket carries Host; the V3 signature covers it.
    return gateway({
      method: req.method,
      url: url.pathname + url.search,
      headers: { ...req.headers, host: url.host },
      body: req.body,
    });
  };
  const http = createHttpTarget({ baseUrl: `http://${HOST}`, credentials: EMULATOR_CREDENTIALS, transport });
  return {
    kind: 'mock',
    endpoint: http.endpoint,
    capabilities: { reset: true, clockControl: true, admin: true, costsMoney: false, parallelSafe: false },
    send: (call) => http.send(call),
    // Through the gateway's admin route, so its nonce memory is forgotten with the state.
    async reset() {
      const res = await gateway({
        method: 'POST',
        url: '/_emulator/reset',
        headers: { host: HOST },
        body: '',
      });
      if (res.status !== 200)
        throw new TargetError('TARGET_ADMIN_FAILED', `reset answered HTTP ${res.status}`);
    },
    async advanceClock(ms) {
      service.clock.advance(ms);
    },
    close: async () => http.close?.(),
  };
}
