import { type Check, failure, show } from './check';
import { at } from './response-conformance';

/** The model marks a call whose ClientToken it has seen with the same parameters by this rule. */
const REPLAY_RULE = 'TOKEN.SAME_PARAMS_SAME_RESULT';

/**
 * A retry with the same ClientToken and parameters answers with what the first call created:
 * the same IDs, and nothing new (a second resource would show up as a phantom in the listings).
 */
export const idempotency_conformance: Check = (ctx) => {
  const { answer, expectation } = ctx;
  if (answer.kind !== 'success' || expectation.kind !== 'success') return undefined;
  if (!expectation.rules.includes(REPLAY_RULE)) return undefined;
  for (const [field, id] of Object.entries(expectation.facts)) {
    const got = at(answer.body, field.split('.'));
    if (show(got) !== show(id))
      return failure(
        'idempotency_conformance',
        'idempotency',
        ctx,
        `a ${ctx.operation.action} retried with the same ClientToken answered another ${field}`,
        `${field}=${show(id)} (the first call's)`,
        `${field}=${show(got)}`,
      );
  }
  return undefined;
};
