import * as drills from '../ebs-drills';
import * as tags from '../ebs-tags';
import { ids, type RequestCase, tooManyTags } from './request-case';

const pairDrill = { RegionId: 'cn-shanghai', PairId: 'pair-cn-dsa0001' };
const groupDrill = { RegionId: 'cn-shanghai', GroupId: 'pg-0001' };
const tagged = { RegionId: 'cn-beijing', ResourceType: 'diskreplicapair', ResourceId: ['pair-cn-dsa0001'] };

export const EBS_DRILL_TAG_REQUEST_CASES: readonly RequestCase[] = [
  {
    op: drills.StartPairDrill,
    wire: pairDrill,
    parsed: pairDrill,
    required: ['RegionId', 'PairId'],
    invalid: [['PairId', '']],
  },
  {
    op: drills.DescribePairDrills,
    wire: { ...pairDrill, DrillId: 'drill-1', MaxResults: '500', PageNumber: '2', PageSize: '100' },
    parsed: { MaxResults: 500, PageNumber: 2, PageSize: 100 },
    required: ['RegionId', 'PairId'],
    invalid: [
      ['MaxResults', '0'],
      ['MaxResults', '501'],
      ['PageSize', '101'],
      ['PageNumber', '0'],
    ],
  },
  {
    op: drills.ClearPairDrill,
    wire: { ...pairDrill, DrillId: 'drill-1' },
    parsed: { DrillId: 'drill-1' },
    required: ['RegionId', 'PairId', 'DrillId'],
    invalid: [['DrillId', '']],
  },
  {
    op: drills.StartReplicaGroupDrill,
    wire: groupDrill,
    parsed: groupDrill,
    required: ['RegionId', 'GroupId'],
    invalid: [['GroupId', '']],
  },
  {
    op: drills.DescribeReplicaGroupDrills,
    wire: { ...groupDrill, DrillId: 'pg-drill-1', MaxResults: '1' },
    parsed: { MaxResults: 1 },
    required: ['RegionId', 'GroupId'],
    invalid: [
      ['MaxResults', '501'],
      ['PageSize', '0'],
    ],
  },
  {
    op: drills.ClearReplicaGroupDrill,
    wire: { ...groupDrill, DrillId: 'pg-drill-1' },
    parsed: { DrillId: 'pg-drill-1' },
    required: ['RegionId', 'GroupId', 'DrillId'],
    invalid: [['GroupId', '']],
  },
  {
    op: tags.TagResources,
    wire: { ...tagged, Tag: [{ Key: 'env', Value: '' }] },
    parsed: { ResourceId: ['pair-cn-dsa0001'], Tag: [{ Key: 'env', Value: '' }] },
    required: ['RegionId', 'ResourceType', 'ResourceId', 'Tag'],
    invalid: [
      ['ResourceType', 'disk'],
      ['ResourceId', ids(51, 'pair-')],
      ['Tag', tooManyTags],
      ['Tag', [{ Key: 'aliyun-x', Value: 'v' }]],
      ['Tag', [{ Key: 'acs:x', Value: 'v' }]],
      ['Tag', [{ Key: 'see http://x', Value: 'v' }]],
      ['Tag', [{ Key: 'k'.repeat(129), Value: 'v' }]],
      ['Tag', [{ Key: 'env', Value: 'acs:v' }]],
      ['Tag', [{ Key: 'env', Value: 'https://x' }]],
    ],
  },
  {
    op: tags.UntagResources,
    wire: { ...tagged, TagKey: ['env', 'team'], All: 'false' },
    parsed: { TagKey: ['env', 'team'], All: false },
    required: ['RegionId', 'ResourceType', 'ResourceId'],
    invalid: [
      ['TagKey', ids(21, 'k')],
      ['All', 'yes'],
    ],
  },
  {
    op: tags.ListTagResources,
    wire: { ...tagged, Tag: [{ Key: 'env' }], NextToken: 'abc' },
    parsed: { Tag: [{ Key: 'env' }] },
    required: ['RegionId', 'ResourceType'],
    invalid: [
      ['ResourceId', ids(51, 'pair-')],
      ['ResourceType', 'pair'],
    ],
  },
];
