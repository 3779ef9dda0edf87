import type { Operation } from '../../api';
import type { Expectation } from '../../model/expectation';
import type { FailureCategory } from '../events';

/** What the target answered, as the checks read it (adapted from an adapters Exchange). */
export type Answer =
  | {
      readonly kind: 'success';
      readonly httpStatus: number;
      readonly body: Readonly<Record<string, unknown>>;
    }
  | {
      readonly kind: 'error';
      readonly httpStatus: number;
      readonly code: string;
      readonly body: Readonly<Record<string, unknown>>;
    }
  | { readonly kind: 'undecodable'; readonly httpStatus: number; readonly reason: string };

export interface CheckContext {
  readonly operation: Operation;
  readonly expectation: Expectation;
  readonly answer: Answer;
  /** The run owns every resource on the target (it was reset), so unknown rows are phantoms. */
  readonly isolated: boolean;
  /** IDs the sequence created and the model no longer holds: listed anywhere, they are phantoms. */
  readonly retired?: ReadonlySet<string>;
  /** When the call was served (epoch ms, the run's clock): times in the answer cannot be later. */
  readonly now?: number;
  /** The resource a call on one resource names (DescribeDiskReplicaPairProgress's ReplicaPairId). */
  readonly subject?: string;
  /** The latest recovery point the run saw for each pair or group: they never go back. */
  readonly recoverPoints?: ReadonlyMap<string, number>;
  /** The harness moves the target's clock: bounds that hold only then are judged. */
  readonly movedClock?: boolean;
  /** `now` is the time the answer states (its Date header): the target's own clock, to the second. */
  readonly answerTime?: boolean;
  /** The latest Progress the run saw of each pair during its current initial sync. */
  readonly progress?: ReadonlyMap<string, number>;
  /** For a call retried with a ClientToken: the body the first call with that token answered. */
  readonly firstAnswer?: Readonly<Record<string, unknown>>;
}

/** A structured nonconformance: data that reports group, deduplicate and render. */
export interface CheckFailure {
  readonly check: string;
  readonly category: FailureCategory;
  readonly title: string;
  readonly operation: string;
  readonly rules: readonly string[];
  readonly expected: string;
  readonly received: string;
}

/** A check returns nothing when the answer conforms, a failure when it does not. */
export type Check = (ctx: CheckContext) => CheckFailure | undefined;

/** The refusals an expectation allows (a success may leave some open, see `also`). */
export const allowedErrors = (e: Expectation) => (e.kind === 'refusal' ? e.errors : e.also);

export function describeExpectation(e: Expectation): string {
  const codes = allowedErrors(e).map((x) => `${x.code} ${x.httpStatus}`);
  if (e.kind === 'success') return codes.length ? `success (200) or ${codes.join(' | ')}` : 'success (200)';
  return `${codes.join(' | ')}${e.undocumented ? ' (the docs name no code here)' : ''}`;
}

export const describeAnswer = (a: Answer): string =>
  a.kind === 'success'
    ? `success (${a.httpStatus})`
    : a.kind === 'error'
      ? `${a.code} ${a.httpStatus}`
      : `undecodable ${a.httpStatus}: ${a.reason}`;

export function failure(
  check: string,
  category: FailureCategory,
  ctx: CheckContext,
  title: string,
  expected = describeExpectation(ctx.expectation),
  received = describeAnswer(ctx.answer),
): CheckFailure {
  return {
    check,
    category,
    title,
    operation: ctx.operation.action,
    rules: ctx.expectation.rules,
    expected,
    received,
  };
}

export const show = (v: unknown): string => JSON.stringify(v) ?? 'undefined';
