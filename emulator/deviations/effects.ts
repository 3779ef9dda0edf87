import type { Deviation, NextService } from '../protocol/deviation';
import type { ServiceBody, ServiceCall } from '../service/api';
import type { FaultProfile } from './profile';
import { isEbs, mapRows, readCalledPair, readMembers, str } from './support';

/** Deviations in what an accepted call does: nothing, less than asked, or twice. */

const SYNCING = ['initial_syncing', 'syncing', 'manual_syncing', 'normal'];

export const stopWithoutEffect: FaultProfile = {
  name: 'stop-keeps-syncing',
  description:
    'StopDiskReplicaPair of a syncing pair answers 200 but the pair never stops: listings keep showing it syncing',
  kind: 'success-without-effect',
  operation: 'StopDiskReplicaPair',
  ruleIds: ['PAIR.STOP.SETTLES_STOPPED'],
  observedIn: { operation: 'DescribeDiskReplicaPairs', ruleIds: ['PROTO.DESCRIBE_IS_PROJECTION'] },
  create: () => ({
    async around(call, next) {
      if (!isEbs(call, 'StopDiskReplicaPair')) return next(call);
      const row = await readCalledPair(next, call);
      const stoppable = row !== undefined && SYNCING.includes(String(row.Status)) && !str(row.ReplicaGroupId);
      return stoppable ? {} : next(call);
    },
  }),
};

export const modifyIgnored: FaultProfile = {
  name: 'modify-ignores-fields',
  description: 'ModifyDiskReplicaPair answers 200 but keeps the old PairName, Description, RPO and Bandwidth',
  kind: 'parameter-ignored',
  operation: 'ModifyDiskReplicaPair',
  ruleIds: ['PAIR.MODIFY.UPDATES_FIELDS'],
  observedIn: { operation: 'DescribeDiskReplicaPairs', ruleIds: ['PROTO.DESCRIBE_IS_PROJECTION'] },
  create: () => ({
    around(call, next) {
      if (!isEbs(call, 'ModifyDiskReplicaPair')) return next(call);
      // The status and region checks still run: only the new values are lost.
      const { PairName: _n, Description: _d, RPO: _r, Bandwidth: _b, ...kept } = call.params;
      return next({ ...call, params: kept });
    },
  }),
};

export const clientTokenIgnored: FaultProfile = {
  name: 'create-pair-ignores-client-token',
  description:
    'CreateDiskReplicaPair ignores ClientToken: a retry creates a second pair, and a reused token with other parameters creates one instead of answering IdempotentParameterMismatch',
  kind: 'client-token-ignored',
  operation: 'CreateDiskReplicaPair',
  ruleIds: ['TOKEN.SAME_PARAMS_SAME_RESULT', 'TOKEN.OTHER_PARAMS_MISMATCH'],
  create: () => ({
    around(call, next) {
      if (!isEbs(call, 'CreateDiskReplicaPair') || call.params.ClientToken === undefined) return next(call);
      const { ClientToken: _t, ...rest } = call.params;
      return next({ ...call, params: rest });
    },
  }),
};

/** The pairs whose status stays where it was when their group started, until they leave it. */
class MembersLeftBehind implements Deviation {
  readonly #frozen = new Map<string, unknown>();

  async around(call: ServiceCall, next: NextService): Promise<ServiceBody> {
    if (isEbs(call, 'StartDiskReplicaGroup')) {
      const members = await readMembers(
        next,
        call,
        String(call.params.RegionId),
        String(call.params.ReplicaGroupId),
      );
      const body = await next(call);
      for (const m of members)
        if (!this.#frozen.has(String(m.ReplicaPairId))) this.#frozen.set(String(m.ReplicaPairId), m.Status);
      return body;
    }
    if (isEbs(call, 'RemoveDiskReplicaPair') || isEbs(call, 'DeleteDiskReplicaPair')) {
      const body = await next(call);
      this.#frozen.delete(String(call.params.ReplicaPairId));
      return body;
    }
    const body = await next(call);
    if (!isEbs(call, 'DescribeDiskReplicaPairs') || this.#frozen.size === 0) return body;
    return mapRows(body, 'ReplicaPairs', (row) => {
      const frozen = this.#frozen.get(String(row.ReplicaPairId));
      return frozen !== undefined && str(row.ReplicaGroupId) ? { ...row, Status: frozen } : row;
    });
  }

  reset() {
    this.#frozen.clear();
  }
}

export const membersLeftBehind: FaultProfile = {
  name: 'group-members-left-behind',
  description:
    'StartDiskReplicaGroup starts the group but not its pairs: the members keep showing the status they had',
  kind: 'members-left-behind',
  operation: 'StartDiskReplicaGroup',
  ruleIds: ['GROUP.OPS_ACT_ON_MEMBERS'],
  observedIn: { operation: 'DescribeDiskReplicaPairs', ruleIds: ['PROTO.DESCRIBE_IS_PROJECTION'] },
  create: () => new MembersLeftBehind(),
};

export const EFFECT_PROFILES = [stopWithoutEffect, modifyIgnored, clientTokenIgnored, membersLeftBehind];
