import { z } from 'zod';
import { Bandwidths, SupportedRpo } from '../enums';
import { defineOperation, type OperationInput } from '../operation';
import { type Param, param, required } from '../param';
import { type PrefixedKind, RESOURCES } from '../resources';

export const ebsDoc = (action: string) =>
  `https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ebs-2021-07-30-${action.toLowerCase()}`;
export const ecsDoc = (action: string) =>
  `https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-${action.toLowerCase()}`;

export const SEED_LEGACY_CREATE = 'seed:CreateDiskReplicaPair.ecs-2014-05-26.zh.md';
export const SEED_REPROTECT = 'seed:ReprotectDiskReplicaPair.ebs-2021-07-30.en.txt';

export const EBS = { product: 'ebs', version: '2021-07-30' } as const;
export const ECS = { product: 'ecs', version: '2014-05-26' } as const;

// ---------------------------------------------------------------------------------------------
// Request parameters shared by several operations.

/** Names and descriptions: 2 to 128 characters, starting with a letter (ASCII or CJK), no http(s)://. */
export const NAME_PATTERN = /^(?!https?:\/\/)[\p{L}][\p{L}\p{N}:_.-]{1,127}$/u;
/** Group names: as NAME_PATTERN, but the group docs list no period among the allowed characters. */
export const GROUP_NAME_PATTERN = /^(?!https?:\/\/)[\p{L}][\p{L}\p{N}:_-]{1,127}$/u;
export const DESCRIPTION_PATTERN = /^(?!https?:\/\/)[\s\S]{2,256}$/u;

/** The catalogue's length bound of IDs, which no page documents (api/param.ts `guard`). */
export const ID_GUARD = { guard: ['length'] } as const;

export const regionId = (description: string) =>
  required(param('RegionId', { type: 'string', minLength: 1, maxLength: 64 }, description, ID_GUARD));

/** A required resource ID (disk, zone, instance, pair, group): non-empty. */
export const requiredId = <const N extends string>(name: N, description: string) =>
  required(param(name, { type: 'string', minLength: 1, maxLength: 64 }, description, ID_GUARD));

/** An optional ID used as a filter. */
export const optionalId = <const N extends string>(name: N, description: string) =>
  param(name, { type: 'string', minLength: 1, maxLength: 64 }, description, ID_GUARD);

export const clientToken = param(
  'ClientToken',
  { type: 'string', minLength: 1, maxLength: 64, ascii: true },
  'Idempotency token: at most 64 ASCII characters, case-sensitive.',
);

export const tags = param('Tag', { type: 'tags', maxItems: 20 }, 'Tags, at most 20.');
export const resourceGroupId = param(
  'ResourceGroupId',
  { type: 'string', maxLength: 64 },
  'Resource group.',
  ID_GUARD,
);

export const replicaPairId = requiredId('ReplicaPairId', 'The replica pair ID (pair-...).');
export const replicaGroupId = requiredId('ReplicaGroupId', 'The replica group ID (pg-...).');

export const pairName = param(
  'PairName',
  { type: 'string', pattern: NAME_PATTERN },
  'Pair name: 2-128 characters, starts with a letter; letters, digits, ":", "_", ".", "-".',
);
export const groupName = param(
  'GroupName',
  { type: 'string', minLength: 2, maxLength: 128, pattern: GROUP_NAME_PATTERN },
  'Group name: 2-128 characters, starts with a letter; letters, digits, ":", "_", "-".',
);
export const description = param(
  'Description',
  { type: 'string', pattern: DESCRIPTION_PATTERN },
  'Free text of 2-256 characters, not starting with http:// or https://.',
);

export const rpo = param(
  'RPO',
  { type: 'integer', enum: [SupportedRpo] },
  'Recovery point objective: only 900 s.',
  {
    default: SupportedRpo,
  },
);
export const bandwidth = param(
  'Bandwidth',
  { type: 'integer', enum: [...Bandwidths] },
  'Replication bandwidth in Kbit/s; not settable for POSTPAY, where the service uses 0 (dynamic).',
);
/** Modify and the group calls document Bandwidth as "not open for use yet", with no value list. */
export const reservedBandwidth = param(
  'Bandwidth',
  { type: 'integer', min: 0 },
  'Bandwidth in Kbit/s; documented as not open for use yet.',
  { guard: ['range'] },
);
export const oneShot = param(
  'OneShot',
  { type: 'boolean' },
  'Sync once and stop again (manual_syncing, then stopped); two one-shots must be more than RPO/2 apart.',
  { default: false },
);
export const reverseReplicate = param(
  'ReverseReplicate',
  { type: 'boolean' },
  'true (default): swap the roles so that data flows back after the next Start; false: cancel the failover.',
  { default: true },
);

export const chargeType = param(
  'ChargeType',
  { type: 'string', enum: ['PREPAY', 'POSTPAY'] },
  'Billing: PREPAY (subscription) or POSTPAY (pay-as-you-go).',
  { default: 'POSTPAY' },
);
export const period = param(
  'Period',
  { type: 'integer', enum: [1, 2, 3, 6, 12, 24, 36, 60] },
  'Subscription length in PeriodUnit; required when ChargeType is PREPAY.',
);
export const periodUnit = param('PeriodUnit', { type: 'string', enum: ['Month'] }, 'Unit of Period: Month.', {
  default: 'Month',
});

/** Both ways to page a listing: a NextToken walk (MaxResults) or numbered pages (PageNumber/PageSize). */
export const pagingUpTo = (maxResults: number) =>
  [
    param(
      'MaxResults',
      { type: 'integer', min: 1, max: maxResults },
      `Page size of a NextToken walk (1-${maxResults}, default 10).`,
    ),
    param(
      'NextToken',
      { type: 'string', maxLength: 256 },
      'The token of the next page, from the previous page.',
      ID_GUARD,
    ),
    param('PageNumber', { type: 'integer', min: 1 }, 'Page number of a numbered walk (from 1).'),
    param('PageSize', { type: 'integer', min: 1, max: 100 }, 'Page size of a numbered walk (1-100).'),
  ] as const;

export const paging = pagingUpTo(500);

export const site = param(
  'Site',
  { type: 'string', enum: ['production', 'backup'] },
  'List by initial site.',
  {
    default: 'production',
  },
);

// ---------------------------------------------------------------------------------------------
// Response shapes shared by several operations.

/** A success body always carries a RequestId. */
export const RequestIdOnly = z.object({ RequestId: z.string().min(1) });

/** An ID the service hands out, with its kind's documented prefix (PROTO.ID_FORMAT, api/resources.ts). */
export const idWith = (kind: PrefixedKind) => {
  const prefix = RESOURCES[kind].prefix;
  return z.string().regex(new RegExp(`^${prefix}\\S+$`), `an ID starting ${prefix}`);
};

/**
 * Most EBS calls change state and answer only their RequestId; their page is named after the
 * action unless a seed document is the source.
 */
export const ebsMutation = <const Ps extends readonly Param[], const A extends string>(
  input: Pick<
    OperationInput<Ps, typeof RequestIdOnly, A>,
    'action' | 'summary' | 'params' | 'errors' | 'region'
  > & {
    doc?: string;
  },
) =>
  defineOperation({ ...EBS, doc: ebsDoc(input.action), response: RequestIdOnly, mutating: true, ...input });

export const TagsOut = z.array(z.object({ TagKey: z.string(), TagValue: z.string() }));

/** EBS times: Unix seconds. */
export const UnixSeconds = z.number().int().nonnegative();

/** ECS times: UTC ISO-8601, to the second or (in some fields) to the minute. */
export const IsoTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/, 'must be UTC ISO-8601');
/** ECS leaves an unset time empty rather than dropping the field. */
export const IsoTimeOrEmpty = z.union([IsoTime, z.literal('')]);

/** ECS wraps lists in an object named after the item: `Disks: {Disk: [...]}`. */
export const ecsList = <const K extends string, T extends z.ZodType>(itemName: K, item: T) =>
  z.object({ [itemName]: z.array(item) } as { [P in K]: z.ZodArray<T> });

/** The fields of a numbered or NextToken page of an EBS or ECS listing. */
export const PageFields = {
  RequestId: z.string().min(1),
  // Absent or empty on the last page.
  NextToken: z.string().optional(),
  // The SDK models hold these optional (added in 2022), and a NextToken walk need not carry them
  // (the docs call TotalCount invalid there): a numbered page's values are judged as facts.
  PageNumber: z.number().int().nonnegative().optional(),
  PageSize: z.number().int().nonnegative().optional(),
  TotalCount: z.number().int().nonnegative().optional(),
};

// ---------------------------------------------------------------------------------------------
// Errors.

/** Errors every EBS replication operation documents. */
export const EBS_COMMON_ERRORS = [
  'Forbidden',
  'Forbidden.Action',
  'NoSuchResource',
  'InternalError',
  'RequestTimeout',
] as const;

/** Every EBS pair and group operation adds the two state refusals. */
export const EBS_STATE_ERRORS = [
  ...EBS_COMMON_ERRORS,
  'OperationDenied',
  'OperationDenied.InvalidStatus',
] as const;
