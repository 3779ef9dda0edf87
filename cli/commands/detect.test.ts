import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FAULT_PROFILES } from '../../emulator';
import type { Detection } from '../../properties/detection';
import type { Failure } from '../../properties/events';
import { keepMissed } from './detect';

const profile = (name: string) => {
  const found = FAULT_PROFILES.find((p) => p.name === name);
  if (!found) throw new Error(`no profile ${name}`);
  return found;
};

const failure = (operation: string, rules: string[]): Failure => ({
  key: `state:${operation}`,
  category: 'state',
  title: `${operation} was refused where the documentation allows it`,
  operation,
  rules,
  expected: 'success',
  received: 'NoSuchResource',
  seed: 20261123,
  trace: [
    {
      index: 0,
      command: 'RemoveDiskReplicaPair(group 0, pair 0)',
      operation,
      request: { method: 'POST', url: 'http://127.0.0.1:1/?Action=RemoveDiskReplicaPair' },
      response: { status: 404, body: '{"Code":"NoSuchResource"}' },
      expected: 'success',
      rules,
    },
  ],
  replay: 'ebs-conformance run --target endpoint --seed 20261123',
});

const cell = (name: string, verdict: Detection['verdict'], f?: Failure, detected = false): Detection => ({
  profile: name,
  target: 'endpoint',
  verdict,
  detected,
  ms: 1,
  calls: 1,
  retried: 0,
  ...(f ? { failure: f } : {}),
});

describe('detect keeps the counterexample of a missed cell', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a control found nonconformant whole, and nothing for a detected or conformant cell', () => {
    dir = mkdtempSync(join(tmpdir(), 'detect-kept-'));
    const wrong = failure('RemoveDiskReplicaPair', ['GROUP.IN_GROUP_REGION']);
    const rpo = failure('DescribeDiskReplicaPairs', ['PAIR.DESCRIBE.FIELDS']);
    const kept = keepMissed(dir, [
      { profile: profile('unmodified'), detections: [cell('unmodified', 'nonconformant', wrong)] },
      { profile: profile('transient-bursts'), detections: [cell('transient-bursts', 'conformant')] },
      { profile: profile('rpo-missing'), detections: [cell('rpo-missing', 'nonconformant', rpo, true)] },
    ]);
    expect(kept).toEqual([join(dir, 'endpoint-unmodified.txt')]);
    expect(readdirSync(dir)).toEqual(['endpoint-unmodified.txt']);
    const text = readFileSync(kept[0] as string, 'utf8');
    expect(text).toContain('RemoveDiskReplicaPair was refused where the documentation allows it');
    expect(text).toContain('?Action=RemoveDiskReplicaPair');
    expect(text).toContain('{"Code":"NoSuchResource"}');
    expect(text).toContain('replay: ebs-conformance run --target endpoint --seed 20261123');
  });

  it('writes a profile whose run failed on another rule than its own (a missed deviation)', () => {
    dir = mkdtempSync(join(tmpdir(), 'detect-kept-'));
    const other = failure('RemoveDiskReplicaPair', ['GROUP.IN_GROUP_REGION']);
    const kept = keepMissed(dir, [
      { profile: profile('rpo-missing'), detections: [cell('rpo-missing', 'nonconformant', other)] },
    ]);
    expect(kept).toEqual([join(dir, 'endpoint-rpo-missing.txt')]);
  });
});
