import { describe, expect, it } from 'vitest';
import { DEPTHS, RARE_DRAWS, withDepth, withDepthReach } from '../../cli/commands/run';
import { UsageError } from '../../cli/usage-error';
import { renderJunit } from '../../reports/junit';
import { renderSummary } from '../../reports/summary';
import { sampleRecord } from '../reports/fixture';

const from = (explicit: string[]) => ({
  getOptionValueSource: (name: string) => (explicit.includes(name) ? 'cli' : 'default'),
});

describe('run --depth', () => {
  it('deep runs more and longer sequences than quick; explicit sizes win', () => {
    const flags = { depth: 'deep', runs: 60, maxCommands: 40 };
    expect(withDepth(flags, from([]))).toMatchObject(DEPTHS.deep);
    expect(DEPTHS.deep.runs * DEPTHS.deep.maxCommands).toBeGreaterThan(
      DEPTHS.quick.runs * DEPTHS.quick.maxCommands,
    );
    expect(withDepth({ ...flags, runs: 5 }, from(['runs']))).toMatchObject({ runs: 5, maxCommands: 100 });
    expect(withDepth({ ...flags, depth: 'quick' }, from([]))).toMatchObject(DEPTHS.quick);
  });

  it('refuses an unknown depth as a usage error', () => {
    expect(() => withDepth({ depth: 'deeper', runs: 1, maxCommands: 1 }, from([]))).toThrow(UsageError);
  });
});

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
