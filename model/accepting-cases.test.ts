import { describe, expect, it } from 'vitest';
import { allowedOutcomes } from './allowed-outcomes';
import type { Call } from './call';
import type { ModelState } from './state';
import {
  apply,
  asSuccess,
  createGroupParams,
  createPairParams,
  ebsCall,
  ecsCall,
  groupCall,
  MINUTE,
  memberScenario,
  pairScenario,
  startPairCall,
  stopPairCall,
  T0,
  withDisk,
} from './testkit';

// A rule that refuses a call under a condition is judged in its accepting case too: an accepted
// call names the conditions it passed, so a run counts both cases of each (api/rules/cases.ts
// lists the rules that have one case only). Each row fails when the model stops naming its rule.

const named = (state: ModelState, call: Call, now = T0) => asSuccess(allowedOutcomes(state, call, now)).rules;

const legacyScenario = () =>
  withDisk(withDisk(pairScenario(), { id: 'd-lp' }), { id: 'd-ls', region: 'cn-beijing' });

describe('accepted calls name the conditions they passed', () => {
  it('PAIR.CREATE.NAME_FORMAT, PAIR.CREATE.DESCRIPTION_FORMAT, TOKEN.FORMAT and PROTO.EAR_REGION on a create with a name, description and token', () => {
    const s = withDisk(withDisk(pairScenario(), { id: 'd-p2' }), { id: 'd-s2', region: 'cn-beijing' });
    const call = ebsCall('CreateDiskReplicaPair', {
      ...createPairParams('d-p2', 'd-s2'),
      PairName: 'pair-a',
      Description: 'a pair',
      ClientToken: 'k'.repeat(64),
    });
    expect(named(s, call)).toEqual(
      expect.arrayContaining([
        'PAIR.CREATE.NAME_FORMAT',
        'PAIR.CREATE.DESCRIPTION_FORMAT',
        'TOKEN.FORMAT',
        'PROTO.EAR_REGION',
      ]),
    );
    expect(named(s, ebsCall('CreateDiskReplicaPair', createPairParams('d-p2', 'd-s2')))).not.toContain(
      'PAIR.CREATE.NAME_FORMAT',
    );
  });

  it('GROUP.NAME_FORMAT on a group create with a name', () => {
    const call = ebsCall('CreateDiskReplicaGroup', { ...createGroupParams(), GroupName: 'group-a' });
    expect(named(pairScenario(), call)).toContain('GROUP.NAME_FORMAT');
  });

  it('PAIR.START.STANDBY_NOT_ATTACHED, PAIR.START.MANUAL_SYNC_LIMIT and PAIR.FAILOVER.NOT_INVALID on accepted starts and failovers', () => {
    expect(named(pairScenario(), startPairCall())).toContain('PAIR.START.STANDBY_NOT_ATTACHED');
    let s = apply(pairScenario(), startPairCall({ OneShot: true }));
    expect(named(s, startPairCall({ OneShot: true }), T0 + 60 * MINUTE)).toContain(
      'PAIR.START.MANUAL_SYNC_LIMIT',
    );
    s = apply(apply(pairScenario(), startPairCall()), stopPairCall());
    expect(
      named(s, ebsCall('FailoverDiskReplicaPair', { RegionId: 'cn-beijing', ReplicaPairId: 'pair-1' })),
    ).toContain('PAIR.FAILOVER.NOT_INVALID');
  });

  it('GROUP.START.NEEDS_PAIRS and GROUP.START.STANDBY_NOT_ATTACHED on an accepted group start', () => {
    expect(named(memberScenario(), groupCall('StartDiskReplicaGroup', 'cn-shanghai'))).toEqual(
      expect.arrayContaining(['GROUP.START.NEEDS_PAIRS', 'GROUP.START.STANDBY_NOT_ATTACHED']),
    );
  });

  it('TAG.AT_MOST_50_RESOURCES and TAG.AT_MOST_20_TAGS on an accepted bind', () => {
    const call = ebsCall('TagResources', {
      RegionId: 'cn-shanghai',
      ResourceType: 'diskreplicapair',
      ResourceId: ['pair-1'],
      Tag: Array.from({ length: 20 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })),
    });
    expect(named(pairScenario(), call)).toEqual(
      expect.arrayContaining(['TAG.AT_MOST_50_RESOURCES', 'TAG.AT_MOST_20_TAGS']),
    );
  });

  it('DISK.CREATE.REGION_EXISTS, DISK.CREATE.ZONE_EXISTS, DISK.CREATE.SIZE_OR_SNAPSHOT and DISK.CREATE.ZONE_OR_INSTANCE on an accepted CreateDisk', () => {
    const call = ecsCall('CreateDisk', {
      RegionId: 'cn-shanghai',
      ZoneId: 'cn-shanghai-a',
      DiskCategory: 'cloud_essd',
      Size: 40,
    });
    expect(named(pairScenario(), call)).toEqual(
      expect.arrayContaining([
        'DISK.CREATE.REGION_EXISTS',
        'DISK.CREATE.ZONE_EXISTS',
        'DISK.CREATE.SIZE_OR_SNAPSHOT',
        'DISK.CREATE.ZONE_OR_INSTANCE',
      ]),
    );
  });

  it('LEGACY.CREATE.REQUIRED_PARAMS, LEGACY.CREATE.DISKS_EXIST, LEGACY.CREATE.SAME_SPEC_AND_SIZE and LEGACY.CREATE.OTHER_REGION on an accepted legacy create', () => {
    const call = ecsCall('CreateDiskReplicaPair', {
      RegionId: 'cn-shanghai',
      DiskId: 'd-lp',
      DestinationRegionId: 'cn-beijing',
      DestinationZoneId: 'cn-beijing-a',
      DestinationDiskId: 'd-ls',
      PairName: 'legacy-a',
    });
    expect(named(legacyScenario(), call)).toEqual(
      expect.arrayContaining([
        'LEGACY.CREATE.REQUIRED_PARAMS',
        'LEGACY.CREATE.DISKS_EXIST',
        'LEGACY.CREATE.SAME_SPEC_AND_SIZE',
        'LEGACY.CREATE.OTHER_REGION',
      ]),
    );
  });
});
