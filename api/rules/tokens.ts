import { OPERATIONS } from '../operations';
import { type Rule, rule } from '../rule';
import { IDEMPOTENCE_DOC } from './sources';

/**
 * Every state-changing operation that takes a ClientToken (the tag listing takes one too, and
 * has nothing to repeat): the idempotence page states its rules for the
 * parameter, not for a list of calls, and the model remembers a token on each of them.
 */
export const TOKEN_ACTIONS = OPERATIONS.filter(
  (op) => op.mutating && op.params.some((p) => p.name === 'ClientToken'),
).map((op) => op.action);

/** ClientToken idempotency. */
export const TOKEN_RULES: readonly Rule[] = [
  rule(
    'TOKEN.SAME_PARAMS_SAME_RESULT',
    TOKEN_ACTIONS,
    'Repeating a successful call with the same ClientToken and the same other parameters returns the same result (the same resource ID) and has no further effect.',
    IDEMPOTENCE_DOC,
    'Same token, same parameters',
  ),
  rule(
    'TOKEN.OTHER_PARAMS_MISMATCH',
    TOKEN_ACTIONS,
    'Reusing a ClientToken with different other parameters is refused with IdempotentParameterMismatch (400).',
    IDEMPOTENCE_DOC,
    'Same token, different parameters',
  ),
  rule(
    'TOKEN.FORMAT',
    TOKEN_ACTIONS,
    'A ClientToken is at most 64 printable ASCII characters; anything else is an invalid parameter.',
    IDEMPOTENCE_DOC,
    'ClientToken',
  ),
  rule(
    'TOKEN.CASE_SENSITIVE',
    TOKEN_ACTIONS,
    'Tokens that differ only in letter case are different tokens.',
    IDEMPOTENCE_DOC,
    'ClientToken',
  ),
  rule(
    'TOKEN.PER_ACTION',
    TOKEN_ACTIONS,
    'A token is remembered per action: the same token on another action is a new token (the docs do not say: reading client-token-scope).',
    IDEMPOTENCE_DOC,
    'ClientToken',
  ),
  rule(
    'TOKEN.SIGNATURE_PARAMS_IGNORED',
    TOKEN_ACTIONS,
    'SignatureNonce, Timestamp, Signature and the other common parameters are not part of the comparison.',
    IDEMPOTENCE_DOC,
    'Retries',
  ),
  rule(
    'TOKEN.ONLY_SUCCESS_REMEMBERED',
    TOKEN_ACTIONS,
    'Only an accepted call binds its token; after a refusal the same token may be used again (the docs do not say: reading refused-call-token).',
    IDEMPOTENCE_DOC,
    'Retries',
  ),
];
