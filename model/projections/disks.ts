import * as api from '../../api';
import { listedAs } from '../../api/resources';
import { decide, type Handler, int, list, str } from '../context';
import { allowed, deny, observe, refuse } from '../expectation';
import { type Disk, diskStatus, type ModelState } from '../state';
import { pagingRule } from '../validate';
import { findRegion } from '../world';
import { pageFacts, pageOf } from './paging';
import type { Row } from './pairs';

/** What DescribeDisks shows for a disk (DISK.DESCRIBE.FIELDS). */
export function diskRow(disk: Disk): Row {
  const status = diskStatus(disk);
  return {
    DiskId: disk.id,
    RegionId: disk.regionId,
    ZoneId: disk.zoneId,
    Category: disk.category,
    ...(disk.performanceLevel ? { PerformanceLevel: disk.performanceLevel } : {}),
    Size: disk.size,
    Status: status,
    Encrypted: disk.encrypted,
    ...(status === 'In_use' && disk.instanceId ? { InstanceId: disk.instanceId } : {}),
  };
}

export interface DiskQuery {
  readonly regionId: string;
  readonly zoneId?: string;
  readonly diskIds?: readonly string[];
  readonly instanceId?: string;
  readonly status?: string;
  readonly category?: string;
}

export function listDisks(state: ModelState, q: DiskQuery): Disk[] {
  return Object.values(state.disks)
    .filter((d) => d.regionId === q.regionId)
    .filter((d) => q.zoneId === undefined || d.zoneId === q.zoneId)
    .filter((d) => q.diskIds === undefined || q.diskIds.includes(d.id))
    .filter((d) => q.instanceId === undefined || d.instanceId === q.instanceId)
    .filter((d) => q.status === undefined || q.status === 'All' || diskStatus(d) === q.status)
    .filter((d) => q.category === undefined || q.category === 'all' || d.category === q.category)
    .sort((a, b) => a.id.localeCompare(b.id));
}

const DISKS_MIN_RESULTS = 10;

export const describeDisks: Handler<typeof api.DescribeDisks> = (ctx) => {
  const p = ctx.params;
  if (!findRegion(ctx.state.world, p.RegionId)) {
    return refuse([deny(ctx.op, 'DISK.CREATE.REGION_EXISTS', 'InvalidRegionId.NotFound')]);
  }
  const q: DiskQuery = {
    regionId: String(p.RegionId),
    ...(str(p.ZoneId) ? { zoneId: str(p.ZoneId) } : {}),
    ...(list(p.DiskIds) ? { diskIds: list(p.DiskIds) } : {}),
    ...(str(p.InstanceId) ? { instanceId: str(p.InstanceId) } : {}),
    ...(str(p.Status) ? { status: str(p.Status) } : {}),
    ...(str(p.Category) ? { category: str(p.Category) } : {}),
  };
  const rows = listDisks(ctx.state, q).map(diskRow);
  const page = pageOf(p, { maxResults: 10, pageSize: 10, numberedByDefault: true });
  const filtered = Object.keys(q).length > 1;
  // The page documents MaxResults 10-500, the metadata 1-500: below 10 either answer.
  // TODO(reading): describe-disks-max-results (the readings catalogue owns the choice).
  const belowMin = (int(p.MaxResults) ?? DISKS_MIN_RESULTS) < DISKS_MIN_RESULTS;
  return observe(ctx.state, {
    also: belowMin ? allowed(ctx.op, 'InvalidParameter', 'InvalidParameter.MaxResults') : [],
    rules: [
      ...(int(p.MaxResults) !== undefined ? ['DISK.DESCRIBE.MAX_RESULTS_RANGE'] : []),
      'PROTO.DESCRIBE_IS_PROJECTION',
      'DISK.DESCRIBE.REGION_SCOPE',
      'DISK.DESCRIBE.FIELDS',
      'DISK.DESCRIBE.PAGING',
      ...(filtered ? ['DISK.DESCRIBE.FILTERS'] : []),
    ],
    facts: pageFacts(rows.length, page),
    listing: { ...listedAs('disk'), rows, page },
  });
};

export const DECISIONS = [decide(api.DescribeDisks, describeDisks, pagingRule('DISK.DESCRIBE.PAGING'))];
