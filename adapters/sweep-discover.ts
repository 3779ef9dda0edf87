/**
 * What of a run is still on the account, asked of the account itself (never of memory): the
 * groups, pairs and disks carrying the run tag, plus any the journal names by ID, in every region
 * that offers async replication. Listings are walked page by page.
 */
import { listingOf, listingRows, packIds, type ResourceListing } from '../api/resources';
import { RUN_TAG_KEY } from './namespace';
import type { Outcome, Target } from './target';

const EBS = { product: 'ebs', version: '2021-07-30' } as const;
const MAX_PAGES = 50;

type Row = Readonly<Record<string, unknown>>;

export interface FoundGroup {
  readonly id: string;
  readonly status: string;
  readonly source: string;
  readonly destination: string;
  readonly pairIds: readonly string[];
}
export interface FoundPair {
  readonly id: string;
  readonly status: string;
  readonly source: string;
  readonly destination: string;
  readonly groupId: string | undefined;
}
export interface FoundDisk {
  readonly id: string;
  readonly status: string;
  readonly region: string;
  readonly instanceId: string | undefined;
}
export interface Found {
  readonly groups: readonly FoundGroup[];
  readonly pairs: readonly FoundPair[];
  readonly disks: readonly FoundDisk[];
}

/** Which resources to look for: by tag value (`all` = any value), and by ID per region. */
export interface Wanted {
  readonly tagValues: readonly string[] | 'all';
  readonly ids: Readonly<Record<string, { disks: string[]; pairs: string[]; groups: string[] }>>;
}

export class SweepError extends Error {
  override readonly name = 'SweepError';
}

/** Why a call did not succeed, in one line: `Code (HTTP n)` or `reason: message`. */
export function whyFailed(o: Exclude<Outcome, { kind: 'success' }>): string {
  return o.kind === 'error' ? `${o.code} (HTTP ${o.httpStatus})` : `${o.reason}: ${o.message}`;
}

/** Every row of a listing in one region, walked page by page the way the listing pages. */
async function listAll(
  target: Target,
  listing: ResourceListing,
  params: Readonly<Record<string, unknown>>,
): Promise<Row[]> {
  const numbered = listing.paging[0] === 'number';
  const call = { product: listing.product, version: listing.version, action: listing.action };
  const rows: Row[] = [];
  let token: string | undefined;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const paging = numbered
      ? { PageSize: 100, PageNumber: page }
      : { MaxResults: 100, ...(token ? { NextToken: token } : {}) };
    const exchange = await target.send({ ...call, params: { ...params, ...paging } });
    const o = exchange.outcome;
    if (o.kind !== 'success')
      throw new SweepError(`${call.action} in ${String(params.RegionId)} failed: ${whyFailed(o)}`);
    const list = listingRows(listing, o.body) ?? [];
    rows.push(...list);
    token = typeof o.body.NextToken === 'string' && o.body.NextToken !== '' ? o.body.NextToken : undefined;
    if (numbered ? list.length < 100 : !token) break;
  }
  return rows;
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** The filters of one region's listings: one per tag value, one per ID list. */
function filters(wanted: Wanted, region: string, kind: Kind) {
  const listing = listingOf(LISTED[kind].kind);
  const out: Record<string, unknown>[] =
    wanted.tagValues === 'all'
      ? [{ Tag: [{ Key: RUN_TAG_KEY }] }]
      : wanted.tagValues.map((v) => ({ Tag: [{ Key: RUN_TAG_KEY, Value: v }] }));
  const ids = wanted.ids[region]?.[kind] ?? [];
  for (let i = 0; i < ids.length; i += 100)
    out.push({ [listing.filter.param]: packIds(listing, ids.slice(i, i + 100)) });
  return out;
}

type Kind = 'groups' | 'pairs' | 'disks';

/** Which resource each kind is, and what the sweep keeps of a row (the region it was listed in given). */
const LISTED = {
  groups: {
    kind: 'group',
    found: (r: Row, id: string): FoundGroup => ({
      id,
      status: String(r.Status),
      source: String(r.SourceRegionId),
      destination: String(r.DestinationRegionId),
      pairIds: Array.isArray(r.PairIds) ? r.PairIds.map(String) : [],
    }),
  },
  pairs: {
    kind: 'pair',
    found: (r: Row, id: string): FoundPair => ({
      id,
      status: String(r.Status),
      source: String(r.SourceRegion),
      destination: String(r.DestinationRegion),
      groupId: str(r[listingOf('group').idField]),
    }),
  },
  disks: {
    kind: 'disk',
    found: (r: Row, id: string, region: string): FoundDisk => ({
      id,
      status: String(r.Status),
      region: String(r.RegionId ?? region),
      instanceId: str(r.InstanceId),
    }),
  },
} as const;

async function collect<K extends Kind>(
  target: Target,
  regions: readonly string[],
  wanted: Wanted,
  kind: K,
): Promise<ReturnType<(typeof LISTED)[K]['found']>[]> {
  const byId = new Map<string, ReturnType<(typeof LISTED)[K]['found']>>();
  const { kind: resource, found } = LISTED[kind];
  const listing = listingOf(resource);
  for (const RegionId of regions)
    for (const f of filters(wanted, RegionId, kind))
      for (const r of await listAll(target, listing, { RegionId, ...f })) {
        const item = found(r, String(r[listing.idField]), RegionId) as ReturnType<
          (typeof LISTED)[K]['found']
        >;
        byId.set(item.id, item);
      }
  return [...byId.values()];
}

export async function discover(target: Target, regions: readonly string[], wanted: Wanted): Promise<Found> {
  const live = (x: { status: string }) => x.status !== 'deleted';
  return {
    groups: (await collect(target, regions, wanted, 'groups')).filter(live),
    pairs: (await collect(target, regions, wanted, 'pairs')).filter(live),
    disks: await collect(target, regions, wanted, 'disks'),
  };
}

/** The regions that offer async replication, from DescribeRegions (`ear`). */
export async function replicationRegions(target: Target): Promise<string[]> {
  const exchange = await target.send({ ...EBS, action: 'DescribeRegions', params: { ResourceType: 'ear' } });
  const o = exchange.outcome;
  if (o.kind !== 'success') throw new SweepError(`DescribeRegions failed: ${whyFailed(o)}`);
  const regions = Array.isArray(o.body.Regions) ? (o.body.Regions as Row[]) : [];
  return regions.map((r) => String(r.RegionId));
}
