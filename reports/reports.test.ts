import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHtml } from './html';
import { renderJunit } from './junit';
import { parseRunRecord, type RunRecord, RunRecordError } from './run-record';
import { renderSummary } from './summary';
import { writeReports } from './write';

const failure = {
  key: 'error-code|StartDiskReplicaPair|PAIR.START.FROM_CREATED_OR_STOPPED',
  category: 'error-code' as const,
  title: 'Start of a normal pair answered <Success>',
  operation: 'StartDiskReplicaPair',
  rules: ['PAIR.START.FROM_CREATED_OR_STOPPED'],
  expected: 'OperationDenied.InvalidStatus 403',
  received: '200',
  seed: 42,
  path: '3:1',
  trace: [
    {
      index: 0,
      command: 'StartDiskReplicaPair(pair#0)',
      operation: 'StartDiskReplicaPair',
      response: { status: 200, body: '{}' },
      expected: 'refusal',
      rules: ['PAIR.START.FROM_CREATED_OR_STOPPED'],
    },
  ],
  replay: 'ebs-conformance replay run.json --failure 1',
};

function record(overrides: Partial<RunRecord> = {}): RunRecord {
  return parseRunRecord(
    {
      version: 1,
      harness: { name: 'ebs-conformance', version: '0.1.0' },
      spec: { operations: 27, rules: 2 },
      target: { kind: 'emulator' },
      seed: 42,
      runs: 10,
      maxCommands: 20,
      startedAt: '2026-11-23T10:00:00.000Z',
      finishedAt: '2026-11-23T10:00:05.000Z',
      verdict: 'nonconformant',
      steps: 120,
      rules: [
        {
          id: 'PAIR.START.FROM_CREATED_OR_STOPPED',
          statement: 'Start needs created or stopped',
          accepted: 3,
          refused: 2,
          violations: 1,
          observedCodes: { 'OperationDenied.InvalidStatus': 2 },
        },
        {
          id: 'GROUP.ADD.AT_MOST_17',
          statement: 'at most 17',
          accepted: 0,
          refused: 0,
          violations: 0,
          observedCodes: {},
        },
      ],
      coverage: {
        pairs: {
          cells: [{ state: 'created', operation: 'StartDiskReplicaPair', hits: 3 }],
          documented: 10,
          covered: 1,
        },
        groups: { cells: [], documented: 10, covered: 0 },
        errorCodes: [],
        transitions: [],
      },
      failures: [failure],
      inconclusive: [],
      timings: [],
      transient: [{ code: 'Throttling', count: 2 }],
      ...overrides,
    },
    'test',
  );
}

describe('run record', () => {
  it('rejects a record of another version with a message naming the field', () => {
    expect(() => parseRunRecord({ ...record(), version: 2 }, 'old.json')).toThrow(RunRecordError);
    expect(() => parseRunRecord({ ...record(), version: 2 }, 'old.json')).toThrow(/old\.json.*version/);
  });
});

describe('junit.xml', () => {
  it('has one test case per rule, the failure with its sequence, and unexercised rules skipped', () => {
    const xml = renderJunit(record());
    expect(xml.match(/<testcase /g)).toHaveLength(2);
    expect(xml).toContain('name="PAIR.START.FROM_CREATED_OR_STOPPED"><failure');
    expect(xml).toContain('StartDiskReplicaPair(pair#0)');
    expect(xml).toContain('name="GROUP.ADD.AT_MOST_17"><skipped');
    expect(xml).toContain('Start of a normal pair answered &lt;Success&gt;');
    expect(xml).toMatch(/tests="2" failures="1" skipped="1" time="5"/);
  });
});

describe('summary.md and report.html', () => {
  it('state the verdict, coverage and the replay command', () => {
    const md = renderSummary(record());
    expect(md).toContain('**nonconformant**');
    expect(md).toContain('| rules exercised | 1 of 2 (50%) |');
    expect(md).toContain('| transient faults retried | 2 |');
    expect(md).toContain('ebs-conformance replay run.json --failure 1');
  });

  it('the HTML escapes what it shows and loads nothing from the network', () => {
    const html = renderHtml(record());
    expect(html).toContain('&lt;Success&gt;');
    expect(html).not.toContain('<Success>');
    expect(html).not.toMatch(/(src|href)=["']https?:/);
  });

  it('writes all four files, the record readable again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ebs-reports-'));
    const paths = writeReports(dir, record({ failures: [], verdict: 'conformant' }));
    expect(paths.map((p) => p.slice(dir.length + 1))).toEqual([
      'run.json',
      'junit.xml',
      'summary.md',
      'report.html',
    ]);
    const again = parseRunRecord(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')), 'run.json');
    expect(again.verdict).toBe('conformant');
  });
});
