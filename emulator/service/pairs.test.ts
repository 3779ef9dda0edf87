import { describe, expect, it } from 'vitest';
import {
  createDisk,
  createPair,
  describePair,
  type Harness,
  instanceIn,
  makeService,
  pairStatus,
  refusal,
} from './test-support';

const SH = { region: 'cn-shanghai', zone: 'cn-shanghai-b' };
const BJ = { region: 'cn-beijing', zone: 'cn-beijing-f' };

function tryCreate(h: Harness, primary: string, standby: string, extra: Record<string, unknown> = {}) {
  return refusal(() =>
    h.ebs('CreateDiskReplicaPair', {
      RegionId: SH.region,
      SourceZoneId: SH.zone,
      DiskId: primary,
      DestinationRegionId: BJ.region,
      DestinationZoneId: BJ.zone,
      DestinationDiskId: standby,
      ...extra,
    }),
  );
}

describe('CreateDiskReplicaPair', () => {
  it('shows a new pay-as-you-go pair as created, with bandwidth 0 and RPO 900', () => {
    const h = makeService(0);
    const { pairId, primaryDisk, standbyDisk } = createPair(h);
    expect(pairId).toMatch(/^pair-cn-[a-z0-9]{20}$/);
    expect(describePair(h, pairId)).toMatchObject({
      Status: 'created',
      ChargeType: 'POSTPAY',
      Bandwidth: 0,
      RPO: 900,
      SourceDiskId: primaryDisk,
      DestinationDiskId: standbyDisk,
      ReplicaGroupId: '',
    });
  });

  it('gives a subscription pair an OrderId, a bandwidth and an expiry', () => {
    const h = makeService(0);
    const primary = createDisk(h, SH.region, SH.zone);
    const standby = createDisk(h, BJ.region, BJ.zone);
    const body = h.ebs('CreateDiskReplicaPair', {
      RegionId: SH.region,
      SourceZoneId: SH.zone,
      DiskId: primary,
      DestinationRegionId: BJ.region,
      DestinationZoneId: BJ.zone,
      DestinationDiskId: standby,
      ChargeType: 'PREPAY',
      Period: 1,
      Bandwidth: 20480,
    });
    expect(body.OrderId).toMatch(/^\d+$/);
    const pair = describePair(h, body.ReplicaPairId as string);
    expect(pair).toMatchObject({ ChargeType: 'PREPAY', Bandwidth: 20480 });
    expect(pair?.ExpiredTime).toBeGreaterThan(pair?.CreateTime as number);
  });

  it('refuses disks that cannot be paired', () => {
    const h = makeService(0);
    const essd = () => createDisk(h, BJ.region, BJ.zone);
    const primary = createDisk(h, SH.region, SH.zone);
    expect(tryCreate(h, 'd-nope', essd()).code).toBe('NoSuchResource');
    // A disk that exists, but not in the region named for it.
    expect(tryCreate(h, primary, createDisk(h, 'cn-hangzhou', 'cn-hangzhou-g')).code).toBe('NoSuchResource');
    expect(tryCreate(h, primary, essd(), { SourceZoneId: 'cn-shanghai-e' }).code).toBe('OperationDenied');
    expect(tryCreate(h, primary, createDisk(h, BJ.region, BJ.zone, { Size: 80 })).code).toBe(
      'OperationDenied',
    );
    expect(tryCreate(h, primary, createDisk(h, BJ.region, BJ.zone, { PerformanceLevel: 'PL0' })).code).toBe(
      'OperationDenied',
    );
    // Encrypted disks are a reading (encrypted-disks): readings.test.ts plays both alternatives.
    const ssd = createDisk(h, BJ.region, BJ.zone, { DiskCategory: 'cloud_ssd' });
    expect(tryCreate(h, primary, ssd).code).toBe('OperationDenied');
    // One pair per disk.
    const standby = essd();
    h.ebs('CreateDiskReplicaPair', {
      RegionId: SH.region,
      SourceZoneId: SH.zone,
      DiskId: primary,
      DestinationRegionId: BJ.region,
      DestinationZoneId: BJ.zone,
      DestinationDiskId: standby,
    });
    expect(tryCreate(h, primary, essd()).code).toBe('OperationDenied');
  });

  it('refuses a secondary in the same zone, and zones without replication', () => {
    const h = makeService(0);
    const a = createDisk(h, SH.region, SH.zone);
    const b = createDisk(h, SH.region, SH.zone);
    const sameZone = refusal(() =>
      h.ebs('CreateDiskReplicaPair', {
        RegionId: SH.region,
        SourceZoneId: SH.zone,
        DiskId: a,
        DestinationRegionId: SH.region,
        DestinationZoneId: SH.zone,
        DestinationDiskId: b,
      }),
    );
    expect(sameZone.code).toBe('OperationDenied');
    const qingdao = createDisk(h, 'cn-qingdao', 'cn-qingdao-b');
    const noEar = refusal(() =>
      h.ebs('CreateDiskReplicaPair', {
        RegionId: SH.region,
        SourceZoneId: SH.zone,
        DiskId: a,
        DestinationRegionId: 'cn-qingdao',
        DestinationZoneId: 'cn-qingdao-b',
        DestinationDiskId: qingdao,
      }),
    );
    expect(noEar.code).toBe('OperationDenied');
  });

  it('accepts a secondary in another zone of the same region', () => {
    const h = makeService(0);
    const { pairId } = createPair(h, SH, { region: 'cn-shanghai', zone: 'cn-shanghai-e' });
    expect(pairStatus(h, pairId)).toBe('created');
  });
});

describe('pair refusals', () => {
  const start = (h: Harness, pairId: string, extra: Record<string, unknown> = {}) =>
    h.ebs('StartDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: pairId, ...extra });

  it('answers NoSuchResource for an unknown pair or a region holding neither disk', () => {
    const h = makeService(0);
    const { pairId } = createPair(h);
    expect(refusal(() => start(h, 'pair-cn-unknown')).code).toBe('NoSuchResource');
    expect(
      refusal(() => h.ebs('StartDiskReplicaPair', { RegionId: 'cn-heyuan', ReplicaPairId: pairId })).code,
    ).toBe('NoSuchResource');
  });

  it('refuses operations in the wrong status with OperationDenied.InvalidStatus', () => {
    const h = makeService(0);
    const { pairId } = createPair(h);
    const invalidStatus = { code: 'OperationDenied.InvalidStatus' };
    expect(
      refusal(() => h.ebs('StopDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: pairId })),
    ).toEqual(invalidStatus);
    expect(
      refusal(() => h.ebs('FailoverDiskReplicaPair', { RegionId: 'cn-beijing', ReplicaPairId: pairId })),
    ).toEqual(invalidStatus);
    expect(
      refusal(() => h.ebs('ReprotectDiskReplicaPair', { RegionId: 'cn-beijing', ReplicaPairId: pairId })),
    ).toEqual(invalidStatus);
    start(h, pairId);
    expect(refusal(() => start(h, pairId))).toEqual(invalidStatus);
    expect(
      refusal(() =>
        h.ebs('ModifyDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: pairId, PairName: 'x1' }),
      ),
    ).toEqual(invalidStatus);
    expect(
      refusal(() => h.ebs('DeleteDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: pairId })),
    ).toEqual(invalidStatus);
  });

  it('refuses to start while the secondary is attached, with status 400', () => {
    const h = makeService(0);
    const { pairId, standbyDisk } = createPair(h);
    // Before the first start the secondary is free to attach, and the start is then refused.
    h.ecs('AttachDisk', { InstanceId: instanceIn('cn-beijing-f'), DiskId: standbyDisk });
    expect(refusal(() => start(h, pairId))).toEqual({
      code: 'OperationDenied.StandbyDeviceAttached',
      httpStatus: 400,
    });
    h.ecs('DetachDisk', { InstanceId: instanceIn('cn-beijing-f'), DiskId: standbyDisk });
    start(h, pairId);
    // While the pair replicates the secondary is locked.
    expect(
      refusal(() => h.ecs('AttachDisk', { InstanceId: instanceIn('cn-beijing-f'), DiskId: standbyDisk }))
        .code,
    ).toBe('IncorrectDiskStatus');
  });

  it('refuses failover before the first full sync has completed', () => {
    const h = makeService(60_000);
    const { pairId } = createPair(h);
    h.settle();
    start(h, pairId);
    h.clock.advance(1_000);
    expect(pairStatus(h, pairId)).toBe('initial_syncing');
    const failover = () =>
      h.ebs('FailoverDiskReplicaPair', { RegionId: 'cn-beijing', ReplicaPairId: pairId });
    expect(refusal(failover).code).toBe('OperationDenied.InvalidStatus');
    // Stopped before the full copy finished: stopped, but still not failover-able.
    h.ebs('StopDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: pairId });
    h.clock.advance(60_000);
    expect(pairStatus(h, pairId)).toBe('stopped');
    expect(refusal(failover).code).toBe('OperationDenied');
  });

  it('limits one-shot syncs to one per RPO/2', () => {
    const h = makeService(0);
    const { pairId } = createPair(h);
    start(h, pairId, { OneShot: true });
    expect(pairStatus(h, pairId)).toBe('stopped');
    expect(refusal(() => start(h, pairId, { OneShot: true })).code).toBe('OperationDenied.ManualSyncLimit');
    h.clock.advance(450_001);
    start(h, pairId, { OneShot: true });
    expect(pairStatus(h, pairId)).toBe('stopped');
  });

  it('modifies name, description and RPO of a created or stopped pair', () => {
    const h = makeService(0);
    const { pairId } = createPair(h);
    h.ebs('ModifyDiskReplicaPair', {
      RegionId: 'cn-beijing',
      ReplicaPairId: pairId,
      PairName: 'renamed',
      Description: 'new text',
    });
    expect(describePair(h, pairId)).toMatchObject({ PairName: 'renamed', Description: 'new text' });
  });
});
