import { allowedErrors, type Check, failure } from './check';

/** Accepted where the documentation refuses, or refused where it only allows success. */
export const outcome_conformance: Check = (ctx) => {
  const { expectation, answer } = ctx;
  if (answer.kind === 'success' && expectation.kind === 'refusal')
    return failure(
      'outcome_conformance',
      'error-code',
      ctx,
      `${ctx.operation.action} succeeded where the documentation refuses it`,
    );
  if (answer.kind === 'error' && expectation.kind === 'success' && expectation.also.length === 0)
    return failure(
      'outcome_conformance',
      'error-code',
      ctx,
      `${ctx.operation.action} was refused where the documentation allows it`,
    );
  return undefined;
};

/** A refusal carries one of the allowed codes. */
export const error_code_conformance: Check = (ctx) => {
  const { expectation, answer } = ctx;
  if (answer.kind !== 'error') return undefined;
  const allowed = allowedErrors(expectation);
  if (allowed.length === 0 || allowed.some((e) => e.code === answer.code)) return undefined;
  return failure(
    'error_code_conformance',
    'error-code',
    ctx,
    `${ctx.operation.action} answered ${answer.code}, a code the documentation does not give here`,
  );
};

/** A refusal's HTTP status is the one documented for its code; a success is 200. */
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
  return failure(
    'status_code_conformance',
    'http-status',
    ctx,
    `${answer.code} answered with HTTP ${answer.httpStatus}`,
    `${answer.code} ${documented.join(' or ')}`,
    `${answer.code} ${answer.httpStatus}`,
  );
};
