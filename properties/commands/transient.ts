import fc from 'fast-check';
import type { PairStatus } from '../../api';
import { type Disk, destinationOf, type Group, type ModelState, type Pair, sourceOf } from '../../model';
import { SYNC_SLACK_S } from '../../model/lifecycle';
import { CallCommand, type During, type Plan } from '../command';
import { disks, EBS, groups, label, nth, pairs, ref, regionFor, type Side, variant } from './toolkit';

// Calls made while a pair or group is on its way somewhere (creating, initial_syncing,
// manual_syncing, stopping, failovering, reprotecting, deleting): one command makes the change
// and, before the harness moves the clock, the calls drawn for the transition, each judged
// against the model's transient state (properties/session.ts makes them only on a clock the
// harness moves, and only while the target shows that status).

type Kind = 'pair' | 'group';

/** A change that starts a transition: the statuses it is drawn from, where it is called. */
interface Change {
  readonly action: (kind: Kind) => string;
  readonly from: readonly PairStatus[];
  readonly where: Side;
  readonly extra?: Readonly<Record<string, unknown>>;
}

const of = (verb: string) => (kind: Kind) => `${verb}DiskReplica${kind === 'pair' ? 'Pair' : 'Group'}`;

const CHANGES = {
  start: { action: of('Start'), from: ['created', 'stopped'], where: 'source' },
  oneShot: { action: of('Start'), from: ['created', 'stopped'], where: 'source', extra: { OneShot: true } },
  stop: { action: of('Stop'), from: ['normal'], where: 'source' },
  failover: { action: of('Failover'), from: ['normal', 'stopped'], where: 'destination' },
  reprotect: { action: of('Reprotect'), from: ['failovered'], where: 'destination' },
  delete: { action: of('Delete'), from: ['stopped', 'failovered', 'created'], where: 'source' },
} as const satisfies Readonly<Record<string, Change>>;
type ChangeName = keyof typeof CHANGES | 'create';

/** What may be called on the way: the life-cycle calls, the progress, a member's own calls, a pause. */
const CALLS = [
  'start',
  'stop',
  'modify',
  'failover',
  'reprotect',
  'delete',
  'progress',
  'member',
  'wait',
  'watch',
] as const;
type CallName = (typeof CALLS)[number];

/** A pause short enough to stay inside a transition the target gives a second or more. */
const WAIT_MS = 300;

const subjects = (s: ModelState, kind: Kind): (Pair | Group)[] =>
  kind === 'pair' ? pairs(s).filter((p) => p.groupId === undefined) : groups(s);

const idField = (kind: Kind) => (kind === 'pair' ? 'ReplicaPairId' : 'ReplicaGroupId');

/** A call on the resource `id`, wherever the model now holds it. */
function callOn(kind: Kind, id: string, action: string, where: Side, extra = {}): Plan {
  return (s) => {
    const r = kind === 'pair' ? s.pairs[id] : s.groups[id];
    if (!r) return undefined;
    const params = { RegionId: regionFor(s, r, where), [idField(kind)]: id, ...extra };
    return {
      call: { ...EBS, action, params },
      label: label(action, `${kind} ${r.status}`, `in ${where}`),
    };
  };
}

/** A call on the way: on the resource itself, or on the pair (a group's first member). */
function duringCall(kind: Kind, id: string, name: Exclude<CallName, 'wait' | 'watch'>): Plan {
  if (name === 'progress' || name === 'member') {
    return (s) => {
      const pair = kind === 'pair' ? s.pairs[id] : pairs(s).find((p) => p.groupId === id);
      if (!pair) return undefined;
      const action = name === 'progress' ? 'DescribeDiskReplicaPairProgress' : 'StartDiskReplicaPair';
      return callOn('pair', pair.id, action, 'source')(s);
    };
  }
  if (name === 'modify') {
    const field = kind === 'pair' ? 'PairName' : 'GroupName';
    return callOn(kind, id, of('Modify')(kind), 'source', { [field]: 'renamed-on-the-way' });
  }
  const change = CHANGES[name];
  return callOn(kind, id, change.action(kind), change.where);
}

/** Two free disks a pair can join (ESSD alike, in two regions), for a create on the way. */
function partners(s: ModelState, position: number): [Disk, Disk] | undefined {
  const held = new Set(pairs(s).flatMap((p) => [p.primary.diskId, p.standby.diskId]));
  const free = disks(s).filter((d) => !held.has(d.id) && !d.encrypted);
  const couples = free.flatMap((a) =>
    free
      .filter(
        (b) =>
          b.regionId !== a.regionId &&
          b.category === a.category &&
          b.size === a.size &&
          b.performanceLevel === a.performanceLevel,
      )
      .map((b): [Disk, Disk] => [a, b]),
  );
  return nth(couples, position);
}

/** The create that starts in `creating`: a pair of two free disks, or a group shaped like a pair. */
function create(kind: Kind, position: number): Plan {
  return (s) => {
    if (kind === 'pair') {
      const couple = partners(s, position);
      if (!couple) return undefined;
      const [a, b] = couple;
      const params = {
        RegionId: a.regionId,
        SourceZoneId: a.zoneId,
        DiskId: a.id,
        DestinationRegionId: b.regionId,
        DestinationZoneId: b.zoneId,
        DestinationDiskId: b.id,
      };
      return {
        call: { ...EBS, action: 'CreateDiskReplicaPair', params },
        label: label(
          'CreateDiskReplicaPair',
          `${ref('disk', disks(s), a.id)} -> ${ref('disk', disks(s), b.id)}`,
        ),
      };
    }
    const like = nth(pairs(s), position);
    if (!like) return undefined;
    const from = sourceOf(like);
    const to = destinationOf(like);
    const params = {
      RegionId: from.regionId,
      SourceZoneId: from.zoneId,
      DestinationRegionId: to.regionId,
      DestinationZoneId: to.zoneId,
    };
    return {
      call: { ...EBS, action: 'CreateDiskReplicaGroup', params },
      label: label('CreateDiskReplicaGroup', `like ${ref('pair', pairs(s), like.id)}`),
    };
  };
}

/** The ID a create answered, once the model holds it: the newest resource of its kind. */
const newest = (s: ModelState, kind: Kind) => (kind === 'pair' ? pairs(s) : groups(s)).at(-1)?.id;

/**
 * The calls on the way, bound to the resource the change acts on. A create's resource has no
 * ID before it is answered, so its calls find the newest one when they are made.
 */
function onTheWay(kind: Kind, id: string | undefined, names: readonly CallName[]): During[] {
  const call =
    (name: Exclude<CallName, 'wait' | 'watch'>): Plan =>
    (s) => {
      const target = id ?? newest(s, kind);
      return target === undefined ? undefined : duringCall(kind, target, name)(s);
    };
  const wait = { waitMs: WAIT_MS };
  return names.flatMap((name): During[] => {
    if (name === 'wait') return [wait];
    // The progress read three times as time passes: it must not fall during an initial sync.
    if (name === 'watch') return [call('progress'), wait, call('progress'), wait, call('progress')];
    return [call(name)];
  });
}

/** The drawn change on a resource it applies to, else the next change that has one. */
function changeOn(s: ModelState, kind: Kind, first: ChangeName, position: number) {
  const names: ChangeName[] = [first, ...CHANGE_NAMES.filter((n) => n !== first)];
  for (const name of names) {
    if (name === 'create') {
      const planned = create(kind, position)(s);
      if (planned) return { planned, id: undefined };
      continue;
    }
    const c: Change = CHANGES[name];
    const r = nth(
      subjects(s, kind).filter((x) => c.from.includes(x.status)),
      position,
    );
    const planned = r && callOn(kind, r.id, c.action(kind), c.where, c.extra)(s);
    if (planned) return { planned, id: r.id };
  }
  return undefined;
}

const CHANGE_NAMES: readonly ChangeName[] = [
  'start',
  'oneShot',
  'stop',
  'failover',
  'reprotect',
  'delete',
  'create',
];

const change = fc
  .record({
    kind: fc.constantFrom<Kind>('pair', 'pair', 'group'),
    change: fc.constantFrom<ChangeName>(...CHANGE_NAMES, 'start'),
    position: fc.nat(),
    // Watching the progress is drawn more often: only an initial sync shows it moving.
    calls: fc.array(fc.constantFrom(...CALLS, 'watch', 'watch'), { minLength: 1, maxLength: 4 }),
    variant,
  })
  .map(
    (g) =>
      new CallCommand('OnTheWay', g, (s) => {
        const found = changeOn(s, g.kind, g.change, g.position);
        return found && { ...found.planned, variant: g.variant, during: onTheWay(g.kind, found.id, g.calls) };
      }),
  );

/** Long enough for a replicating pair to complete a sync: the documented RPO (900 s) and more. */
const RPO_AND_A_SYNC_MS = (900 + 2 * SYNC_SLACK_S) * 1000;

/**
 * The pair's row in its production region, or its group's: the LastRecoverPoint the listing
 * shows is held to the same floor as the progress's RecoverPoint.
 */
const listedRow =
  (kind: 'pair' | 'group', pairId: string): Plan =>
  (s) => {
    const pair = s.pairs[pairId];
    const group = pair?.groupId === undefined ? undefined : s.groups[pair.groupId];
    const r = kind === 'pair' ? pair : group;
    if (!pair || !r) return undefined;
    const action = kind === 'pair' ? 'DescribeDiskReplicaPairs' : 'DescribeDiskReplicaGroups';
    const ids = kind === 'pair' ? { PairIds: r.id } : { GroupIds: r.id };
    return {
      call: { ...EBS, action, params: { RegionId: r.primary.regionId, ...ids } },
      label: label(action, kind === 'pair' ? ref('pair', pairs(s), r.id) : ref('group', groups(s), r.id)),
    };
  };

/**
 * A replicating pair left alone for longer than its RPO, then asked for its progress and listed
 * with its group: a sync has completed meanwhile, so its recovery point has advanced
 * (PAIR.RECOVER_POINT.WITHIN_RPO), in the progress and in both rows.
 */
const replicate = fc.record({ pair: fc.nat(), variant }).map((g) => {
  const replicating = (s: ModelState) =>
    nth(
      pairs(s).filter((p) => p.status === 'normal'),
      g.pair,
    );
  const progress: Plan = (s) => {
    const pair = replicating(s);
    if (!pair) return undefined;
    const params = { RegionId: sourceOf(pair).regionId, ReplicaPairId: pair.id };
    return {
      call: { ...EBS, action: 'DescribeDiskReplicaPairProgress', params },
      variant: g.variant,
      idleMs: Math.max(pair.rpo * 1000 + 2 * SYNC_SLACK_S * 1000, RPO_AND_A_SYNC_MS),
      label: label(
        'DescribeDiskReplicaPairProgress',
        ref('pair', pairs(s), pair.id),
        'after an RPO of replication',
      ),
    };
  };
  const listed =
    (kind: 'pair' | 'group'): Plan =>
    (s) => {
      const pair = replicating(s);
      return pair && listedRow(kind, pair.id)(s);
    };
  return new CallCommand('Replicate', g, progress, listed('pair'), listed('group'));
});

export const TRANSIENT_COMMANDS = { onTheWay: change, replicate };

export const TRANSIENT_WEIGHTS = { onTheWay: 8, replicate: 2 };
