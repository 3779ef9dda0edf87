import type { Operation } from '../api';
import type { Call } from './call';
import type { Expectation } from './expectation';
import type { ModelState } from './state';

/** What an action's handler sees: a validated call against a state, at a time. */
export interface Ctx {
  readonly state: ModelState;
  readonly call: Call;
  readonly op: Operation;
  /** Typed parameters (the output of the operation's request schema). */
  readonly params: Readonly<Record<string, unknown>>;
  /** Epoch milliseconds. */
  readonly now: number;
}

export type Handler = (ctx: Ctx) => Expectation;

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
export const bool = (v: unknown, fallback: boolean): boolean => (typeof v === 'boolean' ? v : fallback);
export const int = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
export const list = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
