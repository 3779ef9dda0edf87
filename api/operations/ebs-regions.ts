import { RegionResourceType } from '../enums';
import { defineOperation } from '../operation';
import { param } from '../param';
import { EBS, EBS_COMMON_ERRORS, ebsDoc, ID_GUARD } from './common';
import { DescribeRegionsResponse } from './ebs-responses';
import type { RequestOf } from './request-type';

const describeRegionsParams = [
  param(
    'RegionId',
    { type: 'string', minLength: 1, maxLength: 64 },
    'The region the caller calls from; optional.',
    ID_GUARD,
  ),
  param(
    'ResourceType',
    { type: 'string', enum: RegionResourceType.options },
    'Feature to list regions for: ear (async replication), lens (data insight), dbsc (dedicated cluster); all when absent.',
  ),
  param(
    'AcceptLanguage',
    { type: 'string', enum: ['zh-CN', 'en-US', 'ja'] },
    'Language of the LocalName fields.',
    { default: 'zh-CN' },
  ),
] as const;

export const DescribeRegions = defineOperation({
  ...EBS,
  action: 'DescribeRegions',
  summary: 'List the regions and zones where async replication (and other EBS features) are offered.',
  doc: ebsDoc('DescribeRegions'),
  params: describeRegionsParams,
  response: DescribeRegionsResponse,
  errors: [...EBS_COMMON_ERRORS],
  region: 'any',
  mutating: false,
});
export type DescribeRegionsRequest = RequestOf<typeof describeRegionsParams>;
