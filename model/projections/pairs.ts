import type { Site as SiteName } from '../../api';
import * as api from '../../api';
import { listedAs } from '../../api/resources';
import { decide, type Handler, list, str } from '../context';
import { observe, refuse } from '../expectation';
import { progressBounds, reversedUnsynced } from '../lifecycle';
import { earRegionViolation, findPair } from '../lookup';
import { destinationOf, type ModelState, type Pair, sourceOf } from '../state';
import { describeFilter, taggedRow } from '../tags';
import { nextTokenPresent, pageFacts, pageOf } from './paging';

export type Row = Readonly<Record<string, unknown>>;

/**
 * What DescribeDiskReplicaPairs shows for a pair (PAIR.DESCRIBE.FIELDS). Time fields are left out:
 * the model cannot know the target's clock to the second.
 */
export function pairRow(state: ModelState, pair: Pair, site: SiteName): Row {
  const source = sourceOf(pair);
  const destination = destinationOf(pair);
  const group = pair.groupId ? state.groups[pair.groupId] : undefined;
  return {
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
    // PAIR.STATUS_MESSAGE_SCOPE
    ...(pair.status === 'invalid' || pair.status === 'create_failed'
      ? { StatusMessage: pair.statusMessage ?? '' }
      : {}),
    RPO: pair.rpo,
    Bandwidth: pair.bandwidth,
    ChargeType: pair.chargeType,
    Site: site,
    ...(pair.name !== undefined ? { PairName: pair.name } : {}),
    ...(pair.description !== undefined ? { Description: pair.description } : {}),
    ...(group ? { ReplicaGroupId: group.id, ...(group.name ? { ReplicaGroupName: group.name } : {}) } : {}),
    ...taggedRow(pair),
  };
}

export interface PairQuery {
  readonly regionId: string;
  readonly site?: SiteName;
  readonly pairIds?: readonly string[];
  /** A group ID, or `-` for pairs in no group. */
  readonly groupId?: string;
  /** The Tag and ResourceGroupId filters. */
  readonly keep?: (p: Pair) => boolean;
}

/** The pairs a region lists for a query, in creation order (PAIR.DESCRIBE.*). */
export function listPairs(state: ModelState, q: PairQuery): Pair[] {
  const site = q.site ?? 'production';
  return Object.values(state.pairs)
    .filter((p) => (site === 'production' ? p.primary.regionId : p.standby.regionId) === q.regionId)
    .filter((p) => q.pairIds === undefined || q.pairIds.includes(p.id))
    .filter((p) => q.groupId === undefined || (q.groupId === '-' ? !p.groupId : p.groupId === q.groupId))
    .filter((p) => q.keep === undefined || q.keep(p))
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export const describePairs: Handler = (ctx) => {
  const ear = earRegionViolation(ctx);
  if (ear) return refuse([ear]);
  const site = (str(ctx.params.Site) ?? 'production') as SiteName;
  // An empty PairIds means all pairs (PAIR.DESCRIBE.EMPTY_PAIR_IDS_ALL).
  const listed = list(ctx.params.PairIds);
  const pairIds = listed?.length ? listed : undefined;
  const groupId = str(ctx.params.ReplicaGroupId);
  const filter = describeFilter(ctx.params);
  const pairs = listPairs(ctx.state, {
    regionId: String(ctx.params.RegionId),
    site,
    ...(pairIds ? { pairIds } : {}),
    ...(groupId ? { groupId } : {}),
    keep: filter.keep,
  });
  const page = pageOf(ctx.params, { maxResults: 10, pageSize: 10 });
  const rows = pairs.map((p) => pairRow(ctx.state, p, site));
  return observe(ctx.state, {
    rules: [
      'PROTO.DESCRIBE_IS_PROJECTION',
      'PAIR.DESCRIBE.FIELDS',
      'PAIR.STATUS_MESSAGE_SCOPE',
      site === 'production' ? 'PAIR.DESCRIBE.SITE_PRODUCTION_DEFAULT' : 'PAIR.DESCRIBE.SITE_BACKUP',
      ...(pairIds ? ['PAIR.DESCRIBE.PAIR_IDS'] : []),
      ...(listed && !pairIds ? ['PAIR.DESCRIBE.EMPTY_PAIR_IDS_ALL'] : []),
      ...(groupId ? ['PAIR.DESCRIBE.GROUP_FILTER'] : []),
      ...filter.rules,
      page.mode === 'token' ? 'PAIR.DESCRIBE.TOKEN_PAGING' : 'PAIR.DESCRIBE.NUMBERED_PAGING',
      ...(page.mode === 'token' && !page.continued ? ['PAIR.DESCRIBE.NEXT_TOKEN_WHEN_MORE'] : []),
    ],
    present: nextTokenPresent(rows.length, page),
    facts: pageFacts(rows.length, page),
    listing: { ...listedAs('pair'), rows, page },
  });
};

export const describeProgress: Handler = (ctx) => {
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
