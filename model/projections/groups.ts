import type { Site as SiteName } from '../../api';
import * as api from '../../api';
import { listedAs } from '../../api/resources';
import { decide, type Handler, list, str } from '../context';
import { observe, refuse } from '../expectation';
import { listedRecoveryBounds } from '../lifecycle';
import { earRegionViolation } from '../lookup';
import { derived, destinationOf, type Group, type ModelState, membersOf, sourceOf } from '../state';
import { describeFilter, EMPTY_TAG_VALUE, taggedRow } from '../tags';
import { nextTokenPresent, pageFacts, pageOf } from './paging';
import { byCreation, type Row } from './pairs';

/** Built field by field below: a copy of it with rows added took V8 (Node 20) its slow path, about a microsecond. */
const GROUP_LISTING = listedAs('group');

/** What DescribeDiskReplicaGroups shows for a group (GROUP.DESCRIBE.MEMBERS). */
export function groupRow(state: ModelState, g: Group, site: SiteName): Row {
  const source = sourceOf(g);
  const destination = destinationOf(g);
  const members = membersOf(state, g.id)
    .map((p) => p.id)
    .sort();
  return {
    ReplicaGroupId: g.id,
    SourceRegionId: source.regionId,
    SourceZoneId: source.zoneId,
    DestinationRegionId: destination.regionId,
    DestinationZoneId: destination.zoneId,
    PrimaryRegion: g.primary.regionId,
    PrimaryZone: g.primary.zoneId,
    StandbyRegion: g.standby.regionId,
    StandbyZone: g.standby.zoneId,
    Status: g.status,
    RPO: g.rpo,
    Bandwidth: g.bandwidth,
    Site: site,
    PairIds: members,
    PairNumber: members.length,
    ...(g.name !== undefined ? { GroupName: g.name } : {}),
    ...(g.description !== undefined ? { Description: g.description } : {}),
    ...taggedRow(g),
  };
}

export function listGroups(
  state: ModelState,
  q: { regionId: string; site?: SiteName; groupIds?: readonly string[]; keep?: (g: Group) => boolean },
): Group[] {
  const site = q.site ?? 'production';
  const { regionId, groupIds, keep } = q;
  return groupsInOrder(state.groups).filter(
    (g) =>
      (site === 'production' ? g.primary.regionId : g.standby.regionId) === regionId &&
      (groupIds === undefined || groupIds.includes(g.id)) &&
      (keep === undefined || keep(g)),
  );
}

/** The state's groups in creation order, sorted once per collection rather than at every listing. */
const groupsInOrder = derived((groups: Readonly<Record<string, Group>>) =>
  Object.values(groups).sort(byCreation),
);

export const describeGroups: Handler<typeof api.DescribeDiskReplicaGroups> = (ctx) => {
  const ear = earRegionViolation(ctx);
  if (ear) return refuse([ear]);
  const site = (str(ctx.params.Site) ?? 'production') as SiteName;
  const groupIds = list(ctx.params.GroupIds);
  const filter = describeFilter(ctx.params, ctx.state);
  // Literals, absent filters undefined: spread copies that add a field take V8's slow path.
  const regionId = String(ctx.params.RegionId);
  const groups = listGroups(ctx.state, { regionId, site, groupIds, keep: filter.keep });
  const page = pageOf(ctx.params, { maxResults: 10, pageSize: 10 });
  const rows = groups.map((g) => groupRow(ctx.state, g, site));
  // Rows only the reading tag-filter-empty-value=any-value lists: TotalCount depends on it.
  const widened = filter.widened
    ? listGroups(ctx.state, { regionId, site, groupIds, keep: filter.widened }).map((g) =>
        groupRow(ctx.state, g, site),
      )
    : [];
  const loose = emptyGroupsLoose(ctx.state, [...rows, ...widened]);
  const { TotalCount: _, ...uncounted } = pageFacts(rows.length, page);
  const recovery = listedRecoveryBounds(groups, ctx.now);
  return observe(ctx.state, {
    rules: [
      'PROTO.DESCRIBE_IS_PROJECTION',
      'GROUP.DESCRIBE.FILTERS',
      'GROUP.DESCRIBE.MEMBERS',
      ...filter.rules,
      page.mode === 'token' ? 'PAIR.DESCRIBE.TOKEN_PAGING' : 'PAIR.DESCRIBE.NUMBERED_PAGING',
      ...(page.mode === 'token' && !page.continued ? ['PAIR.DESCRIBE.NEXT_TOKEN_WHEN_MORE'] : []),
      ...recovery.rules,
    ],
    present: nextTokenPresent(rows.length, page),
    facts: widened.length > 0 ? uncounted : pageFacts(rows.length, page),
    listing: {
      field: GROUP_LISTING.field,
      idField: GROUP_LISTING.idField,
      rows,
      page,
      ...(loose ? { loose } : {}),
      ...(widened.length > 0 ? { open: { ...EMPTY_TAG_VALUE, rows: widened } } : {}),
      ...(recovery.bounds ? { bounds: recovery.bounds } : {}),
    },
  });
};

/**
 * The reading empty-group-pair-ids: unless a run fixed `empty-list`, an empty group may leave
 * PairIds and PairNumber out; given, they are `[]` and 0. Which way the target answers is read
 * from the answer itself (properties/readings.ts), so a switch is caught there.
 */
function emptyGroupsLoose(state: ModelState, rows: readonly Row[]) {
  if (state.readings?.['empty-group-pair-ids'] === 'empty-list') return undefined;
  const empty = rows.filter((r) => r.PairNumber === 0);
  if (empty.length === 0) return undefined;
  const omitted = { PairIds: [undefined], PairNumber: [undefined] };
  return Object.fromEntries(empty.map((r) => [String(r.ReplicaGroupId), omitted]));
}

export const DECISIONS = [decide(api.DescribeDiskReplicaGroups, describeGroups)];
