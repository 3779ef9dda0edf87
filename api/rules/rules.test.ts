import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../operations';
import { findRule, RULES } from '.';

const ID = /^(PAIR|GROUP|DISK|TOKEN|LEGACY|PROTO|DRILL|TAG|PARAM|RESP)(\.[A-Z0-9_]+)+$/;

describe('rule catalogue', () => {
  it('has between 300 and 600 rules with unique, well-formed IDs', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(300);
    expect(RULES.length).toBeLessThanOrEqual(600);
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !ID.test(id))).toEqual([]);
  });

  it('states every rule as a sentence and cites a seed or a doc page with a place on it', () => {
    for (const r of RULES) {
      expect(r.statement.length, r.id).toBeGreaterThan(20);
      expect(r.source.doc, r.id).toMatch(/^(seed:[\w.-]+\.(md|txt)|https:\/\/)/);
      expect(r.source.where.length, r.id).toBeGreaterThan(2);
    }
  });

  it('names only actions the spec defines (or * for every action)', () => {
    const actions = new Set(OPERATIONS.map((op) => op.action));
    const unknown = RULES.flatMap((r) =>
      r.operations.filter((a) => a !== '*' && !actions.has(a)).map((a) => `${r.id}: ${a}`),
    );
    expect(unknown).toEqual([]);
  });

  it('covers both seeds', () => {
    const docs = new Set(RULES.map((r) => r.source.doc));
    expect(docs).toContain('seed:ReprotectDiskReplicaPair.ebs-2021-07-30.en.txt');
    expect(docs).toContain('seed:CreateDiskReplicaPair.ecs-2014-05-26.zh.md');
  });

  it('finds a rule by ID and nothing for an unknown ID', () => {
    expect(findRule('GROUP.ADD.AT_MOST_17')?.operations).toEqual(['AddDiskReplicaPair']);
    expect(findRule('NOT.A.RULE')).toBeUndefined();
  });
});
