import type { ApiVersion, Product } from './operation';

/**
 * The resources the API names, as data: which parameters name one (whatever an operation calls
 * it), the ID prefix the service hands out, the call that creates one and the answer field that
 * names it, the call that deletes one, and the listing that shows it. Everything that has to
 * recognise a resource (the ID-format check, listings walks and projections, the parity ID tokens,
 * the real target's ownership guard, journal, sweep and inventory) reads it from here, so a new
 * kind (drills, tag-bearing resources) is one entry.
 */

/** How a listing is walked: a NextToken walk (MaxResults) or numbered pages (PageNumber/PageSize). */
export type PagingStyle = 'token' | 'number';

/** How a filter packs several IDs into one parameter. */
export type IdPacking = 'csv' | 'jsonArray';

export interface ResourceListing {
  readonly product: Product;
  readonly version: ApiVersion;
  readonly action: string;
  /** Where the answer keeps its rows, dotted (`Disks.Disk`). */
  readonly rows: string;
  /** The field of a row that holds its ID. */
  readonly idField: string;
  /** The parameter that filters on several IDs, and how it packs them. */
  readonly filter: { readonly param: string; readonly packing: IdPacking };
  /** The walks the listing documents; the first is the one a plain walk uses. */
  readonly paging: readonly [PagingStyle, ...PagingStyle[]];
}

export interface ResourceCall {
  readonly product: Product;
  readonly version: ApiVersion;
  readonly action: string;
}

export interface ResourceDef {
  /** What people call it, for messages. */
  readonly noun: string;
  /** The documented prefix of its IDs (PROTO.ID_FORMAT), when the docs give one. */
  readonly prefix?: string;
  /** Parameters naming one of them, across every operation. */
  readonly idParams: readonly string[];
  /** Parameters naming several of them. */
  readonly listParams: readonly string[];
  /** The call a run creates one with, and the answer field naming it; absent: a run never creates one. */
  readonly create?: ResourceCall & { readonly idField: string };
  /**
   * Calls that start one the run then owns although it is neither created nor deleted (a drill:
   * started, then cleared), and the answer field naming it.
   */
  readonly startedBy?: readonly (ResourceCall & { readonly idField: string })[];
  /** The call that deletes one, and its ID parameter. */
  readonly delete?: ResourceCall & { readonly idParam: string };
  readonly listing?: ResourceListing;
  /** The kind parity numbers these IDs under (`<pair-id:2>`); absent: not tokenised. */
  readonly token?: string;
}

const EBS = { product: 'ebs', version: '2021-07-30' } as const;
const ECS = { product: 'ecs', version: '2014-05-26' } as const;

export const RESOURCES = {
  disk: {
    noun: 'disk',
    prefix: 'd-',
    // DestinationDiskId: the secondary of a pair being created.
    idParams: ['DiskId', 'DestinationDiskId'],
    listParams: ['DiskIds'],
    create: { ...ECS, action: 'CreateDisk', idField: 'DiskId' },
    delete: { ...ECS, action: 'DeleteDisk', idParam: 'DiskId' },
    listing: {
      ...ECS,
      action: 'DescribeDisks',
      rows: 'Disks.Disk',
      idField: 'DiskId',
      filter: { param: 'DiskIds', packing: 'jsonArray' },
      paging: ['number'],
    },
    token: 'disk-id',
  },
  pair: {
    noun: 'replica pair',
    prefix: 'pair-',
    // PairId: the drill calls name the pair so.
    idParams: ['ReplicaPairId', 'PairId'],
    listParams: ['PairIds'],
    create: { ...EBS, action: 'CreateDiskReplicaPair', idField: 'ReplicaPairId' },
    delete: { ...EBS, action: 'DeleteDiskReplicaPair', idParam: 'ReplicaPairId' },
    listing: {
      ...EBS,
      action: 'DescribeDiskReplicaPairs',
      rows: 'ReplicaPairs',
      idField: 'ReplicaPairId',
      filter: { param: 'PairIds', packing: 'csv' },
      paging: ['token', 'number'],
    },
    token: 'pair-id',
  },
  group: {
    noun: 'replica group',
    prefix: 'pg-',
    // GroupId: the drill calls name the group so.
    idParams: ['ReplicaGroupId', 'GroupId'],
    listParams: ['GroupIds'],
    create: { ...EBS, action: 'CreateDiskReplicaGroup', idField: 'ReplicaGroupId' },
    delete: { ...EBS, action: 'DeleteDiskReplicaGroup', idParam: 'ReplicaGroupId' },
    listing: {
      ...EBS,
      action: 'DescribeDiskReplicaGroups',
      rows: 'ReplicaGroups',
      idField: 'ReplicaGroupId',
      filter: { param: 'GroupIds', packing: 'csv' },
      paging: ['token', 'number'],
    },
    token: 'group-id',
  },
  /** A pair created by the legacy ECS call: the answer names it PairId (`rp-...`). */
  'legacy-pair': {
    noun: 'legacy replica pair',
    prefix: 'rp-',
    idParams: [],
    listParams: [],
    create: { ...ECS, action: 'CreateDiskReplicaPair', idField: 'PairId' },
    token: 'legacy-pair-id',
  },
  instance: {
    noun: 'instance',
    prefix: 'i-',
    idParams: ['InstanceId'],
    listParams: ['InstanceIds'],
    listing: {
      ...ECS,
      action: 'DescribeInstances',
      rows: 'Instances.Instance',
      idField: 'InstanceId',
      filter: { param: 'InstanceIds', packing: 'jsonArray' },
      paging: ['token', 'number'],
    },
    token: 'instance-id',
  },
  /**
   * A disaster-recovery drill of a pair or group: the docs' examples are `drill-...` and
   * `pg-drill-...`, no documented prefix. Cleared, not deleted, so a run never sweeps one.
   */
  drill: {
    noun: 'disaster-recovery drill',
    idParams: ['DrillId'],
    listParams: [],
    startedBy: [
      { ...EBS, action: 'StartPairDrill', idField: 'DrillId' },
      { ...EBS, action: 'StartReplicaGroupDrill', idField: 'DrillId' },
    ],
    token: 'drill-id',
  },
  /** What the tag calls name by ResourceId.N: a pair or a group, as their ResourceType says. */
  'tagged-resource': { noun: 'tagged pair or group', idParams: [], listParams: ['ResourceId'] },
  'resource-group': {
    noun: 'resource group',
    prefix: 'rg-',
    idParams: ['ResourceGroupId'],
    listParams: [],
    token: 'resource-group-id',
  },
  // Named by CreateDisk and DescribeDisks; a run never makes one, so never owns one.
  snapshot: { noun: 'snapshot', prefix: 's-', idParams: ['SnapshotId'], listParams: [] },
  'kms-key': { noun: 'KMS key', idParams: ['KMSKeyId'], listParams: [] },
  'auto-snapshot-policy': {
    noun: 'automatic snapshot policy',
    prefix: 'sp-',
    idParams: ['AutoSnapshotPolicyId'],
    listParams: [],
  },
  'storage-set': { noun: 'storage set', prefix: 'ss-', idParams: ['StorageSetId'], listParams: [] },
  'storage-cluster': {
    noun: 'dedicated block storage cluster',
    prefix: 'dbsc-',
    idParams: ['StorageClusterId'],
    listParams: [],
  },
} as const satisfies Record<string, ResourceDef>;

export type ResourceKindName = keyof typeof RESOURCES;

/** The kinds a run creates (and so may own, journal, cap and sweep). */
export type CreatedKind = {
  [K in ResourceKindName]: (typeof RESOURCES)[K] extends { create: object } ? K : never;
}[ResourceKindName];

export type PrefixedKind = {
  [K in ResourceKindName]: (typeof RESOURCES)[K] extends { prefix: string } ? K : never;
}[ResourceKindName];

export type ListedKind = {
  [K in ResourceKindName]: (typeof RESOURCES)[K] extends { listing: object } ? K : never;
}[ResourceKindName];

const entries = Object.entries(RESOURCES) as [ResourceKindName, ResourceDef][];

export const resourceDef = (kind: ResourceKindName): ResourceDef => RESOURCES[kind];

export const CREATED_KINDS = entries.filter(([, r]) => r.create).map(([k]) => k) as [
  CreatedKind,
  ...CreatedKind[],
];

/** The listing of a kind that has one. */
export const listingOf = (kind: ListedKind): ResourceListing => RESOURCES[kind].listing;

/**
 * Parameters that locate a call rather than name a resource: `RegionId`, `SourceZoneId`,
 * `DestinationRegionId`.
 */
export const isLocationParam = (name: string) => /(?:Region|Zone)Id$/.test(name);

const byParam = new Map<string, ResourceKindName>(
  entries.flatMap(([kind, r]) => [...r.idParams, ...r.listParams].map((p) => [p, kind] as const)),
);

/**
 * The kind a parameter names: the table's entry, `unknown` for another `...Id`/`...Ids`
 * parameter (a resource the table does not know yet), undefined for a parameter that names none.
 * A repeated list (`ResourceId.3`) is read as its base name.
 */
export function resourceOfParam(name: string): ResourceKindName | 'unknown' | undefined {
  const base = name.replace(/\.\d+$/, '');
  const known = byParam.get(base);
  if (known) return known;
  return /Ids?$/.test(base) && !isLocationParam(base) ? 'unknown' : undefined;
}

/** The kind whose create call this is, if any. */
export function createdBy(product: string, action: string): CreatedKind | undefined {
  return CREATED_KINDS.find((k) => {
    const c = RESOURCES[k].create;
    return c.product === product && c.action === action;
  });
}

/** The kind a call starts (a drill), and the answer field naming it. */
export function startedBy(
  product: string,
  action: string,
): { kind: ResourceKindName; idField: string } | undefined {
  for (const [kind, r] of entries) {
    const call = r.startedBy?.find((c) => c.product === product && c.action === action);
    if (call) return { kind, idField: call.idField };
  }
  return undefined;
}

/** The kind whose delete call this is, and the parameter naming what it deletes. */
export function deletedBy(
  product: string,
  action: string,
): { kind: ResourceKindName; idParam: string } | undefined {
  for (const [kind, r] of entries)
    if (r.delete?.product === product && r.delete.action === action)
      return { kind, idParam: r.delete.idParam };
  return undefined;
}

/** Every listing, with its kind. */
export const LISTINGS = entries.flatMap(([kind, r]) => (r.listing ? [{ kind, ...r.listing }] : []));

/** Where a kind's listing keeps its rows and their ID, as the model's listing facts name them. */
export const listedAs = (kind: ListedKind) => ({
  field: RESOURCES[kind].listing.rows,
  idField: RESOURCES[kind].listing.idField,
});

/** Packs IDs into a listing's filter parameter. */
export const packIds = (listing: ResourceListing, ids: readonly string[]): string =>
  listing.filter.packing === 'csv' ? ids.join(',') : JSON.stringify(ids);

/** The rows of a listing answer (undefined when the answer holds none at that path). */
export function listingRows(
  listing: ResourceListing,
  body: unknown,
): Readonly<Record<string, unknown>>[] | undefined {
  let at: unknown = body;
  for (const key of listing.rows.split('.')) at = (at as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(at) ? (at as Readonly<Record<string, unknown>>[]) : undefined;
}
