import * as drills from '../ebs-drills';
import { ListTagResources } from '../ebs-tags';
import type { ResponseCase } from './response-case';

// The drill and tag success bodies, shaped like the metadata's examples (including the `pair`
// ResourceType of the ListTagResources example, where the parameter docs say diskreplicapair).

// PageNumber, PageSize and TotalCount are optional in every listing (see PageFields).
const PAGE = ['RequestId', 'Drills'];

export const EBS_DRILL_TAG_RESPONSE_CASES: readonly ResponseCase[] = [
  {
    op: drills.StartPairDrill,
    example: { DrillId: 'drill-xxx', RequestId: 'C123F94F-4E38-19AE-942A-A8D6F44F0001' },
    required: { '': ['RequestId', 'DrillId'] },
  },
  {
    op: drills.StartReplicaGroupDrill,
    example: { DrillId: 'pg-drill-xxx', RequestId: 'C123F94F-4E38-19AE-942A-A8D6F44F0002' },
    required: { '': ['RequestId', 'DrillId'] },
  },
  {
    op: drills.DescribePairDrills,
    example: {
      Drills: [
        {
          DrillId: 'drill-xxx',
          Status: 'executing',
          DrillDiskId: 'd-xxx',
          DrillDiskStatus: 'created',
          StartAt: 1690855888,
          RecoverPoint: 1690855931,
          StatusMessage: 'PAIR_SYNCPOINT_NOT_FOUND',
        },
      ],
      NextToken: 'AAAAAdDWBF2',
      PageNumber: 1,
      PageSize: 10,
      TotalCount: 1,
      RequestId: 'C46FF5A8-C5F0-4024-8262-B16B63920003',
    },
    required: { '': PAGE, 'Drills.0': ['DrillId', 'Status', 'StartAt'] },
  },
  {
    op: drills.DescribeReplicaGroupDrills,
    example: {
      Drills: [
        {
          DrillId: 'pg-drill-xxx',
          GroupId: 'pg-xxx',
          Status: 'executed',
          PairsInfo: [{ PairId: 'pair-xxx', DrillDiskId: 'd-xxx', DrillDiskStatus: 'created' }],
          StartAt: 1649750977,
          RecoverPoint: 1691114995,
          StatusMessage: 'GROUP_SYNCPOINT_NOT_FOUND',
        },
      ],
      NextToken: 'AAAAAdDWBF2\n',
      PageNumber: 1,
      PageSize: 10,
      TotalCount: 1,
      RequestId: 'C123F94F-4E38-19AE-942A-A8D6F44F0004',
    },
    required: {
      '': PAGE,
      'Drills.0': ['DrillId', 'GroupId', 'Status', 'PairsInfo', 'StartAt'],
      'Drills.0.PairsInfo.0': ['PairId'],
    },
  },
  {
    op: ListTagResources,
    example: {
      NextToken: 'caeba0bbb2be03f84eb48b699f0a0005',
      TagResources: [
        { TagKey: 'TestKey', TagValue: 'TestValue', ResourceId: 'pair-cn-c4d2t7f0005', ResourceType: 'pair' },
      ],
      RequestId: '484256DA-D816-44D2-9D86-B6EE4D5B0005',
    },
    required: {
      '': ['RequestId', 'TagResources'],
      'TagResources.0': ['TagKey', 'TagValue', 'ResourceId', 'ResourceType'],
    },
  },
];
