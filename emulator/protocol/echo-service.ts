import type { Clock, EmulatorControl, EmulatorService, ServiceBody, ServiceCall } from '../service/api';

/**
 * A stand-in service for tests of the protocol shell: it answers every call with what it was
 * given, except where a test scripts an answer for an action (a body, a ServiceError, a crash).
 */
export interface EchoService extends EmulatorService, EmulatorControl {
  readonly calls: ServiceCall[];
  readonly scripted: Map<string, (call: ServiceCall) => ServiceBody>;
  resets: number;
}

export function echoService(clockMode: Clock['mode'] = 'manual'): EchoService {
  let now = 0;
  const clock: Clock = {
    mode: clockMode,
    now: () => now,
    advance: (ms) => {
      if (clockMode === 'real') return false;
      now += ms;
      return true;
    },
  };
  const service: EchoService = {
    calls: [],
    scripted: new Map(),
    resets: 0,
    clock,
    handle(call) {
      service.calls.push(call);
      const script = service.scripted.get(call.action);
      return script
        ? script(call)
        : { Echo: { action: call.action, accessKeyId: call.accessKeyId, ...call.params } };
    },
    reset() {
      service.resets += 1;
      service.calls.length = 0;
    },
    snapshot: () => ({ calls: service.calls.length, now }),
  };
  return service;
}
