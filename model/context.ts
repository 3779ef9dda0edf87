import type { Operation, ParamProblem, ParsedRequest } from '../api';
import type { Call } from './call';
import type { Expectation } from './expectation';
import type { ModelState } from './state';

/**
 * What an action's handler sees: a validated call against a state, at a time. A handler written
 * as `Handler<typeof StartDiskReplicaPair>` reads its parameters typed (`ctx.params.OneShot` is a
 * boolean); a plain `Handler` reads them as unknown values.
 */
export interface Ctx<O extends Operation = Operation> {
  readonly state: ModelState;
  readonly call: Call;
  readonly op: O;
  /** Typed parameters (the output of the operation's request schema). */
  readonly params: Readonly<ParsedRequest<O>>;
  /** Epoch milliseconds. */
  readonly now: number;
}

/**
 * A decision for `O`. The phantom `operation` says which operation it was written for, so a
 * handler written for any operation (`Handler`, its parameters unknown values) cannot be listed
 * as the decision of a particular one: every decision reads its request typed.
 */
export type Handler<O extends Operation = Operation> = ((ctx: Ctx<O>) => Expectation) & {
  readonly operation?: O;
};

/**
 * The rule a malformed parameter of one operation breaks, when its family documents one of its
 * own (a tag list limit, a drill listing's paging); undefined falls back to the shared rules.
 */
export type ParamRule = (problem: ParamProblem) => string | undefined;

/** One row of the decision table: an operation, the handler that decides it, typed together. */
export interface Decision {
  readonly op: Operation;
  readonly handler: Handler;
  readonly paramRule?: ParamRule;
}

/**
 * Each model family lists its own decisions (`DECISIONS`), so an operation is named in its
 * family and nowhere else; model/allowed-outcomes.ts only gathers the families.
 */
export const decide = <O extends Operation>(
  op: O,
  handler: Handler<NoInfer<O>>,
  paramRule?: ParamRule,
): Decision => ({
  op,
  handler: handler as Handler,
  ...(paramRule ? { paramRule } : {}),
});

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
export const bool = (v: unknown, fallback: boolean): boolean => (typeof v === 'boolean' ? v : fallback);
export const int = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
export const list = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
