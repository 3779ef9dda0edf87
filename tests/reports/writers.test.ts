import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffTexts } from '../../reports/diff';
import { renderHtml } from '../../reports/html/page';
import { renderJunit } from '../../reports/junit';
import { bucketUpperMs, LatencyHistogram, mergeLatency, percentileOf } from '../../reports/latency';
import { readRunRecord } from '../../reports/read';
import { parseRunRecord, RunRecordError } from '../../reports/run-record';
import { renderSummary } from '../../reports/summary';
import { writeReports } from '../../reports/write';
import { latency, sampleRecord } from './fixture';

describe('run record', () => {
  it('names the version it reads when given a record of another version', () => {
    expect(() => parseRunRecord({ ...sampleRecord(), version: 1 }, 'old.json')).toThrow(
      /old\.json is a run record of version 1; this harness reads version 2/,
    );
  });

  it('names the first field that is wrong', () => {
    expect(() => parseRunRecord({ ...sampleRecord(), steps: -1 }, 'bad.json')).toThrow(/bad\.json.*steps/);
  });

  it('reading a file that is missing or not JSON is a RunRecordError with the file named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ebs-read-'));
    expect(() => readRunRecord(join(dir, 'none.json'))).toThrow(RunRecordError);
    expect(() => readRunRecord(join(dir, 'none.json'))).toThrow(/none\.json \(ENOENT\)/);
  });
});

describe('latency histogram', () => {
  it('reads percentiles within one bucket above the true value, never above the max', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    const stats = latency(samples);
    expect(stats.count).toBe(100);
    expect(stats.max).toBe(100);
    expect(stats.p50).toBeGreaterThanOrEqual(50);
    expect(stats.p50).toBeLessThanOrEqual(50 * 1.0906);
    expect(stats.p99).toBeGreaterThanOrEqual(99);
    expect(stats.p99).toBeLessThanOrEqual(100);
    expect(percentileOf(stats, 25)).toBeGreaterThanOrEqual(25);
    expect(percentileOf(stats, 25)).toBeLessThanOrEqual(25 * 1.0906);
    expect(bucketUpperMs(8) / bucketUpperMs(0)).toBeCloseTo(2);
  });

  it('merging two series equals recording them together', () => {
    const a = [1, 5, 9, 30];
    const b = [2, 2, 700];
    const together = new LatencyHistogram();
    for (const ms of [...a, ...b]) together.add(ms);
    expect(mergeLatency(latency(a), latency(b))).toEqual(together.stats());
  });
});

describe('diff of expected against received', () => {
  it('marks only what differs', () => {
    const parts = diffTexts('OperationDenied.InvalidStatus 403', 'OperationDenied.InvalidStatus 400');
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['403']);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['400']);
  });

  it('lines up JSON objects by key whatever order each side wrote them in', () => {
    const parts = diffTexts('{"b":1,"a":[1,2]}', '{"a":[1,2],"b":2}');
    expect(parts.filter((p) => p.kind !== 'same').map((p) => p.text.trim())).toEqual(['"b": 1', '"b": 2']);
  });
});

describe('junit.xml', () => {
  const xml = renderJunit(sampleRecord());

  it('has one test case per rule, classed by family, with the counterexample in the failure', () => {
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml).toContain(
      'classname="ebs-conformance.PAIR" name="PAIR.START.FROM_CREATED_OR_STOPPED"><failure message="Start of a normal pair answered &lt;Success&gt;" type="error-code">',
    );
    expect(xml).toContain('StartDiskReplicaPair(pair#0)');
    expect(xml).toContain('-&gt; 200 {&quot;RequestId&quot;:&quot;r-2&quot;');
    expect(xml).toContain('replay: ebs-conformance replay run.json --failure 1');
  });

  it('skips rules never exercised with "not exercised", and counts right', () => {
    expect(xml).toContain(
      'classname="ebs-conformance.GROUP" name="GROUP.ADD.AT_MOST_17"><skipped message="not exercised"/>',
    );
    expect(xml).toContain('name="PAIR.VISIBLE_IN_OWN_REGIONS"/>');
    expect(xml).toMatch(/<testsuites name="ebs-conformance" tests="3" failures="1" skipped="1" time="5">/);
  });

  it('skips a rule judged in one of its two documented cases, naming the missing one; a one-sided rule passes', () => {
    const record = sampleRecord();
    const [, , visible] = record.rules;
    const twoSided = { ...record, rules: [{ ...visible!, oneSided: undefined }] };
    expect(renderJunit(twoSided)).toContain(
      'name="PAIR.VISIBLE_IN_OWN_REGIONS"><skipped message="its accepting case not exercised"/>',
    );
    expect(renderJunit({ ...record, rules: [visible!] })).toContain('name="PAIR.VISIBLE_IN_OWN_REGIONS"/>');
  });
});

describe('summary.md', () => {
  it('states the verdict, coverage, faults and how to replay, with no raw HTML', () => {
    const md = renderSummary(sampleRecord());
    expect(md).toContain('## ebs-conformance: **nonconformant**');
    expect(md).toContain('| rules exercised | 2 of 3 (67%) |');
    expect(md).toContain('| pair state × operation cells | 2 of 4 (50%) |');
    expect(md).toContain('| rules with doc gaps | 1 |');
    expect(md).toContain('| transient faults retried | 2 of 3 seen |');
    expect(md).toContain('`ebs-conformance replay run.json --failure 1`');
    expect(md).not.toMatch(/<\w/);
  });
});

describe('report.html', () => {
  const html = renderHtml(sampleRecord());

  it('escapes everything it shows', () => {
    expect(html).toContain('&lt;Success&gt;');
    expect(html).not.toContain('<Success>');
    expect(html).not.toContain('<script>alert(1)</script>');
  });

  it('is self-contained: no URL to load, a content policy that forbids loading', () => {
    // Links to the documentation are followed by a person, never loaded by the page.
    expect(html).not.toMatch(/src\s*=\s*["']?(https?:|\/\/)/i);
    expect(html).not.toMatch(/<link[^>]*href\s*=\s*["']?(https?:|\/\/)/i);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).toContain("default-src 'none'");
  });

  it('has the sections people look for', () => {
    for (const part of [
      'id="verdict"',
      'id="failure-1"',
      'id="rules"',
      'id="rule-filter"',
      'class="heat"',
      'id="error-codes"',
      'Weird.Undocumented',
      '<svg role="img" aria-label="Latency per operation"',
      'aria-label="Settle time per transition"',
    ])
      expect(html).toContain(part);
  });
});

describe('writeReports', () => {
  it('writes all four files, the record readable again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ebs-reports-'));
    const paths = writeReports(dir, sampleRecord({ failures: [], verdict: 'conformant' }));
    expect(paths.map((p) => p.slice(dir.length + 1))).toEqual([
      'run.json',
      'junit.xml',
      'summary.md',
      'report.html',
    ]);
    expect(readRunRecord(join(dir, 'run.json')).verdict).toBe('conformant');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('**conformant**');
  });
});
