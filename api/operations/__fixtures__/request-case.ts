import type { Operation } from '../../operation';

/** One operation's request table: a valid wire request and the documented constraints. */
export interface RequestCase {
  readonly op: Operation;
  /** A valid request as it arrives: strings (tags already unflattened from `Tag.N.*`). */
  readonly wire: Record<string, unknown>;
  /** What some of those strings must parse to. */
  readonly parsed: Record<string, unknown>;
  /** The parameters the docs mark required. */
  readonly required: readonly string[];
  /** Values that each break one documented constraint: [parameter, value]. */
  readonly invalid: readonly (readonly [string, unknown])[];
}

export const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

export const tooManyTags = Array.from({ length: 21 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
