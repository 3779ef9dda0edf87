import { LISTINGS, listingRows } from '../../api/resources';
import type { CheckFailure } from './check';
import { show } from './check';

/** Where each listing keeps its rows and the row's ID (api/resources.ts). */
const ROWS = new Map(LISTINGS.map((l) => [l.action, l]));

/**
 * Caught between an accepted change and its settling, a resource shows a status the change may
 * pass through or end in (`allowed`), never one from another part of the life cycle.
 */
export function transient_status_conformance(
  action: string,
  body: Readonly<Record<string, unknown>>,
  allowed: readonly string[],
  /** The resource that changed; other rows are the listing checks' business. */
  id: string,
): CheckFailure | undefined {
  const where = ROWS.get(action);
  if (!where) return undefined;
  const rows = listingRows(where, body);
  if (!rows) return undefined;
  for (const row of rows) {
    if (row[where.idField] !== id || allowed.includes(String(row.Status))) continue;
    return {
      check: 'transient_status_conformance',
      category: 'transition',
      title: `${String(row[where.idField])} shows ${show(row.Status)} while a change is under way`,
      operation: action,
      rules: ['PROTO.DESCRIBE_IS_PROJECTION'],
      expected: allowed.join(' | '),
      received: show(row.Status),
    };
  }
  return undefined;
}
