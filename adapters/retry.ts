/**
 * Which failures are transient, and how long to wait before trying again. Transient: throttling
 * (any code containing `Throttling`, as the SDKs read it, and HTTP 429), any 5xx, the codes the
 * catalogue marks transient (`RequestTimeout`, `ServiceUnavailable`, ...), network failures and
 * timeouts. Everything else is an answer to check, never retried.
 * An answer still transient after the last attempt is no verdict (properties/answer.ts:
 * transient-exhausted).
 */
import { isThrottlingCode, isTransientCode } from '../api/errors';
import type { Outcome, RetriedAttempt } from './target';

export interface RetryPolicy {
  /** Attempts in all, the first included (1 = never retry). */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 5_000 };

/** Why an outcome is worth retrying, or undefined when it is an answer. */
export function transientReason(
  outcome: Outcome,
  httpStatus: number | undefined,
): RetriedAttempt['reason'] | undefined {
  if (outcome.kind === 'success') return undefined;
  if (outcome.kind === 'failure') {
    if (outcome.reason === 'network' || outcome.reason === 'timeout') return outcome.reason;
    // A proxy's HTML 502 does not decode but is still a server error.
    return httpStatus !== undefined && httpStatus >= 500 ? 'server-error' : undefined;
  }
  if (isThrottlingCode(outcome.code) || outcome.httpStatus === 429) return 'throttled';
  if (outcome.httpStatus >= 500 || isTransientCode(outcome.code)) return 'server-error';
  return undefined;
}

/** Exponential backoff with full jitter: uniform in [0, min(max, base * 2^(attempt-1))). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}
