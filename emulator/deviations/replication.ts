import type { Deviation, NextService } from '../protocol/deviation';
import type { ServiceBody, ServiceCall } from '../service/api';
import type { FaultProfile } from './profile';
import { isEbs, mapRows, readCalledPair } from './support';

/** Deviations in what a replicating pair reports over time: its progress and its recovery point. */

const progressCall = (call: ServiceCall) => isEbs(call, 'DescribeDiskReplicaPairProgress');

/**
 * The initial copy runs in two passes (every block, then the blocks written meanwhile) and the
 * service reports each pass from 0 to 100: halfway through initial_syncing Progress falls back.
 */
const twoPasses = (actual: number) => (actual < 50 ? 2 * actual : 2 * (actual - 50));

export const progressFallsBetweenPasses: FaultProfile = {
  name: 'progress-falls-between-passes',
  description:
    'DescribeDiskReplicaPairProgress reports each pass of the initial copy (all blocks, then those written meanwhile) from 0 to 100, so Progress falls back halfway through initial_syncing',
  kind: 'progress-falls',
  operation: 'DescribeDiskReplicaPairProgress',
  ruleIds: ['PAIR.PROGRESS.NOT_DECREASING_IN_INITIAL_SYNC'],
  create: (): Deviation => ({
    async around(call, next) {
      const body = await next(call);
      if (!progressCall(call) || typeof body.Progress !== 'number') return body;
      const row = await readCalledPair(next, call);
      return row?.Status === 'initial_syncing' ? { ...body, Progress: twoPasses(body.Progress) } : body;
    },
  }),
};

/** The first recovery point each pair or group showed (Unix seconds), shown again ever after. */
class FirstPoints {
  readonly #first = new Map<string, number>();

  frozen(id: string, point: unknown): unknown {
    if (typeof point !== 'number') return point;
    const first = this.#first.get(id);
    if (first === undefined) this.#first.set(id, point);
    return first ?? point;
  }

  clear() {
    this.#first.clear();
  }
}

/** Each listed row's LastRecoverPoint as the first of its ID. */
const frozenRows = (points: FirstPoints, body: ServiceBody, rows: string, id: string) =>
  mapRows(body, rows, (r) =>
    r.LastRecoverPoint === undefined
      ? r
      : { ...r, LastRecoverPoint: points.frozen(String(r[id]), r.LastRecoverPoint) },
  );

/**
 * The periodic syncs run (a pair still shows syncing and normal in turn) but the recovery point
 * is written only by the first one: a pair's RecoverPoint and LastRecoverPoint stay where its
 * first completed sync left them.
 */
class RecoverPointFrozen implements Deviation {
  readonly #points = new FirstPoints();

  async around(call: ServiceCall, next: NextService): Promise<ServiceBody> {
    const body = await next(call);
    if (progressCall(call) && body.RecoverPoint !== undefined)
      return {
        ...body,
        RecoverPoint: this.#points.frozen(String(call.params.ReplicaPairId), body.RecoverPoint),
      };
    if (!isEbs(call, 'DescribeDiskReplicaPairs')) return body;
    return frozenRows(this.#points, body, 'ReplicaPairs', 'ReplicaPairId');
  }

  reset() {
    this.#points.clear();
  }
}

export const recoverPointFrozen: FaultProfile = {
  name: 'recover-point-frozen',
  description:
    'A replicating pair keeps syncing every RPO, but RecoverPoint and LastRecoverPoint stay at its first completed sync: the recovery point never advances',
  kind: 'recover-point-frozen',
  operation: 'DescribeDiskReplicaPairProgress',
  alsoOperations: ['DescribeDiskReplicaPairs'],
  ruleIds: ['PAIR.RECOVER_POINT.WITHIN_RPO'],
  create: () => new RecoverPointFrozen(),
};

/**
 * A group's row keeps the LastRecoverPoint of its first completed sync while the group replicates
 * on: its members' own recovery points advance (they are right), the group's listing does not.
 * No other call shows a group's recovery point, so only its row's floor catches it.
 */
class GroupPointFrozen implements Deviation {
  readonly #points = new FirstPoints();

  async around(call: ServiceCall, next: NextService): Promise<ServiceBody> {
    const body = await next(call);
    if (!isEbs(call, 'DescribeDiskReplicaGroups')) return body;
    return frozenRows(this.#points, body, 'ReplicaGroups', 'ReplicaGroupId');
  }

  reset() {
    this.#points.clear();
  }
}

export const groupRecoverPointFrozen: FaultProfile = {
  name: 'group-recover-point-frozen',
  description:
    "A replicating group's DescribeDiskReplicaGroups row keeps the LastRecoverPoint of its first completed sync; its members' recovery points advance",
  kind: 'recover-point-frozen',
  operation: 'DescribeDiskReplicaGroups',
  ruleIds: ['PAIR.RECOVER_POINT.WITHIN_RPO'],
  create: () => new GroupPointFrozen(),
};

export const REPLICATION_PROFILES = [progressFallsBetweenPasses, recoverPointFrozen, groupRecoverPointFrozen];
