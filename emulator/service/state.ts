import type { IdState } from './ids';

/**
 * Everything the emulator remembers, as plain JSON-serialisable data (so persistence and
 * `/_emulator/state` need no mapping). Statuses that pass by themselves are not stored: a
 * record keeps the activity it is in and when it began, and the status is derived from the
 * clock (see timeline.ts and disks.ts).
 */
export interface Tag {
  readonly Key: string;
  readonly Value: string;
}

export interface DiskRecord {
  readonly diskId: string;
  readonly seq: number;
  readonly regionId: string;
  readonly zoneId: string;
  readonly category: string;
  /** Only ESSD has a performance level. */
  readonly performanceLevel?: string;
  readonly size: number;
  readonly encrypted: boolean;
  /** ESSD AutoPL disks: provisioned IOPS and burst, as created. */
  readonly autoPl?: { readonly provisionedIops: number; readonly bursting: boolean };
  name: string;
  description: string;
  readonly resourceGroupId: string;
  readonly tags: readonly Tag[];
  readonly createdAt: number;
  /** The last attach or detach, if any: `In_use` vs `Available` and the transient in between. */
  attachment?: { readonly kind: 'attach' | 'detach'; readonly instanceId: string; readonly since: number };
}

/** One end of a pair or group: where its disk lives. */
export interface Site {
  readonly regionId: string;
  readonly zoneId: string;
}

export interface PairEnd extends Site {
  readonly diskId: string;
}

/**
 * What a pair or group is doing. `kind` names the call that started it; the status it shows
 * now follows from `since`, the clock and transitionMs.
 */
export type ActivityKind =
  | 'create'
  | 'run'
  | 'oneShot'
  | 'stop'
  | 'failover'
  | 'reprotect'
  | 'delete'
  | 'invalid';

export interface Activity {
  readonly kind: ActivityKind;
  readonly since: number;
  /** Replication progress when the activity began (frozen; later progress is derived). */
  readonly firstSyncDone: boolean;
  readonly recoverPoint?: number;
}

/** Settings shared by pairs and groups. */
export interface ReplicationSettings {
  name: string;
  description: string;
  rpo: number;
  bandwidth: number;
  readonly resourceGroupId: string;
  /** Bound by the create, then by the tag and untag calls. */
  tags: Tag[];
}

export interface PairRecord extends ReplicationSettings {
  readonly pairId: string;
  readonly seq: number;
  /** Set when created through the legacy ECS CreateDiskReplicaPair (`rp-` + the same suffix). */
  readonly legacyPairId?: string;
  /** The initial source and destination: `Primary*` and `Standby*` never change. */
  readonly primary: PairEnd;
  readonly standby: PairEnd;
  /** After a reversing Reprotect, data flows standby -> primary (`Source*`/`Destination*` swap). */
  reversed: boolean;
  groupId?: string;
  readonly chargeType: 'PREPAY' | 'POSTPAY';
  readonly orderId?: string;
  readonly expiredAt?: number;
  readonly createdAt: number;
  activity: Activity;
  statusMessage?: string;
  lastOneShotAt?: number;
}

export interface GroupRecord extends ReplicationSettings {
  readonly groupId: string;
  readonly seq: number;
  readonly primary: Site;
  readonly standby: Site;
  reversed: boolean;
  pairIds: string[];
  readonly createdAt: number;
  activity: Activity;
  statusMessage?: string;
  lastOneShotAt?: number;
}

/**
 * A disaster-recovery drill of a pair or group. Its status follows from the clock: executing
 * for transitionMs after the start, then executed; once cleared, clearing for transitionMs,
 * then it is gone.
 */
export interface DrillRecord {
  readonly drillId: string;
  readonly seq: number;
  readonly kind: 'pair' | 'group';
  /** The pair or group drilled. */
  readonly ownerId: string;
  readonly startedAt: number;
  /** The recovery point the drill disks hold (ms). */
  readonly recoverPoint: number;
  /** One drill disk per pair drilled. */
  readonly disks: readonly { readonly pairId: string; readonly diskId: string }[];
  clearedAt?: number;
}

/** A completed ClientToken call: what it asked and what it got. */
export interface TokenRecord {
  readonly fingerprint: string;
  readonly body: Record<string, unknown>;
  /** The refusal a kept refused call's token answers again (reading refused-call-token=kept). */
  readonly error?: { readonly code: string; readonly message: string; readonly httpStatus?: number };
}

/** One account (AccessKeyId): like moto's per-account backend. */
export interface AccountState {
  disks: Record<string, DiskRecord>;
  pairs: Record<string, PairRecord>;
  groups: Record<string, GroupRecord>;
  /** Absent in state files written before drills existed. */
  drills?: Record<string, DrillRecord>;
  tokens: Record<string, TokenRecord>;
}

export const STATE_FORMAT = 'ebs-conformance-emulator-state';
export const STATE_FORMAT_VERSION = 1;

export interface ServiceState {
  readonly format: typeof STATE_FORMAT;
  readonly formatVersion: typeof STATE_FORMAT_VERSION;
  ids: IdState;
  /** The clock when last saved: a manual clock resumes from here after a reload. */
  savedAt: number;
  accounts: Record<string, AccountState>;
}

export function emptyState(idSeed: number, now: number): ServiceState {
  return {
    format: STATE_FORMAT,
    formatVersion: STATE_FORMAT_VERSION,
    ids: { seed: idSeed, counter: 0 },
    savedAt: now,
    accounts: {},
  };
}

export function accountOf(state: ServiceState, accessKeyId: string): AccountState {
  let account = state.accounts[accessKeyId];
  if (!account) {
    account = { disks: {}, pairs: {}, groups: {}, drills: {}, tokens: {} };
    state.accounts[accessKeyId] = account;
  }
  return account;
}
