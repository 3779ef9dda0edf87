import { ServiceError } from './api';
import type { Params } from './params';

/**
 * The parameter limits the emulator enforces, in its own words: read from each operation's page
 * (and the API metadata) by hand, not derived from the catalogue the model validates with. The
 * gateway validates against the catalogue first; this second reading refuses what the pages
 * refuse, so a mistake in the catalogue shows as the emulator and the model disagreeing instead of
 * being shared by both. tests/emulator/documented-limits.test.ts compares the two readings.
 *
 * Values are typed (the gateway decoded them); lists are arrays.
 */
export interface PageLimits {
  /** Parameters the page marks required. */
  readonly required?: readonly string[];
  /** Parameters that take only the listed values. */
  readonly oneOf?: Readonly<Record<string, readonly (string | number)[]>>;
  /** Integer parameters with a documented range (`max` absent: no upper bound). */
  readonly range?: Readonly<Record<string, { readonly min: number; readonly max?: number }>>;
  /** List parameters with a documented largest number of items. */
  readonly atMost?: Readonly<Record<string, number>>;
  /** String parameters with a documented length. */
  readonly length?: Readonly<Record<string, { readonly min: number; readonly max: number }>>;
  /** The code the page names for a parameter it refuses (otherwise the gateway's own). */
  readonly codes?: Readonly<Record<string, string>>;
}

export const paging = (maxResults: number) => ({
  MaxResults: { min: 1, max: maxResults },
  PageNumber: { min: 1 },
  PageSize: { min: 1, max: 100 },
});
const onPair = ['RegionId', 'ReplicaPairId'];
const onGroup = ['RegionId', 'ReplicaGroupId'];
const RPO = { RPO: [900] };
const TAGS = { Tag: 20 };
export const TAG_CODES = {
  ResourceId: 'NumberExceed.ResourceIds',
  Tag: 'NumberExceed.Tags',
  TagKey: 'NumberExceed.Tags',
  ResourceType: 'InvalidResourceType.NotFound',
};
export const RESOURCE_TYPES = ['diskreplicapair', 'diskreplicagroup', 'dedicatedblockstoragecluster'];
const DISK_CATEGORIES = [
  'cloud',
  'cloud_efficiency',
  'cloud_ssd',
  'cloud_essd',
  'cloud_auto',
  'cloud_essd_entry',
  'cloud_regional_disk_auto',
  'elastic_ephemeral_disk_standard',
  'elastic_ephemeral_disk_premium',
];

/**
 * By `product:Action`. The drill and tag calls state theirs in their routes (drills.ts, tags.ts):
 * an operation is named in a handful of files (tests/architecture/footprint.test.ts).
 */
export const DOCUMENTED_LIMITS: Readonly<Record<string, PageLimits>> = {
  'ebs:DescribeRegions': {
    oneOf: { ResourceType: ['ear', 'lens', 'dbsc'], AcceptLanguage: ['zh-CN', 'en-US', 'ja'] },
  },
  'ebs:CreateDiskReplicaPair': {
    required: [
      'RegionId',
      'SourceZoneId',
      'DiskId',
      'DestinationRegionId',
      'DestinationDiskId',
      'DestinationZoneId',
    ],
    oneOf: {
      ChargeType: ['PREPAY', 'POSTPAY'],
      Period: [1, 2, 3, 6, 12, 24, 36, 60],
      PeriodUnit: ['Month'],
      Bandwidth: [10240, 20480, 51200, 102400],
      ...RPO,
    },
    atMost: TAGS,
  },
  'ebs:ModifyDiskReplicaPair': { required: onPair, oneOf: RPO },
  'ebs:StartDiskReplicaPair': { required: onPair },
  'ebs:StopDiskReplicaPair': { required: onPair },
  'ebs:FailoverDiskReplicaPair': { required: onPair },
  'ebs:ReprotectDiskReplicaPair': { required: onPair },
  'ebs:DeleteDiskReplicaPair': { required: onPair },
  'ebs:DescribeDiskReplicaPairs': {
    required: ['RegionId'],
    oneOf: { Site: ['production', 'backup'] },
    range: paging(500),
    atMost: { PairIds: 100, ...TAGS },
  },
  'ebs:DescribeDiskReplicaPairProgress': { required: onPair },
  'ebs:AddDiskReplicaPair': { required: ['RegionId', 'ReplicaGroupId', 'ReplicaPairId'] },
  'ebs:RemoveDiskReplicaPair': { required: ['RegionId', 'ReplicaGroupId', 'ReplicaPairId'] },
  'ebs:CreateDiskReplicaGroup': {
    required: ['RegionId', 'SourceZoneId', 'DestinationRegionId', 'DestinationZoneId'],
    oneOf: RPO,
    length: { GroupName: { min: 2, max: 128 } },
    atMost: TAGS,
  },
  'ebs:DescribeDiskReplicaGroups': {
    required: ['RegionId'],
    oneOf: { Site: ['production', 'backup'] },
    range: paging(500),
    atMost: { GroupIds: 100, ...TAGS },
  },
  'ebs:ModifyDiskReplicaGroup': {
    required: onGroup,
    oneOf: RPO,
    length: { GroupName: { min: 2, max: 128 } },
  },
  'ebs:StartDiskReplicaGroup': { required: onGroup },
  'ebs:StopDiskReplicaGroup': { required: onGroup },
  'ebs:FailoverDiskReplicaGroup': { required: onGroup },
  'ebs:ReprotectDiskReplicaGroup': { required: onGroup },
  'ebs:DeleteDiskReplicaGroup': { required: onGroup },
  'ecs:CreateDisk': {
    required: ['RegionId'],
    oneOf: {
      DiskCategory: DISK_CATEGORIES,
      PerformanceLevel: ['PL0', 'PL1', 'PL2', 'PL3'],
      MultiAttach: ['Enabled', 'Disabled'],
    },
    atMost: TAGS,
    codes: {
      DiskCategory: 'InvalidDiskCategory.ValueNotSupported',
      PerformanceLevel: 'InvalidPerformanceLevel.Malformed',
    },
  },
  'ecs:AttachDisk': { required: ['InstanceId', 'DiskId'] },
  'ecs:DetachDisk': { required: ['InstanceId', 'DiskId'] },
  'ecs:DeleteDisk': { required: ['DiskId'] },
  'ecs:DescribeDisks': {
    required: ['RegionId'],
    oneOf: {
      DiskType: ['all', 'system', 'data'],
      Category: ['all', ...DISK_CATEGORIES],
      Status: ['In_use', 'Available', 'Attaching', 'Detaching', 'Creating', 'ReIniting', 'All'],
      DiskChargeType: ['PrePaid', 'PostPaid'],
      MultiAttach: ['Disabled', 'Enabled', 'LegacyShared'],
    },
    // The DescribeDisks page gives MaxResults 10-500; the metadata 1-500 (a reading of its own).
    range: { MaxResults: { min: 1, max: 500 }, PageNumber: { min: 1 }, PageSize: { min: 1, max: 100 } },
    atMost: { DiskIds: 100, ...TAGS },
    codes: {
      DiskIds: 'InvalidDiskIds.Malformed',
      DiskType: 'InvalidDiskType.ValueNotSupported',
      Category: 'InvalidCategory.ValueNotSupported',
      Status: 'InvalidStatus.ValueNotSupported',
    },
  },
  'ecs:DescribeInstances': { required: ['RegionId'] },
  'ecs:CreateDiskReplicaPair': {
    required: ['RegionId', 'DiskId', 'DestinationRegionId', 'DestinationDiskId', 'PairName'],
    codes: { missing: 'IncompleteParamter' },
  },
};

const missing = (name: string, limits: PageLimits) =>
  new ServiceError(
    limits.codes?.missing ??
      (name === 'ResourceType' ? limits.codes?.ResourceTypeMissing : undefined) ??
      'MissingParameter',
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
  );
const invalid = (name: string, limits: PageLimits, why: string) =>
  new ServiceError(
    limits.codes?.[name] ?? 'InvalidParameter',
    `The specified parameter "${name}" is not valid (${why}).`,
  );

/** Refuses a call its page refuses; the key is `product:Action`. */
export function checkDocumentedLimits(limits: PageLimits | undefined, p: Params): void {
  if (!limits) return;
  for (const name of limits.required ?? []) {
    const v = p[name];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0))
      throw missing(name, limits);
  }
  for (const [name, values] of Object.entries(limits.oneOf ?? {}))
    if (p[name] !== undefined && !values.includes(p[name] as string | number))
      throw invalid(name, limits, `one of ${values.join(', ')}`);
  for (const [name, { min, max }] of Object.entries(limits.range ?? {})) {
    const v = p[name];
    if (typeof v === 'number' && (v < min || (max !== undefined && v > max)))
      throw invalid(name, limits, `${min} to ${max ?? 'any'}`);
  }
  for (const [name, most] of Object.entries(limits.atMost ?? {})) {
    const v = p[name];
    if (Array.isArray(v) && v.length > most) throw invalid(name, limits, `at most ${most} items`);
  }
  for (const [name, { min, max }] of Object.entries(limits.length ?? {})) {
    const v = p[name];
    if (typeof v === 'string' && (v.length < min || v.length > max))
      throw invalid(name, limits, `${min} to ${max} characters`);
  }
}
