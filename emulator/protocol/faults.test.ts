import { describe, expect, it } from 'vitest';
import { FaultRuleSchema, FaultTable } from './faults';

const rule = (input: unknown) => FaultRuleSchema.parse(input);

describe('FaultTable', () => {
  it('answers a code for exactly the next N calls of the named action', () => {
    const t = new FaultTable();
    t.add(rule({ kind: 'error', action: 'A', code: 'Throttling.User', count: 2 }));
    expect(t.next('B')).toBeUndefined();
    expect(t.next('A')?.error?.code).toBe('Throttling.User');
    expect(t.next('A')?.error?.code).toBe('Throttling.User');
    expect(t.next('A')).toBeUndefined();
    expect(t.list()).toEqual([]);
  });

  it('delays matching calls and combines a delay with an error', () => {
    const t = new FaultTable();
    t.add(rule({ kind: 'delay', delayMs: 50 }));
    t.add(rule({ kind: 'error', action: 'A', code: 'ServiceUnavailable' }));
    const effect = t.next('A');
    expect(effect?.delayMs).toBe(50);
    expect(effect?.error?.code).toBe('ServiceUnavailable');
    expect(t.next('A')).toBeUndefined();
  });

  it('draws rate faults from the seed: the same seed gives the same sequence', () => {
    const pattern = (seed: number) => {
      const t = new FaultTable();
      t.add(rule({ kind: 'rate', code: 'InternalError', probability: 0.3, seed }));
      return Array.from({ length: 200 }, () => (t.next('X')?.error ? 1 : 0)).join('');
    };
    expect(pattern(7)).toBe(pattern(7));
    expect(pattern(7)).not.toBe(pattern(8));
    const hits = [...pattern(7)].filter((c) => c === '1').length;
    expect(hits).toBeGreaterThan(30);
    expect(hits).toBeLessThan(90);
  });

  it('needs an explicit status for a code outside the catalogue, and removes a rule by id', () => {
    const t = new FaultTable();
    expect(() => t.add(rule({ kind: 'error', code: 'Made.Up' }))).toThrow(/httpStatus/);
    const f = t.add(rule({ kind: 'error', code: 'Made.Up', httpStatus: 418, count: 5 }));
    expect(t.next('Y')?.error).toMatchObject({ code: 'Made.Up', httpStatus: 418 });
    expect(t.list()).toEqual([{ id: f.id, rule: f.rule, remaining: 4 }]);
    expect(t.remove(f.id)).toBe(true);
    expect(t.remove(f.id)).toBe(false);
  });
});
