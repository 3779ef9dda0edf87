import * as api from '../api';
import type { Call } from './call';
import type { Ctx, Handler } from './context';
import { decide, str } from './context';
import {
  allowed,
  collect,
  deny,
  type Expectation,
  observe,
  type Refusal,
  refuse,
  succeed,
  type Violation,
} from './expectation';
import { reversedUnsynced, SYNC_SLACK_S } from './lifecycle';
import { calledAt, findGroup, findPair } from './lookup';
import { nextTokenPresent, pageFacts, pageOf } from './projections/paging';
import { allocateId, type Drill, type Group, type ModelState, membersOf, type Pair } from './state';
import { pagingRule } from './validate';

// Disaster-recovery drills of pairs and groups (StartPairDrill, DescribePairDrills,
// ClearPairDrill and their group twins): their own small state machine beside the resource's.

/** The rule IDs of one kind of drill: the pair and group pages say the same sentences. */
const RULES = {
  pair: {
    inSecondary: 'DRILL.PAIR.START.IN_SECONDARY_REGION',
    recoverPoint: 'DRILL.PAIR.START.NEEDS_RECOVER_POINT',
    replicating: 'DRILL.PAIR.START.WHILE_REPLICATING',
    otherStatuses: 'DRILL.PAIR.START.OTHER_STATUSES',
    executes: 'DRILL.PAIR.START.EXECUTES',
    oneAtATime: 'DRILL.PAIR.START.ONE_AT_A_TIME',
    unknown: 'DRILL.PAIR.UNKNOWN',
    fields: 'DRILL.PAIR.DESCRIBE.FIELDS',
    eitherRegion: 'DRILL.PAIR.DESCRIBE.EITHER_REGION',
    drillIdFilter: 'DRILL.PAIR.DESCRIBE.DRILL_ID_FILTER',
    paging: 'DRILL.PAIR.DESCRIBE.PAGING',
    clears: 'DRILL.PAIR.CLEAR.REMOVES',
    unknownDrill: 'DRILL.PAIR.CLEAR.UNKNOWN_DRILL',
  },
  group: {
    inSecondary: 'DRILL.GROUP.START.IN_SECONDARY_REGION',
    recoverPoint: 'DRILL.GROUP.START.NEEDS_RECOVER_POINT',
    replicating: 'DRILL.GROUP.START.WHILE_REPLICATING',
    otherStatuses: 'DRILL.GROUP.START.OTHER_STATUSES',
    executes: 'DRILL.GROUP.START.EXECUTES',
    oneAtATime: 'DRILL.GROUP.START.ONE_AT_A_TIME',
    unknown: 'DRILL.GROUP.UNKNOWN',
    fields: 'DRILL.GROUP.DESCRIBE.FIELDS',
    eitherRegion: 'DRILL.GROUP.DESCRIBE.EITHER_REGION',
    drillIdFilter: 'DRILL.GROUP.DESCRIBE.DRILL_ID_FILTER',
    paging: 'DRILL.GROUP.DESCRIBE.PAGING',
    clears: 'DRILL.GROUP.CLEAR.REMOVES',
    unknownDrill: 'DRILL.GROUP.CLEAR.UNKNOWN_DRILL',
  },
} as const;

type Kind = keyof typeof RULES;
type Drilled = Pair | Group;

/** Each drill call of pairs has a twin for groups: one implementation each, the kind says whose. */
type StartCall = typeof api.StartPairDrill | typeof api.StartReplicaGroupDrill;
type DescribeCall = typeof api.DescribePairDrills | typeof api.DescribeReplicaGroupDrills;
type ClearCall = typeof api.ClearPairDrill | typeof api.ClearReplicaGroupDrill;
type DrillCall = StartCall | DescribeCall | ClearCall;

/** The pair (PairId) or group (GroupId) a drill call names, seen from its RegionId. */
function owner(ctx: Ctx, kind: Kind): { found: Drilled } | { refusal: Refusal } {
  const found = kind === 'pair' ? findPair(ctx, 'PairId') : findGroup(ctx, 'GroupId');
  if ('found' in found) return found;
  const r = found.refusal;
  return { refusal: { ...r, rules: [...r.rules, RULES[kind].unknown] } };
}

const onOwner =
  <B extends DrillCall, O extends B>(
    kind: Kind,
    body: (ctx: Ctx<B>, r: Drilled) => Expectation,
  ): Handler<O> =>
  (ctx) => {
    const found = owner(ctx, kind);
    return 'refusal' in found ? found.refusal : body(ctx, found.found);
  };

/** Drills of a pair or group that have not been cleared, in start order. */
export const drillsOf = (state: ModelState, ownerId: string): Drill[] =>
  Object.values(state.drills).filter((d) => d.ownerId === ownerId);

/** Replicating with a completed copy: the case the pages describe (replication keeps running). */
const REPLICATING = ['normal', 'syncing'];

/**
 * A group started on its members' copies (Group.startedOnMemberCopies) within the first RPO of
 * its current replication, and group-first-sync not held to `group` (under which the group makes
 * its own full copy).
 */
function ownCopySkipped(state: ModelState, g: Group, now: number): boolean {
  if (g.startedOnMemberCopies === undefined || state.readings?.['group-first-sync'] === 'group') return false;
  return now - (g.replicatingSince ?? g.startedOnMemberCopies) < (g.rpo + SYNC_SLACK_S) * 1000;
}

function startDrill<O extends StartCall>(kind: Kind): Handler<O> {
  const R = RULES[kind];
  return onOwner<StartCall, O>(kind, (ctx, r) => {
    const noRecoverPoint = r.lastRecoverPoint === undefined;
    // A reversed resource has not synced in its new direction: its recovery point may be gone.
    // A group started on its members' copies may not have made one of its own yet.
    const maybeNoRecoverPoint =
      !noRecoverPoint &&
      (reversedUnsynced(r) || (kind === 'group' && ownCopySkipped(ctx.state, r as Group, ctx.now)));
    const busy = drillsOf(ctx.state, r.id).length > 0;
    const usual = REPLICATING.includes(r.status);
    // A member drilled alone, while its group holds the recovery point: the docs do not say.
    const grouped = kind === 'pair' && (r as Pair).groupId !== undefined;
    const violations = collect(
      calledAt(ctx, r, 'destination')
        ? undefined
        : deny(ctx.op, R.inSecondary, 'OperationDenied.StartDrillShouldOnDestRegion'),
      noRecoverPoint ? deny(ctx.op, R.recoverPoint, 'OperationDenied.RecoverPointNotFound') : undefined,
    );
    // Refused anyway: the open conditions may be the one the service checks first.
    if (violations.length > 0) {
      if (!usual || grouped) violations.push(deny(ctx.op, R.otherStatuses, 'OperationDenied'));
      if (busy) violations.push(deny(ctx.op, R.oneAtATime, 'OperationDenied'));
      return refuse(violations);
    }
    const open: string[] = [];
    const rules: string[] = [R.inSecondary, R.recoverPoint, R.executes];
    if (maybeNoRecoverPoint) open.push('OperationDenied.RecoverPointNotFound');
    if (!usual || grouped) {
      open.push('OperationDenied');
      rules.push(R.otherStatuses);
    } else rules.push(R.replicating);
    if (busy) {
      open.push('OperationDenied');
      rules.push(R.oneAtATime);
    }
    return succeed({
      rules,
      present: ['DrillId'],
      also: allowed(ctx.op, ...new Set(open)),
      next: (observed) => {
        const { id, state } = allocateId(ctx.state, 'drill', observed.DrillId);
        const pairIds = kind === 'pair' ? [r.id] : membersOf(ctx.state, r.id).map((p) => p.id);
        const drill: Drill = { id, kind, ownerId: r.id, status: 'executing', pairIds };
        return { ...state, drills: { ...state.drills, [id]: drill } };
      },
    });
  });
}

/** What a drill listing shows of a drill: its ID and status (times and disks are the target's). */
function drillRow(kind: Kind, d: Drill): Record<string, unknown> {
  return { DrillId: d.id, Status: d.status, ...(kind === 'group' ? { GroupId: d.ownerId } : {}) };
}

function describeDrills<O extends DescribeCall>(kind: Kind): Handler<O> {
  const R = RULES[kind];
  return onOwner<DescribeCall, O>(kind, (ctx, r) => {
    const drillId = str(ctx.params.DrillId);
    const rows = drillsOf(ctx.state, r.id)
      .filter((d) => drillId === undefined || d.id === drillId)
      .map((d) => drillRow(kind, d));
    const page = pageOf(ctx.params, { maxResults: 10, pageSize: 10 });
    return observe(ctx.state, {
      rules: [
        'PROTO.DESCRIBE_IS_PROJECTION',
        R.fields,
        R.eitherRegion,
        R.paging,
        ...(drillId === undefined ? [] : [R.drillIdFilter]),
      ],
      present: nextTokenPresent(rows.length, page),
      facts: pageFacts(rows.length, page),
      listing: { field: 'Drills', idField: 'DrillId', rows, page },
    });
  });
}

function clearDrill<O extends ClearCall>(kind: Kind): Handler<O> {
  const R = RULES[kind];
  return onOwner<ClearCall, O>(kind, (ctx, r) => {
    const drill = ctx.state.drills[str(ctx.params.DrillId) ?? ''];
    const violation: Violation | undefined =
      drill && drill.ownerId === r.id ? undefined : deny(ctx.op, R.unknownDrill, 'NoSuchResource');
    if (violation || !drill) return refuse(collect(violation));
    return succeed({
      rules: [R.clears, R.unknownDrill],
      // Clearing one already clearing, or still executing: the docs do not say.
      also: drill.status === 'executed' ? [] : allowed(ctx.op, 'OperationDenied', 'NoSuchResource'),
      next: () => ({
        ...ctx.state,
        drills: { ...ctx.state.drills, [drill.id]: { ...drill, status: 'clearing' } },
      }),
    });
  });
}

export const startPairDrill: Handler<typeof api.StartPairDrill> = startDrill('pair');
export const describePairDrills: Handler<typeof api.DescribePairDrills> = describeDrills('pair');
export const clearPairDrill: Handler<typeof api.ClearPairDrill> = clearDrill('pair');
export const startGroupDrill: Handler<typeof api.StartReplicaGroupDrill> = startDrill('group');
export const describeGroupDrills: Handler<typeof api.DescribeReplicaGroupDrills> = describeDrills('group');
export const clearGroupDrill: Handler<typeof api.ClearReplicaGroupDrill> = clearDrill('group');

/** The listing that shows one drill (settling reads it): its owner's drill listing, filtered to it. */
export function drillListing(drill: Drill, owner: Pair | Group): Call {
  const pair = drill.kind === 'pair';
  const { product, version, action } = pair ? api.DescribePairDrills : api.DescribeReplicaGroupDrills;
  const params = {
    RegionId: owner.primary.regionId,
    [pair ? 'PairId' : 'GroupId']: owner.id,
    DrillId: drill.id,
  };
  return { product, version, action, params };
}

export const DECISIONS = [
  decide(api.StartPairDrill, startPairDrill),
  decide(api.DescribePairDrills, describePairDrills, pagingRule('DRILL.PAIR.DESCRIBE.PAGING')),
  decide(api.ClearPairDrill, clearPairDrill),
  decide(api.StartReplicaGroupDrill, startGroupDrill),
  decide(api.DescribeReplicaGroupDrills, describeGroupDrills, pagingRule('DRILL.GROUP.DESCRIBE.PAGING')),
  decide(api.ClearReplicaGroupDrill, clearGroupDrill),
];
