import { mismatchRules, refusalRules, refusedAcceptanceRules } from './attribution';
import { allowedErrors, type Check, type CheckContext, type CheckFailure, failure } from './check';

/** A wrong code or status breaks the conditions that refused the call (refusalRules). */
const refused = (f: CheckFailure, ctx: CheckContext, code: string): CheckFailure => ({
  ...f,
  rules: refusalRules(f.rules, { op: ctx.operation, code }),
});

/**
 * Accepted where the documentation refuses (the failure names the conditions that refuse it), or
 * refused where it only allows success (refusedAcceptanceRules: nearly every rule of the call,
 * as a refusal seldom says which condition the target believed broken).
 */
export const outcome_conformance: Check = (ctx) => {
  const { expectation, answer } = ctx;
  if (answer.kind === 'success' && expectation.kind === 'refusal') {
    const found = failure(
      'outcome_conformance',
      'error-code',
      ctx,
      `${ctx.operation.action} succeeded where the documentation refuses it`,
    );
    return { ...found, rules: [...mismatchRules(found.rules)] };
  }
  if (answer.kind === 'error' && expectation.kind === 'success' && expectation.also.length === 0) {
    const found = failure(
      'outcome_conformance',
      'error-code',
      ctx,
      `${ctx.operation.action} was refused where the documentation allows it`,
    );
    return { ...found, rules: refusedAcceptanceRules(found.rules, answer.code) };
  }
  return undefined;
};

/** A refusal carries one of the allowed codes. */
export const error_code_conformance: Check = (ctx) => {
  const { expectation, answer } = ctx;
  if (answer.kind !== 'error') return undefined;
  const allowed = allowedErrors(expectation);
  if (allowed.length === 0 || allowed.some((e) => e.code === answer.code)) return undefined;
  return refused(
    failure(
      'error_code_conformance',
      'error-code',
      ctx,
      `${ctx.operation.action} answered ${answer.code}, a code the documentation does not give here`,
    ),
    ctx,
    answer.code,
  );
};

/**
 * A refusal's HTTP status is the one documented for its code (the conditions that refused it
 * fail); a success is 200 (no rule states that alone: every rule of the call fails).
 */
export const status_code_conformance: Check = (ctx) => {
  const { expectation, answer } = ctx;
  if (answer.kind === 'success')
    return answer.httpStatus === 200
      ? undefined
      : failure(
          'status_code_conformance',
          'http-status',
          ctx,
          'a success answered with a status other than 200',
          '200',
          String(answer.httpStatus),
        );
  if (answer.kind !== 'error') return undefined;
  const documented = allowedErrors(expectation)
    .filter((e) => e.code === answer.code)
    .map((e) => e.httpStatus);
  if (documented.length === 0 || documented.includes(answer.httpStatus)) return undefined;
  return refused(
    failure(
      'status_code_conformance',
      'http-status',
      ctx,
      `${answer.code} answered with HTTP ${answer.httpStatus}`,
      `${answer.code} ${documented.join(' or ')}`,
      `${answer.code} ${answer.httpStatus}`,
    ),
    ctx,
    answer.code,
  );
};
