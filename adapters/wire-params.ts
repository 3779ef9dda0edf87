import type { Operation } from '../api';
import { flattenParams } from '../api/protocol/flatten';

/**
 * Typed parameters to the strings that travel. Most values flatten generically (`Tag.1.Key`,
 * booleans, numbers), but two list kinds travel as ONE string and must not be flattened:
 * `DiskIds` is a JSON array text, `PairIds` a comma-separated list. The operation's parameter
 * table says which is which; without an operation, lists flatten generically.
 */
export function toWireParams(
  op: Operation | undefined,
  params: Readonly<Record<string, unknown>>,
): Record<string, string> {
  if (!op) return flattenParams(params);
  // Copied only when a list is rewritten: most calls carry none.
  let prepared: Record<string, unknown> | undefined;
  for (const p of op.params) {
    const value = (prepared ?? params)[p.name];
    if (!Array.isArray(value) || (p.kind.type !== 'jsonArray' && p.kind.type !== 'csv')) continue;
    prepared ??= { ...params };
    prepared[p.name] = p.kind.type === 'jsonArray' ? JSON.stringify(value) : value.join(',');
  }
  return flattenParams(prepared ?? params);
}
