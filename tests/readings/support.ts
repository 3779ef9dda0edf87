import { expect } from 'vitest';
import { createDirectTarget } from '../../adapters/direct-target';
import type { Target } from '../../adapters/target';
import type { ReadingChoices } from '../../api';
import { type RunResult, runConformance } from '../../cli/run-suite';
import type { Deviation } from '../../emulator/protocol/deviation';
import { type ServiceBody, type ServiceCall, ServiceError } from '../../emulator/service/api';
import type { RunOptions } from '../../properties/engine';

/** One seed for every run here, so a verdict reproduces. */
export const SEED = 20261202;

/** The small run the tests share: any option of the engine's may be given instead. */
export type TestRunOptions = Partial<Omit<RunOptions, 'target'>>;

/**
 * A conformance run against `target`, left open (a test may run again against it): seed SEED, 6
 * sequences of at most 30 commands, one lane, failures unshrunk (a test needs the verdict only).
 */
export const conformanceRun = (target: Target, options: TestRunOptions = {}): Promise<RunResult> =>
  runConformance({
    target,
    seed: SEED,
    runs: 6,
    maxCommands: 30,
    concurrency: 1,
    harnessVersion: 'test',
    replayCommand: () => '',
    shrink: false,
    ...options,
  });

/**
 * A conformance run, its target closed afterwards whatever happens: `target`, or the emulator
 * in-process (direct target) on a clock the harness moves, optionally behind a fault profile or
 * a deviation that stands for a target we did not write (a proxy rewriting answers, a gateway
 * throttling calls).
 */
export async function runAgainst(
  options: TestRunOptions & {
    target?: Target;
    readings?: Partial<ReadingChoices>;
    deviation?: Deviation;
    faultProfile?: string;
    /** Undocumented values fail the run (`run --strict`). */
    strict?: boolean;
  } = {},
): Promise<RunResult> {
  const { target: given, readings, deviation, faultProfile, strict, ...run } = options;
  const target =
    given ??
    createDirectTarget({
      transitionMs: 1000,
      clockMode: 'manual',
      retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 },
      ...(readings ? { readings } : {}),
      ...(deviation ? { gateway: { deviation } } : {}),
      ...(faultProfile ? { faultProfile } : {}),
    });
  try {
    return await conformanceRun(target, { ...run, ...(strict ? { session: { strict: true } } : {}) });
  } finally {
    await target.close?.();
  }
}

/** Rewrites every success body of the service behind it (after the service, before encoding). */
export const rewriting = (rewrite: (call: ServiceCall, body: ServiceBody) => ServiceBody): Deviation => ({
  async around(call, next) {
    return rewrite(call, structuredClone(await next(call)));
  },
});

/** Every call whose number is a multiple of `every` is refused `times` times with `code` first. */
export function throttling(
  code: string,
  httpStatus: number,
  every: number,
  times: number,
): Deviation & {
  readonly refused: () => number;
} {
  let calls = 0;
  let left = 0;
  let refused = 0;
  return {
    around(call, next) {
      calls += 1;
      if (left === 0 && calls % every === 0) left = times;
      if (left === 0) return next(call);
      left -= 1;
      refused += 1;
      return Promise.reject(new ServiceError(code, `${code} (test throttle)`, httpStatus));
    },
    refused: () => refused,
  };
}

/** A conformant run: no failure (their titles shown when there is one) and the verdict says so. */
export function expectConformant({ record }: Awaited<ReturnType<typeof runAgainst>>): void {
  expect(record.failures.map((f) => f.title)).toEqual([]);
  expect(record.verdict).toBe('conformant');
}
