import * as api from '../../api';
import { listedAs } from '../../api/resources';
import { bool, decide, type Handler, int, list, str } from '../context';
import { allowed, deny, observe, refuse } from '../expectation';
import { type Disk, derived, diskStatus, type ModelState } from '../state';
import { describeFilter, EMPTY_TAG_VALUE } from '../tags';
import { pagingRule } from '../validate';
import { findRegion } from '../world';
import { pageFacts, pageOf } from './paging';
import { type Row, withoutTotal } from './pairs';

/** Built field by field below: a copy of it with rows added took V8 (Node 20) its slow path, about a microsecond. */
const DISK_LISTING = listedAs('disk');

/** What DescribeDisks shows for a disk (DISK.DESCRIBE.FIELDS). */
export function diskRow(disk: Disk): Row {
  const status = diskStatus(disk);
  // Field by field in the listing's order: a spread for each optional field copied the row.
  const row: Record<string, unknown> = {
    DiskId: disk.id,
    RegionId: disk.regionId,
    ZoneId: disk.zoneId,
    Category: disk.category,
  };
  if (disk.performanceLevel) row.PerformanceLevel = disk.performanceLevel;
  row.Size = disk.size;
  row.Status = status;
  row.Encrypted = disk.encrypted;
  if (status === 'In_use' && disk.instanceId) row.InstanceId = disk.instanceId;
  return row;
}

export interface DiskQuery {
  readonly regionId: string;
  readonly zoneId?: string;
  readonly diskIds?: readonly string[];
  readonly instanceId?: string;
  readonly status?: string;
  readonly category?: string;
  /** DiskType: every disk a run creates is a data disk, so `system` lists none. */
  readonly diskType?: string;
  readonly name?: string;
  readonly encrypted?: boolean;
  /** The Tag and ResourceGroupId filters. */
  readonly tagged?: (d: Disk) => boolean;
  /** The attribute filters (Portable, DiskChargeType, ...), by parameter and value. */
  readonly attributes?: Readonly<Record<string, unknown>>;
}

/**
 * What every disk a run creates is, as CreateDisk documents it: a pay-as-you-go data disk,
 * portable, not released with its instance (AttachDisk's DeleteWithInstance defaults to false and
 * the run never sets it), attachable to one instance (MultiAttach Disabled), not shared block
 * storage. A filter on one of these lists every disk or none.
 */
const CREATED_DISK: Readonly<Record<string, unknown>> = {
  Portable: true,
  DiskChargeType: 'PostPaid',
  DeleteWithInstance: false,
  MultiAttach: 'Disabled',
  EnableShared: false,
};

/**
 * Filters on what no page says of a created disk (automatic snapshots kept with it, a snapshot
 * policy on): the call is judged, its rows are not.
 */
const UNSTATED = ['DeleteAutoSnapshot', 'EnableAutoSnapshot'] as const;

const CREATED_DISK_FIELDS = Object.keys(CREATED_DISK);

/** The query's filters besides the region and the tags: any given makes the call a filtered listing. */
const FILTERS = [
  'zoneId',
  'diskIds',
  'instanceId',
  'status',
  'category',
  'diskType',
  'name',
  'encrypted',
  'attributes',
] as const;

/** The state's disks by ID, sorted once per collection rather than at every listing. */
const disksInOrder = derived((disks: Readonly<Record<string, Disk>>) =>
  Object.values(disks).sort((a, b) => a.id.localeCompare(b.id)),
);

export function listDisks(state: ModelState, q: DiskQuery): Disk[] {
  // DiskType=system lists none, and an attribute filter every disk or none: neither asks the disk.
  if (q.diskType === 'system') return [];
  for (const k in q.attributes) if (CREATED_DISK[k] !== q.attributes[k]) return [];
  const { regionId, zoneId, diskIds, instanceId, status, category, name, encrypted, tagged } = q;
  return disksInOrder(state.disks).filter(
    (d) =>
      d.regionId === regionId &&
      (zoneId === undefined || d.zoneId === zoneId) &&
      (diskIds === undefined || diskIds.includes(d.id)) &&
      (instanceId === undefined || d.instanceId === instanceId) &&
      (status === undefined || status === 'All' || diskStatus(d) === status) &&
      (category === undefined || category === 'all' || d.category === category) &&
      (name === undefined || d.name === name) &&
      (encrypted === undefined || d.encrypted === encrypted) &&
      (tagged === undefined || tagged(d)),
  );
}

const DISKS_MIN_RESULTS = 10;

export const describeDisks: Handler<typeof api.DescribeDisks> = (ctx) => {
  const p = ctx.params;
  if (!findRegion(ctx.state.world, p.RegionId)) {
    return refuse([deny(ctx.op, 'DISK.CREATE.REGION_EXISTS', 'InvalidRegionId.NotFound')]);
  }
  const filter = describeFilter(p, ctx.state);
  let attributes: Record<string, unknown> | undefined;
  for (const k of CREATED_DISK_FIELDS) {
    const v = p[k as keyof typeof p];
    if (v === undefined) continue;
    attributes ??= {};
    attributes[k] = v;
  }
  const tagFiltered = p.Tag !== undefined || str(p.ResourceGroupId) !== undefined;
  // One literal, each filter the call does not give undefined (spreads copied it field by field).
  const q: DiskQuery = {
    regionId: String(p.RegionId),
    zoneId: str(p.ZoneId),
    diskIds: list(p.DiskIds),
    instanceId: str(p.InstanceId),
    status: str(p.Status),
    category: str(p.Category),
    diskType: str(p.DiskType),
    name: str(p.DiskName),
    encrypted: p.Encrypted !== undefined ? bool(p.Encrypted, false) : undefined,
    tagged: tagFiltered ? filter.keep : undefined,
    attributes,
  };
  const rows = listDisks(ctx.state, q).map(diskRow);
  const page = pageOf(p, { maxResults: 10, pageSize: 10, numberedByDefault: true });
  // Rows only the reading tag-filter-empty-value=any-value lists: TotalCount depends on it.
  const widened = filter.widened ? listDisks(ctx.state, { ...q, tagged: filter.widened }).map(diskRow) : [];
  // A filter given, even one that keeps every disk (an empty Tag list).
  const filtered = tagFiltered || FILTERS.some((k) => q[k] !== undefined);
  // The page documents MaxResults 10-500, the metadata 1-500: below 10 either answer.
  // TODO(reading): describe-disks-max-results (the readings catalogue owns the choice).
  const belowMin = (int(p.MaxResults) ?? DISKS_MIN_RESULTS) < DISKS_MIN_RESULTS;
  // DryRun=true only checks the request; the run sends false, which lists as without it.
  const unstated = UNSTATED.some((k) => p[k] !== undefined);
  const rules = int(p.MaxResults) !== undefined ? ['DISK.DESCRIBE.MAX_RESULTS_RANGE'] : [];
  rules.push(
    'PROTO.DESCRIBE_IS_PROJECTION',
    'DISK.DESCRIBE.REGION_SCOPE',
    'DISK.DESCRIBE.FIELDS',
    'DISK.DESCRIBE.PAGING',
  );
  if (filtered) rules.push('DISK.DESCRIBE.FILTERS');
  const counted = pageFacts(rows.length, page);
  return observe(ctx.state, {
    also: belowMin ? allowed(ctx.op, 'InvalidParameter', 'InvalidParameter.MaxResults') : [],
    rules,
    facts: unstated ? undefined : widened.length > 0 ? withoutTotal(counted) : counted,
    listing: unstated
      ? undefined
      : {
          field: DISK_LISTING.field,
          idField: DISK_LISTING.idField,
          rows,
          page,
          open: widened.length > 0 ? { ...EMPTY_TAG_VALUE, rows: widened } : undefined,
        },
  });
};

export const DECISIONS = [decide(api.DescribeDisks, describeDisks, pagingRule('DISK.DESCRIBE.PAGING'))];
