import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findRule, GroupStatus, LegacyPairStatus, PairStatus } from '../api';
import { advance } from './advance';
import { allowedOutcomes, commit } from './allowed-outcomes';
import type { Call } from './call';
import { listGroups } from './projections/groups';
import { listPairs, pairRow } from './projections/pairs';
import { initialState, type ModelState, membersOf } from './state';
import { createGroupParams, createPairParams, ebsCall, ecsCall, T0 } from './testkit';
import { defaultWorld } from './world';

// Random call sequences, valid and invalid, against the model alone. Resources are referenced by
// position in the current state (index % count), so sequences stay meaningful after shrinking.

const REGIONS = ['cn-shanghai', 'cn-beijing', 'cn-heyuan', 'cn-qingdao'];
const pick = <T>(xs: readonly T[], i: number): T | undefined =>
  xs.length === 0 ? undefined : xs[i % xs.length];
const zoneOf = (region: string, i: number) =>
  region === 'cn-qingdao' ? 'cn-qingdao-b' : `${region}-${i % 2 ? 'b' : 'a'}`;

interface Step {
  readonly kind: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly flag: boolean;
}

const PAIR_ACTIONS = ['Start', 'Stop', 'Failover', 'Reprotect', 'Delete', 'Modify'];
// Delete is rare, so groups live long enough to gather pairs.
const GROUP_ACTIONS = [
  'Start',
  'Stop',
  'Failover',
  'Reprotect',
  'Modify',
  'Start',
  'Stop',
  'Failover',
  'Reprotect',
  'Delete',
];

/** Case numbers of `toCall`, repeated by weight: mostly pair and group work, some disk churn. */
const WEIGHTS = [2, 1, 1, 1, 2, 10, 1, 3, 4, 1, 1, 2];
const CASES = WEIGHTS.flatMap((w, i) => Array.from({ length: w }, () => i));

/** Turns a generated step into a call against the current state (or time passing: undefined). */
function toCall(s: ModelState, st: Step): Call | undefined {
  const disks = Object.values(s.disks);
  const pairs = Object.values(s.pairs);
  const groups = Object.values(s.groups);
  const instances = Object.values(s.instances);
  const region = REGIONS[st.a % REGIONS.length] as string;
  const diskA = pick(disks, st.a);
  // Mostly a disk that could be diskA's secondary, so that pairs do get created.
  const partners = disks.filter(
    (d) => diskA && d.regionId !== diskA.regionId && d.size === diskA.size && d.category === diskA.category,
  );
  const diskB = st.c % 4 !== 0 ? (pick(partners, st.b) ?? pick(disks, st.b)) : pick(disks, st.b);
  const pair = pick(pairs, st.a);
  const group = pick(groups, st.b);
  // Which region a pair/group call is made in: primary, secondary, or an unrelated one.
  const siteRegion = (r: { primary: { regionId: string }; standby: { regionId: string } } | undefined) =>
    [r?.primary.regionId, r?.standby.regionId, r?.primary.regionId, r?.standby.regionId, region][st.c % 5] ??
    region;
  switch (CASES[st.kind % CASES.length]) {
    case 0:
      return ecsCall('CreateDisk', {
        RegionId: region,
        ZoneId: zoneOf(region, st.b),
        DiskCategory: st.c % 5 === 0 ? 'cloud_ssd' : 'cloud_essd',
        PerformanceLevel: 'PL1',
        Size: [40, 40, 40, 50, 10][st.c % 5],
        ...(st.flag && st.c % 3 === 0 ? { Encrypted: true } : {}),
        ...(st.c % 4 === 1 ? { ClientToken: `t-${st.b % 3}` } : {}),
      });
    case 1:
      return ecsCall('AttachDisk', {
        DiskId: diskA?.id ?? 'd-none',
        InstanceId: pick(instances, st.b)?.id ?? 'i-none',
      });
    case 2:
      return ecsCall('DetachDisk', {
        DiskId: diskA?.id ?? 'd-none',
        InstanceId: (st.flag ? diskA?.instanceId : undefined) ?? pick(instances, st.b)?.id ?? 'i-none',
      });
    case 3:
      return ecsCall('DeleteDisk', { DiskId: st.c % 3 ? 'd-unknown' : (diskA?.id ?? 'd-none') });
    case 4:
      return ebsCall('CreateDiskReplicaPair', {
        RegionId: diskA?.regionId ?? region,
        SourceZoneId: diskA?.zoneId ?? 'z',
        DiskId: diskA?.id ?? 'd-none',
        DestinationRegionId: diskB?.regionId ?? region,
        DestinationZoneId: diskB?.zoneId ?? 'z',
        DestinationDiskId: diskB?.id ?? 'd-none',
        ...(st.c % 4 === 1 ? { ClientToken: `t-${st.b % 3}` } : {}),
      });
    case 5: {
      const action = PAIR_ACTIONS[st.c % PAIR_ACTIONS.length];
      const extra =
        action === 'Start' && st.flag
          ? { OneShot: true }
          : action === 'Reprotect'
            ? { ReverseReplicate: st.flag }
            : {};
      return ebsCall(`${action}DiskReplicaPair`, {
        RegionId: siteRegion(pair),
        ReplicaPairId: st.kind % 7 === 0 ? 'pair-unknown' : (pair?.id ?? 'pair-none'),
        ...extra,
      });
    }
    case 6:
      return ebsCall('CreateDiskReplicaGroup', {
        RegionId: region,
        SourceZoneId: zoneOf(region, st.c),
        DestinationRegionId: REGIONS[st.b % REGIONS.length],
        DestinationZoneId: zoneOf(REGIONS[st.b % REGIONS.length] as string, st.c),
      });
    case 7: {
      // Mostly a pair that replicates the group's way, so that adds can succeed.
      const fitting = pairs.filter(
        (p) =>
          group && p.primary.zoneId === group.primary.zoneId && p.standby.zoneId === group.standby.zoneId,
      );
      const member = st.c % 3 ? (pick(fitting, st.a) ?? pair) : pair;
      return ebsCall(st.flag ? 'AddDiskReplicaPair' : 'RemoveDiskReplicaPair', {
        RegionId: group?.primary.regionId ?? region,
        ReplicaGroupId: group?.id ?? 'pg-none',
        ReplicaPairId: member?.id ?? 'pair-none',
      });
    }
    case 8: {
      const action = GROUP_ACTIONS[st.c % GROUP_ACTIONS.length];
      return ebsCall(`${action}DiskReplicaGroup`, {
        RegionId: siteRegion(group),
        ReplicaGroupId: group?.id ?? 'pg-none',
        ...(action === 'Start' && st.flag ? { OneShot: true } : {}),
      });
    }
    case 9:
      return st.flag
        ? ebsCall('DescribeDiskReplicaPairs', { RegionId: region, ...(st.c % 2 ? { Site: 'backup' } : {}) })
        : ecsCall('DescribeDisks', {
            RegionId: region,
            PageNumber: 1 + (st.c % 3),
            PageSize: 1 + (st.b % 5),
          });
    case 10:
      // Deliberately malformed: a required parameter missing or a wrong type.
      return st.flag
        ? ebsCall('StartDiskReplicaPair', { RegionId: region })
        : ecsCall('CreateDisk', { RegionId: region, ZoneId: zoneOf(region, 0), Size: 'lots' });
    default:
      return undefined;
  }
}

/**
 * Every run starts from matching ESSD disks in three regions, a Shanghai -> Beijing group and one
 * pair in that direction, so memberships and group work can happen from the first steps.
 */
const PRELUDE_ZONES = [
  'cn-shanghai-a',
  'cn-beijing-a',
  'cn-heyuan-a',
  'cn-shanghai-a',
  'cn-beijing-a',
  'cn-shanghai-b',
];
const PRELUDE: ModelState = advance(
  [
    ...PRELUDE_ZONES.map(
      (zone, i) =>
        [
          ecsCall('CreateDisk', {
            RegionId: zone.slice(0, -2),
            ZoneId: zone,
            DiskCategory: 'cloud_essd',
            Size: 40,
          }),
          { DiskId: `d-${i}` },
        ] as const,
    ),
    [ebsCall('CreateDiskReplicaGroup', createGroupParams()), { ReplicaGroupId: 'pg-0' }] as const,
    [ebsCall('CreateDiskReplicaPair', createPairParams('d-0', 'd-1')), { ReplicaPairId: 'pair-0' }] as const,
  ].reduce((s, [call, observed]) => commit(s, call, T0, observed), initialState(defaultWorld())),
  T0,
);

const zoneOk = (a: { regionId: string; zoneId: string }, b: { regionId: string; zoneId: string }) =>
  a.regionId !== b.regionId || a.zoneId !== b.zoneId;

function checkInvariants(s: ModelState): void {
  const holders = new Map<string, number>();
  const hold = (d: string) => holders.set(d, (holders.get(d) ?? 0) + 1);
  for (const p of Object.values(s.pairs)) {
    expect(PairStatus.options).toContain(p.status);
    expect(zoneOk(p.primary, p.standby), `pair ${p.id} sites`).toBe(true);
    hold(p.primary.diskId);
    hold(p.standby.diskId);
    if (p.groupId) expect(s.groups[p.groupId], `group of ${p.id}`).toBeDefined();
    // Listed exactly once at each site, showing its status.
    const prod = listPairs(s, { regionId: p.primary.regionId, site: 'production' }).filter(
      (x) => x.id === p.id,
    );
    const backup = listPairs(s, { regionId: p.standby.regionId, site: 'backup' }).filter(
      (x) => x.id === p.id,
    );
    expect([prod.length, backup.length]).toEqual([1, 1]);
    expect(pairRow(s, p, 'production').Status).toBe(p.status);
  }
  for (const p of Object.values(s.legacyPairs)) {
    expect(LegacyPairStatus.options).toContain(p.status);
    hold(p.source.diskId);
    hold(p.destination.diskId);
  }
  for (const [disk, n] of holders) expect(n, `pairs on ${disk}`).toBe(1);
  for (const g of Object.values(s.groups)) {
    expect(GroupStatus.options).toContain(g.status);
    expect(membersOf(s, g.id).length).toBeLessThanOrEqual(17);
    expect(listGroups(s, { regionId: g.primary.regionId }).filter((x) => x.id === g.id)).toHaveLength(1);
  }
  for (const d of Object.values(s.disks)) {
    if (!d.instanceId) continue;
    const i = s.instances[d.instanceId];
    expect(i?.zoneId, `instance of ${d.id}`).toBe(d.zoneId);
  }
}

const stepArb = fc.record({
  kind: fc.nat(239),
  a: fc.nat(50),
  b: fc.nat(50),
  c: fc.nat(50),
  flag: fc.boolean(),
});

describe('model invariants over random call sequences', () => {
  it('never throws, answers well-formed expectations, and never reaches an impossible state', () => {
    // Accepted calls per action, to show the sequences reach deep states and do not just bounce.
    const accepted = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 10, maxLength: 60 }), (steps) => {
        let s = PRELUDE;
        let now = T0;
        for (const st of steps) {
          now += (st.c + 1) * 20_000;
          const call = toCall(s, st);
          if (!call) {
            s = advance(s, now);
            continue;
          }
          const e = allowedOutcomes(s, call, now);
          expect(e.rules.length).toBeGreaterThan(0);
          // Each rule once: rules are added to a success by looking them up (withRules).
          expect(new Set(e.rules).size).toBe(e.rules.length);
          for (const id of e.rules) expect(findRule(id), id).toBeDefined();
          if (e.kind === 'refusal') {
            expect(e.errors.length).toBeGreaterThan(0);
            for (const x of e.errors) expect(x.httpStatus).toBeGreaterThanOrEqual(400);
          } else {
            s = e.next({});
            // Mostly settle as the engine does; sometimes keep the transient status for the next call.
            if (st.b % 4 !== 0) s = advance(s, now);
            accepted.set(call.action, (accepted.get(call.action) ?? 0) + 1);
          }
          checkInvariants(s);
        }
      }),
      // 150 runs missed an accepted Reprotect about once in 25; 400 make that about 1 in 5000.
      { numRuns: 400 },
    );
    const deep = [
      'CreateDiskReplicaPair',
      'StartDiskReplicaPair',
      'FailoverDiskReplicaPair',
      'ReprotectDiskReplicaPair',
    ];
    for (const action of [...deep, 'AddDiskReplicaPair', 'StartDiskReplicaGroup']) {
      expect(accepted.get(action) ?? 0, action).toBeGreaterThan(0);
    }
  });

  it('answers any parameters of any modelled action without throwing', () => {
    const actions = [
      ebsCall('CreateDiskReplicaPair', {}),
      ebsCall('ReprotectDiskReplicaPair', {}),
      ebsCall('AddDiskReplicaPair', {}),
      ebsCall('DescribeDiskReplicaPairs', {}),
      ecsCall('CreateDisk', {}),
      ecsCall('CreateDiskReplicaPair', {}),
      ecsCall('DescribeDisks', {}),
    ];
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string()));
    const keys = fc.constantFrom(
      'RegionId',
      'ReplicaPairId',
      'DiskId',
      'Size',
      'OneShot',
      'PairIds',
      'DiskIds',
      'Site',
      'X',
    );
    fc.assert(
      fc.property(fc.constantFrom(...actions), fc.dictionary(keys, value), (call, params) => {
        const e = allowedOutcomes(initialState(defaultWorld()), { ...call, params }, T0);
        expect(['success', 'refusal']).toContain(e.kind);
      }),
      { numRuns: 300 },
    );
  });
});
