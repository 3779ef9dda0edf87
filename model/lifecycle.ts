import type { PairStatus } from '../api';
import type { Bound } from './expectation';
import type { Replication } from './state';

/**
 * The status machine pairs and groups share (PROTOCOL section 6): what a call moves a resource
 * to right away, and what `advance` settles it in.
 */
export const SYNCING: readonly PairStatus[] = ['initial_syncing', 'syncing', 'manual_syncing', 'normal'];

/** Statuses in which the current secondary disk is being written by replication. */
export const REPLICATING: readonly PairStatus[] = [...SYNCING, 'stopping'];

/** The statuses the group page lists for Stop. */
export const STOP_FROM: readonly PairStatus[] = [
  'manual_syncing',
  'syncing',
  'normal',
  'stopping',
  'stop_failed',
  'stopped',
];

/**
 * The statuses the group page lists for failover; the pair page only forbids invalid and
 * deleted, so for a pair other statuses leave both outcomes open.
 */
export const FAILOVER_FROM: readonly PairStatus[] = [
  ...STOP_FROM,
  'failovering',
  'failover_failed',
  'failovered',
];

/** One-shot syncs closer than RPO/2 are refused; this close to the limit either outcome is fine. */
export const ONE_SHOT_CLOCK_SLACK_MS = 5_000;

export type OneShotGap = 'ok' | 'too-soon' | 'borderline';

export function oneShotGap(r: Replication, now: number): OneShotGap {
  if (r.lastOneShotAt === undefined) return 'ok';
  const gap = now - r.lastOneShotAt;
  const limit = (r.rpo * 1000) / 2;
  if (Math.abs(gap - limit) <= ONE_SHOT_CLOCK_SLACK_MS) return 'borderline';
  return gap > limit ? 'ok' : 'too-soon';
}

/** The status right after an accepted Start, with where it may be seen on the way and settle. */
export function startTransition<R extends Replication>(r: R, oneShot: boolean, now: number) {
  if (oneShot) {
    return {
      next: { ...r, status: 'manual_syncing' as const, lastOneShotAt: now },
      transient: ['manual_syncing'],
      settlesIn: ['stopped'],
    };
  }
  return {
    next: {
      ...r,
      status: r.fullSyncDone ? ('syncing' as const) : ('initial_syncing' as const),
      replicatingSince: now,
    },
    transient: ['initial_syncing', 'syncing'],
    // A started pair settles in normal; syncing is on the way and, later, a periodic sync.
    settlesIn: ['normal'],
  };
}

/** The settled form of a status; `undefined` means the resource is gone. */
export function settle<R extends Replication>(r: R, now: number): R | undefined {
  switch (r.status) {
    case 'creating':
      return { ...r, status: 'created' };
    case 'initial_syncing':
    case 'syncing':
      return { ...r, status: 'normal', fullSyncDone: true, lastRecoverPoint: now };
    case 'manual_syncing':
      return { ...r, status: 'stopped', fullSyncDone: true, lastRecoverPoint: now };
    case 'stopping':
      return { ...r, status: 'stopped' };
    case 'failovering':
      return { ...r, status: 'failovered' };
    case 'reprotecting':
      return { ...r, status: 'stopped' };
    case 'deleting':
    case 'deleted':
      return undefined;
    default:
      return r;
  }
}

/**
 * Synced once, then reversed by Reprotect: the new direction has no completed copy yet. What
 * the docs say of the first sync (failover after it, RecoverPoint from it) may then mean the
 * first ever or the first in the new direction, so the model leaves both answers open.
 */
export const reversedUnsynced = (r: Replication): boolean =>
  !r.fullSyncDone && r.lastRecoverPoint !== undefined;

/**
 * The time one periodic sync may take on a target whose clock the harness moves: a recovery
 * point may be this much older than one RPO (the sync that refreshes it is still running).
 */
export const SYNC_SLACK_S = 120;

/**
 * The oldest recovery point a replicating pair or group may show at `now` (Unix seconds), when
 * its replication has run long enough for that to be known: a sync completes every RPO
 * (PAIR.RECOVER_POINT.WITHIN_RPO). Undefined while it is not replicating, and during the first
 * RPO after a Start (a restart waits one RPO before its first sync: the Start pages, OneShot).
 */
export function recoverPointFloor(r: Replication, now: number): number | undefined {
  if (r.status !== 'normal' || r.replicatingSince === undefined) return undefined;
  const window = r.rpo + SYNC_SLACK_S;
  const nowS = Math.floor(now / 1000);
  return nowS - Math.floor(r.replicatingSince / 1000) >= window ? nowS - window : undefined;
}

/**
 * What DescribeDiskReplicaPairProgress may answer of a pair's recovery data beyond its fields:
 * Progress below 100 and never falling while the initial copy runs, and a recovery point no
 * older than the RPO allows once the pair has replicated that long.
 */
export function progressBounds(
  r: Replication,
  now: number,
): { rules: string[]; bounds?: Record<string, Bound> } {
  if (r.status === 'initial_syncing')
    return {
      rules: [
        'PAIR.PROGRESS.BELOW_100_WHILE_INITIAL_SYNCING',
        'PAIR.PROGRESS.NOT_DECREASING_IN_INITIAL_SYNC',
      ],
      bounds: { Progress: { rule: 'PAIR.PROGRESS.BELOW_100_WHILE_INITIAL_SYNCING', min: 0, max: 99 } },
    };
  const floor = recoverPointFloor(r, now);
  if (floor === undefined) return { rules: [] };
  return {
    rules: ['PAIR.RECOVER_POINT.WITHIN_RPO'],
    bounds: { RecoverPoint: { rule: 'PAIR.RECOVER_POINT.WITHIN_RPO', min: floor, movedClock: true } },
  };
}

/**
 * The oldest LastRecoverPoint each listed pair or group may show: the row's time of the latest
 * completed sync is the recovery point DescribeDiskReplicaPairProgress reports, under the same
 * rule (PAIR.RECOVER_POINT.WITHIN_RPO). Only the rows whose replication has run long enough.
 */
export function listedRecoveryBounds(
  listed: readonly Replication[],
  now: number,
): { rules: string[]; bounds?: Record<string, Record<string, Bound>> } {
  let bounds: Record<string, Record<string, Bound>> | undefined;
  for (const r of listed) {
    const floor = recoverPointFloor(r, now);
    if (floor === undefined) continue;
    bounds ??= {};
    bounds[r.id] = { LastRecoverPoint: { rule: WITHIN_RPO, min: floor, movedClock: true } };
  }
  return bounds ? { rules: [WITHIN_RPO], bounds } : { rules: [] };
}

const WITHIN_RPO = 'PAIR.RECOVER_POINT.WITHIN_RPO';

/** Describe may catch a settled active pair in a periodic sync. */
export function observableStatuses(status: PairStatus): PairStatus[] {
  return status === 'normal' ? ['normal', 'syncing'] : [status];
}
