import type { Site as SiteName } from '../../api';
import * as api from '../../api';
import { listedAs } from '../../api/resources';
import { decide, type Handler, list, str } from '../context';
import { observe, refuse } from '../expectation';
import { listedRecoveryBounds } from '../lifecycle';
import { earRegionViolation } from '../lookup';
import { derived, destinationOf, type Group, type ModelState, membersOf, sourceOf } from '../state';
import { describeFilter, EMPTY_TAG_VALUE, taggedRow } from '../tags';
import { nextTokenPresent, pageFacts, pageOf, pushPagingRules } from './paging';
import { byCreation, type Row, withoutTotal } from './pairs';

/** Built field by field below: a copy of it with rows added took V8 (Node 20) its slow path, about a microsecond. */
const GROUP_LISTING = listedAs('group');

/** What DescribeDiskReplicaGroups shows for a group (GROUP.DESCRIBE.MEMBERS). */
export function groupRow(state: ModelState, g: Group, site: SiteName): Row {
  const source = sourceOf(g);
  const destination = destinationOf(g);
  const members = membersOf(state, g.id)
    .map((p) => p.id)
    .sort();
  // Field by field in the order the listing shows them: spreading a new object for each optional
  // field was most of building a row.
  const row: Record<string, unknown> = {
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
  };
  if (g.name !== undefined) row.GroupName = g.name;
  if (g.description !== undefined) row.Description = g.description;
  return Object.assign(row, taggedRow(g));
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
  const { state } = ctx;
  const site = (str(ctx.params.Site) ?? 'production') as SiteName;
  const groupIds = list(ctx.params.GroupIds);
  const filter = describeFilter(ctx.params, state);
  // Literals, absent filters undefined: spread copies that add a field take V8's slow path.
  const regionId = String(ctx.params.RegionId);
  const groups = listGroups(state, { regionId, site, groupIds, keep: filter.keep });
  const page = pageOf(ctx.params, { maxResults: 10, pageSize: 10 });
  const rows = groupRows(state, groups, site);
  // Rows only the reading tag-filter-empty-value=any-value lists: TotalCount depends on it.
  const widened = filter.widened
    ? groupRows(state, listGroups(state, { regionId, site, groupIds, keep: filter.widened }), site)
    : NO_ROWS;
  const loose = emptyGroupsLoose(state, rows, widened);
  const counted = pageFacts(rows.length, page);
  const recovery = listedRecoveryBounds(groups, ctx.now);
  // Pushed in order rather than spread from pieces: every settle read of a group builds this.
  const rules = ['PROTO.DESCRIBE_IS_PROJECTION', 'GROUP.DESCRIBE.FILTERS', 'GROUP.DESCRIBE.MEMBERS'];
  rules.push(...filter.rules);
  pushPagingRules(rules, page);
  rules.push(...recovery.rules);
  return observe(state, {
    rules,
    present: nextTokenPresent(rows.length, page),
    facts: widened.length > 0 ? withoutTotal(counted) : counted,
    listing: {
      field: GROUP_LISTING.field,
      idField: GROUP_LISTING.idField,
      rows,
      page,
      loose,
      open: widened.length > 0 ? { ...EMPTY_TAG_VALUE, rows: widened } : undefined,
      bounds: recovery.bounds,
    },
  });
};

const NO_ROWS: readonly Row[] = [];

function groupRows(state: ModelState, groups: readonly Group[], site: SiteName): Row[] {
  const rows: Row[] = [];
  for (const g of groups) rows.push(groupRow(state, g, site));
  return rows;
}

/**
 * The reading empty-group-pair-ids: unless a run fixed `empty-list`, an empty group may leave
 * PairIds and PairNumber out; given, they are `[]` and 0. Which way the target answers is read
 * from the answer itself (properties/readings.ts), so a switch is caught there.
 */
function emptyGroupsLoose(state: ModelState, ...lists: readonly (readonly Row[])[]) {
  if (state.readings?.['empty-group-pair-ids'] === 'empty-list') return undefined;
  let loose: Record<string, typeof OMITTED> | undefined;
  for (const rows of lists)
    for (const r of rows)
      if (r.PairNumber === 0) {
        loose ??= {};
        loose[String(r.ReplicaGroupId)] = OMITTED;
      }
  return loose;
}

const OMITTED = { PairIds: [undefined], PairNumber: [undefined] };

export const DECISIONS = [decide(api.DescribeDiskReplicaGroups, describeGroups)];
