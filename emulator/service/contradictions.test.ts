import { describe, expect, it } from 'vitest';
import { DescribeDisks } from '../../api';
import { validateParams } from '../protocol/validate';
import { ServiceError } from './api';
import { createDisk, createPair, describePair, makeService, refusal } from './test-support';

// Answers the emulator got wrong against the documentation (issue 14); each test fails on the old emulator.

const group = (h: ReturnType<typeof makeService>) =>
  h.ebs('CreateDiskReplicaGroup', {
    RegionId: 'cn-shanghai',
    SourceZoneId: 'cn-shanghai-b',
    DestinationRegionId: 'cn-beijing',
    DestinationZoneId: 'cn-beijing-f',
  }).ReplicaGroupId as string;

describe('documented answers the emulator used to get wrong', () => {
  it('removing a pair through a group it is not in, while in another group, is PairInAnotherGroup', () => {
    const h = makeService(0);
    const a = createPair(h).pairId;
    const b = createPair(h).pairId;
    const [g1, g2] = [group(h), group(h)];
    h.ebs('AddDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaGroupId: g1, ReplicaPairId: a });
    h.ebs('AddDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaGroupId: g2, ReplicaPairId: b });
    const remove = () =>
      h.ebs('RemoveDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaGroupId: g2, ReplicaPairId: a });
    expect(refusal(remove).code).toBe('OperationDenied.PairInAnotherGroup');
  });

  it('DescribeDisks with more than 100 DiskIds is InvalidDiskIds.Malformed', () => {
    const ids = JSON.stringify(Array.from({ length: 101 }, (_, i) => `d-${i}`));
    let err: unknown;
    try {
      validateParams(DescribeDisks, { RegionId: 'cn-shanghai', DiskIds: ids });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).code).toBe('InvalidDiskIds.Malformed');
  });

  it('DescribeDisks refuses MaxResults below its documented 10', () => {
    const h = makeService(0);
    expect(refusal(() => h.ecs('DescribeDisks', { RegionId: 'cn-shanghai', MaxResults: 5 })).code).toBe(
      'InvalidParameter',
    );
    h.ecs('DescribeDisks', { RegionId: 'cn-shanghai', MaxResults: 10 });
  });

  it('the default page of DescribeDiskReplicaPairs announces more rows with a NextToken', () => {
    const h = makeService(0);
    for (let i = 0; i < 11; i++) createPair(h);
    const first = h.ebs('DescribeDiskReplicaPairs', { RegionId: 'cn-shanghai' });
    expect((first.ReplicaPairs as unknown[]).length).toBe(10);
    expect(first.NextToken).toBeTruthy();
    const rest = h.ebs('DescribeDiskReplicaPairs', { RegionId: 'cn-shanghai', NextToken: first.NextToken });
    expect((rest.ReplicaPairs as unknown[]).length).toBe(1);
  });

  it('PairIds empty lists every pair', () => {
    const h = makeService(0);
    createPair(h);
    createPair(h);
    const body = h.ebs('DescribeDiskReplicaPairs', { RegionId: 'cn-shanghai', PairIds: '' });
    expect((body.ReplicaPairs as unknown[]).length).toBe(2);
  });

  it('the legacy ECS CreateDiskReplicaPair refuses a same-region pair', () => {
    const h = makeService(0);
    const a = createDisk(h, 'cn-shanghai', 'cn-shanghai-b');
    const b = createDisk(h, 'cn-shanghai', 'cn-shanghai-e');
    h.settle();
    const legacy = () =>
      h.ecs('CreateDiskReplicaPair', {
        RegionId: 'cn-shanghai',
        DiskId: a,
        DestinationRegionId: 'cn-shanghai',
        DestinationDiskId: b,
        PairName: 'same-region',
      });
    expect(refusal(legacy).code).toBe('IncorrectDiskStatus');
  });

  it('ModifyDiskReplicaPair leaves Bandwidth alone (documented as not open for use)', () => {
    const h = makeService(0);
    const { pairId } = createPair(h, undefined, undefined, {
      ChargeType: 'PREPAY',
      Period: 1,
      Bandwidth: 10240,
    });
    h.ebs('ModifyDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: pairId, Bandwidth: 102400 });
    expect(describePair(h, pairId)?.Bandwidth).toBe(10240);
  });
});
