import { describe, expect, it } from 'vitest';
import { DEPTHS, RARE_DRAWS, withDepthReach } from '../../cli/commands/run';
import { renderJunit } from '../../reports/junit';
import { renderSummary } from '../../reports/summary';
import { sampleRecord } from './fixture';

// Which rules each --depth is meant to reach (the depth table in cli/commands/run.ts), as the
// run record, the JUnit and the summary state it.

describe('which rules each depth is meant to reach', () => {
  const record = sampleRecord();
  const withParam = {
    ...record,
    rules: [...record.rules, { ...record.rules[1]!, id: 'PARAM.EBS.X.Y.RANGE', family: 'PARAM' }],
  };

  it('quick leaves the derived rules and the rare draws to deep, and says so in the record', () => {
    const quick = withDepthReach(withParam, 'quick');
    expect(quick.depth).toMatchObject({ name: 'quick', ...DEPTHS.quick, meantRules: 3 });
    expect(quick.depth?.leaves).toContain('PARAM');
    expect(quick.rules.find((r) => r.id === 'PARAM.EBS.X.Y.RANGE')?.meant).toBe(false);
    expect(quick.rules.find((r) => r.id === 'GROUP.ADD.AT_MOST_17')?.meant).toBe(true);
    const rare = withDepthReach({ ...record, rules: [{ ...record.rules[1]!, id: RARE_DRAWS[0]! }] }, 'quick');
    expect(rare.rules[0]?.meant).toBe(false);
  });

  it('deep is meant to reach every rule; no depth leaves the record as it was', () => {
    const deep = withDepthReach(withParam, 'deep');
    expect(deep.rules.every((r) => r.meant === true)).toBe(true);
    expect(deep.depth).toMatchObject({ name: 'deep', leaves: '', meantRules: deep.rules.length });
    expect(withDepthReach(withParam, undefined)).toBe(withParam);
  });

  it('the JUnit of a quick run says "not meant at depth quick" where deep says "not exercised"', () => {
    const rule = 'PARAM.EBS.X.Y.RANGE';
    expect(renderJunit(withDepthReach(withParam, 'quick'))).toMatch(
      new RegExp(
        `name="${rule.replaceAll('.', '\\.')}"><skipped message="not meant at depth quick: [^"]*PARAM`,
      ),
    );
    expect(renderJunit(withDepthReach(withParam, 'deep'))).toContain(
      `name="${rule}"><skipped message="not exercised"/>`,
    );
  });
});

describe('the summary of a run made at a depth', () => {
  it('states the depth, what it is meant to reach and reached, and the rules missing a case', () => {
    const record = sampleRecord();
    const missing = {
      ...record.rules[0]!,
      id: 'GROUP.START.NEEDS_PAIRS',
      accepted: 0,
      refused: 2,
      violations: 0,
    };
    const md = renderSummary(withDepthReach({ ...record, rules: [...record.rules, missing] }, 'quick'));
    expect(md).toContain(
      'Depth **quick** (60 sequences of at most 40 commands) is meant to reach 4 of 4 rules',
    );
    expect(md).toContain('It reached 3 of them.');
    expect(md).toContain('Meant but not exercised: `GROUP.ADD.AT_MOST_17`.');
    expect(md).toContain('Missing a case: `GROUP.START.NEEDS_PAIRS` (accepting)');
    expect(md).toContain('1 have one documented case only');
  });
});
