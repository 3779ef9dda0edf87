import type { CheckFailure } from './check';
import { show } from './check';
import { at } from './response-conformance';

/** Where each listing keeps its rows, the row's ID and its status. */
const ROWS: Readonly<Record<string, { readonly field: string; readonly id: string }>> = {
  DescribeDiskReplicaPairs: { field: 'ReplicaPairs', id: 'ReplicaPairId' },
  DescribeDiskReplicaGroups: { field: 'ReplicaGroups', id: 'ReplicaGroupId' },
  DescribeDisks: { field: 'Disks.Disk', id: 'DiskId' },
};

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
  const where = ROWS[action];
  if (!where) return undefined;
  const rows = at(body, where.field.split('.'));
  if (!Array.isArray(rows)) return undefined;
  for (const row of rows as Readonly<Record<string, unknown>>[]) {
    if (row[where.id] !== id || allowed.includes(String(row.Status))) continue;
    return {
      check: 'transient_status_conformance',
      category: 'transition',
      title: `${String(row[where.id])} shows ${show(row.Status)} while a change is under way`,
      operation: action,
      rules: ['PROTO.DESCRIBE_IS_PROJECTION'],
      expected: allowed.join(' | '),
      received: show(row.Status),
    };
  }
  return undefined;
}
