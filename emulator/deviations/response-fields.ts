import { DRILL_CALLS } from '../../api/rules/drills';
import type { ServiceCall } from '../service/api';
import type { FaultProfile } from './profile';
import { isEbs, isEcs, mapRows, rewriting } from './support';

/**
 * Answers whose fields have another form than the docs give them, one kind of form each (a
 * listed value, a time, an integer, a range, a boolean, an ID prefix): fields no projection
 * compares, so only the field's own rule (api/rules/responses.ts) can notice.
 */

const diskListing = (call: ServiceCall) => isEcs(call, 'DescribeDisks');
const diskRows = (rewrite: (row: Record<string, unknown>) => Record<string, unknown>) =>
  rewriting(diskListing, (body) => mapRows(body, 'Disks.Disk', rewrite));

export const diskTypeAsCode: FaultProfile = {
  name: 'disk-type-as-code',
  description: 'DescribeDisks answers Type as a numeric code (2) instead of system or data',
  kind: 'listed-value-not-a-string',
  operation: 'DescribeDisks',
  ruleIds: ['RESP.ECS.DESCRIBE_DISKS.DISKS.DISK.TYPE.ENUM'],
  create: diskRows((r) => ({ ...r, Type: r.Type === 'system' ? 1 : 2 })),
};

export const creationTimeWithOffset: FaultProfile = {
  name: 'disk-creation-time-with-offset',
  description: 'DescribeDisks answers CreationTime in local time with an offset (…T18:00:00+08:00), not UTC',
  kind: 'time-format-wrong',
  operation: 'DescribeDisks',
  ruleIds: ['RESP.ECS.DESCRIBE_DISKS.DISKS.DISK.CREATION_TIME.TIME'],
  create: diskRows((r) => {
    const utc = new Date(String(r.CreationTime));
    if (Number.isNaN(utc.getTime())) return r;
    const local = new Date(utc.getTime() + 8 * 3_600_000).toISOString().slice(0, 19);
    return { ...r, CreationTime: `${local}+08:00` };
  }),
};

export const iopsAsString: FaultProfile = {
  name: 'disk-iops-as-string',
  description: 'DescribeDisks answers IOPS as a string ("3800") instead of an integer',
  kind: 'integer-as-string',
  operation: 'DescribeDisks',
  ruleIds: ['RESP.ECS.DESCRIBE_DISKS.DISKS.DISK.IOPS.INTEGER'],
  create: diskRows((r) => (r.IOPS === undefined ? r : { ...r, IOPS: String(r.IOPS) })),
};

export const portableAsString: FaultProfile = {
  name: 'disk-portable-as-string',
  description: 'DescribeDisks answers Portable as the string "true" instead of a boolean',
  kind: 'boolean-as-string',
  operation: 'DescribeDisks',
  ruleIds: ['RESP.ECS.DESCRIBE_DISKS.DISKS.DISK.PORTABLE.BOOLEAN'],
  create: diskRows((r) => ({ ...r, Portable: String(r.Portable) })),
};

export const progressPerMille: FaultProfile = {
  name: 'progress-per-mille',
  description: 'DescribeDiskReplicaPairProgress answers Progress in per mille (0-1000) instead of percent',
  kind: 'range-scale-wrong',
  operation: 'DescribeDiskReplicaPairProgress',
  // Read during an initial sync (the settle reads do), a per-mille value passes 99 long before the copy ends.
  ruleIds: ['PAIR.PROGRESS.FULL_ONCE_NORMAL', 'PAIR.PROGRESS.BELOW_100_WHILE_INITIAL_SYNCING'],
  create: rewriting(
    (call) => isEbs(call, 'DescribeDiskReplicaPairProgress'),
    (body) => (typeof body.Progress === 'number' ? { ...body, Progress: body.Progress * 10 } : body),
  ),
};

/** The pair drills' listing, named by the drill family (api/rules/drills.ts). */
const PAIR_DRILLS = DRILL_CALLS.PAIR.list;

export const drillDiskUnprefixed: FaultProfile = {
  name: 'drill-disk-id-unprefixed',
  description: `${PAIR_DRILLS} answers DrillDiskId without its d- prefix`,
  kind: 'id-prefix-wrong',
  operation: PAIR_DRILLS,
  ruleIds: ['RESP.EBS.DESCRIBE_PAIR_DRILLS.DRILLS.DRILL_DISK_ID.ID_PREFIX'],
  create: rewriting(
    (call) => isEbs(call, PAIR_DRILLS),
    (body) =>
      mapRows(body, 'Drills', (r) =>
        typeof r.DrillDiskId === 'string' ? { ...r, DrillDiskId: r.DrillDiskId.replace(/^d-/, 'disk-') } : r,
      ),
  ),
};

export const RESPONSE_FIELD_PROFILES = [
  diskTypeAsCode,
  creationTimeWithOffset,
  iopsAsString,
  portableAsString,
  progressPerMille,
  drillDiskUnprefixed,
];
