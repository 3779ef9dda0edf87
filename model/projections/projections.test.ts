import { describe, expect, it } from 'vitest';
import { advance } from '../advance';
import { allowedOutcomes } from '../allowed-outcomes';
import type { ModelState } from '../state';
import {
  apply,
  asSuccess,
  createGroupParams,
  createPairParams,
  ebsCall,
  ecsCall,
  MINUTE,
  memberScenario,
  pairScenario,
  startPairCall,
  T0,
  withDisk,
} from '../testkit';
import { worldFromRegions } from '../world';
import { pageRows } from './paging';

const describePairs = (s: ModelState, params: Record<string, unknown>) =>
  asSuccess(
    allowedOutcomes(s, ebsCall('DescribeDiskReplicaPairs', { RegionId: 'cn-shanghai', ...params }), T0),
  );
const ids = (rows: readonly Record<string, unknown>[] | undefined, field = 'ReplicaPairId') =>
  (rows ?? []).map((r) => r[field]);

/** pair-1 plus `n` more Shanghai -> Beijing pairs (pair-m0..). */
function manyPairs(n: number): ModelState {
  let s = pairScenario();
  for (let i = 0; i < n; i++) {
    s = withDisk(withDisk(s, { id: `d-a${i}` }), { id: `d-b${i}`, region: 'cn-beijing' });
    s = apply(
      s,
      ebsCall('CreateDiskReplicaPair', createPairParams(`d-a${i}`, `d-b${i}`)),
      T0 + (i + 1) * 1000,
      {
        ReplicaPairId: `pair-m${i}`,
      },
    );
  }
  return s;
}

describe('DescribeDiskReplicaPairs projection', () => {
  it('PAIR.DESCRIBE.SITE_PRODUCTION_DEFAULT: the production region lists the pair, the backup region does not', () => {
    const e = describePairs(pairScenario(), {});
    expect(e.rules).toContain('PAIR.DESCRIBE.SITE_PRODUCTION_DEFAULT');
    expect(ids(e.listing?.rows)).toEqual(['pair-1']);
    expect(ids(describePairs(pairScenario(), { RegionId: 'cn-beijing' }).listing?.rows)).toEqual([]);
  });

  it('PAIR.DESCRIBE.SITE_BACKUP: Site=backup lists it in the secondary region', () => {
    const e = describePairs(pairScenario(), { RegionId: 'cn-beijing', Site: 'backup' });
    expect(e.rules).toContain('PAIR.DESCRIBE.SITE_BACKUP');
    expect(e.listing?.rows).toEqual([expect.objectContaining({ ReplicaPairId: 'pair-1', Site: 'backup' })]);
  });

  it('reading pair-listing: the backup region may also list the pair under Site=production (either-disk) until the target shows which', () => {
    const e = describePairs(pairScenario(), { RegionId: 'cn-beijing' });
    expect(ids(e.listing?.rows)).toEqual([]);
    expect(e.listing?.open).toMatchObject({
      reading: 'pair-listing',
      listed: 'either-disk',
      unlisted: 'site',
    });
    expect(e.listing?.open?.rows).toEqual([
      expect.objectContaining({ ReplicaPairId: 'pair-1', Site: 'backup' }),
    ]);
    // The rows both alternatives list are not open, and a total that depends on the reading is not a fact.
    expect(describePairs(pairScenario(), {}).listing?.open?.rows).toEqual([]);
    expect(describePairs(pairScenario(), { RegionId: 'cn-beijing', PageNumber: 1 }).facts).not.toHaveProperty(
      'TotalCount',
    );
    const fixed = (listing: string) => ({ ...pairScenario(), readings: { 'pair-listing': listing } });
    const either = describePairs(fixed('either-disk'), { RegionId: 'cn-beijing' });
    expect(either.listing?.rows).toEqual([
      expect.objectContaining({ ReplicaPairId: 'pair-1', Site: 'backup' }),
    ]);
    expect(either.listing?.open).toBeUndefined();
    const site = describePairs(fixed('site'), { RegionId: 'cn-beijing', PageNumber: 1 });
    expect(ids(site.listing?.rows)).toEqual([]);
    expect(site.listing?.open).toBeUndefined();
    expect(site.facts).toMatchObject({ TotalCount: 0 });
  });

  it('PAIR.DESCRIBE.PAIR_IDS: only the named pairs; unknown IDs give no row', () => {
    const s = manyPairs(2);
    const e = describePairs(s, { PairIds: 'pair-m1,pair-zzz' });
    expect(e.rules).toContain('PAIR.DESCRIBE.PAIR_IDS');
    expect(ids(e.listing?.rows)).toEqual(['pair-m1']);
  });

  it('PAIR.DESCRIBE.GROUP_FILTER: a group ID lists its members, - lists the ungrouped', () => {
    let s = memberScenario();
    s = withDisk(withDisk(s, { id: 'd-a' }), { id: 'd-b', region: 'cn-beijing' });
    s = apply(s, ebsCall('CreateDiskReplicaPair', createPairParams('d-a', 'd-b')), T0 + 1, {
      ReplicaPairId: 'pair-2',
    });
    const members = describePairs(s, { ReplicaGroupId: 'pg-1' });
    expect(members.rules).toContain('PAIR.DESCRIBE.GROUP_FILTER');
    expect(ids(members.listing?.rows)).toEqual(['pair-1']);
    expect(members.listing?.rows[0]).toMatchObject({ ReplicaGroupId: 'pg-1' });
    expect(ids(describePairs(s, { ReplicaGroupId: '-' }).listing?.rows)).toEqual(['pair-2']);
  });

  it('PAIR.DESCRIBE.TOKEN_PAGING: the first page holds MaxResults rows (default 10); a continued page is open', () => {
    const s = manyPairs(11);
    const first = describePairs(s, {});
    expect(first.rules).toContain('PAIR.DESCRIBE.TOKEN_PAGING');
    expect(first.listing?.rows).toHaveLength(12);
    expect(pageRows(first.listing!.rows, first.listing!.page)).toHaveLength(10);
    const small = describePairs(s, { MaxResults: 5 });
    expect(pageRows(small.listing!.rows, small.listing!.page)).toHaveLength(5);
    const continued = describePairs(s, { NextToken: 'opaque', PageNumber: 2, PageSize: 3 });
    expect(continued.listing?.page).toEqual({ mode: 'token', maxResults: 10, continued: true });
    expect(pageRows(continued.listing!.rows, continued.listing!.page)).toBeUndefined();
  });

  it('PAIR.DESCRIBE.NUMBERED_PAGING: PageNumber/PageSize select a page and TotalCount counts all', () => {
    const s = manyPairs(4);
    const e = describePairs(s, { PageNumber: 2, PageSize: 2 });
    expect(e.rules).toContain('PAIR.DESCRIBE.NUMBERED_PAGING');
    expect(e.facts).toEqual({ TotalCount: 5, PageNumber: 2, PageSize: 2 });
    expect(ids(pageRows(e.listing!.rows, e.listing!.page) as Record<string, unknown>[])).toEqual([
      'pair-m1',
      'pair-m2',
    ]);
  });

  it('PAIR.DESCRIBE.FIELDS: direction, sites, status, RPO, bandwidth and charge type', () => {
    const e = describePairs(pairScenario(), {});
    expect(e.rules).toContain('PAIR.DESCRIBE.FIELDS');
    expect(e.listing?.rows[0]).toEqual({
      ReplicaPairId: 'pair-1',
      SourceRegion: 'cn-shanghai',
      SourceZoneId: 'cn-shanghai-a',
      SourceDiskId: 'd-p',
      DestinationRegion: 'cn-beijing',
      DestinationZoneId: 'cn-beijing-a',
      DestinationDiskId: 'd-s',
      PrimaryRegion: 'cn-shanghai',
      PrimaryZone: 'cn-shanghai-a',
      StandbyRegion: 'cn-beijing',
      StandbyZone: 'cn-beijing-a',
      Status: 'created',
      RPO: 900,
      Bandwidth: 0,
      ChargeType: 'POSTPAY',
      Site: 'production',
    });
  });

  it('PAIR.PROGRESS.RECOVER_POINT_AFTER_START and PAIR.DESCRIBE.TIMES_IN_SECONDS: RecoverPoint only once synced', () => {
    const progress = (s: ModelState) =>
      asSuccess(
        allowedOutcomes(
          s,
          ebsCall('DescribeDiskReplicaPairProgress', { RegionId: 'cn-beijing', ReplicaPairId: 'pair-1' }),
          T0,
        ),
      );
    const before = progress(pairScenario());
    expect(before.rules).toEqual(
      expect.arrayContaining(['PAIR.PROGRESS.RECOVER_POINT_AFTER_START', 'PAIR.DESCRIBE.TIMES_IN_SECONDS']),
    );
    expect(before.absent).toContain('RecoverPoint');
    const after = progress(apply(pairScenario(), startPairCall(), T0 + MINUTE));
    expect(after.present).toContain('RecoverPoint');
  });

  it('PAIR.PROGRESS.FULL_ONCE_NORMAL: a pair in normal reports Progress 100, a pair not yet started is not held to it', () => {
    const progress = (s: ModelState) =>
      asSuccess(
        allowedOutcomes(
          s,
          ebsCall('DescribeDiskReplicaPairProgress', { RegionId: 'cn-beijing', ReplicaPairId: 'pair-1' }),
          T0 + 2 * MINUTE,
        ),
      );
    expect(progress(pairScenario()).facts.Progress).toBeUndefined();
    const normal = advance(apply(pairScenario(), startPairCall(), T0 + MINUTE), T0 + 2 * MINUTE);
    expect(normal.pairs['pair-1']?.status).toBe('normal');
    expect(progress(normal).facts).toEqual({ Progress: 100 });
    expect(progress(normal).rules).toContain('PAIR.PROGRESS.FULL_ONCE_NORMAL');
  });
});

describe('DescribeDiskReplicaGroups projection', () => {
  it('reading empty-group-pair-ids: an empty group may leave PairIds and PairNumber out, unless the run fixed empty-list', () => {
    const describe = (s: ModelState) =>
      asSuccess(allowedOutcomes(s, ebsCall('DescribeDiskReplicaGroups', { RegionId: 'cn-shanghai' }), T0))
        .listing;
    const empty = apply(pairScenario(), ebsCall('CreateDiskReplicaGroup', createGroupParams()), T0, {
      ReplicaGroupId: 'pg-1',
    });
    expect(describe(empty)?.rows).toEqual([expect.objectContaining({ PairIds: [], PairNumber: 0 })]);
    expect(describe(empty)?.loose).toEqual({ 'pg-1': { PairIds: [undefined], PairNumber: [undefined] } });
    expect(describe({ ...empty, readings: { 'empty-group-pair-ids': 'empty-list' } })?.loose).toBeUndefined();
    expect(describe(memberScenario())?.loose).toBeUndefined();
  });
});

describe('DescribeDisks projection', () => {
  const world = () =>
    withDisk(withDisk(pairScenario(), { id: 'd-z', zone: 'cn-shanghai-b' }), { id: 'd-q', size: 80 });
  const describeDisks = (s: ModelState, params: Record<string, unknown>) =>
    asSuccess(allowedOutcomes(s, ecsCall('DescribeDisks', { RegionId: 'cn-shanghai', ...params }), T0));

  it('DISK.DESCRIBE.REGION_SCOPE: only the region disks, never deleted ones', () => {
    const s = apply(world(), ecsCall('DeleteDisk', { DiskId: 'd-q' }));
    const e = describeDisks(s, {});
    expect(e.rules).toContain('DISK.DESCRIBE.REGION_SCOPE');
    expect(ids(e.listing?.rows, 'DiskId')).toEqual(['d-p', 'd-z']);
  });

  it('DISK.DESCRIBE.FILTERS: DiskIds (JSON, [] matches nothing), ZoneId, Status', () => {
    const s = apply(world(), ecsCall('AttachDisk', { DiskId: 'd-q', InstanceId: 'i-cn-shanghai-a-1' }));
    const byIds = describeDisks(s, { DiskIds: '["d-q","d-s"]' });
    expect(byIds.rules).toContain('DISK.DESCRIBE.FILTERS');
    expect(ids(byIds.listing?.rows, 'DiskId')).toEqual(['d-q']);
    expect(describeDisks(s, { DiskIds: '[]' }).listing?.rows).toEqual([]);
    expect(ids(describeDisks(s, { ZoneId: 'cn-shanghai-b' }).listing?.rows, 'DiskId')).toEqual(['d-z']);
    expect(ids(describeDisks(s, { Status: 'In_use' }).listing?.rows, 'DiskId')).toEqual(['d-q']);
  });

  it('DISK.DESCRIBE.FIELDS: InstanceId shows only while In_use', () => {
    const s = apply(world(), ecsCall('AttachDisk', { DiskId: 'd-q', InstanceId: 'i-cn-shanghai-a-1' }));
    const rows = describeDisks(s, {}).listing?.rows ?? [];
    expect(rows.find((r) => r.DiskId === 'd-q')).toMatchObject({
      Status: 'In_use',
      InstanceId: 'i-cn-shanghai-a-1',
      Size: 80,
    });
    expect(rows.find((r) => r.DiskId === 'd-p')).not.toHaveProperty('InstanceId');
    expect(describeDisks(s, {}).rules).toContain('DISK.DESCRIBE.FIELDS');
  });

  it('DISK.DESCRIBE.PAGING: without paging parameters the call is numbered page 1 of 10; MaxResults starts a token walk', () => {
    expect(describeDisks(world(), {}).listing?.page).toEqual({ mode: 'number', pageNumber: 1, pageSize: 10 });
    expect(describeDisks(world(), {}).facts).toMatchObject({ TotalCount: 3, PageNumber: 1, PageSize: 10 });
    expect(describeDisks(world(), { MaxResults: 20 }).listing?.page).toEqual({
      mode: 'token',
      maxResults: 20,
      continued: false,
    });
  });

  it('DISK.DESCRIBE.PAGING: numbered pages carry TotalCount', () => {
    const e = describeDisks(world(), { PageNumber: 1, PageSize: 2 });
    expect(e.rules).toContain('DISK.DESCRIBE.PAGING');
    expect(e.facts).toMatchObject({ TotalCount: 3, PageSize: 2 });
  });
});

describe('advance', () => {
  it('settles every transient status and keeps settled ones', () => {
    const started = asSuccess(allowedOutcomes(pairScenario(), startPairCall(), T0)).next();
    const once = advance(started, T0 + MINUTE);
    expect(once.pairs['pair-1']).toMatchObject({ status: 'normal', lastRecoverPoint: T0 + MINUTE });
    expect(advance(once, T0 + 2 * MINUTE)).toEqual(once);
  });
});

describe('DescribeRegions projection', () => {
  it('PROTO.REGIONS_EAR: ResourceType=ear lists the replicating regions and zones only', () => {
    const e = asSuccess(
      allowedOutcomes(pairScenario(), ebsCall('DescribeRegions', { ResourceType: 'ear' }), T0),
    );
    expect(e.rules).toContain('PROTO.REGIONS_EAR');
    expect(e.listing?.rows.map((r) => r.RegionId)).toEqual([
      'cn-shanghai',
      'cn-beijing',
      'cn-heyuan',
      'cn-chengdu',
    ]);
    expect(e.listing?.rows[0]).toEqual({
      RegionId: 'cn-shanghai',
      Zones: [{ ZoneId: 'cn-shanghai-a' }, { ZoneId: 'cn-shanghai-b' }],
    });
    const all = asSuccess(allowedOutcomes(pairScenario(), ebsCall('DescribeRegions', {}), T0));
    expect(all.rules).not.toContain('PROTO.REGIONS_EAR');
  });

  it('PROTO.REGIONS_EAR: worldFromRegions learns replication per zone from the listing', () => {
    const w = worldFromRegions(
      [
        {
          RegionId: 'r-1',
          Zones: [
            { ZoneId: 'r-1a', ResourceTypes: ['ear'] },
            { ZoneId: 'r-1b', ResourceTypes: ['lens'] },
          ],
        },
        { RegionId: 'r-2', Zones: [{ ZoneId: 'r-2a', ResourceTypes: [] }] },
      ],
      [],
    );
    expect(w.regions.map((r) => [r.id, r.asyncReplication, r.zones.map((z) => z.asyncReplication)])).toEqual([
      ['r-1', true, [true, false]],
      ['r-2', false, [false]],
    ]);
  });
});
