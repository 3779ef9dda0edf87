import { type Operation, operationKey, type ParsedRequest, type ReadingChoices } from '../../api';
import { type ServiceBody, ServiceError } from './api';
import { checkDocumentedLimits, DOCUMENTED_LIMITS, type PageLimits } from './documented-limits';
import type { IdState } from './ids';
import type { Params } from './params';
import type { AccountState } from './state';
import { findRegion, type Region } from './world';

/** What one operation sees: the caller's account, the ID sequence and the time of the call. */
export interface OpContext {
  readonly account: AccountState;
  readonly ids: IdState;
  readonly now: number;
  readonly transitionMs: number;
  /** The alternative of each ambiguous point the emulator plays (readings.ts). */
  readonly readings: ReadingChoices;
}

/**
 * An operation: named like its action, params in, success body (no RequestId) out. Written as
 * `OperationFn<typeof StartDiskReplicaPair>` it reads the parsed request typed; the protocol layer
 * has run the request schema, and the `params.ts` readers still guard in-process callers.
 */
export type OperationFn<O extends Operation = Operation> = ((
  ctx: OpContext,
  params: Params & Readonly<ParsedRequest<O>>,
) => ServiceBody) & {
  /** Which operation it was written for: a function for any operation cannot be routed to one. */
  readonly operation?: O;
};

/**
 * How the service reaches an operation: the function of the same name, which receives the parsed
 * request. `mutating` (whether the call takes part in idempotency and is persisted) comes from the
 * catalogue entry, so it cannot disagree with it.
 */
export interface Route {
  readonly key: string;
  readonly fn: OperationFn;
  readonly mutating: boolean;
  /** The limits its page states, as the emulator reads them (documented-limits.ts). */
  readonly limits?: PageLimits;
}

/**
 * Each emulator family lists its own routes (`ROUTES`), so an operation is named in its family
 * and nowhere else; dispatch.ts only gathers the families.
 */
export const route = <O extends Operation>(
  op: O,
  fn: OperationFn<NoInfer<O>>,
  own: PageLimits | undefined = DOCUMENTED_LIMITS[`${op.product}:${op.action}`],
): Route => {
  // The emulator's own reading of the page's limits refuses first (documented-limits.ts).
  const checked: OperationFn = (ctx, p) => {
    checkDocumentedLimits(own, p);
    return (fn as OperationFn)(ctx, p);
  };
  // A route keeps the name of the function it serves (an action's function is named after it).
  Object.defineProperty(checked, 'name', { value: fn.name });
  return { key: operationKey(op), fn: checked, mutating: op.mutating, ...(own ? { limits: own } : {}) };
};

/** Throws a documented refusal; the status defaults to the catalogue's. */
export function fail(code: string, message?: string, httpStatus?: number): never {
  throw new ServiceError(code, message, httpStatus);
}

export function requireRegion(regionId: string): Region {
  return findRegion(regionId) ?? fail('InvalidRegionId.NotFound', `The region ${regionId} does not exist.`);
}

/** Unix seconds, the unit of every EBS time field. */
export const unixSeconds = (ms: number) => Math.floor(ms / 1000);

/** ECS times: ISO-8601 UTC to the second, `2024-01-01T00:00:00Z`. */
export const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Records in creation order. */
export const bySeq = <T extends { readonly seq: number }>(records: Record<string, T>): T[] =>
  Object.values(records).sort((a, b) => a.seq - b.seq);
