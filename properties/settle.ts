import { pathRules } from '../api/state-machines';
import type { ModelState } from '../model';
import { drillListing } from '../model/drills';
import { observableStatuses } from '../model/lifecycle';
import { diskStatus } from '../model/state';
import { ABSENT, type AllowedPath } from './checks/transient-status';
import type { PlannedCall } from './command';

const ebs = { product: 'ebs', version: '2021-07-30' } as const;
const ecs = { product: 'ecs', version: '2014-05-26' } as const;

// Model states share what a call left alone: the same object is unchanged without serialising
// it, and a collection the call left alone has no record to look at.
function changed<T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>): string[] {
  const out: string[] = [];
  if (a === b) return out;
  for (const id of Object.keys(a)) if (differs(a[id], b[id])) out.push(id);
  for (const id of Object.keys(b)) if (!Object.hasOwn(a, id) && differs(a[id], b[id])) out.push(id);
  return out;
}

const differs = (x: unknown, y: unknown) => x !== y && JSON.stringify(x) !== JSON.stringify(y);

/** One listing that shows whether a change has settled, and the resource it is read for. */
export interface SettleRead {
  readonly planned: PlannedCall;
  readonly kind: AllowedPath['kind'];
  readonly id: string;
}

/**
 * The listings that show whether a change has settled: one Describe per pair, group or disk that
 * the call changed, made where the resource is listed (its production region).
 */
export function settleReads(before: ModelState, settled: ModelState): SettleRead[] {
  const reads: SettleRead[] = [];
  for (const id of changed(before.pairs, settled.pairs)) {
    const pair = settled.pairs[id] ?? before.pairs[id];
    if (!pair) continue;
    const params = { RegionId: pair.primary.regionId, PairIds: id };
    const call = { ...ebs, action: 'DescribeDiskReplicaPairs', params };
    reads.push({ planned: { call, label: `DescribeDiskReplicaPairs(${id})` }, kind: 'pair', id });
  }
  for (const id of changed(before.groups, settled.groups)) {
    const group = settled.groups[id] ?? before.groups[id];
    if (!group) continue;
    const params = { RegionId: group.primary.regionId, GroupIds: id };
    const call = { ...ebs, action: 'DescribeDiskReplicaGroups', params };
    reads.push({ planned: { call, label: `DescribeDiskReplicaGroups(${id})` }, kind: 'group', id });
  }
  // A drill executes or clears by itself: its own listing shows when it has.
  for (const id of changed(before.drills, settled.drills)) {
    const drill = settled.drills[id] ?? before.drills[id];
    const owner = drill && (settled.pairs[drill.ownerId] ?? settled.groups[drill.ownerId]);
    if (!drill || !owner) continue;
    const call = drillListing(drill, owner);
    reads.push({ planned: { call, label: `${call.action}(${id})` }, kind: 'drill', id });
  }
  for (const id of changed(before.disks, settled.disks)) {
    const disk = settled.disks[id] ?? before.disks[id];
    if (!disk) continue;
    const params = { RegionId: disk.regionId, DiskIds: JSON.stringify([id]) };
    const call = { ...ecs, action: 'DescribeDisks', params };
    reads.push({ planned: { call, label: `DescribeDisks(${id})` }, kind: 'disk', id });
  }
  return reads;
}

/** The listing calls alone (the scenarios list what a change touched). */
export const settleCalls = (before: ModelState, settled: ModelState): PlannedCall[] =>
  settleReads(before, settled).map((r) => r.planned);

/** A disk's Creating/Attaching/Detaching is ECS plumbing on the way to the status the model derives. */
const DISK_ON_THE_WAY = ['Creating', 'Attaching', 'Detaching', 'ReIniting'];

/** What the change allows the transition to show, from the model's own statuses and the call's expectation. */
export interface ChangeSpec {
  readonly operation: string;
  readonly rules: readonly string[];
  /** The accepted call's transient and settled statuses (its Success). */
  readonly transient: readonly string[];
  readonly settlesIn: readonly string[];
}

export function statusIn(state: ModelState, kind: AllowedPath['kind'], id: string): string {
  if (kind === 'pair') return state.pairs[id]?.status ?? ABSENT;
  if (kind === 'group') return state.groups[id]?.status ?? ABSENT;
  if (kind === 'drill') return state.drills[id]?.status ?? ABSENT;
  const disk = state.disks[id];
  return disk ? diskStatus(disk) : ABSENT;
}

/**
 * The path one resource may take after an accepted change: the status the model gives it right
 * after the call and the call's transient statuses on the way, then the status the model settles
 * it in. A resource the change removes may show its last statuses (deleting, deleted) until it
 * leaves the listing. A Start settles in `normal`: `syncing` is on the way, and after `normal`
 * a periodic sync, never an alternative final status (the docs' status table).
 */
export function allowedPath(read: SettleRead, after: ModelState, settled: ModelState, change: ChangeSpec) {
  const now = statusIn(after, read.kind, read.id);
  const final = statusIn(settled, read.kind, read.id);
  const removed = final === ABSENT;
  const onTheWay = read.kind === 'disk' ? DISK_ON_THE_WAY : change.transient;
  // A removal may settle in a row with the status the call names (`deleted`), which the listing
  // checks then hold to leaving the listing: such a row is re-read, then reported.
  const finals = removed && read.kind !== 'disk' ? [ABSENT, ...change.settlesIn] : [final];
  const settledAlso =
    read.kind === 'disk' || read.kind === 'drill' || removed
      ? []
      : observableStatuses(final as never).filter((s) => s !== final);
  // A change that leaves the status as it was (tagging an active pair) finds it settled already:
  // its first read may catch a periodic sync.
  const unchanged = now === final ? settledAlso : [];
  const path: AllowedPath = {
    kind: read.kind,
    id: read.id,
    operation: change.operation,
    // Off its path, a change breaks the rules stating where it goes, not all that let it through.
    // A change the state machines give no path (a disk attached, a pair renamed) states none:
    // what its listing shows then breaks the projection rule alone, which every settle failure names.
    rules: pathRules(read.kind, change.operation, change.rules) ?? [],
    transient: [...new Set([now, ...onTheWay, ...unchanged])].filter(
      (s) => !finals.includes(s) && s !== ABSENT,
    ),
    finals,
    settledAlso,
  };
  return path;
}
