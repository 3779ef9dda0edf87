import fc from 'fast-check';
import type { Variant } from '../../adapters/target';
import type { Group, Pair } from '../../model';
import { CallCommand, type Plan } from '../command';
import { type CoupleKind, coupleDisk } from './disks';
import { DRILL_ACTIONS } from './drills';
import { disks, EBS, ECS, groups, label, pairs, regionFor, type Side, variant, withVariant } from './toolkit';

// Scenario commands drive a fresh pair or group through a prefix of its life cycle in one
// command, every call still a checked step, so that short sequences reach the deep states:
// failovered, reprotected (reversed) and started again, groups of several pairs, invalid pairs.

/** A pair of the two disks created last. */
const pairOfLastDisks =
  (extra: Readonly<Record<string, unknown>> = {}): Plan =>
  (s) => {
    const list = disks(s);
    const [primary, secondary] = list.slice(-2);
    if (!primary || !secondary || list.length < 2) return undefined;
    const params = {
      RegionId: primary.regionId,
      SourceZoneId: primary.zoneId,
      DiskId: primary.id,
      DestinationRegionId: secondary.regionId,
      DestinationZoneId: secondary.zoneId,
      DestinationDiskId: secondary.id,
      ...extra,
    };
    return {
      call: { ...EBS, action: 'CreateDiskReplicaPair', params },
      label: label(
        'CreateDiskReplicaPair',
        'the last two disks',
        extra.Tag !== undefined && 'tagged env=dr',
        typeof extra.ClientToken === 'string' && extra.ClientToken,
      ),
    };
  };
export const createPair = pairOfLastDisks();

/** The tag a scenario pair sometimes gets, and the filter a probe lists it by. */
const ENV_DR = { Key: 'env', Value: 'dr' };

/**
 * The listing of pairs (or groups) in the latest one's production region filtered by its key
 * with an empty Value: the reading tag-filter-empty-value (any value of the key, or only "").
 */
function listByEmptyTagValue(subject: Subject): Plan {
  return (s) => {
    const r: Pair | Group | undefined = subject === 'pair' ? pairs(s).at(-1) : groups(s).at(-1);
    if (!r) return undefined;
    const action = subject === 'pair' ? 'DescribeDiskReplicaPairs' : 'DescribeDiskReplicaGroups';
    return {
      call: {
        ...EBS,
        action,
        params: { RegionId: r.primary.regionId, Tag: [{ Key: ENV_DR.Key, Value: '' }] },
      },
      label: label(action, `the last ${subject}'s region`, 'Tag env=""'),
    };
  };
}

export type Subject = 'pair' | 'group';

/** A group with the sites of the latest pair. */
const groupLikeLastPair =
  (extra: Readonly<Record<string, unknown>> = {}): Plan =>
  (s) => {
    const pair = pairs(s).at(-1);
    if (!pair) return undefined;
    const params = {
      RegionId: pair.primary.regionId,
      SourceZoneId: pair.primary.zoneId,
      DestinationRegionId: pair.standby.regionId,
      DestinationZoneId: pair.standby.zoneId,
      ...extra,
    };
    const shown = Object.entries(extra).map(
      ([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`,
    );
    return {
      call: { ...EBS, action: 'CreateDiskReplicaGroup', params },
      label: label('CreateDiskReplicaGroup', 'like the last pair', ...shown),
    };
  };
export const createGroup = groupLikeLastPair();

/** A call on the `back`-th latest pair or group, made at `where`. */
export function onLatest(
  subject: Subject,
  action: string,
  where: Side,
  extra: Readonly<Record<string, unknown>> = {},
  back = 1,
): Plan {
  return (s) => {
    const r: Pair | Group | undefined = subject === 'pair' ? pairs(s).at(-back) : groups(s).at(-back);
    if (!r) return undefined;
    const idField = subject === 'pair' ? 'ReplicaPairId' : 'ReplicaGroupId';
    const params = { RegionId: regionFor(s, r, where), [idField]: r.id, ...extra };
    const shown = Object.entries(extra).map(([k, v]) => `${k}=${String(v)}`);
    return {
      call: { ...EBS, action, params },
      label: label(action, `the last ${subject}`, `in ${where}`, ...shown),
    };
  };
}

/** Deletes a disk of the latest pair (detached first if needed): the pair turns invalid. */
function deleteDiskOfLatestPair(which: 'primary' | 'standby'): Plan {
  return (s) => {
    const pair = pairs(s).at(-1);
    const disk = pair && s.disks[pair[which].diskId];
    if (!disk || disk.instanceId) return undefined;
    return {
      call: { ...ECS, action: 'DeleteDisk', params: { DiskId: disk.id } },
      region: disk.regionId,
      label: label('DeleteDisk', `the ${which} disk of the last pair`),
    };
  };
}

/** Attaches (or detaches) a disk of the latest pair to an instance of its zone. */
export function diskOfLatestPair(which: 'primary' | 'standby', action: 'AttachDisk' | 'DetachDisk'): Plan {
  return (s) => {
    const pair = pairs(s).at(-1);
    const disk = pair && s.disks[pair[which].diskId];
    const instance = disk && Object.values(s.instances).find((i) => i.zoneId === disk.zoneId);
    if (!disk || !instance) return undefined;
    return {
      call: { ...ECS, action, params: { DiskId: disk.id, InstanceId: instance.id } },
      region: disk.regionId,
      label: label(
        action,
        `the ${which === 'standby' ? 'secondary' : 'primary'} disk of the last pair`,
        instance.id,
      ),
    };
  };
}

/** A Start while the secondary is attached (refused), then detached and started again. */
const attachedStandby = (subject: Subject): Plan[] => [
  diskOfLatestPair('standby', 'AttachDisk'),
  onLatest(subject, `StartDiskReplica${cap(subject)}`, 'source'),
  diskOfLatestPair('standby', 'DetachDisk'),
  onLatest(subject, `StartDiskReplica${cap(subject)}`, 'source'),
];

/** The life cycle, in order; a scenario runs a prefix of it. */
function lifecycle(subject: Subject, g: ScenarioInputs): Plan[] {
  return [
    onLatest(subject, `StartDiskReplica${cap(subject)}`, 'source', g.oneShot ? { OneShot: true } : {}),
    onLatest(subject, `FailoverDiskReplica${cap(subject)}`, 'destination'),
    onLatest(
      subject,
      `ReprotectDiskReplica${cap(subject)}`,
      'destination',
      g.reverse ? {} : { ReverseReplicate: false },
    ),
    onLatest(subject, `StartDiskReplica${cap(subject)}`, 'source'),
    onLatest(subject, `StopDiskReplica${cap(subject)}`, 'source'),
  ];
}

/** Add or Remove naming the `back`-th latest pair and the latest group. */
export function membership(
  action: 'AddDiskReplicaPair' | 'RemoveDiskReplicaPair',
  back = 1,
  extra: Readonly<Record<string, unknown>> = {},
): Plan {
  return (s) => {
    const pair = pairs(s).at(-back);
    const group = groups(s).at(-1);
    if (!pair || !group) return undefined;
    const params = {
      RegionId: group.primary.regionId,
      ReplicaGroupId: group.id,
      ReplicaPairId: pair.id,
      ...extra,
    };
    return {
      call: { ...EBS, action, params },
      label: label(action, back === 1 ? 'the last pair' : `pair ${back} from the end`, 'the last group'),
    };
  };
}

/**
 * Every operation on the pair or group once, in the status the life cycle left it in. The ones
 * that never change the status come first (renaming, listing progress, adding a pair already in
 * or out of place, removing, deleting a group that still has members), so each meets that status;
 * then the life-cycle calls, rotated by `turn` so that each is sometimes the first to meet it.
 * With a scenario token (`tokenOf`), the first of them carries it and goes again once the others have moved
 * the status: a call refused for its status retried with its token shows whether the target
 * kept it (the reading refused-call-token), an accepted one is a replay. Deleting a pair, which
 * ends the probe, comes last.
 */
function probes(subject: Subject, turn: number, tokened: Readonly<Record<string, unknown>> = {}): Plan[] {
  const name = cap(subject);
  // Every other probe renames with Bandwidth, not open for use (the reading bandwidth-not-open).
  const rename = {
    ...(subject === 'pair' ? { PairName: 'probed' } : { GroupName: 'probed' }),
    ...(turn % 2 === 0 ? { Bandwidth: 10240 } : {}),
  };
  const del = onLatest(subject, `DeleteDiskReplica${name}`, 'source');
  const keepStatus = [
    onLatest(subject, `ModifyDiskReplica${name}`, 'source', rename),
    listByEmptyTagValue(subject),
    ...(subject === 'pair' ? [onLatest('pair', 'DescribeDiskReplicaPairProgress', 'source')] : []),
    membership('AddDiskReplicaPair'),
    membership('RemoveDiskReplicaPair'),
    ...(subject === 'group' ? [del] : []),
  ];
  const k = turn % LIFECYCLE_VERBS.length;
  const rotated = [...LIFECYCLE_VERBS.slice(k), ...LIFECYCLE_VERBS.slice(0, k)];
  const [first, ...others] = rotated.map(([verb, where], i) =>
    onLatest(subject, `${verb}DiskReplica${name}`, where, i === 0 ? tokened : {}),
  ) as [Plan, ...Plan[]];
  return [
    ...keepStatus,
    first,
    ...others,
    ...('ClientToken' in tokened ? [first] : []),
    ...(subject === 'pair' ? [del] : []),
  ];
}

/** The life-cycle calls a probe makes, each from the site the docs name for it. */
const LIFECYCLE_VERBS: readonly (readonly [string, Side])[] = [
  ['Start', 'source'],
  ['Reprotect', 'destination'],
  ['Failover', 'destination'],
  ['Stop', 'source'],
];

export const cap = (s: string) => `${s[0]?.toUpperCase()}${s.slice(1)}`;

interface ScenarioInputs {
  readonly from: number;
  readonly to: number;
  readonly zone: number;
  readonly size: number;
  /** Plain disks in two regions, two zones of one region, or encrypted disks. */
  readonly kind: CoupleKind;
  /** How many steps of the life cycle to run after creating. */
  readonly depth: number;
  readonly oneShot: boolean;
  readonly reverse: boolean;
  /**
   * What follows the life cycle: nothing, a deleted disk (then probes), deletion, probes, or the
   * secondary of the last pair attached to an instance and a Start (PAIR/GROUP.START.STANDBY_NOT_ATTACHED).
   */
  readonly ending: 'none' | 'invalidate' | 'delete' | 'probe' | 'attached';
  /** Which probe goes first. */
  readonly turn: number;
  /** A token of the scenario's own for its creates, as SDK clients send one (replays.ts retries them). */
  readonly token: number | undefined;
  readonly variant: Partial<Variant>;
}

/** The ClientToken of a scenario's create: its own for each create, so no two collide. */
const tokenOf = (g: ScenarioInputs, create: string) =>
  g.token === undefined ? {} : { ClientToken: `once-${g.token}-${create}` };

const inputs = fc.record({
  from: fc.nat(),
  to: fc.nat(),
  zone: fc.nat(),
  size: fc.constantFrom(20, 40),
  kind: fc.constantFrom<CoupleKind>(
    'plain',
    'plain',
    'plain',
    'plain',
    'plain',
    'plain',
    'sameRegion',
    'encrypted',
  ),
  // Failovered (depth 2) is where most operations meet a refusal: drawn more often.
  depth: fc.constantFrom(0, 1, 2, 2, 2, 3, 4, 5),
  oneShot: fc.boolean(),
  reverse: fc.oneof(fc.constant(true), fc.constant(true), fc.constant(false)),
  ending: fc.constantFrom<ScenarioInputs['ending']>(
    'none',
    'invalidate',
    'delete',
    'probe',
    'probe',
    'attached',
  ),
  turn: fc.nat(),
  token: fc.option(fc.integer({ min: 1, max: 999_999 }), { nil: undefined, freq: 2 }),
  variant,
});

/** A fresh pair driven `depth` steps through its life cycle, sometimes ended by a deleted disk. */
const pairScenario = inputs.map((g) => {
  const steps = [
    coupleDisk(g, 0),
    coupleDisk(g, 1),
    // One pair in three is tagged env=dr, which the probes list by env="".
    pairOfLastDisks({ ...(g.turn % 3 === 2 ? { Tag: [ENV_DR] } : {}), ...tokenOf(g, 'pair') }),
    ...lifecycle('pair', g).slice(0, g.depth),
    ...(g.ending === 'invalidate'
      ? [
          deleteDiskOfLatestPair(g.depth % 2 ? 'primary' : 'standby'),
          ...probes('pair', g.turn, tokenOf(g, 'probe-pair')),
        ]
      : []),
    ...(g.ending === 'delete' ? [onLatest('pair', 'DeleteDiskReplicaPair', 'source')] : []),
    ...(g.ending === 'probe' ? probes('pair', g.turn, tokenOf(g, 'probe-pair')) : []),
    ...(g.ending === 'attached' ? attachedStandby('pair') : []),
  ].map(withVariant(g.variant));
  const [first, ...then] = steps as [Plan, ...Plan[]];
  return new CallCommand('PairScenario', g, first, ...then);
});

/**
 * How many fresh pairs a group scenario adds: mostly a few; now and then the documented most, 17,
 * or one more, whose Add is refused (GROUP.ADD.AT_MOST_17).
 */
const memberCount = fc.oneof(
  { weight: 60, arbitrary: fc.integer({ min: 1, max: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(17, 18) },
);

/** A fresh group of `members` fresh pairs, driven `depth` steps through its life cycle. */
const groupScenario = fc.record({ g: inputs, members: memberCount }).map(({ g, members }) => {
  const pairSteps = Array.from({ length: members }, (_, i) => [
    coupleDisk(g, 0),
    coupleDisk(g, 1),
    pairOfLastDisks(tokenOf(g, `pair${i}`)),
  ]).flat();
  const addSteps = Array.from({ length: members }, (_, i) => membership('AddDiskReplicaPair', i + 1));
  const steps = [
    ...pairSteps,
    // One group in four is created with Bandwidth, not open for use (the reading bandwidth-not-open),
    // one in four tagged env=dr, which the probes list by env="".
    groupLikeLastPair({
      ...(g.turn % 4 === 1 ? { Bandwidth: 10240 } : g.turn % 4 === 2 ? { Tag: [ENV_DR] } : {}),
      ...tokenOf(g, 'group'),
    }),
    ...addSteps,
    ...lifecycle('group', g).slice(0, g.depth),
    ...(g.ending === 'invalidate'
      ? [deleteDiskOfLatestPair('standby'), ...probes('pair', g.turn, tokenOf(g, 'probe-pair'))]
      : []),
    ...(g.ending === 'probe' ? probes('group', g.turn, tokenOf(g, 'probe-group')) : []),
    ...(g.ending === 'attached' ? attachedStandby('group') : []),
  ].map(withVariant(g.variant));
  const [first, ...then] = steps as [Plan, ...Plan[]];
  return new CallCommand('GroupScenario', { ...g, members }, first, ...then);
});

/** A drill call on the latest pair or group, in its disaster-recovery region; Clear names its latest drill. */
export function drillCall(
  subject: Subject,
  step: 'start' | 'describe' | 'clear',
  extra: Readonly<Record<string, unknown>> = {},
): Plan {
  const A = DRILL_ACTIONS[subject];
  return (s) => {
    const r: Pair | Group | undefined = subject === 'pair' ? pairs(s).at(-1) : groups(s).at(-1);
    if (!r) return undefined;
    const drill = Object.values(s.drills)
      .filter((d) => d.ownerId === r.id)
      .at(-1);
    if (step === 'clear' && !drill) return undefined;
    const params = {
      RegionId: regionFor(s, r, 'destination'),
      [A.id]: r.id,
      ...(step === 'clear' && drill ? { DrillId: drill.id } : {}),
      ...extra,
    };
    return {
      call: { ...EBS, action: A[step], params },
      label: label(A[step], `the last ${subject}`, step === 'clear' && 'its last drill'),
    };
  };
}

/**
 * A rehearsal as a DR team runs one: a fresh pair (or a group of one) started, a drill started
 * in the disaster-recovery region, a second one while the first stands (DRILL.*.START.ONE_AT_A_TIME),
 * the drills listed, the drill cleared (DRILL.*.CLEAR.REMOVES), listed again, then a new drill.
 */
const drillScenario = fc
  .record({
    subject: fc.constantFrom<Subject>('pair', 'group'),
    couple: fc.record({ from: fc.nat(), to: fc.nat(), zone: fc.nat(), size: fc.constantFrom(20, 40) }),
    again: fc.boolean(),
    variant,
  })
  .map((g) => {
    const { subject } = g;
    const steps = [
      coupleDisk(g.couple, 0),
      coupleDisk(g.couple, 1),
      createPair,
      ...(subject === 'group' ? [createGroup, membership('AddDiskReplicaPair')] : []),
      onLatest(subject, `StartDiskReplica${cap(subject)}`, 'source'),
      drillCall(subject, 'start'),
      drillCall(subject, 'start'),
      drillCall(subject, 'describe'),
      drillCall(subject, 'clear'),
      drillCall(subject, 'describe'),
      ...(g.again ? [drillCall(subject, 'start')] : []),
    ].map(withVariant(g.variant));
    const [first, ...then] = steps as [Plan, ...Plan[]];
    return new CallCommand('DrillScenario', g, first, ...then);
  });

export const SCENARIO_COMMANDS = { pairScenario, groupScenario, drillScenario };

/** How often each command is drawn (properties/commands/index.ts gathers the families). */
export const SCENARIO_WEIGHTS = {
  pairScenario: 5,
  groupScenario: 4,
  drillScenario: 1,
} satisfies Record<keyof typeof SCENARIO_COMMANDS, number>;
