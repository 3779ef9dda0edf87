import type { Deviation, NextService } from '../protocol/deviation';
import type { ServiceBody, ServiceCall } from '../service/api';
import type { FaultProfile } from './profile';
import { isEbs, mapRows, type Row, readCalledPair, readDisk, rewriting, ungrouped } from './support';

/**
 * Deviations in the path of statuses a pair shows after an accepted change: a wrong status on
 * the way, a transient status it never leaves, a final status it never reaches. The calls
 * themselves answer as documented; only the listings show the damage.
 */

const pairListing = (call: ServiceCall) => isEbs(call, 'DescribeDiskReplicaPairs');
const LISTED = 'DescribeDiskReplicaPairs';

/** A status-table bug: each of these transient statuses is shown under another one's name. */
const MISLABELLED: Readonly<Record<string, string>> = {
  stopping: 'syncing',
  failovering: 'reprotecting',
  reprotecting: 'failovering',
};

export const transientStatusWrong: FaultProfile = {
  name: 'transient-status-mislabelled',
  description:
    'While a pair stops, fails over or reprotects, DescribeDiskReplicaPairs shows another transient status: syncing instead of stopping, reprotecting and failovering swapped',
  kind: 'wrong-transient-status',
  operation: 'FailoverDiskReplicaPair',
  alsoOperations: ['StopDiskReplicaPair', 'ReprotectDiskReplicaPair'],
  ruleIds: [
    'PAIR.FAILOVER.SETTLES_FAILOVERED',
    'PAIR.STOP.SETTLES_STOPPED',
    'PAIR.REPROTECT.NEEDS_NEW_START',
  ],
  observedIn: { operation: LISTED, ruleIds: ['PROTO.DESCRIBE_IS_PROJECTION'] },
  create: rewriting(pairListing, (body) =>
    mapRows(body, 'ReplicaPairs', (r) => {
      const shown = MISLABELLED[String(r.Status)];
      return shown && ungrouped(r) ? { ...r, Status: shown } : r;
    }),
  ),
};

/**
 * Rewrites the listed status of the pairs a call of `action` accepted, from then until a call of
 * `releasedBy` (or the reset): `shown(status)` is what the listing says instead, or undefined
 * for the status as it is.
 */
class StatusOverride implements Deviation {
  readonly #marked = new Set<string>();

  constructor(
    private readonly action: string,
    private readonly releasedBy: readonly string[],
    private readonly shown: (status: string) => string | undefined,
  ) {}

  async around(call: ServiceCall, next: NextService): Promise<ServiceBody> {
    const body = await next(call);
    const id = String(call.params.ReplicaPairId);
    if (isEbs(call, this.action)) this.#marked.add(id);
    else if (this.releasedBy.some((a) => isEbs(call, a))) this.#marked.delete(id);
    if (!pairListing(call) || this.#marked.size === 0) return body;
    return mapRows(body, 'ReplicaPairs', (r) => {
      const shown = this.#marked.has(String(r.ReplicaPairId)) ? this.shown(String(r.Status)) : undefined;
      return shown ? { ...r, Status: shown } : r;
    });
  }

  reset() {
    this.#marked.clear();
  }
}

export const stopStuckStopping: FaultProfile = {
  name: 'stop-stuck-stopping',
  description:
    'StopDiskReplicaPair answers 200 and the pair stops, but DescribeDiskReplicaPairs keeps showing it stopping: the transient status never ends',
  kind: 'stuck-transient-status',
  operation: 'StopDiskReplicaPair',
  stuckIn: 'stopping',
  ruleIds: ['PAIR.STOP.SETTLES_STOPPED'],
  observedIn: { operation: LISTED, ruleIds: ['PROTO.DESCRIBE_IS_PROJECTION'] },
  create: () =>
    new StatusOverride('StopDiskReplicaPair', ['StartDiskReplicaPair', 'DeleteDiskReplicaPair'], (s) =>
      s === 'stopped' ? 'stopping' : undefined,
    ),
};

export const neverNormal: FaultProfile = {
  name: 'start-never-normal',
  description:
    'After StartDiskReplicaPair a pair never shows normal: DescribeDiskReplicaPairs keeps it syncing between syncs as well',
  kind: 'never-settles',
  operation: 'StartDiskReplicaPair',
  stuckIn: 'syncing',
  ruleIds: ['PAIR.START.INITIAL_FULL_SYNC'],
  observedIn: { operation: LISTED, ruleIds: ['PROTO.DESCRIBE_IS_PROJECTION'] },
  create: () =>
    new StatusOverride('StartDiskReplicaPair', ['StopDiskReplicaPair', 'DeleteDiskReplicaPair'], (s) =>
      s === 'normal' ? 'syncing' : undefined,
    ),
};

/** Statuses from which the service accepts the call (the emulator's reading of the docs). */
const STARTABLE = ['created', 'stopped'];
const DELETABLE = ['stopped', 'invalid', 'failovered', 'created', 'create_failed'];

/**
 * A call that answers 200 and changes nothing where the service would have accepted it:
 * `accepts` tells from the pair's row (read in the call's region) whether it would.
 */
const withoutEffect =
  (action: string, accepts: (row: Row, call: ServiceCall, next: NextService) => Promise<boolean>) =>
  (): Deviation => ({
    async around(call, next) {
      if (!isEbs(call, action)) return next(call);
      const row = await readCalledPair(next, call);
      return ungrouped(row) && (await accepts(row, call, next)) ? {} : next(call);
    },
  });

export const startWithoutEffect: FaultProfile = {
  name: 'start-without-effect',
  description:
    'StartDiskReplicaPair of a created or stopped pair answers 200 but the pair never starts: it stays created or stopped',
  kind: 'success-without-effect',
  operation: 'StartDiskReplicaPair',
  ruleIds: ['PAIR.START.INITIAL_FULL_SYNC'],
  observedIn: { operation: LISTED, ruleIds: ['PROTO.DESCRIBE_IS_PROJECTION'] },
  // A one-shot start and one whose standby disk is attached may be refused: those run as documented.
  create: withoutEffect(
    'StartDiskReplicaPair',
    async (row, call, next) =>
      STARTABLE.includes(String(row.Status)) &&
      call.params.OneShot !== true &&
      (await readDisk(next, call, String(row.DestinationRegion), String(row.DestinationDiskId)))?.Status !==
        'In_use',
  ),
};

export const deleteWithoutEffect: FaultProfile = {
  name: 'delete-without-effect',
  description:
    'DeleteDiskReplicaPair in the primary region answers 200 but the pair is never deleted: it stays listed in its status',
  kind: 'success-without-effect',
  operation: 'DeleteDiskReplicaPair',
  ruleIds: ['PAIR.DELETE.SETTLES_GONE'],
  observedIn: { operation: LISTED, ruleIds: ['PROTO.DESCRIBE_IS_PROJECTION'] },
  create: withoutEffect(
    'DeleteDiskReplicaPair',
    async (row, call) => DELETABLE.includes(String(row.Status)) && row.SourceRegion === call.params.RegionId,
  ),
};

export const TRANSITION_PROFILES = [
  transientStatusWrong,
  stopStuckStopping,
  neverNormal,
  startWithoutEffect,
  deleteWithoutEffect,
];
