import * as groups from '../ebs-groups';
import * as pairs from '../ebs-pairs';
import { DescribeRegions } from '../ebs-regions';
import { ids, type RequestCase, tooManyTags } from './request-case';

const pairRef = { RegionId: 'cn-beijing', ReplicaPairId: 'pair-cn-dsa0001' };
const groupRef = { RegionId: 'cn-beijing', ReplicaGroupId: 'pg-0001' };
const pairRequired = ['RegionId', 'ReplicaPairId'];
const groupRequired = ['RegionId', 'ReplicaGroupId'];

const badNames = (name: string) =>
  [
    [name, 'a'],
    [name, '1starts-with-digit'],
    [name, 'http://example'],
    [name, `n${'x'.repeat(128)}`],
  ] as const;
const badDescriptions = [
  ['Description', 'x'],
  ['Description', 'https://example.com/x'],
  ['Description', 'y'.repeat(257)],
] as const;

export const EBS_REQUEST_CASES: readonly RequestCase[] = [
  {
    op: DescribeRegions,
    wire: { RegionId: 'cn-hangzhou', ResourceType: 'ear', AcceptLanguage: 'en-US' },
    parsed: { ResourceType: 'ear', AcceptLanguage: 'en-US' },
    required: [],
    invalid: [
      ['ResourceType', 'ebs'],
      ['AcceptLanguage', 'fr-FR'],
    ],
  },
  {
    op: pairs.CreateDiskReplicaPair,
    wire: {
      RegionId: 'cn-beijing',
      SourceZoneId: 'cn-beijing-a',
      DiskId: 'd-primary',
      DestinationRegionId: 'cn-shanghai',
      DestinationDiskId: 'd-secondary',
      DestinationZoneId: 'cn-shanghai-b',
      PairName: '复制对:pair_1.a-b',
      Description: 'Pair for the ERP database',
      ChargeType: 'PREPAY',
      Period: '12',
      PeriodUnit: 'Month',
      Bandwidth: '102400',
      RPO: '900',
      Tag: [{ Key: 'env', Value: 'dr' }],
    },
    parsed: {
      Period: 12,
      Bandwidth: 102400,
      RPO: 900,
      ChargeType: 'PREPAY',
      Tag: [{ Key: 'env', Value: 'dr' }],
    },
    required: [
      'RegionId',
      'SourceZoneId',
      'DiskId',
      'DestinationRegionId',
      'DestinationDiskId',
      'DestinationZoneId',
    ],
    invalid: [
      ...badNames('PairName'),
      ...badDescriptions,
      ['ChargeType', 'prepay'],
      ['Period', '4'],
      ['Period', '1.5'],
      ['PeriodUnit', 'Year'],
      ['Bandwidth', '1000'],
      ['RPO', '600'],
      ['Tag', tooManyTags],
    ],
  },
  {
    op: pairs.ModifyDiskReplicaPair,
    wire: { ...pairRef, PairName: 'Renamed', Description: 'New text', RPO: '900', Bandwidth: '0' },
    parsed: { RPO: 900, Bandwidth: 0 },
    required: pairRequired,
    invalid: [...badNames('PairName'), ['RPO', '300'], ['Bandwidth', '-1']],
  },
  {
    op: pairs.StartDiskReplicaPair,
    wire: { ...pairRef, OneShot: 'true' },
    parsed: { OneShot: true },
    required: pairRequired,
    invalid: [
      ['OneShot', 'yes'],
      ['ReplicaPairId', ''],
    ],
  },
  {
    op: pairs.StopDiskReplicaPair,
    wire: pairRef,
    parsed: pairRef,
    required: pairRequired,
    invalid: [['ReplicaPairId', '']],
  },
  {
    op: pairs.FailoverDiskReplicaPair,
    wire: pairRef,
    parsed: pairRef,
    required: pairRequired,
    invalid: [['RegionId', '']],
  },
  {
    op: pairs.ReprotectDiskReplicaPair,
    wire: { ...pairRef, ReverseReplicate: 'false' },
    parsed: { ReverseReplicate: false },
    required: pairRequired,
    invalid: [['ReverseReplicate', 'no']],
  },
  {
    op: pairs.DeleteDiskReplicaPair,
    wire: pairRef,
    parsed: pairRef,
    required: pairRequired,
    invalid: [['ReplicaPairId', '']],
  },
  {
    op: pairs.DescribeDiskReplicaPairs,
    wire: {
      RegionId: 'cn-beijing',
      PairIds: 'pair-1,pair-2',
      Site: 'backup',
      ReplicaGroupId: '-',
      MaxResults: '500',
      NextToken: 'AAAAAdDWBF2',
      PageNumber: '1',
      PageSize: '100',
    },
    parsed: {
      PairIds: ['pair-1', 'pair-2'],
      Site: 'backup',
      ReplicaGroupId: '-',
      MaxResults: 500,
      PageSize: 100,
    },
    required: ['RegionId'],
    invalid: [
      ['PairIds', ids(101, 'pair-').join(',')],
      ['MaxResults', '0'],
      ['MaxResults', '501'],
      ['MaxResults', 'ten'],
      ['PageNumber', '0'],
      ['PageSize', '101'],
      ['Site', 'primary'],
      ['Tag', tooManyTags],
    ],
  },
  {
    op: pairs.DescribeDiskReplicaPairProgress,
    wire: pairRef,
    parsed: pairRef,
    required: pairRequired,
    invalid: [['ReplicaPairId', '']],
  },
  {
    op: groups.AddDiskReplicaPair,
    wire: { ...groupRef, ReplicaPairId: 'pair-1' },
    parsed: { ReplicaPairId: 'pair-1' },
    required: ['RegionId', 'ReplicaGroupId', 'ReplicaPairId'],
    invalid: [['ReplicaGroupId', '']],
  },
  {
    op: groups.RemoveDiskReplicaPair,
    wire: { ...groupRef, ReplicaPairId: 'pair-1' },
    parsed: { ReplicaPairId: 'pair-1' },
    required: ['RegionId', 'ReplicaGroupId', 'ReplicaPairId'],
    invalid: [['ReplicaPairId', '']],
  },
  {
    op: groups.CreateDiskReplicaGroup,
    wire: {
      RegionId: 'cn-beijing',
      SourceZoneId: 'cn-beijing-f',
      DestinationRegionId: 'cn-shanghai',
      DestinationZoneId: 'cn-shanghai-e',
      GroupName: 'erp_group-1',
      Description: 'Consistent group for ERP',
      RPO: '900',
      Bandwidth: '0',
    },
    parsed: { RPO: 900, GroupName: 'erp_group-1' },
    required: ['RegionId', 'SourceZoneId', 'DestinationRegionId', 'DestinationZoneId'],
    invalid: [
      ...badNames('GroupName'),
      ['GroupName', 'group.1'],
      ...badDescriptions,
      ['RPO', '60'],
      ['Tag', tooManyTags],
    ],
  },
  {
    op: groups.DescribeDiskReplicaGroups,
    wire: { RegionId: 'cn-beijing', GroupIds: 'pg-1,pg-2', Site: 'production', MaxResults: '10' },
    parsed: { GroupIds: ['pg-1', 'pg-2'], MaxResults: 10 },
    required: ['RegionId'],
    invalid: [
      ['GroupIds', ids(101, 'pg-').join(',')],
      ['MaxResults', '501'],
      ['PageSize', '101'],
      ['Site', 'standby'],
    ],
  },
  {
    op: groups.ModifyDiskReplicaGroup,
    wire: { ...groupRef, GroupName: 'renamed', RPO: '900' },
    parsed: { RPO: 900 },
    required: groupRequired,
    invalid: [...badNames('GroupName'), ['RPO', '1800']],
  },
  {
    op: groups.StartDiskReplicaGroup,
    wire: { ...groupRef, OneShot: 'false' },
    parsed: { OneShot: false },
    required: groupRequired,
    invalid: [['OneShot', '1']],
  },
  {
    op: groups.StopDiskReplicaGroup,
    wire: groupRef,
    parsed: groupRef,
    required: groupRequired,
    invalid: [['ReplicaGroupId', '']],
  },
  {
    op: groups.FailoverDiskReplicaGroup,
    wire: groupRef,
    parsed: groupRef,
    required: groupRequired,
    invalid: [['ReplicaGroupId', '']],
  },
  {
    op: groups.ReprotectDiskReplicaGroup,
    wire: { ...groupRef, ReverseReplicate: 'true' },
    parsed: { ReverseReplicate: true },
    required: groupRequired,
    invalid: [['ReverseReplicate', 'TRUE']],
  },
  {
    op: groups.DeleteDiskReplicaGroup,
    wire: groupRef,
    parsed: groupRef,
    required: groupRequired,
    invalid: [['ReplicaGroupId', '']],
  },
];
