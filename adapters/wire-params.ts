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
  const prepared: Record<string, unknown> = { ...params };
  for (const p of op.params) {
    const value = prepared[p.name];
    if (!Array.isArray(value)) continue;
    if (p.kind.type === 'jsonArray') prepared[p.name] = JSON.stringify(value);
    else if (p.kind.type === 'csv') prepared[p.name] = value.join(',');
  }
  return flattenParams(prepared);
}
