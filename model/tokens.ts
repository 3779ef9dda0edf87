import { takesClientToken } from '../api';
import type { Ctx } from './context';
import {
  allowingToo,
  dedupe,
  deny,
  type Expectation,
  forkOnReading,
  type ReadingFork,
  refuse,
  type Success,
  succeed,
  successWith,
  withRules,
} from './expectation';
import type { ModelState } from './state';

/** Tokens are remembered per operation (TOKEN.PER_ACTION) and compared case-sensitively. */
export const tokenKey = (ctx: Pick<Ctx, 'op'>, token: string) =>
  `${ctx.op.product}:${ctx.op.version}:${ctx.op.action}\u0000${token}`;

/**
 * Reading client-token-scope: a token an accepted call of another action of the same API bound
 * is a new token where tokens are kept per action, a reuse with other parameters where they are
 * kept for the whole API. The call's own answer says which.
 */
const SCOPE: ReadingFork = { id: 'client-token-scope', onSuccess: 'per-action', onRefusal: 'per-api' };
const MISMATCH = 'IdempotentParameterMismatch';

/**
 * Which call of another action of the call's API bound `token` (letter case and all): an
 * accepted one, else a refused one (model/refused-tokens.ts), else none.
 */
function boundElsewhere(ctx: Ctx, token: string): 'accepted' | 'refused' | undefined {
  const own = tokenKey(ctx, token);
  const api = `${ctx.op.product}:${ctx.op.version}:`;
  const tail = `\u0000${token}`;
  const { tokens } = ctx.state;
  let found: 'refused' | undefined;
  for (const k in tokens)
    if (k !== own && k.endsWith(tail) && k.startsWith(api)) {
      if (tokens[k]?.refusedWith === undefined) return 'accepted';
      found = 'refused';
    }
  return found;
}

/**
 * The call's own outcome, or IdempotentParameterMismatch where its token was bound by another
 * action and the target keeps tokens for the whole API: both allowed until the target shows one.
 * A token another action's refused call holds is a mismatch only where the target keeps tokens
 * for the whole API and keeps refused calls' tokens too (refused-call-token): allowed, unmarked.
 */
export function acrossActions(ctx: Ctx, e: Expectation): Expectation {
  const token = tokenOf(ctx);
  const elsewhere = token === undefined ? undefined : boundElsewhere(ctx, token);
  if (elsewhere === undefined) return e;
  const mismatch = refuse([deny(ctx.op, 'TOKEN.OTHER_PARAMS_MISMATCH', MISMATCH)]);
  const fixed = ctx.state.readings?.[SCOPE.id];
  if (fixed === SCOPE.onSuccess) return e;
  if (elsewhere === 'refused') {
    if (ctx.state.readings?.['refused-call-token'] === 'forgotten') return e;
    return allowingToo(e, mismatch.errors);
  }
  if (fixed === SCOPE.onRefusal) return mismatch;
  if (e.kind === 'success')
    // Another reading already decides what this answer shows, or the call may be refused with a
    // mismatch anyway: the mismatch is allowed, unmarked.
    return e.reading || e.also.some((a) => a.code === MISMATCH)
      ? allowingToo(e, mismatch.errors)
      : forkOnReading(ctx.state, SCOPE, e, mismatch);
  // Which the target checks first, the token or the state, the docs do not say: either code.
  if (e.reading) return allowingToo(e, mismatch.errors);
  return {
    ...e,
    errors: dedupe([...e.errors, ...mismatch.errors]),
    reading: { fork: SCOPE, codes: [MISMATCH] },
  };
}

/**
 * The parameters a token is bound to: the typed values, ClientToken left out, keys sorted, so
 * `"true"` and `true` compare equal and the signature's common parameters never take part.
 */
export function canonicalParams(params: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(params)
    .filter((k) => k !== 'ClientToken' && params[k] !== undefined)
    .sort();
  return JSON.stringify(keys.map((k) => [k, params[k]]));
}

/** Response fields that name what a call created, by the state collection it lands in. */
const CREATED_FIELDS = {
  disks: 'DiskId',
  pairs: 'ReplicaPairId',
  groups: 'ReplicaGroupId',
  legacyPairs: 'PairId',
  drills: 'DrillId',
} as const;

function createdIds(before: ModelState, after: ModelState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [collection, field] of Object.entries(CREATED_FIELDS)) {
    const key = collection as keyof typeof CREATED_FIELDS;
    const added = Object.keys(after[key]).find((id) => !(id in before[key]));
    if (added) out[field] = added;
  }
  return out;
}

// The call's own value first: most calls carry no token, and the catalogue's list is then never scanned.
export const tokenOf = (ctx: Pick<Ctx, 'op' | 'params'>): string | undefined =>
  typeof ctx.params.ClientToken === 'string' && ctx.op.mutating && takesClientToken(ctx.op)
    ? ctx.params.ClientToken
    : undefined;

/**
 * A call with a token already bound: the recorded result again with no effect, or a mismatch.
 * `undefined` when the token is new (or absent) and the call runs normally.
 */
export function replayed(ctx: Ctx): Expectation | undefined {
  const token = tokenOf(ctx);
  if (token === undefined) return undefined;
  const record = ctx.state.tokens[tokenKey(ctx, token)];
  // A refused call's token (model/refused-tokens.ts) leaves the call to run, both answers open.
  if (!record || record.refusedWith !== undefined) return undefined;
  if (record.params !== canonicalParams(ctx.params)) {
    return refuse(
      [deny(ctx.op, 'TOKEN.OTHER_PARAMS_MISMATCH', 'IdempotentParameterMismatch')],
      ['TOKEN.CASE_SENSITIVE'],
    );
  }
  return succeed({
    rules: ['TOKEN.SAME_PARAMS_SAME_RESULT', 'TOKEN.SIGNATURE_PARAMS_IGNORED'],
    facts: record.result,
    next: () => ctx.state,
  });
}

const TOKEN_RULES = ['TOKEN.PER_ACTION', 'TOKEN.ONLY_SUCCESS_REMEMBERED'];
const TOKEN_RULES_CASE = [...TOKEN_RULES, 'TOKEN.CASE_SENSITIVE'];

/** A fresh success binds its token to its parameters and the IDs it created (TOKEN.ONLY_SUCCESS_REMEMBERED). */
export function bindToken(ctx: Ctx, expectation: Expectation): Expectation {
  const token = tokenOf(ctx);
  if (token === undefined || expectation.kind !== 'success') return expectation;
  const inner: Success = expectation;
  // A token bound before in another letter case is another token: this call is new (CASE_SENSITIVE).
  const key = tokenKey(ctx, token);
  const caseVariant = Object.keys(ctx.state.tokens).some(
    (k) => k !== key && k.toLowerCase() === key.toLowerCase(),
  );
  return successWith(inner, {
    rules: withRules(inner.rules, caseVariant ? TOKEN_RULES_CASE : TOKEN_RULES),
    next: (observed) => {
      const after = inner.next(observed);
      const result = createdIds(ctx.state, after);
      const record = { params: canonicalParams(ctx.params), result, call: ctx.call };
      return { ...after, tokens: { ...after.tokens, [tokenKey(ctx, token)]: record } };
    },
  });
}
