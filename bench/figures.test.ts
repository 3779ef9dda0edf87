import { describe, expect, it } from 'vitest';
import { conformanceArgs } from './conformance-wall';
import { figure, renderTable, statusOf } from './figures';
import { parseResults, readmeTable } from './markdown';
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

describe('readmeTable', () => {
  const doc = resultsDocument({
    measuredAt: new Date(0),
    machine: { cpus: 2, cpuModel: 'EPYC', memoryGb: 24, node: 'v20.20.2', platform: 'linux x64' },
    loadBefore: 0.5,
    loadAfter: 1.5,
    commit: 'abc1234',
    settings: { trials: 3, only: 'model' },
    figures: [
      figure('m', 'model transitions', '/s', [150_000, 210_000, 230_000], { op: '>=', limit: 200_000 }),
      figure('r', 'two lanes / one', 'ratio', [1.2, 1.5, 1.4], { op: '>=', limit: 1.7 }, 'from the bundle'),
      figure('x', 'emulator target', 'calls/s', undefined, undefined, 'failed: no port'),
    ],
    faultProfiles: null,
  });

  it('renders each figure with its spread, budget and verdict, and the machine it ran on', () => {
    const parsed = parseResults(JSON.stringify(doc));
    if (typeof parsed === 'string') throw new Error(parsed);
    const table = readmeTable(parsed);
    expect(table).toContain('commit abc1234');
    expect(table).toContain('2 cores (EPYC, 24 GiB), Node 20.20.2');
    expect(table).toContain('| model transitions | 210k /s (150k – 230k, n=3) | ≥ 200k | holds |');
    expect(table).toContain(
      '| two lanes / one | 1.40 (1.20 – 1.50, n=3) | ≥ 1.70 | fails | from the bundle |',
    );
    expect(table).toContain('| emulator target | not measured |  |  | failed: no port |');
  });

  it('names what is wrong with a file that is no results document', () => {
    expect(parseResults('{')).toBe('not JSON');
    expect(parseResults('{"version":9}')).toContain('version 1');
  });
});
