import { describe, expect, it } from 'vitest';
import { createDisk, createPair, makeService, refusal } from './test-support';

const diskParams = { RegionId: 'cn-hangzhou', ZoneId: 'cn-hangzhou-g', DiskCategory: 'cloud_essd', Size: 40 };
const diskCount = (h: ReturnType<typeof makeService>) =>
  (h.ecs('DescribeDisks', { RegionId: 'cn-hangzhou' }).Disks as { Disk: unknown[] }).Disk.length;

describe('ClientToken idempotency', () => {
  it('answers a repeat with the same body and no second effect', () => {
    const h = makeService(0);
    const first = h.ecs('CreateDisk', { ...diskParams, ClientToken: 'tok-1' });
    const again = h.ecs('CreateDisk', { ...diskParams, ClientToken: 'tok-1' });
    expect(again).toEqual(first);
    expect(diskCount(h)).toBe(1);
    // Another token is another request.
    expect(h.ecs('CreateDisk', { ...diskParams, ClientToken: 'tok-2' }).DiskId).not.toBe(first.DiskId);
    expect(diskCount(h)).toBe(2);
  });

  it('refuses the same token with other parameters', () => {
    const h = makeService(0);
    h.ecs('CreateDisk', { ...diskParams, ClientToken: 'tok-1' });
    expect(refusal(() => h.ecs('CreateDisk', { ...diskParams, Size: 50, ClientToken: 'tok-1' })).code).toBe(
      'IdempotentParameterMismatch',
    );
    expect(diskCount(h)).toBe(1);
  });

  it('keeps tokens apart per account and per action, and tokens are case-sensitive', () => {
    const h = makeService(0);
    const mine = h.ecs('CreateDisk', { ...diskParams, ClientToken: 'tok' });
    const theirs = h.call('ecs', 'CreateDisk', { ...diskParams, ClientToken: 'tok' }, 'other-ak');
    expect(theirs.DiskId).not.toBe(mine.DiskId);
    expect(h.ecs('CreateDisk', { ...diskParams, ClientToken: 'TOK' }).DiskId).not.toBe(mine.DiskId);
  });

  it('replays a state change without repeating it', () => {
    const h = makeService(0);
    const { pairId } = createPair(h);
    const start = { RegionId: 'cn-shanghai', ReplicaPairId: pairId, OneShot: true, ClientToken: 'start-1' };
    h.ebs('StartDiskReplicaPair', start);
    // A second one-shot this soon would be ManualSyncLimit; the replay is accepted as the first.
    expect(h.ebs('StartDiskReplicaPair', start)).toEqual({});
    expect(refusal(() => h.ebs('StartDiskReplicaPair', { ...start, ClientToken: 'start-2' })).code).toBe(
      'OperationDenied.ManualSyncLimit',
    );
  });

  it('does not remember a refused call', () => {
    const h = makeService(0);
    expect(refusal(() => h.ecs('CreateDisk', { ...diskParams, Size: 1, ClientToken: 'tok' })).code).toBe(
      'InvalidDiskSize.NotSupported',
    );
    expect(createDisk(h, 'cn-hangzhou', 'cn-hangzhou-g', { ClientToken: 'tok' })).toMatch(/^d-/);
  });

  it('answers LastTokenProcessing while another request holds the token', () => {
    const h = makeService(0);
    const call = (requestId: string) => ({
      product: 'ecs' as const,
      version: '2014-05-26',
      action: 'CreateDisk',
      params: { ...diskParams, ClientToken: 'slow' },
      requestId,
      accessKeyId: 'test-ak',
    });
    const release = h.service.holdClientToken(call('first'));
    expect(refusal(() => h.service.handle(call('second')))).toEqual({ code: 'LastTokenProcessing' });
    const body = h.service.handle(call('first'));
    release();
    expect(h.service.handle(call('third'))).toEqual(body);
  });
});
