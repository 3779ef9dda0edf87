import { describe, expect, it } from 'vitest';
import { UsageError } from '../usage-error';
import { DEPTHS, withDepth } from './run';

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
