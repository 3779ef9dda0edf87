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

/**
 * The periodic syncs run (a pair still shows syncing and normal in turn) but the recovery point
 * is written only by the first one: a pair's RecoverPoint and LastRecoverPoint stay where its
 * first completed sync left them.
 */
class RecoverPointFrozen implements Deviation {
  /** pairId -> the first recovery point it showed (Unix seconds). */
  readonly #first = new Map<string, number>();

  #frozen(pairId: string, point: unknown): unknown {
    if (typeof point !== 'number') return point;
    const first = this.#first.get(pairId);
    if (first === undefined) this.#first.set(pairId, point);
    return first ?? point;
  }

  async around(call: ServiceCall, next: NextService): Promise<ServiceBody> {
    const body = await next(call);
    if (progressCall(call) && body.RecoverPoint !== undefined)
      return { ...body, RecoverPoint: this.#frozen(String(call.params.ReplicaPairId), body.RecoverPoint) };
    if (!isEbs(call, 'DescribeDiskReplicaPairs')) return body;
    return mapRows(body, 'ReplicaPairs', (r) =>
      r.LastRecoverPoint === undefined
        ? r
        : { ...r, LastRecoverPoint: this.#frozen(String(r.ReplicaPairId), r.LastRecoverPoint) },
    );
  }

  reset() {
    this.#first.clear();
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

export const REPLICATION_PROFILES = [progressFallsBetweenPasses, recoverPointFrozen];
