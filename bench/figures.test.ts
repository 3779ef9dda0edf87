import { describe, expect, it } from 'vitest';
import { conformanceArgs } from './conformance-wall';
import { figure, renderTable, statusOf } from './figures';
import { resultsDocument } from './results-file';

describe('statusOf', () => {
  it('judges the median against the budget in its direction', () => {
    expect(statusOf(figure('a', 'a', '/s', [100, 300, 250], { op: '>=', limit: 250 }))).toBe('pass');
    expect(statusOf(figure('a', 'a', '/s', [100, 200, 900], { op: '>=', limit: 250 }))).toBe('fail');
    expect(statusOf(figure('b', 'b', 's', [29, 31, 30], { op: '<=', limit: 30 }))).toBe('pass');
    expect(statusOf(figure('b', 'b', 's', [29, 31, 31], { op: '<=', limit: 30 }))).toBe('fail');
  });

  it('has no verdict without a budget or without samples, and says why a figure is missing', () => {
    expect(statusOf(figure('c', 'c', '/s', [1, 2]))).toBe('n/a');
    const missing = figure('d', 'd', 's', undefined, { op: '<=', limit: 5 }, 'not available: no detector');
    expect(statusOf(missing)).toBe('n/a');
    expect(missing.note).toBe('not available: no detector');
    expect(renderTable([missing])).toContain('not available');
  });
});

describe('resultsDocument', () => {
  it('keeps figures in their order with a fixed key order, and sorts settings by name', () => {
    const doc = resultsDocument({
      measuredAt: new Date(0),
      machine: { cpus: 2, cpuModel: 'x', memoryGb: 4, node: 'v20', platform: 'linux x64' },
      loadBefore: 1,
      loadAfter: 2,
      commit: null,
      settings: { trials: 5, seed: 1 },
      figures: [figure('z', 'z', '/s', [1]), figure('a', 'a', 'share', undefined)],
      faultProfiles: null,
    });
    expect(doc.figures.map((f) => f.id)).toEqual(['z', 'a']);
    expect(Object.keys(doc.figures[0] as object)).toEqual([
      'id',
      'label',
      'unit',
      'median',
      'min',
      'max',
      'q1',
      'q3',
      'n',
      'budget',
      'status',
      'note',
    ]);
    expect(Object.keys(doc.settings)).toEqual(['seed', 'trials']);
    expect(doc.figures[1]?.median).toBeNull();
  });
});

describe('conformanceArgs', () => {
  it('runs the script with node and sends its reports to the given directory', () => {
    const script = 'node bin/ebs-conformance.mjs run --target emulator --report-dir reports-out';
    expect(conformanceArgs(script, '/tmp/x')).toEqual([
      'bin/ebs-conformance.mjs',
      'run',
      '--target',
      'emulator',
      '--report-dir',
      '/tmp/x',
    ]);
    expect(conformanceArgs('node bin/x.mjs run', '/tmp/y')).toEqual([
      'bin/x.mjs',
      'run',
      '--report-dir',
      '/tmp/y',
    ]);
  });

  it('refuses a script that does not start with node', () => {
    expect(() => conformanceArgs('tsx cli/main.ts run', '/tmp/x')).toThrow(/does not start with node/);
  });
});
