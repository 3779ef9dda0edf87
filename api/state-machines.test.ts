import { describe, expect, it } from 'vitest';
import { PairStatus } from './enums';
import { OPERATIONS } from './operations';
import { findRule } from './rules';
import { DOCUMENTED_TRANSITIONS, findTransition, NO_RESOURCE } from './state-machines';

const DRILL_STATUSES = ['executing', 'executed', 'execute_failed', 'clearing', 'clear_failed'];
const known = (kind: string, status: string) =>
  status === NO_RESOURCE ||
  (kind === 'drill' ? DRILL_STATUSES.includes(status) : PairStatus.options.includes(status as PairStatus));

describe('the documented state machines (api/state-machines.ts)', () => {
  it('name only documented statuses, catalogue operations and catalogue rules, each entry with a source', () => {
    const actions = new Set(OPERATIONS.map((op) => op.action));
    for (const t of DOCUMENTED_TRANSITIONS) {
      const where = `${t.kind} ${t.from} -> ${t.to} by ${t.operation}`;
      expect(known(t.kind, t.from), where).toBe(true);
      expect(known(t.kind, t.to), where).toBe(true);
      for (const v of t.via) expect(known(t.kind, v), `${where} via ${v}`).toBe(true);
      expect(actions.has(t.operation), where).toBe(true);
      expect(t.rules.length, where).toBeGreaterThan(0);
      for (const id of t.rules) expect(findRule(id), `${where}: rule ${id}`).toBeDefined();
      expect(t.source.doc, where).toMatch(/^(https:\/\/|seed:)/);
      expect(t.source.where, where).not.toBe('');
    }
  });

  it('hold each change once, and only changes of status', () => {
    const keys = DOCUMENTED_TRANSITIONS.map((t) => `${t.kind} ${t.from} ${t.to} ${t.operation}`);
    expect(keys.length).toBe(new Set(keys).size);
    expect(DOCUMENTED_TRANSITIONS.filter((t) => t.from === t.to)).toEqual([]);
  });

  it('say what the pages say: Start from created or stopped, Reprotect only from failovered, a group Stop not from initial_syncing', () => {
    expect(findTransition('pair', 'created', 'normal', 'StartDiskReplicaPair')).toBeDefined();
    expect(findTransition('pair', 'normal', 'normal', 'StartDiskReplicaPair')).toBeUndefined();
    expect(
      DOCUMENTED_TRANSITIONS.filter((t) => t.operation === 'ReprotectDiskReplicaPair').map((t) => t.from),
    ).toEqual(['failovered']);
    expect(findTransition('group', 'initial_syncing', 'stopped', 'StopDiskReplicaGroup')).toBeUndefined();
    expect(findTransition('pair', 'invalid', 'failovered', 'FailoverDiskReplicaPair')).toBeUndefined();
    // A group's Start moves its members the same way.
    expect(findTransition('pair', 'created', 'normal', 'StartDiskReplicaGroup')?.rules).toContain(
      'GROUP.OPS_ACT_ON_MEMBERS',
    );
  });
});
