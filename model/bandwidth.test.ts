import { describe, expect, it } from 'vitest';
import { allowedOutcomes } from './allowed-outcomes';
import { groupRow } from './projections/groups';
import type { ModelState } from './state';
import {
  asRefusal,
  asSuccess,
  createGroupParams,
  ebsCall,
  groupCall,
  groupScenario,
  pairScenario,
  T0,
} from './testkit';

// Bandwidth where the docs say it is not open for use yet: the reading bandwidth-not-open.

const fixed = (s: ModelState, choice: 'preset' | 'refused'): ModelState => ({
  ...s,
  readings: { ...s.readings, 'bandwidth-not-open': choice },
});
const createWith = () => ebsCall('CreateDiskReplicaGroup', { ...createGroupParams(), Bandwidth: 10240 });
const modifyGroup = () => groupCall('ModifyDiskReplicaGroup', 'cn-shanghai', { Bandwidth: 10240 });
const modifyPair = () =>
  ebsCall('ModifyDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: 'pair-1', Bandwidth: 10240 });
const FORK = { id: 'bandwidth-not-open', onSuccess: 'preset', onRefusal: 'refused' };

describe('Bandwidth, not open for use', () => {
  it('GROUP.CREATE.BANDWIDTH_NOT_OPEN: open, accepted with the preset 0 shown or refused; a group without it names no such rule', () => {
    const open = asSuccess(allowedOutcomes(pairScenario(), createWith(), T0));
    expect(open.reading).toMatchObject(FORK);
    expect(open.rules).toContain('GROUP.CREATE.BANDWIDTH_NOT_OPEN');
    expect(open.also.map((e) => e.code)).toContain('InvalidParameter');
    const s = open.next({ ReplicaGroupId: 'pg-9' });
    const group = s.groups['pg-9'];
    if (!group) throw new Error('no group pg-9');
    expect(groupRow(s, group, 'production').Bandwidth).toBe(0);
    const plain = asSuccess(
      allowedOutcomes(pairScenario(), ebsCall('CreateDiskReplicaGroup', createGroupParams()), T0),
    );
    expect(plain.rules).not.toContain('GROUP.CREATE.BANDWIDTH_NOT_OPEN');
    expect(plain.also).toEqual([]);
  });

  it('GROUP.MODIFY.BANDWIDTH_NOT_OPEN and the others held to the alternative fixed: preset accepts, refused refuses naming the rule', () => {
    const cases = [
      [pairScenario(), createWith(), 'GROUP.CREATE.BANDWIDTH_NOT_OPEN'],
      [groupScenario(), modifyGroup(), 'GROUP.MODIFY.BANDWIDTH_NOT_OPEN'],
      [pairScenario(), modifyPair(), 'PAIR.MODIFY.BANDWIDTH_NOT_OPEN'],
    ] as const;
    for (const [s, call, rule] of cases) {
      const accepted = asSuccess(allowedOutcomes(fixed(s, 'preset'), call, T0));
      expect(accepted.rules, rule).toContain(rule);
      expect(accepted.also, rule).toEqual([]);
      const refused = asRefusal(allowedOutcomes(fixed(s, 'refused'), call, T0));
      expect(refused.rules, rule).toEqual([rule]);
      expect(
        refused.errors.map((e) => e.code),
        rule,
      ).toContain('InvalidParameter');
    }
  });

  it('PAIR.MODIFY.BANDWIDTH_NOT_OPEN: an accepted Modify leaves the pair its bandwidth', () => {
    const s = fixed(pairScenario(), 'preset');
    const before = s.pairs['pair-1']?.bandwidth;
    const after = asSuccess(allowedOutcomes(s, modifyPair(), T0)).next();
    expect(after.pairs['pair-1']?.bandwidth).toBe(before);
  });
});
