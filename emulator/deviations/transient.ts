import type { Deviation, NextService } from '../protocol/deviation';
import { type ServiceBody, type ServiceCall, ServiceError } from '../service/api';
import type { FaultProfile } from './profile';

/**
 * The control: trouble every client must retry, and nothing else. Every BURST_EVERY-th call
 * starts a burst: that call and the next ones up to the burst's length fail before the service
 * sees them (so a retry with the same parameters is always safe), with Throttling (400),
 * ServiceUnavailable (503), InternalError (500), Throttling.User or Rejected.Throttling (400) in turn. Bursts are shorter than the harness's
 * retry budget, so every call succeeds in the end. Deterministic: the same calls get the same faults.
 */
const BURST_EVERY = 29;
const BURSTS: readonly (readonly [code: string, status: number, length: number])[] = [
  ['Throttling', 400, 2],
  ['ServiceUnavailable', 503, 1],
  ['InternalError', 500, 2],
  ['Throttling.User', 400, 1],
  // The gateway's flow-control refusal as the SDKs meet it (REAL-SERVICE-EVIDENCE: retried everywhere).
  ['Rejected.Throttling', 400, 1],
];

class TransientBursts implements Deviation {
  #calls = 0;
  #bursts = 0;
  #left = 0;
  #fault: readonly [string, number, number] = BURSTS[0] as (typeof BURSTS)[number];

  around(call: ServiceCall, next: NextService): Promise<ServiceBody> {
    this.#calls += 1;
    if (this.#left === 0 && this.#calls % BURST_EVERY === 0) {
      this.#fault = BURSTS[this.#bursts++ % BURSTS.length] as (typeof BURSTS)[number];
      this.#left = this.#fault[2];
    }
    if (this.#left === 0) return next(call);
    this.#left -= 1;
    const [code, status] = this.#fault;
    return Promise.reject(new ServiceError(code, `${code} (fault profile transient-bursts)`, status));
  }
}

export const transientBursts: FaultProfile = {
  name: 'transient-bursts',
  description:
    'control: short bursts of Throttling, Rejected.Throttling, ServiceUnavailable and InternalError before the service runs; a retrying client must find the service conformant',
  kind: 'transient-only',
  operation: '*',
  ruleIds: [],
  transientOnly: true,
  create: () => new TransientBursts(),
};

/**
 * The baseline: no deviation at all. A child started with it is the unmodified emulator, which
 * `detect` then switches to every other profile, and whose row in its table must read conformant.
 */
export const unmodified: FaultProfile = {
  name: 'unmodified',
  description:
    'control: no deviation; the emulator as it reads the documentation, which a run must find conformant',
  kind: 'transient-only',
  operation: '*',
  ruleIds: [],
  transientOnly: true,
  create: () => ({}),
};
