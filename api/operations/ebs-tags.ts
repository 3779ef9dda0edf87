import { z } from 'zod';
import { defineOperation } from '../operation';
import { param, required } from '../param';
import {
  clientToken,
  EBS,
  EBS_COMMON_ERRORS,
  ebsDoc,
  ebsMutation,
  ID_GUARD,
  RequestIdOnly,
  regionId,
} from './common';
import type { RequestOf } from './request-type';

// Tags of EBS resources (EBS 2021-07-30): bind, unbind and list them on replica pairs, replica
// groups and dedicated block storage clusters.

/** The documented resource types; the metadata's own example answers `pair`, so answers are any text. */
const TAG_RESOURCE_TYPES = ['dedicatedblockstoragecluster', 'diskreplicapair', 'diskreplicagroup'] as const;

/** Keys and values: at most 128 characters, no `http://` or `https://`; keys not `aliyun`/`acs:`. */
const TAG_KEY_PATTERN = /^(?!aliyun|acs:)(?![\s\S]*https?:\/\/)[\s\S]{1,128}$/;
const TAG_VALUE_PATTERN = /^(?!acs:)(?![\s\S]*https?:\/\/)[\s\S]{0,128}$/;

const resourceType = required(
  param(
    'ResourceType',
    { type: 'string', enum: TAG_RESOURCE_TYPES },
    'diskreplicapair, diskreplicagroup or dedicatedblockstoragecluster.',
    { missingCode: 'MissingParameter.ResourceType', invalidCode: 'InvalidResourceType.NotFound' },
  ),
);

const resourceIds = (isRequired: boolean) => {
  const p = param(
    'ResourceId',
    { type: 'repeated', maxItems: 50 },
    'Resource IDs (`ResourceId.N`), at most 50.',
    {
      countCode: 'NumberExceed.ResourceIds',
    },
  );
  return isRequired ? required(p) : p;
};

const tagList = param(
  'Tag',
  { type: 'tags', maxItems: 20, keyPattern: TAG_KEY_PATTERN, valuePattern: TAG_VALUE_PATTERN },
  'Tags (`Tag.N.Key`, `Tag.N.Value`), at most 20.',
  {
    countCode: 'NumberExceed.Tags',
  },
);

const TAG_ERRORS = [
  ...EBS_COMMON_ERRORS,
  'OperationDenied',
  { code: 'InvalidParameter', httpStatus: 400 },
  { code: 'MissingParameter', httpStatus: 400 },
  'InvalidParameter.Conflict',
  { code: 'InvalidParameter.Format', httpStatus: 400 },
  { code: 'InvalidApi.NotFound', httpStatus: 404 },
  { code: 'Duplicate.TagKey', httpStatus: 400 },
  { code: 'NumberExceed.ResourceIds', httpStatus: 400 },
  { code: 'NumberExceed.Tags', httpStatus: 400 },
  'InvalidAccountStatus.NotEnoughBalance',
  'LastTokenProcessing',
  'NoPermission.SLR',
  { code: 'InvalidResourceId.NotFound', httpStatus: 404 },
  { code: 'InvalidResourceType.NotFound', httpStatus: 404 },
] as const;

const tagParams = [
  regionId('Region of the resources.'),
  resourceType,
  resourceIds(true),
  required(tagList),
  clientToken,
] as const;

export const TagResources = ebsMutation({
  action: 'TagResources',
  summary: 'Bind tags to EBS resources (a key already bound takes the new value).',
  params: tagParams,
  errors: [...TAG_ERRORS, { code: 'MissingParameter.ResourceType', httpStatus: 404 }],
  region: 'any',
});
export type TagResourcesRequest = RequestOf<typeof tagParams>;

const untagParams = [
  regionId('Region of the resources.'),
  resourceType,
  resourceIds(true),
  param('TagKey', { type: 'repeated', maxItems: 20 }, 'Keys to unbind (`TagKey.N`), at most 20.', {
    countCode: 'NumberExceed.Tags',
  }),
  param('All', { type: 'boolean' }, 'Unbind every tag; only without TagKey.N.', { default: false }),
  clientToken,
] as const;

export const UntagResources = ebsMutation({
  action: 'UntagResources',
  summary: 'Unbind tags from EBS resources, by key or all of them.',
  params: untagParams,
  errors: [
    ...TAG_ERRORS,
    { code: 'OperationDenied.QuotaExceed', httpStatus: 400 },
    { code: 'InvalidRegionId.NotFound', httpStatus: 404 },
  ],
  region: 'any',
});
export type UntagResourcesRequest = RequestOf<typeof untagParams>;

const listParams = [
  regionId('Region of the resources.'),
  resourceType,
  resourceIds(false),
  tagList,
  param('NextToken', { type: 'string', maxLength: 256 }, 'Where the next page starts.', ID_GUARD),
  clientToken,
] as const;

const TagResource = z.object({
  TagKey: z.string(),
  TagValue: z.string(),
  ResourceId: z.string().min(1),
  ResourceType: z.string().min(1),
});
export type TagResourceRow = z.infer<typeof TagResource>;
const ListTagResourcesResponse = RequestIdOnly.extend({
  NextToken: z.string().optional(),
  TagResources: z.array(TagResource),
});
export type ListTagResourcesResponse = z.infer<typeof ListTagResourcesResponse>;

export const ListTagResources = defineOperation({
  ...EBS,
  action: 'ListTagResources',
  summary: 'List the tags bound to EBS resources, by resource ID and/or tag.',
  doc: ebsDoc('ListTagResources'),
  params: listParams,
  response: ListTagResourcesResponse,
  errors: [
    ...TAG_ERRORS,
    { code: 'OperationDenied.QuotaExceed', httpStatus: 400 },
    'IdempotentParameterMismatch',
    { code: 'InvalidRegionId.NotFound', httpStatus: 404 },
  ],
  region: 'any',
  mutating: false,
});
export type ListTagResourcesRequest = RequestOf<typeof listParams>;
