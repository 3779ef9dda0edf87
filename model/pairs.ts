import type { Operation, PairStatus } from '../api';
import * as api from '../api';
import { bool, type Ctx, decide, type Handler, int, str } from './context';
import {
  allowed,
  collect,
  deny,
  denyUndocumented,
  type Expectation,
  forkOnReading,
  forkOnReadings,
  refuse,
  succeed,
  type Violation,
} from './expectation';
import { FAILOVER_FROM, type OneShotGap, oneShotGap, REPLICATING, startTransition } from './lifecycle';
import {
  attachedPrimary,
  bandwidthNotOpen,
  findPair,
  productionSiteViolation,
  secondarySiteViolation,
} from './lookup';
import { destinationOf, type ModelState, type Pair, sourceOf, withPair } from './state';

/** A member's status moves only with its group (GROUP.MEMBER_FOLLOWS_GROUP, a modelling choice). */
const memberViolation = (ctx: Ctx, pair: Pair): Violation | undefined =>
  pair.groupId
    ? denyUndocumented(
        ctx.op,
        'GROUP.MEMBER_FOLLOWS_GROUP',
        'state',
        'OperationDenied.PairGroupStatusConflict',
      )
    : undefined;

const statusViolation = (ctx: Ctx, pair: Pair, allowedStatuses: readonly PairStatus[], rule: string) =>
  allowedStatuses.includes(pair.status) ? undefined : deny(ctx.op, rule, 'OperationDenied.InvalidStatus');

/** Runs `body` on the pair named by the call, or refuses when it cannot be found there. */
const onPair =
  <O extends Operation>(body: (ctx: Ctx<O>, pair: Pair) => Expectation, checkRegion = true): Handler<O> =>
  (ctx) => {
    const found = findPair(ctx, 'ReplicaPairId', checkRegion);
    return 'refusal' in found ? found.refusal : body(ctx, found.found);
  };

export const modifyPair: Handler<typeof api.ModifyDiskReplicaPair> = onPair((ctx, pair) => {
  const v = statusViolation(ctx, pair, ['created', 'stopped'], 'PAIR.MODIFY.IN_CREATED_OR_STOPPED');
  if (v) return refuse([v]);
  const name = str(ctx.params.PairName) ?? pair.name;
  const description = str(ctx.params.Description) ?? pair.description;
  const bandwidth = bandwidthNotOpen(ctx, 'PAIR.MODIFY.BANDWIDTH_NOT_OPEN');
  const success = succeed({
    rules: [
      'PAIR.MODIFY.IN_CREATED_OR_STOPPED',
      'PAIR.MODIFY.UPDATES_FIELDS',
      'PAIR.EITHER_REGION',
      ...(bandwidth.length > 0 ? ['PAIR.MODIFY.BANDWIDTH_NOT_OPEN'] : []),
    ],
    next: () =>
      withPair(ctx.state, {
        ...pair,
        ...(name ? { name } : {}),
        ...(description ? { description } : {}),
        rpo: int(ctx.params.RPO) ?? pair.rpo,
      }),
  });
  return forkOnReadings(ctx.state, success, [], bandwidth);
});

/** The pair's own one-shot limit; one the pair took part in through its group leaves it open. */
function pairOneShotGap(pair: Pair, now: number): OneShotGap {
  const own = oneShotGap(pair, now);
  if (own !== 'ok' || pair.groupOneShotAt === undefined) return own;
  return oneShotGap({ ...pair, lastOneShotAt: pair.groupOneShotAt }, now) === 'ok' ? 'ok' : 'borderline';
}

export const startPair: Handler<typeof api.StartDiskReplicaPair> = onPair((ctx, pair) => {
  const oneShot = bool(ctx.params.OneShot, false);
  const destination = ctx.state.disks[destinationOf(pair).diskId];
  const gap = oneShot ? pairOneShotGap(pair, ctx.now) : 'ok';
  const violations = collect(
    memberViolation(ctx, pair),
    statusViolation(ctx, pair, ['created', 'stopped'], 'PAIR.START.FROM_CREATED_OR_STOPPED'),
    destination?.instanceId
      ? deny(ctx.op, 'PAIR.START.STANDBY_NOT_ATTACHED', 'OperationDenied.StandbyDeviceAttached')
      : undefined,
    gap === 'too-soon'
      ? deny(ctx.op, 'PAIR.START.MANUAL_SYNC_LIMIT', 'OperationDenied.ManualSyncLimit')
      : undefined,
  );
  if (violations.length > 0) return refuse(violations);
  const t = startTransition(pair, oneShot, ctx.now);
  return succeed({
    rules: [
      'PAIR.START.FROM_CREATED_OR_STOPPED',
      'PAIR.EITHER_REGION',
      oneShot ? 'PAIR.START.ONE_SHOT' : 'PAIR.START.INITIAL_FULL_SYNC',
      'PAIR.START.STANDBY_NOT_ATTACHED',
      // A one-shot after an earlier one: the gap was judged (borderline: either answer).
      ...(oneShot && (pair.lastOneShotAt !== undefined || pair.groupOneShotAt !== undefined)
        ? ['PAIR.START.MANUAL_SYNC_LIMIT']
        : []),
    ],
    transient: t.transient,
    settlesIn: t.settlesIn,
    also: gap === 'borderline' ? allowed(ctx.op, 'OperationDenied.ManualSyncLimit') : [],
    next: () => withPair(ctx.state, t.next),
  });
});

export const stopPair: Handler<typeof api.StopDiskReplicaPair> = onPair((ctx, pair) => {
  const violations = collect(
    memberViolation(ctx, pair),
    statusViolation(
      ctx,
      pair,
      ['initial_syncing', 'syncing', 'manual_syncing', 'normal'],
      'PAIR.STOP.FROM_SYNCING_STATES',
    ),
  );
  if (violations.length > 0) return refuse(violations);
  return succeed({
    rules: ['PAIR.STOP.FROM_SYNCING_STATES', 'PAIR.STOP.SETTLES_STOPPED', 'PAIR.EITHER_REGION'],
    transient: ['stopping'],
    settlesIn: ['stopped'],
    next: () => withPair(ctx.state, { ...pair, status: 'stopping' }),
  });
});

export const failoverPair: Handler<typeof api.FailoverDiskReplicaPair> = onPair((ctx, pair) => {
  const violations = collect(
    memberViolation(ctx, pair),
    secondarySiteViolation(ctx, pair, 'PAIR.FAILOVER.IN_SECONDARY_REGION'),
    ['invalid', 'deleting', 'deleted'].includes(pair.status)
      ? deny(ctx.op, 'PAIR.FAILOVER.NOT_INVALID', 'OperationDenied.InvalidStatus')
      : undefined,
  );
  if (violations.length > 0) return refuse(violations);
  const open = !pair.fullSyncDone || !FAILOVER_FROM.includes(pair.status);
  return succeed({
    rules: [
      'PAIR.FAILOVER.IN_SECONDARY_REGION',
      'PAIR.FAILOVER.NOT_INVALID',
      'PAIR.FAILOVER.SETTLES_FAILOVERED',
      ...(open ? ['PAIR.FAILOVER.BEFORE_FIRST_SYNC'] : []),
    ],
    transient: ['failovering'],
    settlesIn: ['failovered'],
    also: open ? allowed(ctx.op, 'OperationDenied.InvalidStatus', 'OperationDenied') : [],
    next: () => withPair(ctx.state, { ...pair, status: 'failovering' }),
  });
});

export const reprotectPair: Handler<typeof api.ReprotectDiskReplicaPair> = onPair((ctx, pair) => {
  const attached = attachedPrimary(
    ctx,
    ctx.state.disks[sourceOf(pair).diskId]?.instanceId !== undefined,
    'PAIR.REPROTECT.PRIMARY_DETACHED',
    'OperationDenied',
    'OperationDenied.InvalidStatus',
  );
  const violations = collect(
    memberViolation(ctx, pair),
    secondarySiteViolation(ctx, pair, 'PAIR.REPROTECT.IN_SECONDARY_REGION'),
    statusViolation(ctx, pair, ['failovered'], 'PAIR.REPROTECT.REQUIRES_FAILOVERED'),
    attached.violation,
  );
  if (violations.length > 0) return refuse(violations);
  const reverse = bool(ctx.params.ReverseReplicate, true);
  return succeed({
    rules: [
      'PAIR.REPROTECT.REQUIRES_FAILOVERED',
      'PAIR.REPROTECT.IN_SECONDARY_REGION',
      'PAIR.REPROTECT.PRIMARY_DETACHED',
      'PAIR.REPROTECT.NEEDS_NEW_START',
      reverse ? 'PAIR.REPROTECT.REVERSES_DIRECTION' : 'PAIR.REPROTECT.CANCEL_RESTORES_DIRECTION',
    ],
    transient: ['reprotecting'],
    settlesIn: ['stopped'],
    also: attached.also,
    next: () =>
      withPair(ctx.state, {
        ...pair,
        status: 'reprotecting',
        reversed: reverse ? !pair.reversed : pair.reversed,
        // The new direction has no completed copy yet (REVERSAL_RESYNCS).
        ...(reverse ? { fullSyncDone: false } : {}),
      }),
  });
});

export const deletePair: Handler<typeof api.DeleteDiskReplicaPair> = onPair((ctx, pair) => {
  const clear: readonly PairStatus[] = ['stopped', 'invalid', 'failovered'];
  const open: readonly PairStatus[] = ['created', 'create_failed'];
  const violations = collect(
    memberViolation(ctx, pair),
    productionSiteViolation(ctx, pair, 'PAIR.DELETE.IN_PRIMARY_REGION'),
    statusViolation(ctx, pair, [...clear, ...open], 'PAIR.DELETE.ALLOWED_STATUSES'),
  );
  if (violations.length > 0) return refuse(violations);
  const success = succeed({
    rules: [
      'PAIR.DELETE.ALLOWED_STATUSES',
      'PAIR.DELETE.IN_PRIMARY_REGION',
      'PAIR.DELETE.KEEPS_DISKS',
      'PAIR.DELETE.SETTLES_GONE',
    ],
    transient: ['deleting'],
    settlesIn: ['deleted'],
    next: () => withPair(ctx.state, { ...pair, status: 'deleting' }),
  });
  if (!open.includes(pair.status)) return success;
  // Reading delete-created-pair: the pair page lists only stopped, invalid and failovered.
  const refusal = refuse([deny(ctx.op, 'PAIR.DELETE.ALLOWED_STATUSES', 'OperationDenied.InvalidStatus')]);
  return forkOnReading(
    ctx.state,
    { id: 'delete-created-pair', onSuccess: 'allowed', onRefusal: 'refused' },
    success,
    refusal,
  );
});

/** Whether a disk is the secondary of a pair that is writing to it right now. */
export function isLockedSecondary(state: ModelState, diskId: string): boolean {
  return (
    Object.values(state.pairs).some(
      (p) => destinationOf(p).diskId === diskId && REPLICATING.includes(p.status),
    ) ||
    Object.values(state.legacyPairs).some((p) => p.destination.diskId === diskId && p.status === 'active')
  );
}

export const DECISIONS = [
  decide(api.ModifyDiskReplicaPair, modifyPair),
  decide(api.StartDiskReplicaPair, startPair),
  decide(api.StopDiskReplicaPair, stopPair),
  decide(api.FailoverDiskReplicaPair, failoverPair),
  decide(api.ReprotectDiskReplicaPair, reprotectPair),
  decide(api.DeleteDiskReplicaPair, deletePair),
];
