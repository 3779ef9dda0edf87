import { describe, expect, it } from 'vitest';
import { createPair, describePair, type Harness, makeService, refusal } from './test-support';

const where = { RegionId: 'cn-shanghai', ResourceType: 'diskreplicapair' };
const list = (h: Harness, extra: Record<string, unknown>) =>
  h.ebs('ListTagResources', { ...where, ...extra }).TagResources as Record<string, string>[];

describe('tags', () => {
  it('binds, rebinds and unbinds tags, visible in ListTagResources and DescribeDiskReplicaPairs', () => {
    const h = makeService(0);
    const { pairId } = createPair(h);
    h.ebs('TagResources', {
      ...where,
      ResourceId: [pairId],
      Tag: [
        { Key: 'env', Value: 'dr' },
        { Key: 'team', Value: 'a' },
      ],
    });
    h.ebs('TagResources', { ...where, ResourceId: [pairId], Tag: [{ Key: 'env', Value: 'prod' }] });
    expect(list(h, { ResourceId: [pairId] })).toEqual([
      { TagKey: 'env', TagValue: 'prod', ResourceId: pairId, ResourceType: 'diskreplicapair' },
      { TagKey: 'team', TagValue: 'a', ResourceId: pairId, ResourceType: 'diskreplicapair' },
    ]);
    expect(describePair(h, pairId)?.Tags).toEqual([
      { TagKey: 'env', TagValue: 'prod' },
      { TagKey: 'team', TagValue: 'a' },
    ]);
    const filtered = h.ebs('DescribeDiskReplicaPairs', {
      RegionId: 'cn-shanghai',
      Tag: [{ Key: 'team', Value: 'a' }],
    });
    expect((filtered.ReplicaPairs as unknown[]).length).toBe(1);
    h.ebs('UntagResources', { ...where, ResourceId: [pairId], TagKey: ['env'], All: true });
    expect(list(h, { ResourceId: [pairId] }).map((r) => r.TagKey)).toEqual(['team']);
    h.ebs('UntagResources', { ...where, ResourceId: [pairId] });
    expect(list(h, { ResourceId: [pairId] })).toHaveLength(1);
    h.ebs('UntagResources', { ...where, ResourceId: [pairId], All: true });
    expect(list(h, { Tag: [{ Key: 'team' }] })).toEqual([]);
  });

  it('refuses duplicate keys, a 21st tag, unknown resources, another type and a call with no filter', () => {
    const h = makeService(0);
    const { pairId } = createPair(h);
    const tag = (extra: Record<string, unknown>) =>
      refusal(() => h.ebs('TagResources', { ...where, ResourceId: [pairId], ...extra }));
    expect(
      tag({
        Tag: [
          { Key: 'a', Value: '1' },
          { Key: 'a', Value: '2' },
        ],
      }).code,
    ).toBe('Duplicate.TagKey');
    h.ebs('TagResources', {
      ...where,
      ResourceId: [pairId],
      Tag: Array.from({ length: 20 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })),
    });
    expect(tag({ Tag: [{ Key: 'k20', Value: 'v' }] }).code).toBe('NumberExceed.Tags');
    expect(tag({ ResourceId: ['pair-nope'], Tag: [{ Key: 'a' }] }).code).toBe('InvalidResourceId.NotFound');
    expect(tag({ ResourceType: 'diskreplicagroup', Tag: [{ Key: 'a' }] }).code).toBe(
      'InvalidResourceId.NotFound',
    );
    expect(tag({ RegionId: 'cn-beijing', Tag: [{ Key: 'a' }] }).code).toBe('InvalidResourceId.NotFound');
    expect(refusal(() => h.ebs('ListTagResources', where)).code).toBe('MissingParameter');
  });

  it('binds the tags and resource group a create gives', () => {
    const h = makeService(0);
    const { pairId } = createPair(h, undefined, undefined, {
      Tag: [{ Key: 'app', Value: 'erp' }],
      ResourceGroupId: 'rg-1',
    });
    expect(list(h, { Tag: [{ Key: 'app', Value: 'erp' }] }).map((r) => r.ResourceId)).toEqual([pairId]);
    const body = h.ebs('DescribeDiskReplicaPairs', { RegionId: 'cn-shanghai', ResourceGroupId: 'rg-1' });
    expect((body.ReplicaPairs as { ReplicaPairId: string }[]).map((p) => p.ReplicaPairId)).toEqual([pairId]);
  });

  it('refuses a ListTagResources filter naming one key twice, and Untag and List in an unknown region', () => {
    const h = makeService(0);
    const { pairId } = createPair(h);
    expect(refusal(() => list(h, { Tag: [{ Key: 'env' }, { Key: 'env', Value: 'dr' }] })).code).toBe(
      'Duplicate.TagKey',
    );
    expect(list(h, { Tag: [{ Key: 'env' }, { Key: 'team' }] })).toEqual([]);
    expect(refusal(() => list(h, { RegionId: 'cn-unknown', ResourceId: [pairId] })).code).toBe(
      'InvalidRegionId.NotFound',
    );
    expect(
      refusal(() =>
        h.ebs('UntagResources', { ...where, RegionId: 'cn-unknown', ResourceId: [pairId], All: true }),
      ).code,
    ).toBe('InvalidRegionId.NotFound');
  });
});
