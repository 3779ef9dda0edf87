import type { Operation, ParsedRequest } from '../api';
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

export type Handler<O extends Operation = Operation> = (ctx: Ctx<O>) => Expectation;

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
export const bool = (v: unknown, fallback: boolean): boolean => (typeof v === 'boolean' ? v : fallback);
export const int = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
export const list = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
