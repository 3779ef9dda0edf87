import { expect } from 'vitest';
import { createDirectTarget } from '../../adapters/direct-target';
import type { ReadingChoices } from '../../api';
import { runConformance } from '../../cli/run-suite';
import type { Deviation } from '../../emulator/protocol/deviation';
import { type ServiceBody, type ServiceCall, ServiceError } from '../../emulator/service/api';
import type { RunEvents } from '../../properties/events';

/** One seed for every run here, so a verdict reproduces. */
export const SEED = 20261202;

/**
 * A conformance run against the emulator in-process (direct target), optionally behind a
 * deviation that stands for a target we did not write: a proxy rewriting answers, or a gateway
 * throttling calls. Small: every call of it is judged all the same.
 */
export async function runAgainst(options: {
  readings?: Partial<ReadingChoices>;
  deviation?: Deviation;
  runs?: number;
  /** Undocumented values fail the run (`run --strict`). */
  strict?: boolean;
  /** The run's events, for a target that changes once something has been judged. */
  events?: RunEvents;
}) {
  const target = createDirectTarget({
    transitionMs: 1000,
    clockMode: 'manual',
    retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 },
    ...(options.readings ? { readings: options.readings } : {}),
    ...(options.deviation ? { gateway: { deviation: options.deviation } } : {}),
  });
  try {
    return await runConformance({
      target,
      seed: SEED,
      runs: options.runs ?? 6,
      maxCommands: 30,
      concurrency: 1,
      harnessVersion: 'test',
      replayCommand: () => '',
      shrink: false,
      ...(options.strict ? { session: { strict: true } } : {}),
      ...(options.events ? { events: options.events } : {}),
    });
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
