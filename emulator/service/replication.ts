import type { OpContext } from './context';
import type { GroupRecord, PairEnd, PairRecord, Site } from './state';
import { begin, type Derived, derive } from './timeline';

/**
 * State helpers shared by pairs, groups and the disk calls that affect them: the status a
 * pair or group shows now, its current direction, and the side effects of a disk going away.
 */
type Timed = Pick<OpContext, 'account' | 'now' | 'transitionMs'>;

export const derivePair = (pair: PairRecord, ctx: Timed): Derived =>
  derive(pair.activity, { now: ctx.now, transitionMs: ctx.transitionMs, rpoMs: rpoOf(pair, ctx) * 1000 });

export const deriveGroup = (group: GroupRecord, ctx: Timed): Derived =>
  derive(group.activity, { now: ctx.now, transitionMs: ctx.transitionMs, rpoMs: group.rpo * 1000 });

/** A pair in a group replicates on the group's RPO. */
function rpoOf(pair: PairRecord, ctx: Timed): number {
  const group = pair.groupId ? ctx.account.groups[pair.groupId] : undefined;
  return group?.rpo ?? pair.rpo;
}

/** Where data comes from now and where it goes. */
export const sourceOf = (pair: PairRecord): PairEnd => (pair.reversed ? pair.standby : pair.primary);
export const destinationOf = (pair: PairRecord): PairEnd => (pair.reversed ? pair.primary : pair.standby);
export const groupSource = (g: GroupRecord): Site => (g.reversed ? g.standby : g.primary);
export const groupDestination = (g: GroupRecord): Site => (g.reversed ? g.primary : g.standby);

/** A pair that has finished deleting is gone: lookups and listings skip it. */
export const isGone = (pair: PairRecord, ctx: Timed) => derivePair(pair, ctx).status === 'deleted';

/**
 * A pair made by the legacy ECS CreateDiskReplicaPair lives in its own dialect: it holds its
 * disks, but the EBS calls neither list nor move it, and its secondary stays usable.
 */
export const isEbsPair = (pair: PairRecord): boolean => pair.legacyPairId === undefined;

/** An EBS pair that exists and has not finished deleting. */
export function livePair(ctx: Timed, pairId: string): PairRecord | undefined {
  const pair = ctx.account.pairs[pairId];
  return pair && isEbsPair(pair) && !isGone(pair, ctx) ? pair : undefined;
}

/** The pair a disk belongs to (a disk is in at most one), unless it is being or has been deleted. */
export function activePairOfDisk(ctx: Timed, diskId: string): PairRecord | undefined {
  return Object.values(ctx.account.pairs).find((pair) => {
    if (pair.primary.diskId !== diskId && pair.standby.diskId !== diskId) return false;
    const status = derivePair(pair, ctx).status;
    return status !== 'deleted' && status !== 'deleting';
  });
}

/**
 * A disk of a pair was released: the pair stops replicating and shows `invalid` with the
 * reason; so does its group, which can then only release its pairs and be deleted.
 */
export function invalidate(ctx: Timed, pair: PairRecord, reason: string): void {
  pair.activity = begin('invalid', derivePair(pair, ctx), ctx.now);
  pair.statusMessage = reason;
  const group = pair.groupId ? ctx.account.groups[pair.groupId] : undefined;
  if (group) {
    group.activity = begin('invalid', deriveGroup(group, ctx), ctx.now);
    group.statusMessage = reason;
  }
}

/**
 * Drops pairs that have finished deleting, so the state does not grow without bound. Reads
 * `ctx.account`, deletes through `writes` (the same account seen through an undo log: only the
 * deletions are logged, the reads pay no proxy).
 */
export function pruneGone(ctx: Timed, writes: Timed['account'] = ctx.account): void {
  const { pairs, groups } = ctx.account;
  for (const id in pairs) if (isGone(pairs[id] as PairRecord, ctx)) delete writes.pairs[id];
  for (const id in groups) {
    if (deriveGroup(groups[id] as GroupRecord, ctx).status === 'deleted') delete writes.groups[id];
  }
}
