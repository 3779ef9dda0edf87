import { PairStatus } from './enums';
import { ebsDoc, SEED_REPROTECT } from './operations/common';
import type { RuleSource } from './rule';
import { DRILL_CALLS } from './rules/drills';

/**
 * The documented state machines of replica pairs, replica groups and drills, as data: every
 * status change an operation may make, from the status the resource is in when the call is made
 * to the status it settles in, with the statuses it may show on the way. Each entry cites the
 * sentence it comes from and the rules that state it, so the reports can draw the machines a
 * run did not walk, and a test can hold what a run observed to what is written here.
 *
 * Only changes of status are transitions: a call that leaves the status where it was (a
 * one-shot start of a stopped pair, a second failover of a failovered group) has no entry,
 * and a run records none either. Failure statuses (stop_failed, failover_failed, ...) appear
 * only where a page names them as a status an operation may be called in: the service reaches
 * them on its own, no call is documented to.
 */
export type MachineKind = 'pair' | 'group' | 'drill';

/** The status of a resource that does not exist: before its create, after its delete. */
export const NO_RESOURCE = '(none)';

export interface DocumentedTransition {
  readonly kind: MachineKind;
  readonly from: string;
  readonly to: string;
  readonly operation: string;
  /** The transient statuses the resource may show between `from` and `to`. */
  readonly via: readonly string[];
  /** The rules (api/rules) that state where this change goes and what it shows on the way. */
  readonly rules: readonly string[];
  /** The rules that allow the call in `from` (a refusal elsewhere is theirs, not the path's). */
  readonly allowedBy: readonly string[];
  readonly source: RuleSource;
}

type Edge = Omit<DocumentedTransition, 'kind' | 'from' | 'allowedBy'> & {
  readonly allowedBy?: readonly string[];
};

const edges = (kind: MachineKind, from: readonly string[], edge: Edge): DocumentedTransition[] =>
  from.map((f) => ({ kind, from: f, ...edge, allowedBy: edge.allowedBy ?? [] }));

const src = (doc: string, where: string): RuleSource => ({ doc, where });

const PAIR_LIST = ebsDoc('DescribeDiskReplicaPairs');
const GROUP_LIST = ebsDoc('DescribeDiskReplicaGroups');

/** Statuses of a pair or group that is not live: never made, on its way out, or gone. */
const NOT_LIVE: ReadonlySet<PairStatus> = new Set([
  'invalid',
  'creating',
  'create_failed',
  'deleting',
  'delete_failed',
  'deleted',
]);

/** Every status of a live pair or group whose disks can still be removed under it. */
const LIVE: readonly PairStatus[] = PairStatus.options.filter((s) => !NOT_LIVE.has(s));

/**
 * Where a pair may fail over: its page forbids only invalid and deleted; a pair on its way to
 * deletion (or whose creation failed) is not counted as one that can (PAIR.FAILOVER.NOT_INVALID),
 * and a failovered pair staying failovered is no change of status.
 */
const PAIR_FAILOVER_FROM: readonly PairStatus[] = LIVE.filter((s) => s !== 'failovered');

/** A disk of a pair deleted under it (ECS DeleteDisk) turns the pair invalid: DeviceRemoved. */
const deviceRemoved = (kind: 'pair' | 'group', page: string) =>
  edges(kind, LIVE, {
    to: 'invalid',
    operation: 'DeleteDisk',
    via: [],
    rules: ['PAIR.INVALID.DEVICE_REMOVED'],
    source: src(page, 'Response parameters: Status (invalid), StatusMessage (DeviceRemoved)'),
  });

const PAIR_OWN: readonly DocumentedTransition[] = [
  ...edges('pair', [NO_RESOURCE], {
    to: 'created',
    operation: 'CreateDiskReplicaPair',
    via: ['creating'],
    rules: ['PAIR.CREATE.STARTS_CREATED'],
    source: src(ebsDoc('CreateDiskReplicaPair'), 'Description: create, then StartDiskReplicaPair'),
  }),
  ...edges('pair', ['created', 'stopped'], {
    to: 'normal',
    operation: 'StartDiskReplicaPair',
    via: ['initial_syncing', 'syncing'],
    rules: ['PAIR.START.INITIAL_FULL_SYNC'],
    allowedBy: ['PAIR.START.FROM_CREATED_OR_STOPPED'],
    source: src(ebsDoc('StartDiskReplicaPair'), 'Description'),
  }),
  ...edges('pair', ['created'], {
    to: 'stopped',
    operation: 'StartDiskReplicaPair',
    via: ['manual_syncing'],
    rules: ['PAIR.START.ONE_SHOT'],
    allowedBy: ['PAIR.START.FROM_CREATED_OR_STOPPED'],
    source: src(PAIR_LIST, 'Response parameters: Status (manual_syncing: back to stopped when done)'),
  }),
  ...edges('pair', ['initial_syncing', 'syncing', 'manual_syncing', 'normal'], {
    to: 'stopped',
    operation: 'StopDiskReplicaPair',
    via: ['stopping'],
    rules: ['PAIR.STOP.SETTLES_STOPPED'],
    allowedBy: ['PAIR.STOP.FROM_SYNCING_STATES'],
    source: src(ebsDoc('StopDiskReplicaPair'), 'Description'),
  }),
  ...edges('pair', PAIR_FAILOVER_FROM, {
    to: 'failovered',
    operation: 'FailoverDiskReplicaPair',
    via: ['failovering'],
    rules: ['PAIR.FAILOVER.SETTLES_FAILOVERED'],
    allowedBy: ['PAIR.FAILOVER.NOT_INVALID', 'PAIR.FAILOVER.BEFORE_FIRST_SYNC'],
    source: src(ebsDoc('FailoverDiskReplicaPair'), 'Description'),
  }),
  ...edges('pair', ['failovered'], {
    to: 'stopped',
    operation: 'ReprotectDiskReplicaPair',
    via: ['reprotecting'],
    rules: ['PAIR.REPROTECT.NEEDS_NEW_START'],
    allowedBy: ['PAIR.REPROTECT.REQUIRES_FAILOVERED'],
    source: src(SEED_REPROTECT, 'Description, second and fourth bullets'),
  }),
  // created and create_failed: the group page's list, a reading for pairs (delete-created-pair).
  ...edges('pair', ['stopped', 'invalid', 'failovered', 'created', 'create_failed'], {
    to: NO_RESOURCE,
    operation: 'DeleteDiskReplicaPair',
    via: ['deleting'],
    rules: ['PAIR.DELETE.SETTLES_GONE'],
    allowedBy: ['PAIR.DELETE.ALLOWED_STATUSES'],
    source: src(ebsDoc('DeleteDiskReplicaPair'), 'Description'),
  }),
  ...deviceRemoved('pair', PAIR_LIST),
];

const GROUP_OWN: readonly DocumentedTransition[] = [
  ...edges('group', [NO_RESOURCE], {
    to: 'created',
    operation: 'CreateDiskReplicaGroup',
    via: ['creating'],
    rules: ['GROUP.CREATE.SETTLES_CREATED'],
    source: src(GROUP_LIST, 'Response parameters: Status (creating, created)'),
  }),
  // normal → normal is a start that changes no status.
  ...edges('group', ['created', 'syncing', 'stopped'], {
    to: 'normal',
    operation: 'StartDiskReplicaGroup',
    via: ['initial_syncing', 'syncing'],
    rules: ['GROUP.START.INITIAL_FULL_SYNC'],
    allowedBy: ['GROUP.START.STATUSES'],
    source: src(ebsDoc('StartDiskReplicaGroup'), 'Description: OneShot=false'),
  }),
  ...edges('group', ['created', 'manual_syncing'], {
    to: 'stopped',
    operation: 'StartDiskReplicaGroup',
    via: ['manual_syncing'],
    rules: ['GROUP.START.INITIAL_FULL_SYNC'],
    allowedBy: ['GROUP.START.STATUSES'],
    source: src(ebsDoc('StartDiskReplicaGroup'), 'Description: OneShot=true'),
  }),
  ...edges('group', ['manual_syncing', 'syncing', 'normal', 'stopping', 'stop_failed'], {
    to: 'stopped',
    operation: 'StopDiskReplicaGroup',
    via: ['stopping'],
    rules: ['GROUP.STOP.STATUSES'],
    allowedBy: ['GROUP.STOP.STATUSES'],
    source: src(ebsDoc('StopDiskReplicaGroup'), 'Description'),
  }),
  ...edges(
    'group',
    [
      'manual_syncing',
      'syncing',
      'normal',
      'stopping',
      'stop_failed',
      'stopped',
      'failovering',
      'failover_failed',
    ],
    {
      to: 'failovered',
      operation: 'FailoverDiskReplicaGroup',
      via: ['failovering'],
      rules: ['GROUP.FAILOVER.STATUSES'],
      allowedBy: ['GROUP.FAILOVER.STATUSES', 'GROUP.FAILOVER.AFTER_FIRST_SYNC'],
      source: src(ebsDoc('FailoverDiskReplicaGroup'), 'Description'),
    },
  ),
  ...edges('group', ['failovered'], {
    to: 'stopped',
    operation: 'ReprotectDiskReplicaGroup',
    via: ['reprotecting'],
    rules: ['GROUP.REPROTECT.DIRECTION'],
    allowedBy: ['GROUP.REPROTECT.REQUIRES_FAILOVERED'],
    source: src(ebsDoc('ReprotectDiskReplicaGroup'), 'Description'),
  }),
  ...edges(
    'group',
    ['created', 'create_failed', 'stopped', 'failovered', 'deleting', 'delete_failed', 'invalid'],
    {
      to: NO_RESOURCE,
      operation: 'DeleteDiskReplicaGroup',
      via: ['deleting'],
      rules: ['GROUP.DELETE.STATUSES'],
      allowedBy: ['GROUP.DELETE.STATUSES', 'GROUP.DELETE.EMPTY_ONLY'],
      source: src(ebsDoc('DeleteDiskReplicaGroup'), 'Description'),
    },
  ),
  ...deviceRemoved('group', GROUP_LIST),
];

/**
 * What a group's Start, Stop, Failover and Reprotect do to its member pairs: the same change
 * (GROUP.OPS_ACT_ON_MEMBERS, the rule a member off the group's path breaks). A group's create and delete move no pair: a group is deleted empty.
 */
const MEMBERS: readonly DocumentedTransition[] = GROUP_OWN.filter(
  (t) => t.from !== NO_RESOURCE && t.to !== NO_RESOURCE && t.operation !== 'DeleteDisk',
).map((t) => ({
  ...t,
  kind: 'pair',
  rules: ['GROUP.OPS_ACT_ON_MEMBERS'],
  allowedBy: [...t.allowedBy, ...t.rules],
}));

const drill = (rule: keyof typeof DRILL_CALLS) => {
  const { start, clear, list } = DRILL_CALLS[rule];
  return [
    ...edges('drill', [NO_RESOURCE], {
      to: 'executed',
      operation: start,
      via: ['executing'],
      rules: [`DRILL.${rule}.START.EXECUTES`],
      source: src(ebsDoc(list), 'Response parameters: Drills.Status (executing, executed)'),
    }),
    ...edges('drill', ['executed', 'execute_failed', 'clear_failed'], {
      to: NO_RESOURCE,
      operation: clear,
      via: ['clearing'],
      rules: [`DRILL.${rule}.CLEAR.REMOVES`],
      source: src(ebsDoc(clear), 'Summary: clears the drill and deletes its drill disk'),
    }),
  ];
};

/** Every documented change of status, pairs first, then groups, then drills. */
export const DOCUMENTED_TRANSITIONS: readonly DocumentedTransition[] = [
  ...PAIR_OWN,
  ...MEMBERS,
  ...GROUP_OWN,
  ...drill('PAIR'),
  ...drill('GROUP'),
];

/** The documented transitions of one machine. */
export const transitionsOf = (kind: MachineKind): readonly DocumentedTransition[] =>
  DOCUMENTED_TRANSITIONS.filter((t) => t.kind === kind);

/** The documented entry for a status change, if there is one. */
export const findTransition = (
  kind: MachineKind,
  from: string,
  to: string,
  operation: string,
): DocumentedTransition | undefined =>
  DOCUMENTED_TRANSITIONS.find(
    (t) => t.kind === kind && t.from === from && t.to === to && t.operation === operation,
  );

/**
 * The rules a change's path is judged under: those of its documented transitions of this kind
 * that the model named for the call. A resource off that path breaks them, not every rule that
 * let the call through (its region, its parameters, its status before). Undefined when the
 * table names none of them (a change the table does not know: its caller keeps its own list).
 */
export function pathRules(kind: string, operation: string, named: readonly string[]): string[] | undefined {
  const stated = new Set(
    DOCUMENTED_TRANSITIONS.filter((t) => t.kind === kind && t.operation === operation).flatMap(
      (t) => t.rules,
    ),
  );
  const rules = named.filter((r) => stated.has(r));
  return rules.length > 0 ? rules : undefined;
}
