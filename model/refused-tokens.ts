import { refusedForState } from '../api';
import type { Ctx } from './context';
import {
  allowed,
  allowingToo,
  dedupe,
  deny,
  type Expectation,
  forkOnReading,
  type ReadingFork,
  refuse,
} from './expectation';
import type { ModelState } from './state';
import { canonicalParams, tokenKey, tokenOf } from './tokens';

/**
 * Reading refused-call-token: whether a call the target refused keeps its ClientToken. Where it
 * does, the same call again gets the same refusal and another call with the token is
 * IdempotentParameterMismatch; where it does not, the later call runs as new. A refused call's
 * token is held (TokenRecord.refusedWith) until a success binds it; a later call with it may get
 * either answer, and one the state of a resource refused shows which the target does.
 */
const KEEP: ReadingFork = { id: 'refused-call-token', onSuccess: 'forgotten', onRefusal: 'kept' };
const MISMATCH = 'IdempotentParameterMismatch';

/** The state after the target refused a validated call with `code`: its token held, if it had one. */
export function keepRefused(ctx: Ctx, code: string): ModelState {
  const token = tokenOf(ctx);
  if (token === undefined || !ctx.op.mutating) return ctx.state;
  const key = tokenKey(ctx, token);
  // A token bound already (by a success, or by the first refusal) stays as it was bound.
  if (ctx.state.tokens[key]) return ctx.state;
  const record = { params: canonicalParams(ctx.params), result: {}, call: ctx.call, refusedWith: code };
  return { ...ctx.state, tokens: { ...ctx.state.tokens, [key]: record } };
}

/** The call's own outcome, or what a target that kept the refused call's token answers instead. */
export function afterRefusal(ctx: Ctx, e: Expectation): Expectation {
  const token = tokenOf(ctx);
  const record = token === undefined ? undefined : ctx.state.tokens[tokenKey(ctx, token)];
  const code = record?.refusedWith;
  if (code === undefined) return e;
  const fixed = ctx.state.readings?.[KEEP.id];
  if (fixed === KEEP.onSuccess) return e;
  const same = record?.params === canonicalParams(ctx.params);
  const kept = refuse([
    same
      ? { rule: 'TOKEN.ONLY_SUCCESS_REMEMBERED', errors: allowed(ctx.op, code), undocumented: false }
      : deny(ctx.op, 'TOKEN.OTHER_PARAMS_MISMATCH', MISMATCH),
  ]);
  // Only a refusal for a resource's state is the reading's; after any other, either answer passes.
  const marked = refusedForState(code);
  if (fixed === KEEP.onRefusal && marked) return kept;
  if (e.kind === 'success') {
    // A refusal the call may get anyway (its state on the way, say) shows nothing of the token.
    const shows = marked && !e.reading && !kept.errors.some((k) => e.also.some((a) => a.code === k.code));
    // A kept token's refusal explains its code whatever else the call is forked on.
    return shows ? forkOnReading(ctx.state, KEEP, e, kept) : allowingToo(e, kept.errors);
  }
  const newCodes = kept.errors.filter((k) => !e.errors.some((x) => x.code === k.code));
  if (!marked || e.reading || newCodes.length === 0) return allowingToo(e, kept.errors);
  return {
    ...e,
    errors: dedupe([...e.errors, ...newCodes]),
    reading: { fork: KEEP, codes: newCodes.map((k) => k.code) },
  };
}
