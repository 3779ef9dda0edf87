import type { Deviation, NextService } from '../protocol/deviation';
import type { ServiceBody, ServiceCall } from '../service/api';
import type { FaultProfile } from './profile';
import { isEbs, mapRows, readCalledPair, rewriting, str, ungrouped } from './support';

/** Deviations in the recovery data: times in the wrong unit, a progress that lies, a recovery point that moves. */

const pairListing = (call: ServiceCall) => isEbs(call, 'DescribeDiskReplicaPairs');
const progressCall = (call: ServiceCall) => isEbs(call, 'DescribeDiskReplicaPairProgress');

/** A time field in milliseconds, the way a service built on Java's currentTimeMillis() would answer it. */
const inMs = (row: Record<string, unknown>, fields: readonly string[]) =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, fields.includes(k) && typeof v === 'number' ? v * 1000 : v]),
  );

export const timesInMilliseconds: FaultProfile = {
  name: 'times-in-milliseconds',
  description:
    'DescribeDiskReplicaPairs answers CreateTime, LastRecoverPoint and ExpiredTime, and DescribeDiskReplicaPairProgress RecoverPoint, in milliseconds instead of seconds',
  kind: 'time-unit-wrong',
  operation: 'DescribeDiskReplicaPairs',
  alsoOperations: ['DescribeDiskReplicaPairProgress'],
  ruleIds: ['PAIR.DESCRIBE.TIMES_IN_SECONDS'],
  create: rewriting(
    (call) => pairListing(call) || progressCall(call),
    (body, call) =>
      progressCall(call)
        ? inMs(body, ['RecoverPoint'])
        : mapRows(body, 'ReplicaPairs', (r) => inMs(r, ['CreateTime', 'LastRecoverPoint', 'ExpiredTime'])),
  ),
};

/**
 * DescribeDiskReplicaPairProgress with its Progress rewritten from the pair's status (read in the
 * call's region): `progress(status, actual)` is what the caller sees.
 */
const progressFrom = (progress: (status: string, actual: number) => number) => (): Deviation => ({
  async around(call, next) {
    const body = await next(call);
    if (!progressCall(call) || typeof body.Progress !== 'number') return body;
    const row = await readCalledPair(next, call);
    return row ? { ...body, Progress: progress(String(row.Status), body.Progress) } : body;
  },
});

export const progressEarly: FaultProfile = {
  name: 'progress-100-while-initial-syncing',
  description:
    'DescribeDiskReplicaPairProgress answers Progress 100 as soon as a pair is started, while its initial full copy is still running',
  kind: 'progress-complete-too-early',
  operation: 'DescribeDiskReplicaPairProgress',
  ruleIds: [
    'PAIR.PROGRESS.FULL_ONCE_NORMAL',
    'PAIR.PROGRESS.RECOVER_POINT_AFTER_START',
    'PAIR.PROGRESS.BELOW_100_WHILE_INITIAL_SYNCING',
  ],
  create: progressFrom((status, actual) => (status === 'initial_syncing' ? 100 : actual)),
};

export const progressBelow100: FaultProfile = {
  name: 'progress-stuck-at-99',
  description:
    'DescribeDiskReplicaPairProgress never reaches 100: a pair that finished its full copy (normal, syncing, stopped) answers 99, a rounding of copied/total that stops short',
  kind: 'progress-never-complete',
  operation: 'DescribeDiskReplicaPairProgress',
  ruleIds: ['PAIR.PROGRESS.FULL_ONCE_NORMAL', 'PAIR.PROGRESS.RECOVER_POINT_AFTER_START'],
  create: progressFrom((_, actual) => Math.min(actual, 99)),
};

/**
 * On Stop, the recovery point jumps one RPO ahead: the service counts the sync the stop cut short
 * as completed, although the secondary rolls back to the last completed one.
 */
class RecoverPointMovesOnStop implements Deviation {
  /** pairId -> the recovery point (Unix seconds) it shows from its Stop until it starts again. */
  readonly #moved = new Map<string, number>();

  async around(call: ServiceCall, next: NextService): Promise<ServiceBody> {
    if (isEbs(call, 'StopDiskReplicaPair')) {
      const row = await readCalledPair(next, call);
      const body = await next(call);
      const point = row?.LastRecoverPoint;
      if (ungrouped(row) && typeof point === 'number')
        this.#moved.set(String(row.ReplicaPairId), point + Number(row.RPO ?? 900));
      return body;
    }
    const body = await next(call);
    if (isEbs(call, 'StartDiskReplicaPair') || isEbs(call, 'DeleteDiskReplicaPair'))
      this.#moved.delete(String(call.params.ReplicaPairId));
    if (this.#moved.size === 0) return body;
    if (progressCall(call)) {
      const moved = this.#moved.get(String(call.params.ReplicaPairId));
      return moved !== undefined && body.RecoverPoint !== undefined ? { ...body, RecoverPoint: moved } : body;
    }
    if (!pairListing(call)) return body;
    return mapRows(body, 'ReplicaPairs', (r) => {
      const moved = this.#moved.get(String(r.ReplicaPairId));
      return moved !== undefined && str(r.Status)?.startsWith('stop') ? { ...r, LastRecoverPoint: moved } : r;
    });
  }

  reset() {
    this.#moved.clear();
  }
}

export const recoverPointMovesOnStop: FaultProfile = {
  name: 'recover-point-moves-on-stop',
  description:
    'After StopDiskReplicaPair the pair shows a LastRecoverPoint (and RecoverPoint) one RPO later than its last completed sync, as if the interrupted sync had completed',
  kind: 'recover-point-moves',
  operation: 'StopDiskReplicaPair',
  ruleIds: ['PAIR.STOP.SETTLES_STOPPED'],
  observedIn: {
    operation: 'DescribeDiskReplicaPairs',
    alsoOperations: ['DescribeDiskReplicaPairProgress'],
    // The recovery point seen to go back once the pair starts again, or to lie ahead of the answer.
    ruleIds: ['PROTO.DESCRIBE_IS_PROJECTION', 'PAIR.DESCRIBE.TIMES_IN_SECONDS'],
  },
  create: () => new RecoverPointMovesOnStop(),
};

export const RECOVERY_PROFILES = [
  timesInMilliseconds,
  progressEarly,
  progressBelow100,
  recoverPointMovesOnStop,
];
