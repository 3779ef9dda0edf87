import { type Check, failure } from './check';

/** Statuses in which a pair no longer holds its disks. */
const GONE = new Set(['deleted', 'deleting']);

/**
 * A disk belongs to at most one live pair (PAIR.CREATE.ONE_PAIR_PER_DISK): no pairs listing may show a
 * disk on two live pairs, whichever rows the model knows.
 */
export const disk_in_one_pair_invariant: Check = (ctx) => {
  const { answer, operation } = ctx;
  if (answer.kind !== 'success' || operation.action !== 'DescribeDiskReplicaPairs') return undefined;
  const rows = answer.body.ReplicaPairs;
  if (!Array.isArray(rows)) return undefined;
  const holder = new Map<string, string>();
  for (const row of rows as Readonly<Record<string, unknown>>[]) {
    if (GONE.has(String(row.Status))) continue;
    const pair = String(row.ReplicaPairId);
    for (const disk of [row.SourceDiskId, row.DestinationDiskId]) {
      if (typeof disk !== 'string' || disk === '') continue;
      const other = holder.get(disk);
      if (other !== undefined && other !== pair)
        return {
          ...failure(
            'disk_in_one_pair_invariant',
            'invariant',
            ctx,
            `${disk} is listed in two live pairs, ${other} and ${pair}`,
            'each disk in at most one live pair',
            `${disk} in ${other} and ${pair}`,
          ),
          rules: ['PAIR.CREATE.ONE_PAIR_PER_DISK'],
        };
      holder.set(disk, pair);
    }
  }
  return undefined;
};
