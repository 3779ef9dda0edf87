import { describe, expect, it } from 'vitest';
import {
  DescribeDiskReplicaGroupsResponse,
  DescribeDiskReplicaPairsResponse,
  DescribeRegionsResponse,
} from './operations';
import { conformsToSchema, judgeResponse } from './response-judgement';

const pair = {
  ReplicaPairId: 'pair-cn-1',
  SourceRegion: 'cn-shanghai',
  SourceZoneId: 'cn-shanghai-b',
  SourceDiskId: 'd-1',
  DestinationRegion: 'cn-beijing',
  DestinationZoneId: 'cn-beijing-f',
  DestinationDiskId: 'd-2',
  Status: 'created',
  RPO: 900,
  Bandwidth: 0,
  CreateTime: 1_700_000_000,
  Site: 'production',
  PrimaryRegion: 'cn-shanghai',
  PrimaryZone: 'cn-shanghai-b',
  StandbyRegion: 'cn-beijing',
  StandbyZone: 'cn-beijing-f',
  ChargeType: 'POSTPAY',
};
const pairs = (row: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  RequestId: 'r-1',
  NextToken: '',
  ReplicaPairs: [row],
  ...extra,
});

describe('judgeResponse', () => {
  it('accepts a documented answer, and ignores unknown extra fields at any depth', () => {
    const j = judgeResponse(
      DescribeDiskReplicaPairsResponse,
      pairs({ ...pair, EnableRtc: true, Future: { x: 1 } }, { Extra: 'x' }),
    );
    expect(j).toEqual({ issues: [], undocumented: [] });
  });

  it('reports a status outside the documented list as an undocumented value, not a schema issue', () => {
    const j = judgeResponse(DescribeDiskReplicaPairsResponse, pairs({ ...pair, Status: 'paused_by_ops' }));
    expect(j.issues).toEqual([]);
    expect(j.undocumented).toEqual([
      {
        path: 'ReplicaPairs.0.Status',
        value: 'paused_by_ops',
        documented: expect.arrayContaining(['created', 'normal']),
      },
    ]);
    expect(conformsToSchema(j)).toBe(true);
    expect(conformsToSchema(j, true)).toBe(false);
  });

  it('reads a union of value lists (StatusMessage: a documented message or empty) as one list', () => {
    const j = judgeResponse(DescribeDiskReplicaPairsResponse, pairs({ ...pair, StatusMessage: 'DiskLost' }));
    expect(j.issues).toEqual([]);
    expect(j.undocumented[0]).toMatchObject({ path: 'ReplicaPairs.0.StatusMessage', value: 'DiskLost' });
    expect(j.undocumented[0]?.documented).toEqual(expect.arrayContaining(['DeviceRemoved', '']));
  });

  it('keeps a missing required field, a wrong type or a bad ID format a schema issue', () => {
    const { ReplicaPairId: _, ...noId } = pair;
    expect(judgeResponse(DescribeDiskReplicaPairsResponse, pairs(noId)).issues.map((i) => i.path)).toEqual([
      'ReplicaPairs.0.ReplicaPairId',
    ]);
    const wrong = judgeResponse(
      DescribeDiskReplicaPairsResponse,
      pairs({ ...pair, Status: 3, SourceDiskId: 'x-1' }),
    );
    expect(wrong.issues.map((i) => i.path).sort()).toEqual([
      'ReplicaPairs.0.SourceDiskId',
      'ReplicaPairs.0.Status',
    ]);
    expect(wrong.undocumented).toEqual([]);
    expect(conformsToSchema(wrong)).toBe(false);
  });

  it('reports both kinds side by side', () => {
    const j = judgeResponse(
      DescribeDiskReplicaPairsResponse,
      pairs({ ...pair, ChargeType: 'SPOT', RPO: '900' }),
    );
    expect(j.issues.map((i) => i.path)).toEqual(['ReplicaPairs.0.RPO']);
    expect(j.undocumented.map((u) => u.value)).toEqual(['SPOT']);
  });

  it('DescribeRegions: no LocalName or RegionEndpoint is fine, an unknown resource type is undocumented', () => {
    const j = judgeResponse(DescribeRegionsResponse, {
      RequestId: 'r-1',
      Regions: [{ RegionId: 'cn-x', Zones: [{ ZoneId: 'cn-x-a', ResourceTypes: ['ear', 'backup-vault'] }] }],
    });
    expect(j.issues).toEqual([]);
    expect(j.undocumented).toEqual([
      {
        path: 'Regions.0.Zones.0.ResourceTypes.1',
        value: 'backup-vault',
        documented: ['ear', 'lens', 'dbsc'],
      },
    ]);
  });

  it('an empty group without PairIds, PairNumber or Bandwidth, and a token page without page numbers, conform', () => {
    const group = {
      ReplicaGroupId: 'pg-1',
      SourceRegionId: 'cn-shanghai',
      SourceZoneId: 'cn-shanghai-b',
      DestinationRegionId: 'cn-beijing',
      DestinationZoneId: 'cn-beijing-f',
      Status: 'created',
      RPO: 900,
      Site: 'production',
      PrimaryRegion: 'cn-shanghai',
      PrimaryZone: 'cn-shanghai-b',
      StandbyRegion: 'cn-beijing',
      StandbyZone: 'cn-beijing-f',
    };
    const j = judgeResponse(DescribeDiskReplicaGroupsResponse, {
      RequestId: 'r',
      NextToken: '',
      ReplicaGroups: [group],
    });
    expect(j).toEqual({ issues: [], undocumented: [] });
  });
});
