import type { Site as SiteName } from '../../api';
import * as api from '../../api';
import { listedAs } from '../../api/resources';
import { decide, type Handler, list, str } from '../context';
import { type ListingFacts, type OpenRows, observe, refuse } from '../expectation';
import { listedRecoveryBounds, progressBounds, reversedUnsynced } from '../lifecycle';
import { earRegionViolation, findPair } from '../lookup';
import { derived, destinationOf, type ModelState, type Pair, type Replication, sourceOf } from '../state';
import { describeFilter, EMPTY_TAG_VALUE, taggedRow } from '../tags';
import { nextTokenPresent, pageFacts, pageOf, pushPagingRules } from './paging';

/** Built field by field below: a copy of it with rows added took V8 (Node 20) its slow path, about a microsecond. */
const PAIR_LISTING = listedAs('pair');

export type Row = Readonly<Record<string, unknown>>;

/**
 * What DescribeDiskReplicaPairs shows for a pair (PAIR.DESCRIBE.FIELDS). Time fields are left out:
 * the model cannot know the target's clock to the second.
 */
export function pairRow(state: ModelState, pair: Pair, site: SiteName): Row {
  const source = sourceOf(pair);
  const destination = destinationOf(pair);
  const group = pair.groupId ? state.groups[pair.groupId] : undefined;
  // Field by field in the order the listing shows them: a describe builds a row per pair, and
  // spreading a new object for each optional field was most of the projection's cost.
  const row: Record<string, unknown> = {
    ReplicaPairId: pair.id,
    SourceRegion: source.regionId,
    SourceZoneId: source.zoneId,
    SourceDiskId: source.diskId,
    DestinationRegion: destination.regionId,
    DestinationZoneId: destination.zoneId,
    DestinationDiskId: destination.diskId,
    PrimaryRegion: pair.primary.regionId,
    PrimaryZone: pair.primary.zoneId,
    StandbyRegion: pair.standby.regionId,
    StandbyZone: pair.standby.zoneId,
    Status: pair.status,
  };
  // PAIR.STATUS_MESSAGE_SCOPE
  if (pair.status === 'invalid' || pair.status === 'create_failed')
    row.StatusMessage = pair.statusMessage ?? '';
  row.RPO = pair.rpo;
  row.Bandwidth = pair.bandwidth;
  row.ChargeType = pair.chargeType;
  row.Site = site;
  if (pair.name !== undefined) row.PairName = pair.name;
  if (pair.description !== undefined) row.Description = pair.description;
  if (group) {
    row.ReplicaGroupId = group.id;
    if (group.name) row.ReplicaGroupName = group.name;
  }
  return Object.assign(row, taggedRow(pair));
}

/** The alternatives of the reading pair-listing (api/readings.ts). */
export type PairListing = 'site' | 'either-disk';

export interface PairQuery {
  readonly regionId: string;
  readonly site?: SiteName;
  /** How the region lists pairs (the reading pair-listing): `site` unless given. */
  readonly listing?: PairListing;
  readonly pairIds?: readonly string[];
  /** A group ID, or `-` for pairs in no group. */
  readonly groupId?: string;
  /** The Tag and ResourceGroupId filters. */
  readonly keep?: (p: Pair) => boolean;
}

/**
 * The Site a region shows a pair under, or undefined where it does not list it. `site`: the
 * initial site of the requested kind is in the region. `either-disk`: either disk is, and the
 * row names the site the region is for the pair (production where its primary is).
 */
export function listedAt(
  p: Pair,
  regionId: string,
  site: SiteName,
  listing: PairListing,
): SiteName | undefined {
  if (listing === 'site')
    return (site === 'production' ? p.primary.regionId : p.standby.regionId) === regionId ? site : undefined;
  if (p.primary.regionId === regionId) return 'production';
  return p.standby.regionId === regionId ? 'backup' : undefined;
}

/** The pairs a region lists for a query, in creation order (PAIR.DESCRIBE.*). */
export function listPairs(state: ModelState, q: PairQuery): Pair[] {
  const site = q.site ?? 'production';
  const listing = q.listing ?? 'site';
  return selected(state, q).filter((p) => listedAt(p, q.regionId, site, listing) !== undefined);
}

/** Pairs and groups list in creation order (ties: by ID). */
export const byCreation = (a: Replication, b: Replication) =>
  a.createdAt - b.createdAt || a.id.localeCompare(b.id);

/** The state's pairs in creation order, sorted once per collection rather than at every listing. */
const pairsInOrder = derived((pairs: Readonly<Record<string, Pair>>) =>
  Object.values(pairs).sort(byCreation),
);

/** The pairs the query's filters other than the region select, in creation order. */
function selected(state: ModelState, q: PairQuery): Pair[] {
  const { pairIds, groupId, keep } = q;
  return pairsInOrder(state.pairs).filter(
    (p) =>
      (pairIds === undefined || pairIds.includes(p.id)) &&
      (groupId === undefined || (groupId === '-' ? !p.groupId : p.groupId === groupId)) &&
      (keep === undefined || keep(p)),
  );
}

export const describePairs: Handler<typeof api.DescribeDiskReplicaPairs> = (ctx) => {
  const ear = earRegionViolation(ctx);
  if (ear) return refuse([ear]);
  const { state } = ctx;
  const site = (str(ctx.params.Site) ?? 'production') as SiteName;
  // An empty PairIds means all pairs (PAIR.DESCRIBE.EMPTY_PAIR_IDS_ALL).
  const listed = list(ctx.params.PairIds);
  const pairIds = listed?.length ? listed : undefined;
  const groupId = str(ctx.params.ReplicaGroupId);
  const filter = describeFilter(ctx.params, state);
  // One literal, absent filters undefined: conditional spreads copied it on V8's slow path.
  const query: PairQuery = {
    regionId: String(ctx.params.RegionId),
    site,
    pairIds,
    groupId,
    keep: filter.keep,
  };
  const { pairs, open, listing } = pairListing(state, query);
  const page = pageOf(ctx.params, { maxResults: 10, pageSize: 10 });
  const rows = pairRows(state, pairs, query.regionId, site, listing);
  // While the reading is open: a pair both alternatives list may be shown under the Site its
  // disks give it (a same-region pair), and TotalCount counts the pairs either way.
  // Rows only the reading tag-filter-empty-value=any-value lists. Beside rows the open
  // pair-listing may list too, the listing holds two open readings at once: its rows go unjudged.
  const widened = filter.widened ? listPairs(state, { ...query, listing, keep: filter.widened }) : [];
  const loose = open && looseSites(pairs, widened, query.regionId, site, open.listed as PairListing);
  // Literals, not spread copies: while pair-listing is open (most runs) every listing builds one.
  const pairOpen: OpenRows | undefined = open?.rows.length
    ? openRows(open, pairRows(state, open.rows, query.regionId, site, 'either-disk'))
    : widened.length > 0
      ? openRows(EMPTY_TAG_VALUE, pairRows(state, widened, query.regionId, site, listing))
      : open && openRows(open, []);
  // A pair only the two open alternatives together list (its disk only either-disk places in the
  // region, its tag only any-value matches) is as open: with one, the listing goes unjudged too.
  const onlyBoth =
    open !== undefined &&
    filter.widened !== undefined &&
    listPairs(state, { ...query, listing: 'either-disk', keep: filter.widened }).length > widened.length;
  const twoOpen = (widened.length > 0 && (open?.rows.length ?? 0) > 0) || onlyBoth;
  const recovery = listedRecoveryBounds(pairs, ctx.now);
  const counted = pageFacts(rows.length, page);
  // Pushed in order rather than spread from pieces: every settle read of a pair builds this.
  const rules = [
    'PROTO.DESCRIBE_IS_PROJECTION',
    'PAIR.DESCRIBE.FIELDS',
    'PAIR.STATUS_MESSAGE_SCOPE',
    site === 'production' ? 'PAIR.DESCRIBE.SITE_PRODUCTION_DEFAULT' : 'PAIR.DESCRIBE.SITE_BACKUP',
  ];
  if (pairIds) rules.push('PAIR.DESCRIBE.PAIR_IDS');
  else if (listed) rules.push('PAIR.DESCRIBE.EMPTY_PAIR_IDS_ALL');
  if (groupId) rules.push('PAIR.DESCRIBE.GROUP_FILTER');
  rules.push(...filter.rules);
  pushPagingRules(rules, page);
  rules.push(...recovery.rules);
  const present = nextTokenPresent(rows.length, page);
  if (pairOpen && 'TotalCount' in counted) present.push('TotalCount');
  return observe(state, {
    rules,
    present,
    facts: pairOpen?.rows.length ? withoutTotal(counted) : counted,
    listing: twoOpen
      ? undefined
      : {
          field: PAIR_LISTING.field,
          idField: PAIR_LISTING.idField,
          rows,
          page,
          open: pairOpen,
          loose,
          bounds: recovery.bounds,
        },
  });
};

/** The rows of `pairs` as the region lists them under the reading's alternative `as`. */
function pairRows(
  state: ModelState,
  pairs: readonly Pair[],
  regionId: string,
  site: SiteName,
  as: PairListing,
): Row[] {
  const rows: Row[] = [];
  for (const p of pairs) rows.push(pairRow(state, p, listedAt(p, regionId, site, as) ?? site));
  return rows;
}

/** The Site each listed pair may show under the other alternative of pair-listing, where it differs. */
function looseSites(
  pairs: readonly Pair[],
  widened: readonly Pair[],
  regionId: string,
  site: SiteName,
  other: PairListing,
): ListingFacts['loose'] {
  let loose: Record<string, Record<string, unknown[]>> | undefined;
  for (const some of [pairs, widened])
    for (const p of some) {
      const shown = listedAt(p, regionId, site, other);
      if (shown === site) continue;
      loose ??= {};
      loose[p.id] = { Site: [shown] };
    }
  return loose;
}

const openRows = (o: Omit<OpenRows, 'rows'>, rows: OpenRows['rows']): OpenRows => ({
  reading: o.reading,
  listed: o.listed,
  unlisted: o.unlisted,
  rows,
});

/** A numbered page's facts without TotalCount, which an open reading leaves undecided. */
export const withoutTotal = ({ TotalCount: _, ...facts }: Record<string, unknown>) => facts;

/**
 * The pairs a query lists under the reading pair-listing: the alternative fixed for the run, or
 * while it is open the pairs both alternatives list, and (open) those only `either-disk` lists.
 */
export function pairListing(
  state: ModelState,
  q: PairQuery,
): { pairs: Pair[]; listing: PairListing; open?: Omit<OpenRows, 'rows'> & { rows: Pair[] } } {
  const fixed = state.readings?.['pair-listing'] as PairListing | undefined;
  if (fixed !== undefined) return { pairs: listPairs(state, { ...q, listing: fixed }), listing: fixed };
  // One pass for both alternatives: the filters are the same, only the region test differs.
  const site = q.site ?? 'production';
  const pairs: Pair[] = [];
  const rows: Pair[] = [];
  for (const p of selected(state, q)) {
    if (listedAt(p, q.regionId, site, 'site') !== undefined) pairs.push(p);
    else if (listedAt(p, q.regionId, site, 'either-disk') !== undefined) rows.push(p);
  }
  return {
    pairs,
    listing: 'site',
    open: { reading: 'pair-listing', listed: 'either-disk', unlisted: 'site', rows },
  };
}

export const describeProgress: Handler<typeof api.DescribeDiskReplicaPairProgress> = (ctx) => {
  const found = findPair(ctx);
  if ('refusal' in found) return found.refusal;
  const synced = found.found.lastRecoverPoint !== undefined;
  const open = reversedUnsynced(found.found);
  const normal = found.found.status === 'normal';
  const recovery = progressBounds(found.found, ctx.now);
  return observe(ctx.state, {
    rules: [
      'PROTO.DESCRIBE_IS_PROJECTION',
      'PAIR.PROGRESS.RECOVER_POINT_AFTER_START',
      'PAIR.DESCRIBE.TIMES_IN_SECONDS',
      ...(normal ? ['PAIR.PROGRESS.FULL_ONCE_NORMAL'] : []),
      ...recovery.rules,
    ],
    ...(normal ? { facts: { Progress: 100 } } : {}),
    present: ['Progress', ...(synced && !open ? ['RecoverPoint'] : [])],
    absent: synced ? [] : ['RecoverPoint'],
    ...(recovery.bounds ? { bounds: recovery.bounds } : {}),
  });
};

export const DECISIONS = [
  decide(api.DescribeDiskReplicaPairs, describePairs),
  decide(api.DescribeDiskReplicaPairProgress, describeProgress),
];
