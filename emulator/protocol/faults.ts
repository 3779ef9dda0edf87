import { z } from 'zod';
import { ERROR_CATALOGUE } from '../../api/errors';
import { ServiceError } from '../service/api';

/**
 * Deterministic fault injection, managed over `/_emulator/faults`: "the next N calls of action
 * X answer code C", "the next N calls of X are delayed D ms", and, only when asked, "answer C
 * with probability p" drawn from a seeded generator so a run can be replayed. A rule without an
 * action matches every action. Faults apply to authenticated, valid calls only, just before the
 * service would run them: they stand for trouble behind the gateway, not for client mistakes.
 */
const action = z.string().min(1).optional();
const count = z.number().int().min(1).max(1_000_000).default(1);
const httpStatus = z.number().int().min(400).max(599).optional();

export const FaultRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('error'),
    action,
    code: z.string().min(1),
    httpStatus,
    message: z.string().optional(),
    count,
  }),
  z.strictObject({ kind: z.literal('delay'), action, delayMs: z.number().int().min(0).max(120_000), count }),
  z.strictObject({
    kind: z.literal('rate'),
    action,
    code: z.string().min(1),
    httpStatus,
    message: z.string().optional(),
    probability: z.number().min(0).max(1),
    seed: z.number().int(),
  }),
]);

export type FaultRule = z.output<typeof FaultRuleSchema>;

export interface Fault {
  readonly id: number;
  readonly rule: FaultRule;
  /** Calls left for counted rules; rate rules never run out. */
  readonly remaining?: number;
}

/** What a call must suffer: an error instead of the service's answer, and/or a delay first. */
export interface FaultEffect {
  readonly error?: ServiceError;
  readonly delayMs: number;
}

/** mulberry32: tiny, fast and good enough to decide "fail this call or not" reproducibly. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ActiveFault {
  readonly id: number;
  readonly rule: FaultRule;
  remaining: number;
  readonly random?: () => number;
}

const faultError = (rule: { code: string; httpStatus?: number; message?: string }) =>
  new ServiceError(rule.code, rule.message, rule.httpStatus);

export class FaultTable {
  #faults: ActiveFault[] = [];
  #nextId = 1;

  /** Adds a rule already checked by FaultRuleSchema; an unknown code needs an explicit status. */
  add(rule: FaultRule): Fault {
    if (rule.kind !== 'delay' && rule.httpStatus === undefined && !ERROR_CATALOGUE.has(rule.code)) {
      throw new ServiceError('InvalidParameter', `unknown error code ${rule.code}: give its httpStatus`);
    }
    const fault: ActiveFault = {
      id: this.#nextId++,
      rule,
      remaining: rule.kind === 'rate' ? Number.POSITIVE_INFINITY : rule.count,
      ...(rule.kind === 'rate' ? { random: seededRandom(rule.seed) } : {}),
    };
    this.#faults.push(fault);
    return this.#view(fault);
  }

  list(): Fault[] {
    return this.#faults.map((f) => this.#view(f));
  }

  remove(id: number): boolean {
    const before = this.#faults.length;
    this.#faults = this.#faults.filter((f) => f.id !== id);
    return this.#faults.length < before;
  }

  clear(): void {
    this.#faults = [];
  }

  /** Consumes the rules matching one call of `action`; undefined when none applies. */
  next(action: string): FaultEffect | undefined {
    if (this.#faults.length === 0) return undefined;
    let delayMs = 0;
    let error: ServiceError | undefined;
    let spent = false;
    for (const f of this.#faults) {
      const r = f.rule;
      if (r.action !== undefined && r.action !== action) continue;
      if (r.kind === 'delay') {
        if (delayMs > 0) continue;
        delayMs = r.delayMs;
      } else if (error !== undefined) {
        continue;
      } else if (r.kind === 'rate') {
        // The draw happens on every matching call, so the sequence depends only on the seed and the calls.
        if ((f.random?.() ?? 1) < r.probability) error = faultError(r);
        continue;
      } else {
        error = faultError(r);
      }
      f.remaining -= 1;
      if (f.remaining <= 0) spent = true;
    }
    if (spent) this.#faults = this.#faults.filter((f) => f.remaining > 0);
    return error || delayMs > 0 ? { error, delayMs } : undefined;
  }

  #view(f: ActiveFault): Fault {
    return f.rule.kind === 'rate'
      ? { id: f.id, rule: f.rule }
      : { id: f.id, rule: f.rule, remaining: f.remaining };
  }
}
