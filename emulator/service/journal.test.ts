import { describe, expect, it } from 'vitest';
import { journal } from './journal';
import type { ServiceState } from './state';
import { AK, createPair, makeService, refusal } from './test-support';

interface Rec {
  name: string;
  ids: string[];
  activity: { kind: string; since: number };
  note?: string;
}
interface Acc {
  pairs: { a: Rec; b?: Rec; c?: Rec; d?: Rec };
  groups: { g: Rec; moved?: Rec };
}

const account = (): Acc => ({
  pairs: {
    a: { name: 'a', ids: ['x'], activity: { kind: 'run', since: 1 } },
    b: { name: 'b', ids: [], activity: { kind: 'stop', since: 2 }, note: 'n' },
  },
  groups: { g: { name: 'g', ids: ['a'], activity: { kind: 'create', since: 0 } } },
});

describe('journal', () => {
  it('rolls back every kind of write, nested and in arrays, to the data it began with', () => {
    const data = account();
    const undo = journal(data);
    const v = undo.view;
    v.pairs.a.name = 'renamed';
    v.pairs.a.activity = { kind: 'failover', since: 9 };
    v.pairs.a.ids.push('y', 'z');
    v.groups.g.ids.splice(0, 1);
    delete v.pairs.b?.note;
    delete v.pairs.b;
    v.pairs.c = { name: 'c', ids: [], activity: { kind: 'create', since: 3 } };
    v.pairs.c.name = 'c2';
    expect(data.pairs.a.ids).toEqual(['x', 'y', 'z']);
    expect(Object.keys(data.pairs)).toEqual(['a', 'c']);
    undo.rollback();
    expect(data).toEqual(account());
    expect(Object.keys(data.pairs)).toEqual(['a', 'b']);
  });

  it('stores plain data, never a view, so the state can still be copied', () => {
    const data = account();
    const undo = journal(data);
    const v = undo.view;
    // A record moved from one map to another, and arrays built from views.
    v.groups.moved = v.pairs.a;
    v.groups.g.ids = Object.values(v.pairs).map((p) => p.name);
    v.pairs.d = { name: 'd', ids: v.pairs.a.ids, activity: v.pairs.a.activity };
    const answer = undo.plain({ Pairs: Object.values(v.pairs) });
    expect(() => structuredClone(data)).not.toThrow();
    expect(() => structuredClone(answer)).not.toThrow();
    expect(data.groups.moved).toBe(data.pairs.a);
    expect(data.pairs.d?.activity).toBe(data.pairs.a.activity);
    expect(data.pairs.d?.ids).toBe(data.pairs.a.ids);
    expect(answer.Pairs[0]).toBe(data.pairs.a);
  });

  it('keeps what a call wrote when nothing rolls it back', () => {
    const data = account();
    const v = journal(data).view;
    v.pairs.a.activity = { kind: 'stop', since: 5 };
    expect(data.pairs.a.activity).toEqual({ kind: 'stop', since: 5 });
  });
});

describe('a mutating call of the service', () => {
  it('is undone whole when refused, even the gone pairs it pruned first', () => {
    const h = makeService(1000);
    const { pairId } = createPair(h);
    h.settle();
    h.ebs('DeleteDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: pairId });
    h.clock.advance(3_600_000);
    const before = h.service.snapshot() as ServiceState;
    expect(Object.keys(before.accounts[AK]?.pairs ?? {})).toEqual([pairId]);
    // Every mutating call first prunes what is gone; this one then refuses.
    expect(
      refusal(() => h.ebs('StopDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: 'pair-none' }))
        .code,
    ).toBe('NoSuchResource');
    expect(h.service.snapshot()).toEqual(before);
    // Kept when the call succeeds.
    h.ecs('CreateDisk', {
      RegionId: 'cn-shanghai',
      ZoneId: 'cn-shanghai-b',
      DiskCategory: 'cloud_essd',
      Size: 40,
    });
    expect((h.service.snapshot() as ServiceState).accounts[AK]?.pairs).toEqual({});
  });
});
