import { describe, expect, it } from 'vitest';
import { advance } from './advance';
import { allowedOutcomes } from './allowed-outcomes';
import { pairRow } from './projections/pairs';
import { initialState } from './state';
import {
  apply,
  asRefusal,
  asSuccess,
  codesOf,
  createPairParams,
  deletePairCall,
  ebsCall,
  ecsCall,
  failoveredScenario,
  failoverPairCall,
  MINUTE,
  pairScenario,
  reprotectPairCall,
  startPairCall,
  stopPairCall,
  T0,
  withDisk,
} from './testkit';
import { defaultWorld } from './world';

const _createCall = (
  extra: Record<string, unknown> = {},
  primary = 'd-p',
  secondary = 'd-s',
  to = 'cn-beijing',
) =>
  ebsCall('CreateDiskReplicaPair', { ...createPairParams(primary, secondary, 'cn-shanghai', to), ...extra });

/** Two disks, no pair yet. */
function disks(
  primary: Parameters<typeof withDisk>[1],
  secondary: Parameters<typeof withDisk>[1],
  world = defaultWorld(),
) {
  return withDisk(withDisk(initialState(world), primary), secondary);
}
const _plain = () => disks({ id: 'd-p' }, { id: 'd-s', region: 'cn-beijing' });

const attach = (diskId: string, instanceId: string) =>
  ecsCall('AttachDisk', { DiskId: diskId, InstanceId: instanceId });
const normalScenario = () => apply(pairScenario(), startPairCall());

describe('where a pair call is made', () => {
  it('PAIR.EITHER_REGION: Start is accepted in the secondary region too', () => {
    const e = asSuccess(allowedOutcomes(pairScenario(), startPairCall({ RegionId: 'cn-beijing' }), T0));
    expect(e.rules).toContain('PAIR.EITHER_REGION');
  });

  it('PAIR.VISIBLE_IN_OWN_REGIONS: a region holding neither disk does not know the pair', () => {
    const r = asRefusal(allowedOutcomes(pairScenario(), startPairCall({ RegionId: 'cn-heyuan' }), T0));
    expect(r.rules).toEqual(['PAIR.VISIBLE_IN_OWN_REGIONS']);
    expect(codesOf(r)).toContain('NoSuchResource');
    expect(r.undocumented).toBe(true);
  });
});

describe('StartDiskReplicaPair', () => {
  it('PAIR.START.FROM_CREATED_OR_STOPPED: a normal pair cannot be started again', () => {
    const r = asRefusal(allowedOutcomes(normalScenario(), startPairCall(), T0));
    expect(r.rules).toEqual(['PAIR.START.FROM_CREATED_OR_STOPPED']);
    expect(r.errors).toEqual([{ code: 'OperationDenied.InvalidStatus', httpStatus: 403 }]);
  });

  it('PAIR.START.INITIAL_FULL_SYNC: the first start shows initial_syncing and settles in normal', () => {
    const e = asSuccess(allowedOutcomes(pairScenario(), startPairCall(), T0));
    expect(e.rules).toContain('PAIR.START.INITIAL_FULL_SYNC');
    expect(e.transient).toContain('initial_syncing');
    expect(e.settlesIn).toContain('normal');
    const next = e.next();
    expect(next.pairs['pair-1']?.status).toBe('initial_syncing');
    const settled = advance(next, T0 + MINUTE).pairs['pair-1'];
    expect(settled?.status).toBe('normal');
    expect(settled?.fullSyncDone).toBe(true);
  });

  it('PAIR.START.STANDBY_NOT_ATTACHED: an attached secondary refuses Start with a 400', () => {
    const s = apply(pairScenario(), attach('d-s', 'i-cn-beijing-a-1'));
    const r = asRefusal(allowedOutcomes(s, startPairCall(), T0));
    expect(r.rules).toEqual(['PAIR.START.STANDBY_NOT_ATTACHED']);
    expect(r.errors).toEqual([{ code: 'OperationDenied.StandbyDeviceAttached', httpStatus: 400 }]);
  });

  it('PAIR.START.ONE_SHOT: a one-shot shows manual_syncing and settles in stopped', () => {
    const e = asSuccess(allowedOutcomes(pairScenario(), startPairCall({ OneShot: 'true' }), T0));
    expect(e.rules).toContain('PAIR.START.ONE_SHOT');
    expect(e.transient).toEqual(['manual_syncing']);
    expect(e.settlesIn).toEqual(['stopped']);
    expect(advance(e.next(), T0).pairs['pair-1']?.status).toBe('stopped');
  });

  it('PAIR.START.MANUAL_SYNC_LIMIT: a second one-shot within RPO/2 is refused, later accepted, both open at the edge', () => {
    const s = apply(pairScenario(), startPairCall({ OneShot: true }), T0);
    const soon = asRefusal(allowedOutcomes(s, startPairCall({ OneShot: true }), T0 + MINUTE));
    expect(soon.rules).toEqual(['PAIR.START.MANUAL_SYNC_LIMIT']);
    expect(soon.errors).toEqual([{ code: 'OperationDenied.ManualSyncLimit', httpStatus: 403 }]);
    const edge = asSuccess(allowedOutcomes(s, startPairCall({ OneShot: true }), T0 + 450_000));
    expect(edge.rules).toContain('PAIR.START.MANUAL_SYNC_LIMIT');
    expect(edge.also.map((x) => x.code)).toEqual(['OperationDenied.ManualSyncLimit']);
    const later = asSuccess(allowedOutcomes(s, startPairCall({ OneShot: true }), T0 + 10 * MINUTE));
    expect(later.also).toEqual([]);
    // A periodic start is not a one-shot: no limit applies.
    expect(allowedOutcomes(s, startPairCall(), T0 + MINUTE).kind).toBe('success');
  });
});

describe('StopDiskReplicaPair and ModifyDiskReplicaPair', () => {
  it('PAIR.STOP.FROM_SYNCING_STATES: a created pair cannot be stopped; a normal one can', () => {
    expect(asRefusal(allowedOutcomes(pairScenario(), stopPairCall(), T0)).rules).toEqual([
      'PAIR.STOP.FROM_SYNCING_STATES',
    ]);
    expect(asSuccess(allowedOutcomes(normalScenario(), stopPairCall(), T0)).rules).toContain(
      'PAIR.STOP.FROM_SYNCING_STATES',
    );
  });

  it('PAIR.STOP.SETTLES_STOPPED: stopping -> stopped, the recover point stays', () => {
    const s = normalScenario();
    const e = asSuccess(allowedOutcomes(s, stopPairCall(), T0 + MINUTE));
    expect(e.rules).toContain('PAIR.STOP.SETTLES_STOPPED');
    expect(e.transient).toEqual(['stopping']);
    const after = advance(e.next(), T0 + 2 * MINUTE).pairs['pair-1'];
    expect(after?.status).toBe('stopped');
    expect(after?.lastRecoverPoint).toBe(s.pairs['pair-1']?.lastRecoverPoint);
  });

  const modify = (extra: Record<string, unknown>) =>
    ebsCall('ModifyDiskReplicaPair', { RegionId: 'cn-beijing', ReplicaPairId: 'pair-1', ...extra });

  it('PAIR.MODIFY.IN_CREATED_OR_STOPPED: refused while normal', () => {
    const r = asRefusal(allowedOutcomes(normalScenario(), modify({ PairName: 'renamed' }), T0));
    expect(r.rules).toEqual(['PAIR.MODIFY.IN_CREATED_OR_STOPPED']);
  });

  it('PAIR.MODIFY.UPDATES_FIELDS: the new name shows, the description stays', () => {
    const s = apply(pairScenario(), modify({ Description: 'first words' }));
    const e = asSuccess(allowedOutcomes(s, modify({ PairName: 'renamed' }), T0));
    expect(e.rules).toContain('PAIR.MODIFY.UPDATES_FIELDS');
    const pair = e.next().pairs['pair-1']!;
    expect(pairRow(s, pair, 'production')).toMatchObject({ PairName: 'renamed', Description: 'first words' });
  });
});

describe('FailoverDiskReplicaPair', () => {
  it('PAIR.FAILOVER.IN_SECONDARY_REGION: refused in the primary region with OperateNotAllowedForPrimary, never its ForStandby sibling', () => {
    const r = asRefusal(allowedOutcomes(normalScenario(), failoverPairCall('cn-shanghai'), T0));
    expect(r.rules).toEqual(['PAIR.FAILOVER.IN_SECONDARY_REGION']);
    expect(codesOf(r)).toEqual(['OperationDenied.OperateNotAllowedForPrimary']);
  });

  it('PAIR.FAILOVER.NOT_INVALID: a pair whose disk was deleted cannot fail over', () => {
    const s = apply(normalScenario(), ecsCall('DeleteDisk', { DiskId: 'd-p' }));
    const r = asRefusal(allowedOutcomes(s, failoverPairCall(), T0));
    expect(r.rules).toEqual(['PAIR.FAILOVER.NOT_INVALID']);
  });

  it('PAIR.FAILOVER.BEFORE_FIRST_SYNC: a never-synced pair may fail over or be refused', () => {
    const e = asSuccess(allowedOutcomes(pairScenario(), failoverPairCall(), T0));
    expect(e.rules).toContain('PAIR.FAILOVER.BEFORE_FIRST_SYNC');
    expect(e.also.map((x) => x.code)).toContain('OperationDenied.InvalidStatus');
    expect(asSuccess(allowedOutcomes(normalScenario(), failoverPairCall(), T0)).also).toEqual([]);
  });

  it('PAIR.FAILOVER.SETTLES_FAILOVERED: failovering -> failovered, and the secondary becomes attachable', () => {
    const e = asSuccess(allowedOutcomes(normalScenario(), failoverPairCall(), T0));
    expect(e.rules).toContain('PAIR.FAILOVER.SETTLES_FAILOVERED');
    expect(e.transient).toEqual(['failovering']);
    const s = advance(e.next(), T0);
    expect(s.pairs['pair-1']?.status).toBe('failovered');
    expect(allowedOutcomes(s, attach('d-s', 'i-cn-beijing-a-1'), T0).kind).toBe('success');
  });
});

describe('ReprotectDiskReplicaPair (seed)', () => {
  it('PAIR.REPROTECT.REQUIRES_FAILOVERED: refused for a normal pair with InvalidStatus', () => {
    const r = asRefusal(allowedOutcomes(normalScenario(), reprotectPairCall(), T0));
    expect(r.rules).toEqual(['PAIR.REPROTECT.REQUIRES_FAILOVERED']);
    expect(r.errors).toEqual([{ code: 'OperationDenied.InvalidStatus', httpStatus: 403 }]);
  });

  it('PAIR.REPROTECT.IN_SECONDARY_REGION: refused in the primary region', () => {
    const r = asRefusal(allowedOutcomes(failoveredScenario(), reprotectPairCall('cn-shanghai'), T0));
    expect(r.rules).toEqual(['PAIR.REPROTECT.IN_SECONDARY_REGION']);
    expect(r.errors.every((x) => x.httpStatus === 403)).toBe(true);
  });

  it('PAIR.REPROTECT.PRIMARY_DETACHED: refuses while the primary is In_use, accepts once detached', () => {
    const s = apply(failoveredScenario(), attach('d-p', 'i-cn-shanghai-a-1'));
    const r = asRefusal(allowedOutcomes(s, reprotectPairCall(), T0));
    expect(r.rules).toEqual(['PAIR.REPROTECT.PRIMARY_DETACHED']);
    const detached = apply(s, ecsCall('DetachDisk', { DiskId: 'd-p', InstanceId: 'i-cn-shanghai-a-1' }));
    expect(asSuccess(allowedOutcomes(detached, reprotectPairCall(), T0)).rules).toContain(
      'PAIR.REPROTECT.PRIMARY_DETACHED',
    );
  });

  it('PAIR.REPROTECT.REVERSES_DIRECTION: Source/Destination swap, Primary/Standby stay', () => {
    const e = asSuccess(allowedOutcomes(failoveredScenario(), reprotectPairCall(), T0));
    expect(e.rules).toContain('PAIR.REPROTECT.REVERSES_DIRECTION');
    const s = advance(e.next(), T0);
    expect(pairRow(s, s.pairs['pair-1']!, 'production')).toMatchObject({
      SourceDiskId: 'd-s',
      SourceRegion: 'cn-beijing',
      DestinationDiskId: 'd-p',
      PrimaryRegion: 'cn-shanghai',
      StandbyRegion: 'cn-beijing',
    });
  });

  it('PAIR.REPROTECT.NEEDS_NEW_START: settles in stopped and replicates back only after Start', () => {
    const e = asSuccess(allowedOutcomes(failoveredScenario(), reprotectPairCall(), T0));
    expect(e.rules).toContain('PAIR.REPROTECT.NEEDS_NEW_START');
    expect(e.settlesIn).toEqual(['stopped']);
    const s = advance(e.next(), T0);
    expect(s.pairs['pair-1']?.status).toBe('stopped');
    // The original primary is now the secondary: attaching it blocks the new Start.
    const blocked = apply(s, attach('d-p', 'i-cn-shanghai-a-1'));
    expect(codesOf(allowedOutcomes(blocked, startPairCall(), T0))).toEqual([
      'OperationDenied.StandbyDeviceAttached',
    ]);
    expect(allowedOutcomes(s, startPairCall(), T0).kind).toBe('success');
  });

  it('PAIR.REPROTECT.CANCEL_RESTORES_DIRECTION: ReverseReplicate=false keeps the original direction', () => {
    const e = asSuccess(
      allowedOutcomes(
        failoveredScenario(),
        reprotectPairCall('cn-beijing', { ReverseReplicate: 'false' }),
        T0,
      ),
    );
    expect(e.rules).toContain('PAIR.REPROTECT.CANCEL_RESTORES_DIRECTION');
    const s = advance(e.next(), T0);
    expect(pairRow(s, s.pairs['pair-1']!, 'production')).toMatchObject({
      SourceDiskId: 'd-p',
      DestinationDiskId: 'd-s',
    });
  });
});

const progressCall = () =>
  ebsCall('DescribeDiskReplicaPairProgress', { RegionId: 'cn-shanghai', ReplicaPairId: 'pair-1' });

describe('a reversed pair before its first sync in the new direction', () => {
  it('copies in full on the next Start, and a failover may be refused until that copy completes', () => {
    const reversed = apply(failoveredScenario(), reprotectPairCall());
    expect(reversed.pairs['pair-1']?.fullSyncDone).toBe(false);
    // The secondary is now the original primary, in cn-shanghai.
    const failover = asSuccess(allowedOutcomes(reversed, failoverPairCall('cn-shanghai'), T0));
    expect(failover.also.map((x) => x.code)).toContain('OperationDenied');
    const start = asSuccess(allowedOutcomes(reversed, startPairCall(), T0));
    expect(start.next().pairs['pair-1']?.status).toBe('initial_syncing');
    const progress = asSuccess(allowedOutcomes(reversed, progressCall(), T0));
    expect([...progress.present, ...progress.absent]).not.toContain('RecoverPoint');
    const synced = apply(reversed, startPairCall());
    expect(asSuccess(allowedOutcomes(synced, failoverPairCall('cn-shanghai'), T0)).also).toEqual([]);
    expect(asSuccess(allowedOutcomes(synced, progressCall(), T0)).present).toContain('RecoverPoint');
  });

  it('a cancelled failover (ReverseReplicate=false) keeps the completed copy', () => {
    const cancelled = apply(
      failoveredScenario(),
      reprotectPairCall('cn-beijing', { ReverseReplicate: 'false' }),
    );
    expect(cancelled.pairs['pair-1']?.fullSyncDone).toBe(true);
  });
});

describe('DeleteDiskReplicaPair and invalid pairs', () => {
  it('PAIR.DELETE.ALLOWED_STATUSES: refused while normal, accepted when stopped, open when created', () => {
    expect(asRefusal(allowedOutcomes(normalScenario(), deletePairCall(), T0)).rules).toEqual([
      'PAIR.DELETE.ALLOWED_STATUSES',
    ]);
    const stopped = apply(normalScenario(), stopPairCall());
    expect(asSuccess(allowedOutcomes(stopped, deletePairCall(), T0)).also).toEqual([]);
    const created = asSuccess(allowedOutcomes(pairScenario(), deletePairCall(), T0));
    expect(created.rules).toContain('PAIR.DELETE.ALLOWED_STATUSES');
    expect(created.also.map((x) => x.code)).toEqual(['OperationDenied.InvalidStatus']);
  });

  it('PAIR.DELETE.IN_PRIMARY_REGION: refused in the secondary region (no documented code)', () => {
    const r = asRefusal(allowedOutcomes(pairScenario(), deletePairCall('cn-beijing'), T0));
    expect(r.rules).toEqual(['PAIR.DELETE.IN_PRIMARY_REGION']);
    expect(r.undocumented).toBe(true);
  });

  it('PAIR.DELETE.KEEPS_DISKS and PAIR.DELETE.SETTLES_GONE: the pair goes, both disks stay and the secondary is free', () => {
    const e = asSuccess(allowedOutcomes(apply(normalScenario(), stopPairCall()), deletePairCall(), T0));
    expect(e.rules).toEqual(expect.arrayContaining(['PAIR.DELETE.KEEPS_DISKS', 'PAIR.DELETE.SETTLES_GONE']));
    expect(e.next().pairs['pair-1']?.status).toBe('deleting');
    const s = advance(e.next(), T0);
    expect(s.pairs['pair-1']).toBeUndefined();
    expect(Object.keys(s.disks).sort()).toEqual(['d-p', 'd-s']);
    expect(allowedOutcomes(s, attach('d-s', 'i-cn-beijing-a-1'), T0).kind).toBe('success');
  });

  it('PAIR.INVALID.DEVICE_REMOVED: deleting the secondary disk turns the pair invalid', () => {
    const e = asSuccess(allowedOutcomes(pairScenario(), ecsCall('DeleteDisk', { DiskId: 'd-s' }), T0));
    expect(e.rules).toContain('PAIR.INVALID.DEVICE_REMOVED');
    const pair = e.next().pairs['pair-1'];
    expect(pair?.status).toBe('invalid');
    expect(pair?.statusMessage).toBe('DeviceRemoved');
  });

  it('PAIR.STATUS_MESSAGE_SCOPE: StatusMessage shows for invalid pairs only', () => {
    const s = pairScenario();
    expect(pairRow(s, s.pairs['pair-1']!, 'production')).not.toHaveProperty('StatusMessage');
    const invalid = apply(s, ecsCall('DeleteDisk', { DiskId: 'd-s' }));
    expect(pairRow(invalid, invalid.pairs['pair-1']!, 'production')).toMatchObject({
      Status: 'invalid',
      StatusMessage: 'DeviceRemoved',
    });
    const e = allowedOutcomes(invalid, ebsCall('DescribeDiskReplicaPairs', { RegionId: 'cn-shanghai' }), T0);
    expect(e.rules).toContain('PAIR.STATUS_MESSAGE_SCOPE');
  });
});

describe('readings the model leaves open until the target shows one', () => {
  const createdPair = () => pairScenario();
  it('PAIR.DELETE.ALLOWED_STATUSES (reading delete-created-pair): both answers allowed until fixed', () => {
    const open = asSuccess(allowedOutcomes(createdPair(), deletePairCall(), T0));
    expect(open.reading).toMatchObject({
      id: 'delete-created-pair',
      onSuccess: 'allowed',
      onRefusal: 'refused',
    });
    expect(codesOf(open)).toEqual([]);
    expect(open.also.map((e) => e.code)).toEqual(['OperationDenied.InvalidStatus']);
    const refused = { ...createdPair(), readings: { 'delete-created-pair': 'refused' } };
    expect(asRefusal(allowedOutcomes(refused, deletePairCall(), T0)).errors.map((e) => e.code)).toEqual([
      'OperationDenied.InvalidStatus',
    ]);
    const allowedOnly = { ...createdPair(), readings: { 'delete-created-pair': 'allowed' } };
    const e = asSuccess(allowedOutcomes(allowedOnly, deletePairCall(), T0));
    expect(e.also).toEqual([]);
    expect(e.reading).toBeUndefined();
  });
});
