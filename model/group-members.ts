import type { Operation } from '../api';
import * as api from '../api';
import type { Ctx, Handler } from './context';
import { decide } from './context';
import { allowed, collect, deny, type Expectation, refuse, succeed } from './expectation';
import { MAX_PAIRS_PER_GROUP, onGroup, statusIn } from './groups';
import { findPair } from './lookup';
import { destinationOf, type Group, membersOf, type Pair, sourceOf } from './state';

// AddDiskReplicaPair and RemoveDiskReplicaPair: group membership.

/** Add and Remove name a pair too; it must exist (PROTO.UNKNOWN_PAIR) but may be seen from either region. */
const onGroupAndPair = <O extends Operation>(
  body: (ctx: Ctx<O>, g: Group, p: Pair) => Expectation,
): Handler<O> =>
  onGroup<O>((ctx, g) => {
    const found = findPair(ctx, 'ReplicaPairId', false);
    return 'refusal' in found ? found.refusal : body(ctx, g, found.found);
  });

const sameSite = (a: { regionId: string; zoneId: string }, b: { regionId: string; zoneId: string }) =>
  a.regionId === b.regionId && a.zoneId === b.zoneId;

export const addPair: Handler<typeof api.AddDiskReplicaPair> = onGroupAndPair((ctx, g, p) => {
  // Adding a member to its own group again is undocumented: a no-op and PairInAnotherGroup are
  // both plausible answers, so both are allowed.
  const again = p.groupId === g.id;
  const inAnother = deny(ctx.op, 'GROUP.ADD.ONE_GROUP_PER_PAIR', 'OperationDenied.PairInAnotherGroup');
  const violations = collect(
    p.groupId ? inAnother : undefined,
    sameSite(sourceOf(p), sourceOf(g)) && sameSite(destinationOf(p), destinationOf(g))
      ? undefined
      : deny(ctx.op, 'GROUP.ADD.SAME_DIRECTION', 'OperationDenied.PairGroupAZoneConflict'),
    ['created', 'stopped'].includes(p.status)
      ? undefined
      : deny(
          ctx.op,
          'GROUP.ADD.CREATED_OR_STOPPED',
          'OperationDenied.PairStatusCannotAddToGroup',
          'OperationDenied.PairInitializing',
          'OperationDenied.InvalidStatus',
        ),
    statusIn(
      ctx,
      g,
      ['created', 'stopped'],
      'GROUP.ADD.CREATED_OR_STOPPED',
      'OperationDenied.GroupStatusCannotAddPair',
    ),
    membersOf(ctx.state, g.id).length >= MAX_PAIRS_PER_GROUP
      ? deny(ctx.op, 'GROUP.ADD.AT_MOST_17', 'OperationDenied.PairsExceedInGroup')
      : undefined,
  );
  if (again && violations.length === 1) {
    return succeed({
      rules: ['GROUP.ADD.ONE_GROUP_PER_PAIR'],
      also: inAnother.errors,
      next: () => ctx.state,
    });
  }
  if (violations.length > 0) return refuse(violations);
  return succeed({
    rules: [
      'GROUP.ADD.SAME_DIRECTION',
      'GROUP.ADD.CREATED_OR_STOPPED',
      'GROUP.ADD.AT_MOST_17',
      'GROUP.ADD.GROUP_RPO_APPLIES',
    ],
    next: () => ({
      ...ctx.state,
      pairs: { ...ctx.state.pairs, [p.id]: { ...p, groupId: g.id, rpo: g.rpo } },
    }),
  });
});

export const removePair: Handler<typeof api.RemoveDiskReplicaPair> = onGroupAndPair((ctx, g, p) => {
  const elsewhere = p.groupId !== undefined && p.groupId !== g.id;
  const violations = collect(
    p.groupId === g.id
      ? undefined
      : elsewhere
        ? deny(
            ctx.op,
            'GROUP.REMOVE.PAIR_IN_ANOTHER_GROUP',
            'OperationDenied.PairInAnotherGroup',
            ...(membersOf(ctx.state, g.id).length === 0 ? ['OperationDenied.NoPairInGroup'] : []),
          )
        : deny(
            ctx.op,
            'GROUP.REMOVE.PAIR_IN_GROUP',
            'OperationDenied.PairNotInGroup',
            // Both codes are documented for Remove; an empty group may answer either.
            ...(membersOf(ctx.state, g.id).length === 0 ? ['OperationDenied.NoPairInGroup'] : []),
          ),
    statusIn(
      ctx,
      g,
      ['created', 'stopped', 'invalid'],
      'GROUP.REMOVE.GROUP_STATUS',
      'OperationDenied.GroupStatusCannotRemovePair',
    ),
  );
  if (violations.length > 0) return refuse(violations);
  const { groupId: _left, ...rest } = p;
  // PairStatusCannotRemoveFromGroup is documented without a condition; a member of an invalid
  // group that is still replicating may get it.
  const settled = ['created', 'stopped', 'invalid', 'failovered'].includes(p.status);
  return succeed({
    rules: ['GROUP.REMOVE.PAIR_IN_GROUP', 'GROUP.REMOVE.PAIR_IN_ANOTHER_GROUP', 'GROUP.REMOVE.GROUP_STATUS'],
    also: settled ? [] : allowed(ctx.op, 'OperationDenied.PairStatusCannotRemoveFromGroup'),
    next: () => ({ ...ctx.state, pairs: { ...ctx.state.pairs, [p.id]: rest } }),
  });
});

export const DECISIONS = [
  decide(api.AddDiskReplicaPair, addPair),
  decide(api.RemoveDiskReplicaPair, removePair),
];
