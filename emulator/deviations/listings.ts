import type { Deviation, NextService } from '../protocol/deviation';
import type { ServiceBody, ServiceCall } from '../service/api';
import type { FaultProfile } from './profile';
import { isEbs, isEcs, mapRows, type Row, readPair, rewriting, rowsAt, str, withRows } from './support';

/** Deviations in what a listing shows: renamed values, lost or mistyped fields, rows too few or too many. */

const pairListing = (call: ServiceCall) => isEbs(call, 'DescribeDiskReplicaPairs');
const diskListing = (call: ServiceCall) => isEcs(call, 'DescribeDisks');

export const statusRenamed: FaultProfile = {
  name: 'failovered-renamed',
  description:
    'DescribeDiskReplicaPairs shows a failed-over pair as failed_over instead of the documented failovered',
  kind: 'status-renamed',
  operation: 'DescribeDiskReplicaPairs',
  // Every read shows where a failover settles: under another name a pair failed over, alone or
  // as a group's member, never settles in failovered (nor in its group's status).
  ruleIds: [
    'PAIR.DESCRIBE.FIELDS',
    'PROTO.DESCRIBE_IS_PROJECTION',
    'PAIR.FAILOVER.SETTLES_FAILOVERED',
    'GROUP.OPS_ACT_ON_MEMBERS',
  ],
  create: rewriting(pairListing, (body) =>
    mapRows(body, 'ReplicaPairs', (r) => (r.Status === 'failovered' ? { ...r, Status: 'failed_over' } : r)),
  ),
};

export const rpoDropped: FaultProfile = {
  name: 'rpo-missing',
  description: 'DescribeDiskReplicaPairs leaves RPO out of every row',
  kind: 'field-dropped',
  operation: 'DescribeDiskReplicaPairs',
  ruleIds: ['PAIR.DESCRIBE.FIELDS', 'PROTO.DESCRIBE_IS_PROJECTION'],
  create: rewriting(pairListing, (body) => mapRows(body, 'ReplicaPairs', ({ RPO: _rpo, ...rest }) => rest)),
};

export const sizeAsString: FaultProfile = {
  name: 'disk-size-as-string',
  description: 'DescribeDisks answers Size as a string ("20") instead of an integer',
  kind: 'field-wrong-type',
  operation: 'DescribeDisks',
  ruleIds: [
    'DISK.DESCRIBE.FIELDS',
    'PROTO.DESCRIBE_IS_PROJECTION',
    'RESP.ECS.DESCRIBE_DISKS.DISKS.DISK.SIZE.INTEGER',
  ],
  create: rewriting(diskListing, (body) =>
    mapRows(body, 'Disks.Disk', (r) => ({ ...r, Size: String(r.Size) })),
  ),
};

export const staleAttaching: FaultProfile = {
  name: 'disk-stuck-attaching',
  description: 'DescribeDisks keeps showing an attached disk as Attaching: its status never reaches In_use',
  kind: 'stale-status',
  operation: 'DescribeDisks',
  stuckIn: 'Attaching',
  ruleIds: ['DISK.DESCRIBE.FIELDS', 'PROTO.DESCRIBE_IS_PROJECTION'],
  create: rewriting(diskListing, (body) =>
    mapRows(body, 'Disks.Disk', (r) => (r.Status === 'In_use' ? { ...r, Status: 'Attaching' } : r)),
  ),
};

/** The page size a listing call asked for (the documented default is 10). */
const pageSize = (call: ServiceCall) => Number(call.params.MaxResults ?? call.params.PageSize ?? 10);

export const fullPageLosesRow: FaultProfile = {
  name: 'full-page-loses-last-pair',
  description:
    'DescribeDiskReplicaPairs drops the last row of every full page (an off-by-one in the page window): a short listing misses a pair and a NextToken walk never sees one',
  kind: 'page-loses-item',
  operation: 'DescribeDiskReplicaPairs',
  // A pair left off the listing is no longer shown as the calls before left it.
  ruleIds: ['PAIR.DESCRIBE.TOKEN_PAGING', 'PAIR.DESCRIBE.NUMBERED_PAGING', 'PROTO.DESCRIBE_IS_PROJECTION'],
  create: rewriting(pairListing, (body, call) =>
    withRows(body, 'ReplicaPairs', (rows) => (rows.length === pageSize(call) ? rows.slice(0, -1) : rows)),
  ),
};

export const totalCountOffByOne: FaultProfile = {
  name: 'disk-total-count-off-by-one',
  description: 'DescribeDisks answers a TotalCount one higher than the disks it holds',
  kind: 'count-off-by-one',
  operation: 'DescribeDisks',
  ruleIds: ['DISK.DESCRIBE.PAGING'],
  create: rewriting(diskListing, (body) =>
    typeof body.TotalCount === 'number' ? { ...body, TotalCount: body.TotalCount + 1 } : body,
  ),
};

/** Remembers each deleted pair's rows and keeps listing them, marked deleted, once the service forgot them. */
class DeletedStillListed implements Deviation {
  /** pairId -> where it was listed (region and site) and the row it had there. */
  readonly #ghosts = new Map<string, { regionId: string; site: string; row: Row }[]>();

  async around(call: ServiceCall, next: NextService): Promise<ServiceBody> {
    if (isEbs(call, 'DeleteDiskReplicaPair')) return this.#delete(call, next);
    const body = await next(call);
    if (!pairListing(call) || this.#ghosts.size === 0) return body;
    // Added to the last page only, and only where there is room, so the page itself stays well formed.
    const p = call.params;
    if (str(body.NextToken) || str(p.ReplicaGroupId) !== undefined) return body;
    const site = str(p.Site) ?? 'production';
    const wanted = str(p.PairIds)?.split(',');
    const room = pageSize(call);
    return withRows(body, 'ReplicaPairs', (rows) => {
      const listed = new Set(rows.map((r) => String(r.ReplicaPairId)));
      const ghosts = [...this.#ghosts]
        .filter(([id]) => !listed.has(id) && (wanted === undefined || wanted.includes(id)))
        .flatMap(([, places]) => places.filter((g) => g.regionId === p.RegionId && g.site === site))
        .map((g) => ({ ...g.row, Status: 'deleted' }));
      return [...rows, ...ghosts].slice(0, Math.max(rows.length, room));
    });
  }

  async #delete(call: ServiceCall, next: NextService): Promise<ServiceBody> {
    const pairId = String(call.params.ReplicaPairId);
    const region = String(call.params.RegionId);
    const production = await readPair(next, call, region, pairId);
    const body = await next(call);
    if (!production) return body;
    const standbyRegion = String(production.StandbyRegion);
    const backup = await readPair(next, call, standbyRegion, pairId, 'backup');
    this.#ghosts.set(pairId, [
      { regionId: region, site: 'production', row: production },
      ...(backup ? [{ regionId: standbyRegion, site: 'backup', row: backup }] : []),
    ]);
    return body;
  }

  reset() {
    this.#ghosts.clear();
  }
}

export const deletedStillListed: FaultProfile = {
  name: 'deleted-pair-still-listed',
  description: 'A deleted pair never leaves DescribeDiskReplicaPairs: it stays listed with Status deleted',
  kind: 'deleted-still-listed',
  operation: 'DeleteDiskReplicaPair',
  ruleIds: ['PAIR.DELETE.SETTLES_GONE'],
  observedIn: { operation: 'DescribeDiskReplicaPairs', ruleIds: ['PROTO.DESCRIBE_IS_PROJECTION'] },
  create: () => new DeletedStillListed(),
};

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';
/** Another pair's ID of the same shape: each character of the tail mirrored in base 36 (0<->z, 1<->y, ...). */
const phantomId = (id: string) =>
  id.replace(/[0-9a-z]{6}$/, (tail) => [...tail].map((c) => BASE36[35 - BASE36.indexOf(c)]).join(''));

export const phantomRow: FaultProfile = {
  name: 'phantom-pair-listed',
  description:
    'The last page of DescribeDiskReplicaPairs holds one pair more than exist: a copy of its last row under an ID no pair has, counted in TotalCount',
  kind: 'phantom-row',
  operation: 'DescribeDiskReplicaPairs',
  // A copy of a real row: besides being a pair nobody has, it puts the same disks in two live pairs.
  ruleIds: ['PROTO.DESCRIBE_IS_PROJECTION', 'PAIR.DESCRIBE.PAIR_IDS', 'PAIR.CREATE.ONE_PAIR_PER_DISK'],
  create: rewriting(pairListing, (body, call) => {
    const rows = rowsAt(body, 'ReplicaPairs');
    const last = rows.at(-1);
    if (!last || str(body.NextToken) || rows.length >= pageSize(call)) return body;
    const phantom = { ...last, ReplicaPairId: phantomId(String(last.ReplicaPairId)) };
    const counted = typeof body.TotalCount === 'number' ? { TotalCount: body.TotalCount + 1 } : {};
    return { ...withRows(body, 'ReplicaPairs', (r) => [...r, phantom]), ...counted };
  }),
};

/** A token-paged listing (MaxResults or NextToken given): the mode whose last page ends a walk. */
const tokenPaged = (call: ServiceCall) =>
  call.params.NextToken !== undefined || call.params.MaxResults !== undefined;

export const walkLosesLastRow: FaultProfile = {
  name: 'walk-loses-last-pair',
  description:
    'DescribeDiskReplicaPairs in token paging drops the last row of the page that ends the walk (no NextToken follows): the walk completes without one pair',
  kind: 'walk-loses-item',
  operation: 'DescribeDiskReplicaPairs',
  // A pair left off the listing is no longer shown as the calls before left it.
  ruleIds: ['PAIR.DESCRIBE.TOKEN_PAGING', 'PROTO.DESCRIBE_IS_PROJECTION'],
  create: rewriting(
    (call) => pairListing(call) && tokenPaged(call),
    (body) => (str(body.NextToken) ? body : withRows(body, 'ReplicaPairs', (rows) => rows.slice(0, -1))),
  ),
};

export const LISTING_PROFILES = [
  statusRenamed,
  rpoDropped,
  sizeAsString,
  staleAttaching,
  fullPageLosesRow,
  totalCountOffByOne,
  deletedStillListed,
  phantomRow,
  walkLosesLastRow,
];
