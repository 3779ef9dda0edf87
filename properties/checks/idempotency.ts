import { type Check, type CheckFailure, failure, show } from './check';
import { at, REPLAY_RULE } from './response-conformance';

/**
 * A retry with the same ClientToken and parameters answers what the first call answered: the
 * same IDs the model bound, and, field for field, the first answer (its RequestId aside), for
 * every operation that takes a ClientToken. That it created nothing and changed nothing, the
 * session checks by reading the resource again after the replay.
 */
export const idempotency_conformance: Check = (ctx) => {
  const { answer, expectation } = ctx;
  if (answer.kind !== 'success' || expectation.kind !== 'success') return undefined;
  if (!expectation.rules.includes(REPLAY_RULE)) return undefined;
  // Another answer to a replay breaks the replay rule, not the others the call was judged by.
  const replay = (f: CheckFailure): CheckFailure => ({ ...f, rules: [REPLAY_RULE] });
  const first = ctx.firstAnswer;
  if (first) {
    const fields = [...new Set([...Object.keys(first), ...Object.keys(answer.body)])];
    const differs = fields.find((f) => f !== 'RequestId' && show(first[f]) !== show(answer.body[f]));
    if (differs !== undefined)
      return replay(
        failure(
          'idempotency_conformance',
          'idempotency',
          ctx,
          `a ${ctx.operation.action} retried with the same ClientToken answered another ${differs} than the first call`,
          `${differs}=${show(first[differs])} (the first answer's)`,
          `${differs}=${show(answer.body[differs])}`,
        ),
      );
  }
  for (const [field, id] of Object.entries(expectation.facts)) {
    const got = at(answer.body, field.split('.'));
    if (show(got) !== show(id))
      return replay(
        failure(
          'idempotency_conformance',
          'idempotency',
          ctx,
          `a ${ctx.operation.action} retried with the same ClientToken answered another ${field}`,
          `${field}=${show(id)} (the first call's)`,
          `${field}=${show(got)}`,
        ),
      );
  }
  return undefined;
};
