import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FAVOURED_READINGS, READINGS, ReadingChoiceError } from '../../api';
import { DEFAULT_EMULATOR_READINGS, emulatorReadings } from './readings';
import { createDisk, createPair, describePair, type Harness, makeService, refusal } from './test-support';

// Each reading, played both ways by the service: the same calls, the answer the alternative says.

const SH = { region: 'cn-shanghai', zone: 'cn-shanghai-b' };
const SH2 = { region: 'cn-shanghai', zone: 'cn-shanghai-e' };
const BJ = { region: 'cn-beijing', zone: 'cn-beijing-f' };

const playing = (...texts: string[]) => makeService(0, { readings: emulatorReadings(texts) });

function createPairCall(h: Harness, primary: string, standby: string, extra: Record<string, unknown> = {}) {
  return () =>
    h.ebs('CreateDiskReplicaPair', {
      RegionId: SH.region,
      SourceZoneId: SH.zone,
      DiskId: primary,
      DestinationRegionId: BJ.region,
      DestinationZoneId: BJ.zone,
      DestinationDiskId: standby,
      ...extra,
    });
}

const listed = (h: Harness, regionId: string, extra: Record<string, unknown> = {}) =>
  (
    h.ebs('DescribeDiskReplicaPairs', { RegionId: regionId, ...extra }).ReplicaPairs as Record<
      string,
      unknown
    >[]
  ).map((r) => [r.ReplicaPairId, r.Site]);

function createGroup(h: Harness, from = SH, to = BJ) {
  return h.ebs('CreateDiskReplicaGroup', {
    RegionId: from.region,
    SourceZoneId: from.zone,
    DestinationRegionId: to.region,
    DestinationZoneId: to.zone,
  }).ReplicaGroupId as string;
}

describe('the emulator default readings', () => {
  it('are the favoured ones, every one', () => {
    expect(DEFAULT_EMULATOR_READINGS).toEqual(FAVOURED_READINGS);
    expect(emulatorReadings()).toEqual(DEFAULT_EMULATOR_READINGS);
    for (const r of READINGS) expect(DEFAULT_EMULATOR_READINGS[r.id], r.id).toBe(r.favoured);
  });

  it('refuse a bad --reading text with the catalogue error', () => {
    expect(() => emulatorReadings(['pair-listing=both'])).toThrow(ReadingChoiceError);
  });
});

describe('pair-listing', () => {
  it('site: production lists at the primary region, backup at the standby region', () => {
    const h = playing('pair-listing=site');
    const { pairId } = createPair(h, SH, BJ);
    expect(listed(h, SH.region)).toEqual([[pairId, 'production']]);
    expect(listed(h, BJ.region)).toEqual([]);
    expect(listed(h, BJ.region, { Site: 'backup' })).toEqual([[pairId, 'backup']]);
    expect(listed(h, SH.region, { Site: 'backup' })).toEqual([]);
  });

  it('either-disk: both regions list the pair, each row naming its site there', () => {
    const h = playing('pair-listing=either-disk');
    const { pairId } = createPair(h, SH, BJ);
    expect(listed(h, SH.region)).toEqual([[pairId, 'production']]);
    expect(listed(h, BJ.region)).toEqual([[pairId, 'backup']]);
    expect(listed(h, BJ.region, { Site: 'production' })).toEqual([[pairId, 'backup']]);
    expect(listed(h, 'cn-heyuan')).toEqual([]);
  });
});

describe('create-pair-region', () => {
  it("primary: RegionId is the primary's region; the secondary's is refused", () => {
    const h = playing('create-pair-region=primary');
    const primary = createDisk(h, SH.region, SH.zone);
    const standby = createDisk(h, BJ.region, BJ.zone);
    expect(refusal(createPairCall(h, primary, standby, { RegionId: BJ.region })).code).toBe('NoSuchResource');
    expect(createPairCall(h, primary, standby)().ReplicaPairId).toMatch(/^pair-/);
  });

  it("destination: RegionId is the secondary's region; the primary's is refused", () => {
    const h = playing('create-pair-region=destination');
    const primary = createDisk(h, SH.region, SH.zone);
    const standby = createDisk(h, BJ.region, BJ.zone);
    expect(refusal(createPairCall(h, primary, standby)).code).toBe('OperationDenied');
    const { ReplicaPairId } = createPairCall(h, primary, standby, { RegionId: BJ.region })();
    expect(describePair(h, ReplicaPairId as string)).toMatchObject({
      SourceRegion: SH.region,
      DestinationRegion: BJ.region,
    });
  });
});

describe('same-region-cross-zone', () => {
  it('allowed: a pair and a group between two zones of one region are created', () => {
    const h = playing('same-region-cross-zone=allowed');
    const { pairId } = createPair(h, SH, SH2);
    expect(pairId).toMatch(/^pair-/);
    expect(createGroup(h, SH, SH2)).toMatch(/^pg-/);
  });

  it('refused: both are refused, while cross-region ones still work', () => {
    const h = playing('same-region-cross-zone=refused');
    const primary = createDisk(h, SH.region, SH.zone);
    const standby = createDisk(h, SH2.region, SH2.zone);
    const call = createPairCall(h, primary, standby, {
      DestinationRegionId: SH2.region,
      DestinationZoneId: SH2.zone,
    });
    expect(refusal(call).code).toBe('OperationDenied');
    expect(refusal(() => createGroup(h, SH, SH2)).code).toBe('OperationDenied');
    expect(createPair(h, SH, BJ).pairId).toMatch(/^pair-/);
    expect(createGroup(h, SH, BJ)).toMatch(/^pg-/);
  });
});

describe('encrypted-disks', () => {
  it('allowed: two encrypted ESSDs form a pair', () => {
    const h = playing('encrypted-disks=allowed');
    const primary = createDisk(h, SH.region, SH.zone, { Encrypted: true });
    const standby = createDisk(h, BJ.region, BJ.zone, { Encrypted: true });
    expect(createPairCall(h, primary, standby)().ReplicaPairId).toMatch(/^pair-/);
  });

  it('refused: an encrypted disk on either side is refused', () => {
    const h = playing('encrypted-disks=refused');
    const plain = createDisk(h, SH.region, SH.zone);
    const encrypted = createDisk(h, BJ.region, BJ.zone, { Encrypted: true });
    expect(refusal(createPairCall(h, plain, encrypted)).code).toBe('OperationDenied');
  });
});

describe('essd-autopl-pairs', () => {
  const autoPl = { DiskCategory: 'cloud_auto', PerformanceLevel: undefined };

  it('allowed: two ESSD AutoPL disks form a pair', () => {
    const h = playing('essd-autopl-pairs=allowed');
    const primary = createDisk(h, SH.region, SH.zone, autoPl);
    const standby = createDisk(h, BJ.region, BJ.zone, autoPl);
    expect(createPairCall(h, primary, standby)().ReplicaPairId).toMatch(/^pair-/);
  });

  it('refused: an AutoPL pair is refused, an ESSD pair is not', () => {
    const h = playing('essd-autopl-pairs=refused');
    const primary = createDisk(h, SH.region, SH.zone, autoPl);
    const standby = createDisk(h, BJ.region, BJ.zone, autoPl);
    expect(refusal(createPairCall(h, primary, standby)).code).toBe('OperationDenied');
    const essd = [createDisk(h, SH.region, SH.zone), createDisk(h, BJ.region, BJ.zone)] as const;
    expect(createPairCall(h, ...essd)().ReplicaPairId).toMatch(/^pair-/);
  });
});

describe('delete-created-pair', () => {
  const deleteIt = (h: Harness, pairId: string) => () =>
    h.ebs('DeleteDiskReplicaPair', { RegionId: SH.region, ReplicaPairId: pairId });

  it('allowed: a created pair is deleted', () => {
    const h = playing('delete-created-pair=allowed');
    const { pairId } = createPair(h);
    deleteIt(h, pairId)();
    expect(describePair(h, pairId)).toBeUndefined();
  });

  it('refused: a created pair is refused with InvalidStatus, a stopped one is deleted', () => {
    const h = playing('delete-created-pair=refused');
    const { pairId } = createPair(h);
    expect(refusal(deleteIt(h, pairId)).code).toBe('OperationDenied.InvalidStatus');
    h.ebs('StartDiskReplicaPair', { RegionId: SH.region, ReplicaPairId: pairId });
    h.ebs('StopDiskReplicaPair', { RegionId: SH.region, ReplicaPairId: pairId });
    deleteIt(h, pairId)();
    expect(describePair(h, pairId)).toBeUndefined();
  });
});

describe('postpay-bandwidth', () => {
  it('refused: Bandwidth with POSTPAY is an InvalidParameter', () => {
    const h = playing('postpay-bandwidth=refused');
    const [a, b] = [createDisk(h, SH.region, SH.zone), createDisk(h, BJ.region, BJ.zone)];
    expect(refusal(createPairCall(h, a, b, { Bandwidth: 10240 })).code).toBe('InvalidParameter');
  });

  it('zero: accepted, and the pair shows Bandwidth 0', () => {
    const h = playing('postpay-bandwidth=zero');
    const { pairId } = createPair(h, SH, BJ, { Bandwidth: 10240 });
    expect(describePair(h, pairId)).toMatchObject({ ChargeType: 'POSTPAY', Bandwidth: 0 });
  });
});

describe('bandwidth-not-open', () => {
  const groupRow = (h: Harness) =>
    (
      h.ebs('DescribeDiskReplicaGroups', { RegionId: SH.region }).ReplicaGroups as Record<string, unknown>[]
    )[0];
  const createWith = (h: Harness) => () =>
    h.ebs('CreateDiskReplicaGroup', {
      RegionId: SH.region,
      SourceZoneId: SH.zone,
      DestinationRegionId: BJ.region,
      DestinationZoneId: BJ.zone,
      Bandwidth: 10240,
    });

  it('preset: a group created or modified with Bandwidth shows the preset 0; a modified pair keeps its own', () => {
    const h = playing('bandwidth-not-open=preset');
    const groupId = createWith(h)().ReplicaGroupId as string;
    h.ebs('ModifyDiskReplicaGroup', { RegionId: SH.region, ReplicaGroupId: groupId, Bandwidth: 20480 });
    expect(groupRow(h)).toMatchObject({ ReplicaGroupId: groupId, Bandwidth: 0 });
    const { pairId } = createPair(h, SH, BJ);
    h.ebs('ModifyDiskReplicaPair', { RegionId: SH.region, ReplicaPairId: pairId, Bandwidth: 20480 });
    expect(describePair(h, pairId)).toMatchObject({ Bandwidth: 0 });
  });

  it('refused: each call holding Bandwidth is an InvalidParameter, and changes nothing', () => {
    const h = playing('bandwidth-not-open=refused');
    expect(refusal(createWith(h)).code).toBe('InvalidParameter');
    const groupId = createGroup(h);
    const modifyGroup = () =>
      h.ebs('ModifyDiskReplicaGroup', {
        RegionId: SH.region,
        ReplicaGroupId: groupId,
        GroupName: 'x1',
        Bandwidth: 1,
      });
    expect(refusal(modifyGroup).code).toBe('InvalidParameter');
    expect(groupRow(h)).toMatchObject({ ReplicaGroupId: groupId, GroupName: '' });
    const { pairId } = createPair(h, SH, BJ);
    const modifyPair = () =>
      h.ebs('ModifyDiskReplicaPair', { RegionId: SH.region, ReplicaPairId: pairId, Bandwidth: 1 });
    expect(refusal(modifyPair).code).toBe('InvalidParameter');
  });
});

describe('tag-filter-empty-value', () => {
  const tagged = (h: Harness) => {
    const { pairId } = createPair(h, SH, BJ, { Tag: [{ Key: 'env', Value: 'dr' }] });
    const groupId = h.ebs('CreateDiskReplicaGroup', {
      RegionId: SH.region,
      SourceZoneId: SH.zone,
      DestinationRegionId: BJ.region,
      DestinationZoneId: BJ.zone,
      Tag: [{ Key: 'env', Value: 'dr' }],
    }).ReplicaGroupId as string;
    const disk = h.ecs('CreateDisk', {
      RegionId: SH.region,
      ZoneId: SH.zone,
      Size: 20,
      DiskCategory: 'cloud_essd',
      Tag: [{ Key: 'env', Value: 'dr' }],
    }).DiskId as string;
    return { pairId, groupId, disk };
  };
  const ids = (h: Harness, Tag: unknown) => ({
    pairs: listed(h, SH.region, { Tag }).map(([id]) => id),
    groups: (
      h.ebs('DescribeDiskReplicaGroups', { RegionId: SH.region, Tag }).ReplicaGroups as Record<
        string,
        unknown
      >[]
    ).map((g) => g.ReplicaGroupId),
    disks: (
      h.ecs('DescribeDisks', { RegionId: SH.region, Tag }).Disks as { Disk: Record<string, unknown>[] }
    ).Disk.map((d) => d.DiskId),
  });

  it('any-value: an empty Value lists the key whatever its value, as the key alone does', () => {
    const h = playing('tag-filter-empty-value=any-value');
    const { pairId, groupId, disk } = tagged(h);
    const all = { pairs: [pairId], groups: [groupId], disks: [disk] };
    expect(ids(h, [{ Key: 'env', Value: '' }])).toEqual(all);
    expect(ids(h, [{ Key: 'env' }])).toEqual(all);
  });

  it('empty-only: an empty Value lists only an empty value; the key alone still lists any', () => {
    const h = playing('tag-filter-empty-value=empty-only');
    const { pairId, groupId, disk } = tagged(h);
    expect(ids(h, [{ Key: 'env', Value: '' }])).toEqual({ pairs: [], groups: [], disks: [] });
    expect(ids(h, [{ Key: 'env' }])).toEqual({ pairs: [pairId], groups: [groupId], disks: [disk] });
  });
});

describe('empty-group-pair-ids', () => {
  const row = (h: Harness) =>
    (
      h.ebs('DescribeDiskReplicaGroups', { RegionId: SH.region }).ReplicaGroups as Record<string, unknown>[]
    )[0];

  it('absent: an empty group shows neither PairIds nor PairNumber; a member brings both back', () => {
    const h = playing('empty-group-pair-ids=absent');
    const groupId = createGroup(h);
    expect(row(h)).not.toHaveProperty('PairIds');
    expect(row(h)).not.toHaveProperty('PairNumber');
    const { pairId } = createPair(h);
    h.ebs('AddDiskReplicaPair', { RegionId: SH.region, ReplicaGroupId: groupId, ReplicaPairId: pairId });
    expect(row(h)).toMatchObject({ PairIds: [pairId], PairNumber: 1 });
  });

  it('empty-list: an empty group shows PairIds [] and PairNumber 0', () => {
    const h = playing('empty-group-pair-ids=empty-list');
    createGroup(h);
    expect(row(h)).toMatchObject({ PairIds: [], PairNumber: 0 });
  });
});

describe('token-walk-paging-fields', () => {
  const page = (h: Harness, params: Record<string, unknown>) =>
    h.ebs('DescribeDiskReplicaPairs', { RegionId: SH.region, ...params });

  it('absent: a token page carries NextToken only; a numbered page keeps its fields', () => {
    const h = playing('token-walk-paging-fields=absent');
    createPair(h);
    createPair(h);
    const first = page(h, { MaxResults: 1 });
    expect(Object.keys(first).sort()).toEqual(['NextToken', 'ReplicaPairs']);
    expect(page(h, { PageNumber: 1, PageSize: 1 })).toMatchObject({
      PageNumber: 1,
      PageSize: 1,
      TotalCount: 2,
    });
    expect(h.ebs('DescribeDiskReplicaGroups', { RegionId: SH.region, MaxResults: 5 })).not.toHaveProperty(
      'TotalCount',
    );
  });

  it('present: a token page also carries PageNumber, PageSize and TotalCount', () => {
    const h = playing('token-walk-paging-fields=present');
    createPair(h);
    createPair(h);
    const first = page(h, { MaxResults: 1 });
    expect(first).toMatchObject({ PageNumber: 1, PageSize: 1, TotalCount: 2 });
    expect(page(h, { MaxResults: 1, NextToken: first.NextToken })).toMatchObject({
      PageNumber: 2,
      TotalCount: 2,
    });
  });
});

describe('group-calls-in-dr-region', () => {
  const modify = (h: Harness, groupId: string, regionId: string) => () =>
    h.ebs('ModifyDiskReplicaGroup', { RegionId: regionId, ReplicaGroupId: groupId, GroupName: 'renamed' });

  it('accepted: Modify is served in the disaster-recovery region', () => {
    const h = playing('group-calls-in-dr-region=accepted');
    const groupId = createGroup(h);
    expect(modify(h, groupId, BJ.region)()).toEqual({});
  });

  it('refused: the group is unknown in its disaster-recovery region, known in its production region', () => {
    const h = playing('group-calls-in-dr-region=refused');
    const groupId = createGroup(h);
    expect(refusal(modify(h, groupId, BJ.region)).code).toBe('NoSuchResource');
    const { pairId } = createPair(h);
    const add = { ReplicaGroupId: groupId, ReplicaPairId: pairId };
    expect(refusal(() => h.ebs('AddDiskReplicaPair', { RegionId: BJ.region, ...add })).code).toBe(
      'NoSuchResource',
    );
    expect(h.ebs('AddDiskReplicaPair', { RegionId: SH.region, ...add })).toEqual({});
    expect(modify(h, groupId, SH.region)()).toEqual({});
  });
});

describe('tag-calls-in-backup-region', () => {
  const tagCalls = (h: Harness, pairId: string, regionId: string) => ({
    tag: () =>
      h.ebs('TagResources', {
        RegionId: regionId,
        ResourceType: 'diskreplicapair',
        ResourceId: [pairId],
        Tag: [{ Key: 'env', Value: 'dr' }],
      }),
    listed: () =>
      (
        h.ebs('ListTagResources', {
          RegionId: regionId,
          ResourceType: 'diskreplicapair',
          ResourceId: [pairId],
        }).TagResources as Record<string, unknown>[]
      ).map((r) => r.ResourceId),
  });

  it('unknown: from its disaster-recovery region a pair is not found, nor listed; from its own it is', () => {
    const h = playing('tag-calls-in-backup-region=unknown');
    const { pairId } = createPair(h);
    const backup = tagCalls(h, pairId, BJ.region);
    expect(refusal(backup.tag).code).toBe('InvalidResourceId.NotFound');
    const own = tagCalls(h, pairId, SH.region);
    expect(own.tag()).toEqual({});
    expect(own.listed()).toEqual([pairId]);
    expect(backup.listed()).toEqual([]);
  });

  it('found: from its disaster-recovery region a pair is tagged and listed as from its own', () => {
    const h = playing('tag-calls-in-backup-region=found');
    const { pairId } = createPair(h);
    const backup = tagCalls(h, pairId, BJ.region);
    expect(backup.tag()).toEqual({});
    expect(backup.listed()).toEqual([pairId]);
    expect(tagCalls(h, pairId, SH.region).listed()).toEqual([pairId]);
  });
});

describe('client-token-scope', () => {
  /** A pair started with token 'shared'; then a stop with that token. */
  function stopWithStartsToken(h: Harness) {
    const { pairId } = createPair(h);
    h.ebs('StartDiskReplicaPair', { RegionId: SH.region, ReplicaPairId: pairId, ClientToken: 'shared' });
    return () =>
      h.ebs('StopDiskReplicaPair', { RegionId: SH.region, ReplicaPairId: pairId, ClientToken: 'shared' });
  }

  it('per-action: the token is new to another action', () => {
    expect(stopWithStartsToken(playing('client-token-scope=per-action'))()).toEqual({});
  });

  it('per-api: another action with the token is a mismatch', () => {
    const stop = stopWithStartsToken(playing('client-token-scope=per-api'));
    expect(refusal(stop).code).toBe('IdempotentParameterMismatch');
  });
});

describe('refused-call-token', () => {
  /** A stop refused (the pair never started) with token 'tk', then the pair started. */
  function refusedThenStarted(h: Harness) {
    const { pairId } = createPair(h);
    const stop =
      (extra = {}) =>
      () =>
        h.ebs('StopDiskReplicaPair', {
          RegionId: SH.region,
          ReplicaPairId: pairId,
          ClientToken: 'tk',
          ...extra,
        });
    const first = refusal(stop());
    h.ebs('StartDiskReplicaPair', { RegionId: SH.region, ReplicaPairId: pairId });
    return { first, stop };
  }

  it('forgotten: after the refusal the token is free, and the same stop now runs', () => {
    const { stop } = refusedThenStarted(playing('refused-call-token=forgotten'));
    expect(stop()()).toEqual({});
  });

  it('kept: the same stop gets the same refusal, another call with the token a mismatch', () => {
    const { first, stop } = refusedThenStarted(playing('refused-call-token=kept'));
    expect(first.code).toMatch(/^(OperationDenied|Incorrect)/);
    expect(refusal(stop()).code).toBe(first.code);
    expect(refusal(stop({ ClientToken: 'tk', RegionId: BJ.region })).code).toBe(
      'IdempotentParameterMismatch',
    );
  });
});

describe('every alternative of every reading', () => {
  it('is played by a test in this file', () => {
    // A new alternative without a test here is one the emulator cannot be shown to play.
    const source = readFileSync(fileURLToPath(import.meta.url), 'utf8');
    const untested = READINGS.flatMap((r) => r.alternatives.map((a) => `${r.id}=${a.id}`)).filter(
      (choice) => !source.includes(`playing('${choice}')`),
    );
    expect(untested).toEqual([]);
  });
});

describe('group-first-sync', () => {
  // A transition takes 1 s of the manual clock, so a one-shot group is seen in manual_syncing.
  const playing = (text: string) => makeService(1000, { readings: emulatorReadings([text]) });
  const group = (h: Harness, action: string, groupId: string, regionId: string, extra = {}) =>
    h.ebs(action, { RegionId: regionId, ReplicaGroupId: groupId, ...extra });
  const pairCall = (h: Harness, action: string, pairId: string) =>
    h.ebs(action, { RegionId: SH.region, ReplicaPairId: pairId });

  /** A pair synced and stopped on its own, then the only member of a group started one-shot. */
  function syncedMemberOnly(h: Harness) {
    const { pairId } = createPair(h);
    h.settle();
    pairCall(h, 'StartDiskReplicaPair', pairId);
    h.settle();
    pairCall(h, 'StopDiskReplicaPair', pairId);
    h.settle();
    const groupId = createGroup(h);
    h.settle();
    group(h, 'AddDiskReplicaPair', groupId, SH.region, { ReplicaPairId: pairId });
    group(h, 'StartDiskReplicaGroup', groupId, SH.region, { OneShot: true });
    return () => group(h, 'FailoverDiskReplicaGroup', groupId, BJ.region);
  }

  /** A group synced with one pair and stopped, then given a pair that never synced, started one-shot. */
  function unsyncedNewMember(h: Harness) {
    const first = createPair(h).pairId;
    h.settle();
    const groupId = createGroup(h);
    h.settle();
    group(h, 'AddDiskReplicaPair', groupId, SH.region, { ReplicaPairId: first });
    group(h, 'StartDiskReplicaGroup', groupId, SH.region);
    h.settle();
    group(h, 'StopDiskReplicaGroup', groupId, SH.region);
    h.settle();
    const second = createPair(h).pairId;
    h.settle();
    group(h, 'AddDiskReplicaPair', groupId, SH.region, { ReplicaPairId: second });
    group(h, 'StartDiskReplicaGroup', groupId, SH.region, { OneShot: true });
    return () => group(h, 'FailoverDiskReplicaGroup', groupId, BJ.region);
  }

  it("members: a member's sync before it joined counts; a member that never synced holds the group back", () => {
    expect(syncedMemberOnly(playing('group-first-sync=members'))()).toEqual({});
    expect(refusal(unsyncedNewMember(playing('group-first-sync=members'))).code).toBe('OperationDenied');
  });

  it("group: only the group's own sync counts, and a member added after it does not undo it", () => {
    expect(refusal(syncedMemberOnly(playing('group-first-sync=group'))).code).toBe('OperationDenied');
    expect(unsyncedNewMember(playing('group-first-sync=group'))()).toEqual({});
  });
});
