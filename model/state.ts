import type {
  DiskCategory,
  DiskStatus,
  InstanceStatus,
  LegacyPairStatus,
  PairStatus,
  PerformanceLevel,
} from '../api';
import type { Call } from './call';
import type { World } from './world';

/**
 * The model's state: plain JSON-serialisable values, never mutated (every transition returns a new
 * state). Disk status and group membership are derived, not stored, so they cannot drift.
 */
export interface Instance {
  readonly id: string;
  readonly regionId: string;
  readonly zoneId: string;
  readonly status: InstanceStatus;
}

export interface Disk {
  readonly id: string;
  readonly regionId: string;
  readonly zoneId: string;
  readonly category: DiskCategory;
  /** ESSD only. */
  readonly performanceLevel?: PerformanceLevel;
  readonly size: number;
  readonly encrypted: boolean;
  readonly instanceId?: string;
  readonly name?: string;
  readonly description?: string;
  /** Bound at creation (CreateDisk Tag.N), key -> value; DescribeDisks filters on them. */
  readonly tags?: Readonly<Record<string, string>>;
  readonly resourceGroupId?: string;
}

/** One end of a pair or group. */
export interface Site {
  readonly regionId: string;
  readonly zoneId: string;
}

export interface PairSite extends Site {
  readonly diskId: string;
}

/** Lifecycle fields pairs and groups share. Times are epoch milliseconds. */
export interface Replication {
  readonly id: string;
  readonly status: PairStatus;
  readonly statusMessage?: string;
  /** true once Reprotect(ReverseReplicate=true) swapped the roles: data flows standby -> primary. */
  readonly reversed: boolean;
  readonly rpo: number;
  readonly bandwidth: number;
  readonly name?: string;
  readonly description?: string;
  readonly createdAt: number;
  readonly lastRecoverPoint?: number;
  /** When the running replication began (an accepted Start without OneShot): its syncs follow one RPO apart. */
  readonly replicatingSince?: number;
  readonly fullSyncDone: boolean;
  readonly lastOneShotAt?: number;
  /** Bound tags, key -> value, in the order they were first bound. */
  readonly tags?: Readonly<Record<string, string>>;
  readonly resourceGroupId?: string;
}

export interface Pair extends Replication {
  /** The initial source (production site): PrimaryRegion/PrimaryZone. */
  readonly primary: PairSite;
  /** The initial destination (disaster-recovery site): StandbyRegion/StandbyZone. */
  readonly standby: PairSite;
  readonly chargeType: 'PREPAY' | 'POSTPAY';
  readonly groupId?: string;
  /**
   * When the pair last synced once as a member of a group's one-shot. Whether that counts
   * against the pair's own one-shot limit is undocumented, so it only makes the limit open.
   */
  readonly groupOneShotAt?: number;
}

export interface Group extends Replication {
  readonly primary: Site;
  readonly standby: Site;
  /**
   * When a Start found every member copied and the group with no recovery point of its own (or
   * only one the model assumed since). Under group-first-sync=members the group may skip its own
   * full copy, and then has no recovery point until it has replicated for an RPO.
   */
  readonly startedOnMemberCopies?: number;
}

export interface LegacyPair {
  readonly id: string;
  readonly source: PairSite;
  readonly destination: PairSite;
  readonly name: string;
  readonly description?: string;
  readonly status: LegacyPairStatus;
  readonly createdAt: number;
}

/**
 * A disaster-recovery drill of a pair or a group: executing, then executed; a clear moves it to
 * clearing and then it is gone. The pair or group it drills keeps its own status throughout.
 */
export interface Drill {
  readonly id: string;
  readonly kind: 'pair' | 'group';
  /** The pair or group drilled. */
  readonly ownerId: string;
  readonly status: 'executing' | 'executed' | 'clearing';
  /** The member pairs at the start (a pair drill: the pair itself). */
  readonly pairIds: readonly string[];
}

/** What a ClientToken is bound to: the call it came with and the IDs its success returned. */
export interface TokenRecord {
  readonly params: string;
  readonly result: Readonly<Record<string, string>>;
  /** The call as it bound the token: what a client retrying it sends again, token and all. */
  readonly call: Call;
  /**
   * The code a refusal of the call was answered with, where the token is held only because the
   * target may keep a refused call's token (reading refused-call-token); undefined for a success.
   */
  readonly refusedWith?: string;
}

export interface ModelState {
  readonly world: World;
  readonly instances: Readonly<Record<string, Instance>>;
  readonly disks: Readonly<Record<string, Disk>>;
  readonly pairs: Readonly<Record<string, Pair>>;
  readonly groups: Readonly<Record<string, Group>>;
  readonly legacyPairs: Readonly<Record<string, LegacyPair>>;
  readonly drills: Readonly<Record<string, Drill>>;
  /** Keyed by `tokenKey(action, token)`. */
  readonly tokens: Readonly<Record<string, TokenRecord>>;
  /** Source of placeholder IDs when a response carries none (pure model runs). */
  readonly serial: number;
  /**
   * Readings fixed in advance (`run --reading ID=VALUE`, api/readings.ts): the model holds the
   * target to that alternative. A reading not here leaves every alternative open.
   */
  readonly readings?: Readonly<Record<string, string>>;
  /**
   * The alternative the target has shown so far of each reading not fixed (the run's ReadingBook).
   * Both answers stay allowed, so a switch is reported naming both exchanges; what was shown only
   * tells which of several readings open on one call its answer can show.
   */
  readonly shownReadings?: Readonly<Record<string, string>>;
}

export function initialState(world: World): ModelState {
  const instances: Record<string, Instance> = {};
  for (const i of world.instances) instances[i.id] = { ...i };
  return {
    world,
    instances,
    disks: {},
    pairs: {},
    groups: {},
    legacyPairs: {},
    drills: {},
    tokens: {},
    serial: 0,
  };
}

export const diskStatus = (disk: Disk): DiskStatus => (disk.instanceId ? 'In_use' : 'Available');

/** Where data currently flows from and to. */
export const sourceOf = <S extends Site>(r: { primary: S; standby: S; reversed: boolean }): S =>
  r.reversed ? r.standby : r.primary;
export const destinationOf = <S extends Site>(r: { primary: S; standby: S; reversed: boolean }): S =>
  r.reversed ? r.primary : r.standby;

/**
 * What a projection derives from one collection of the state (its records in listing order, an
 * index), computed once per collection object: the state is never mutated, so a collection is
 * the same object exactly as long as nothing in it changed, and most calls change nothing of
 * most collections. The answer is shared: read it, never change it.
 */
export function derived<C extends object, V>(compute: (collection: C) => V): (collection: C) => V {
  // The last two collections asked about: a call is judged in the state before it, and a settle
  // reads the state after; a WeakMap of every collection cost more to fill than it saved.
  let a: { readonly collection: C; readonly v: V } | undefined;
  let b: typeof a;
  return (collection) => {
    if (a?.collection === collection) return a.v;
    if (b?.collection === collection) return b.v;
    b = a;
    a = { collection, v: compute(collection) };
    return a.v;
  };
}

const NO_MEMBERS: readonly Pair[] = [];

/** Each group's member pairs, in the order the state holds them. */
const membersByGroup = derived((pairs: Readonly<Record<string, Pair>>) => {
  const index = new Map<string, Pair[]>();
  for (const p of Object.values(pairs)) {
    if (p.groupId === undefined) continue;
    const members = index.get(p.groupId);
    if (members) members.push(p);
    else index.set(p.groupId, [p]);
  }
  return index;
});

export const membersOf = (state: ModelState, groupId: string): readonly Pair[] =>
  membersByGroup(state.pairs).get(groupId) ?? NO_MEMBERS;

/** The live pair (either dialect) that holds a disk, if any. */
export function pairHolding(state: ModelState, diskId: string): Pair | LegacyPair | undefined {
  return (
    Object.values(state.pairs).find((p) => p.primary.diskId === diskId || p.standby.diskId === diskId) ??
    Object.values(state.legacyPairs).find(
      (p) => p.source.diskId === diskId || p.destination.diskId === diskId,
    )
  );
}

const ID_PREFIX = {
  disk: 'd-model',
  pair: 'pair-model',
  group: 'pg-model',
  legacy: 'rp-model',
  drill: 'drill-model',
} as const;
export type IdKind = keyof typeof ID_PREFIX;

/**
 * The ID of a resource a call created: the one the target returned when it returned one, else a
 * deterministic placeholder from the state's serial (so pure runs need no generator).
 */
export function allocateId(
  state: ModelState,
  kind: IdKind,
  observed: unknown,
): { id: string; state: ModelState } {
  if (typeof observed === 'string' && observed !== '') return { id: observed, state };
  const serial = state.serial + 1;
  return { id: `${ID_PREFIX[kind]}${String(serial).padStart(6, '0')}`, state: { ...state, serial } };
}

export const withPair = (state: ModelState, pair: Pair): ModelState => ({
  ...state,
  pairs: { ...state.pairs, [pair.id]: pair },
});
