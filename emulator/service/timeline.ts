import { type PairStatus, TRANSIENT_PAIR_STATUSES } from '../../api';
import type { Activity, ActivityKind } from './state';

/**
 * How a pair's (or group's) status unfolds over time from the activity it is in. Nothing here
 * is stored: given the activity, the clock and transitionMs, the status, the replication
 * progress and the last recovery point are computed, so they cannot drift apart.
 */
export interface Timing {
  readonly now: number;
  readonly transitionMs: number;
  /** The replication cycle, from the RPO (seconds). */
  readonly rpoMs: number;
}

export interface Derived {
  readonly status: PairStatus;
  /** The full initial copy has completed at least once. */
  readonly firstSyncDone: boolean;
  /** When the last completed sync's data was taken (ms); absent before any. */
  readonly recoverPoint?: number;
  /** Percent of the current full copy (100 once the first full copy is done). */
  readonly progress: number;
}

/** Activities with one transient status and the status it settles in. */
const SIMPLE: Partial<Record<ActivityKind, readonly [PairStatus, PairStatus]>> = {
  create: ['creating', 'created'],
  stop: ['stopping', 'stopped'],
  failover: ['failovering', 'failovered'],
  reprotect: ['reprotecting', 'stopped'],
  delete: ['deleting', 'deleted'],
};

const progressOf = (a: Activity, done: boolean) => (done || a.firstSyncDone ? 100 : 0);

function withRecoverPoint(base: Omit<Derived, 'recoverPoint'>, recoverPoint: number | undefined): Derived {
  // Object.assign, not `{ ...base, recoverPoint }`: V8 (Node 20) adds to a spread copy slowly, and
  // every listing derives each pair's status through here.
  return recoverPoint === undefined ? base : Object.assign({}, base, { recoverPoint });
}

/** A one-shot sync: manual_syncing for transitionMs, then stopped with a fresh recovery point. */
function oneShot(a: Activity, t: Timing): Derived {
  const elapsed = t.now - a.since;
  if (elapsed < t.transitionMs) {
    const progress = a.firstSyncDone ? 100 : Math.floor((100 * elapsed) / t.transitionMs);
    return withRecoverPoint(
      { status: 'manual_syncing', firstSyncDone: a.firstSyncDone, progress },
      a.recoverPoint,
    );
  }
  return { status: 'stopped', firstSyncDone: true, recoverPoint: a.since, progress: 100 };
}

/**
 * Continuous replication. A first start copies everything at once (initial_syncing); after
 * that a sync begins every RPO and lasts transitionMs (syncing), with normal in between. A
 * restart of a pair that was already copied waits one RPO before its first sync, as the group
 * doc describes for OneShot=false.
 */
function running(a: Activity, t: Timing): Derived {
  const elapsed = t.now - a.since;
  const cycle = Math.floor(elapsed / t.rpoMs);
  const inCycle = elapsed - cycle * t.rpoMs;
  const syncingNow = inCycle < t.transitionMs && (cycle > 0 || !a.firstSyncDone);
  // The index of the last cycle whose sync has completed (-1: none in this activity).
  const lastDone = syncingNow ? cycle - 1 : cycle;
  const firstCycle = a.firstSyncDone ? 1 : 0;
  const recoverPoint = lastDone >= firstCycle ? a.since + lastDone * t.rpoMs : a.recoverPoint;
  const firstSyncDone = a.firstSyncDone || lastDone >= 0;
  if (syncingNow && cycle === 0) {
    const progress = Math.floor((100 * inCycle) / t.transitionMs);
    return withRecoverPoint({ status: 'initial_syncing', firstSyncDone, progress }, recoverPoint);
  }
  return withRecoverPoint(
    { status: syncingNow ? 'syncing' : 'normal', firstSyncDone, progress: 100 },
    recoverPoint,
  );
}

export function derive(a: Activity, t: Timing): Derived {
  if (a.kind === 'run') return running(a, t);
  if (a.kind === 'oneShot') return oneShot(a, t);
  if (a.kind === 'invalid') {
    return withRecoverPoint(
      { status: 'invalid', firstSyncDone: a.firstSyncDone, progress: progressOf(a, false) },
      a.recoverPoint,
    );
  }
  const [transient, settled] = SIMPLE[a.kind] as readonly [PairStatus, PairStatus];
  const status = t.now - a.since < t.transitionMs ? transient : settled;
  return withRecoverPoint(
    { status, firstSyncDone: a.firstSyncDone, progress: progressOf(a, false) },
    a.recoverPoint,
  );
}

/** A new activity starting now, carrying over the progress reached so far. */
export function begin(kind: ActivityKind, current: Derived, now: number): Activity {
  const base = { kind, since: now, firstSyncDone: current.firstSyncDone };
  return current.recoverPoint === undefined ? base : { ...base, recoverPoint: current.recoverPoint };
}

/** The first activity of a new pair or group. */
export const creation = (now: number): Activity => ({ kind: 'create', since: now, firstSyncDone: false });

export const isTransient = (status: PairStatus) => TRANSIENT_PAIR_STATUSES.includes(status);
