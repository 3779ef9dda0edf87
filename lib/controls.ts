/**
 * What a test reaches besides the API, the same for the msw handlers and the vitest fixture:
 * reset to the seeded world, deterministic fault rules, and the virtual clock. Everything goes to
 * the in-process gateway and service directly, never over HTTP, so it is synchronous with the
 * test and cannot be intercepted or throttled.
 */
import { z } from 'zod';
import {
  type EmulatorControl,
  type Fault,
  type FaultRule,
  FaultRuleSchema,
  type GatewayHandler,
  parseDuration,
} from '../emulator';

export type { Fault, FaultRule } from '../emulator';
/** A fault rule as a test writes it (`count` defaults to 1). */
export type FaultRuleInput = z.input<typeof FaultRuleSchema>;

export interface FaultControls {
  /**
   * The next `count` calls of `action` answer `code` instead of running (HTTP status from the
   * error catalogue; give `httpStatus` for a code the catalogue does not know).
   */
  next(
    action: string,
    code: string,
    count?: number,
    options?: { readonly httpStatus?: number; readonly message?: string },
  ): Fault;
  /** The next `count` calls of `action` (every action when undefined) wait `delayMs` first. */
  delay(action: string | undefined, delayMs: number, count?: number): Fault;
  /** Any rule of the admin API (`error`, `delay`, or seeded `rate`). */
  add(rule: FaultRuleInput): Fault;
  list(): Fault[];
  remove(id: number): boolean;
  clear(): void;
}

export interface ClockControls {
  readonly mode: 'real' | 'manual';
  /** Epoch ms of the emulator's clock. */
  now(): number;
  /** Moves a manual clock on: `'15m'`, `'90s'`, `'200ms'`, `'2h'`, `'1d'` or milliseconds. */
  advance(by: string | number): void;
}

export interface EmulatorControls {
  /** Back to the seeded world (regions, zones, instances; no disks, pairs or groups), no faults. */
  reset(): Promise<void>;
  readonly faults: FaultControls;
  readonly clock: ClockControls;
  /** A JSON copy of every store, as `/_emulator/state` shows it. */
  state(): unknown;
}

function checkedRule(rule: FaultRuleInput): FaultRule {
  const parsed = FaultRuleSchema.safeParse(rule);
  if (!parsed.success) throw new TypeError(`invalid fault rule: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function toMs(by: string | number): number {
  const ms = typeof by === 'number' ? by : parseDuration(by);
  if (ms === undefined || !Number.isFinite(ms) || ms < 0)
    throw new TypeError(
      `cannot advance the clock by ${JSON.stringify(by)}: use 200ms, 90s, 15m, 2h, 1d or ms`,
    );
  return ms;
}

export function emulatorControls(service: EmulatorControl, gateway: GatewayHandler): EmulatorControls {
  const { faults } = gateway;
  const add = (rule: FaultRuleInput) => faults.add(checkedRule(rule));
  return {
    // Through the gateway's admin route, so the gateway forgets its nonces and faults too.
    async reset() {
      const res = await gateway({ method: 'POST', url: '/_emulator/reset', headers: {}, body: '' });
      if (res.status !== 200)
        throw new Error(`the emulator refused to reset: HTTP ${res.status} ${res.body}`);
    },
    faults: {
      next: (action, code, count = 1, options = {}) =>
        add({ kind: 'error', action, code, count, ...options }),
      delay: (action, delayMs, count = 1) =>
        add({ kind: 'delay', ...(action === undefined ? {} : { action }), delayMs, count }),
      add,
      list: () => faults.list(),
      remove: (id) => faults.remove(id),
      clear: () => faults.clear(),
    },
    clock: {
      mode: service.clock.mode,
      now: () => service.clock.now(),
      advance(by) {
        if (!service.clock.advance(toMs(by)))
          throw new Error(
            "the emulator runs on the real clock: create it with clock: 'manual' to advance it",
          );
      },
    },
    state: () => service.snapshot(),
  };
}
