import * as groups from '../ebs-groups';
import * as pairs from '../ebs-pairs';
import { DescribeRegions } from '../ebs-regions';
import type { ResponseCase } from './response-case';

// Success bodies shaped like the examples of the EBS metadata, including their oddities
// (a StatusMessage on a `created` pair, an RPO of 180, a trailing newline in a value).

// The numbered fields are optional: a NextToken walk need not carry them (the SDKs agree).
const PAGE = ['RequestId'];
const TAG = ['TagKey', 'TagValue'];

export const EBS_RESPONSE_CASES: readonly ResponseCase[] = [
  {
    op: DescribeRegions,
    example: {
      RequestId: '17EE62D8-064E-5404-8B0D-72122478AAAA',
      Regions: [
        {
          LocalName: '华东1（杭州）',
          RegionEndpoint: 'ebs.cn-hangzhou.aliyuncs.com',
          RegionId: 'cn-hangzhou',
          Zones: [{ LocalName: '杭州 可用区H', ZoneId: 'cn-hangzhou-h', ResourceTypes: ['ear', 'lens'] }],
        },
      ],
    },
    required: {
      '': ['RequestId', 'Regions'],
      'Regions.0': ['RegionId', 'Zones'],
      'Regions.0.Zones.0': ['ZoneId', 'ResourceTypes'],
    },
  },
  {
    op: pairs.CreateDiskReplicaPair,
    example: {
      RequestId: 'C123F94F-4E38-19AE-942A-A8D6F44FAAAA',
      ReplicaPairId: 'pair-cn-dsa0001',
      OrderId: '1234560001',
    },
    required: { '': ['RequestId', 'ReplicaPairId'] },
  },
  {
    op: pairs.DescribeDiskReplicaPairs,
    example: {
      RequestId: 'AAA478A0-BEE6-1D42-BEB6-A9CFEAD6AAAA',
      NextToken: 'AAAAAdDWBF2',
      ReplicaPairs: [
        {
          ReplicaPairId: 'pair-cn-dsa0001',
          SourceRegion: 'cn-beijing',
          SourceZoneId: 'cn-beijing-a',
          SourceDiskId: 'd-bp131n0q38u3a4zi0001',
          DestinationRegion: 'cn-shanghai',
          DestinationZoneId: 'cn-shanghai-b',
          DestinationDiskId: 'd-asdfjl2342kj2l3k0001',
          PairName: 'TestReplicaPair',
          Description: 'This is description.',
          Status: 'created',
          RPO: 900,
          Bandwidth: 10240,
          StatusMessage: 'PrePayOrderExpired',
          LastRecoverPoint: 1649751977,
          ReplicaGroupId: 'pg-xxxx0001',
          CreateTime: 1649750977,
          ReplicaGroupName: 'pg-name0001',
          Site: 'production',
          PrimaryRegion: 'cn-beijing',
          StandbyRegion: 'cn-shanghai',
          PrimaryZone: 'cn-beijing-a',
          StandbyZone: 'cn-shanghai-b',
          ChargeType: 'PREPAY',
          ExpiredTime: 1649750977,
          Tags: [{ TagKey: 'testKey', TagValue: 'testValue' }],
          ResourceGroupId: 'rg-acfmvs0001',
        },
      ],
      PageNumber: 1,
      PageSize: 10,
      TotalCount: 60,
    },
    required: {
      '': [...PAGE, 'ReplicaPairs'],
      'ReplicaPairs.0': [
        'ReplicaPairId',
        'SourceRegion',
        'SourceZoneId',
        'SourceDiskId',
        'DestinationRegion',
        'DestinationZoneId',
        'DestinationDiskId',
        'Status',
        'RPO',
        'Bandwidth',
        'CreateTime',
        'Site',
        'PrimaryRegion',
        'PrimaryZone',
        'StandbyRegion',
        'StandbyZone',
        'ChargeType',
      ],
      'ReplicaPairs.0.Tags.0': TAG,
    },
  },
  {
    op: pairs.DescribeDiskReplicaPairProgress,
    example: { Progress: 100, RecoverPoint: 1661917424, RequestId: 'AAA478A0-BEE6-1D42-BEB6-A9CFEAD6AAAA\n' },
    required: { '': ['RequestId', 'Progress'] },
  },
  {
    op: groups.CreateDiskReplicaGroup,
    example: { RequestId: 'C123F94F-4E38-19AE-942A-A8D6F44FAAAA', ReplicaGroupId: 'pg-xxxxxxx' },
    required: { '': ['RequestId', 'ReplicaGroupId'] },
  },
  {
    op: groups.DescribeDiskReplicaGroups,
    example: {
      RequestId: 'AAA478A0-BEE6-1D42-BEB6-A9CFEAD6AAAA',
      NextToken: 'AAAAAdDWBF2',
      ReplicaGroups: [
        {
          ReplicaGroupId: 'pg-myreplica0001',
          SourceRegionId: 'cn-beijing',
          SourceZoneId: 'cn-beijing-f',
          DestinationRegionId: 'cn-shanghai',
          DestinationZoneId: 'cn-shanghai-e',
          GroupName: 'myreplicagrouptest',
          Description: 'This is description.',
          Status: 'created',
          RPO: 180,
          LastRecoverPoint: 1637835114,
          Site: 'production',
          PairIds: ['pair-cn-dsa0001,pair-cn-asd0001'],
          PairNumber: 2,
          PrimaryRegion: 'cn-beijing',
          StandbyRegion: 'cn-shanghai\n',
          PrimaryZone: 'cn-beijing-h',
          StandbyZone: 'cn-shanghai-e',
          Bandwidth: 0,
          ResourceGroupId: 'rg-aek2a0001',
          Tags: [{ TagKey: 'testKey', TagValue: 'testValue' }],
        },
      ],
      PageNumber: 1,
      PageSize: 10,
      TotalCount: 60,
    },
    required: {
      '': [...PAGE, 'ReplicaGroups'],
      'ReplicaGroups.0': [
        'ReplicaGroupId',
        'SourceRegionId',
        'SourceZoneId',
        'DestinationRegionId',
        'DestinationZoneId',
        'Status',
        'RPO',
        'Site',
        'PrimaryRegion',
        'PrimaryZone',
        'StandbyRegion',
        'StandbyZone',
      ],
      'ReplicaGroups.0.Tags.0': TAG,
    },
  },
];
