import { describe, expect, it } from 'vitest';
import { nothingJudged } from '../../properties/events';
import { compareRuns } from '../../reports/compare';
import { renderCompareHtml, renderCompareMarkdown } from '../../reports/compare-render';
import { MergeError, mergeRecords } from '../../reports/merge';
import type { RunRecord } from '../../reports/run-record';
import { FAILURE, latency, sampleRecord } from './fixture';

const conformant = (overrides: Partial<RunRecord> = {}) =>
  sampleRecord({ verdict: 'conformant', failures: [], ...overrides });

const withRule = (run: RunRecord, id: string, change: Partial<RunRecord['rules'][number]>) => ({
  ...run,
  rules: run.rules.map((r) => (r.id === id ? { ...r, ...change } : r)),
});

describe('compare', () => {
  it('sorts nonconformances into new, fixed, not re-checked and persisting by key', () => {
    const other = {
      ...FAILURE,
      key: 'state|DescribeDiskReplicaPairs|GROUP.ADD.AT_MOST_17|x',
      rules: ['GROUP.ADD.AT_MOST_17'],
    };
    const gone = { ...FAILURE, key: 'gone', rules: ['PAIR.VISIBLE_IN_OWN_REGIONS'] };
    const c = compareRuns(
      sampleRecord({ failures: [FAILURE, other, gone] }),
      sampleRecord({ failures: [FAILURE] }),
    );
    expect(c.persistingFailures.map((f) => f.key)).toEqual([FAILURE.key]);
    expect(c.newFailures).toEqual([]);
    // GROUP.ADD.AT_MOST_17 is not exercised by the new run: its failure was not re-checked, not fixed.
    expect(c.uncheckedFailures.map((f) => f.key)).toEqual([other.key]);
    expect(c.fixedFailures.map((f) => f.key)).toEqual(['gone']);
    expect(compareRuns(conformant(), sampleRecord()).newFailures.map((f) => f.key)).toEqual([FAILURE.key]);
  });

  it('reports rules newly covered and no longer covered', () => {
    const old = conformant();
    const now = withRule(
      withRule(old, 'GROUP.ADD.AT_MOST_17', { refused: 1 }),
      'PAIR.VISIBLE_IN_OWN_REGIONS',
      {
        refused: 0,
      },
    );
    const c = compareRuns(old, now);
    expect(c.newlyCovered).toEqual(['GROUP.ADD.AT_MOST_17']);
    expect(c.noLongerCovered).toEqual(['PAIR.VISIBLE_IN_OWN_REGIONS']);
  });

  it('reports error codes that changed for a rule refused in both runs, marking doc gaps', () => {
    const old = conformant();
    const now = withRule(old, 'PAIR.VISIBLE_IN_OWN_REGIONS', {
      observedCodes: { 'InvalidReplicaPairId.NotFound': 4 },
      docGaps: { 'InvalidReplicaPairId.NotFound': 4 },
    });
    expect(compareRuns(old, now).codeDrift).toEqual([
      {
        rule: 'PAIR.VISIBLE_IN_OWN_REGIONS',
        appeared: ['InvalidReplicaPairId.NotFound'],
        disappeared: ['NoSuchResource'],
        docGap: true,
      },
    ]);
  });

  it('flags a timing change beyond noise and not one inside the old spread or with few samples', () => {
    const spread = (base: number) => Array.from({ length: 40 }, (_, i) => base + (i % 10));
    const timed = (operation: string, samples: number[]) => ({ operation, ...latency(samples) });
    const old = conformant({
      timings: {
        operations: [timed('Slow', spread(10)), timed('Same', spread(10)), timed('Few', [1, 1, 1])],
        settle: [],
      },
    });
    const now = conformant({
      timings: {
        operations: [timed('Slow', spread(40)), timed('Same', spread(11)), timed('Few', [90, 90, 90])],
        settle: [],
      },
    });
    const changes = compareRuns(old, now).timingChanges;
    expect(changes.map((t) => t.series)).toEqual(['Slow']);
    expect(changes[0]?.ratio).toBeGreaterThan(2);
  });

  it('renders Markdown and HTML that say whether there is a regression', () => {
    const c = compareRuns(conformant(), sampleRecord());
    const md = renderCompareMarkdown(c);
    expect(md).toContain('**regression: 1 new nonconformance(s)**');
    expect(md).toContain('### New nonconformances (1)');
    expect(md).toContain('interquartile range');
    const html = renderCompareHtml(c);
    expect(html).toContain('Start of a normal pair answered &lt;Success&gt;');
    expect(html).not.toContain('<Success>');
  });
});

describe('merge', () => {
  it('adds counts, unites coverage, keeps each failure once and takes the worst verdict', () => {
    const a = sampleRecord({ seed: 1 });
    const b = conformant({ seed: 2, finishedAt: '2026-11-23T10:00:09.000Z' });
    const m = mergeRecords([a, b]);
    expect(m.verdict).toBe('nonconformant');
    expect(m.steps).toBe(240);
    expect(m.budget.runs).toBe(20);
    expect(m.finishedAt).toBe('2026-11-23T10:00:09.000Z');
    expect(m.shards?.map((s) => s.seed)).toEqual([1, 2]);
    expect(m.failures).toHaveLength(1);
    const start = m.rules.find((r) => r.id === 'PAIR.START.FROM_CREATED_OR_STOPPED');
    expect(start).toMatchObject({ accepted: 6, refused: 4, violations: 2 });
    expect(start?.observedCodes).toEqual({ 'OperationDenied.InvalidStatus': 4 });
    expect(
      m.coverage.pairs.cells.find((c) => c.state === 'created' && c.operation === 'StartDiskReplicaPair')
        ?.hits,
    ).toBe(6);
    expect(m.coverage.pairs).toMatchObject({ documented: 4, covered: 2 });
    expect(m.timings.operations.find((t) => t.operation === 'StartDiskReplicaPair')?.count).toBe(10);
    expect(m.transient).toEqual([
      { code: 'Throttling', operation: 'StartDiskReplicaPair', seen: 6, retried: 4 },
    ]);
  });

  it("sums the oracle's sharpness and unites the observed paths of every shard, not the first one's", () => {
    const sharpness = (refusals: number, moreCodes: number) => ({
      refusals,
      oneCode: refusals - moreCodes,
      twoCodes: 0,
      threeCodes: 0,
      moreCodes,
      successOrRefusal: 1,
      calls: 10 * refusals,
    });
    const path = { kind: 'pair' as const, operation: 'StopDiskReplicaPair', model: 'stopping → stopped' };
    const a = conformant({
      sharpness: sharpness(10, 1),
      observedPaths: [{ ...path, observed: 'stopping → stopped', ...latency([5, 7]) }],
    });
    const b = conformant({
      sharpness: sharpness(30, 2),
      observedPaths: [
        { ...path, observed: 'stopping → stopped', ...latency([9]) },
        { ...path, observed: 'stopped', ...latency([1]) },
      ],
    });
    const m = mergeRecords([a, b]);
    expect(m.sharpness).toEqual({ ...sharpness(40, 3), successOrRefusal: 2 });
    expect(m.observedPaths?.map((p) => [p.observed, p.count])).toEqual([
      ['stopping → stopped', 3],
      ['stopped', 1],
    ]);
  });

  it('counts a cell covered when any shard reached it', () => {
    const hit = conformant();
    const cells = hit.coverage.pairs.cells.map((c) =>
      c.state === 'normal' && c.operation === 'StopDiskReplicaPair' ? { ...c, hits: 5 } : { ...c, hits: 0 },
    );
    const other = conformant({
      coverage: { ...hit.coverage, pairs: { ...hit.coverage.pairs, cells, covered: 1 } },
    });
    expect(mergeRecords([hit, other]).coverage.pairs.covered).toBe(3);
  });

  it("keeps every lane's readings: a choice any lane showed, and two different ones as an inconsistency", () => {
    const reading = (id: string, question: string, choice?: string, exchange?: string) => ({
      id,
      question,
      ...(choice !== undefined ? { choice, exchange } : {}),
    });
    const paging = 'token-walk-paging-fields';
    const site = 'pair-listing';
    const a = conformant({
      seed: 1,
      readings: [reading(paging, 'q1'), reading(site, 'q2', 'listed', 'DescribeDiskReplicaPairs(a)')],
    });
    const b = conformant({
      seed: 2,
      readings: [reading(paging, 'q1', 'absent', 'DescribeDiskReplicaGroups(b)'), reading(site, 'q2')],
    });
    const agreed = mergeRecords([a, b]);
    expect(agreed.readings).toEqual([
      reading(paging, 'q1', 'absent', 'DescribeDiskReplicaGroups(b)'),
      reading(site, 'q2', 'listed', 'DescribeDiskReplicaPairs(a)'),
    ]);
    expect(agreed.verdict).toBe('conformant');
    expect(agreed.failures).toEqual([]);

    const c = conformant({
      seed: 3,
      readings: [reading(paging, 'q1', 'present', 'DescribeDiskReplicaPairs(c)'), reading(site, 'q2')],
    });
    const flipped = mergeRecords([a, b, c]);
    expect(flipped.verdict).toBe('nonconformant');
    expect(flipped.readings?.find((r) => r.id === paging)?.choice).toBe('absent');
    expect(flipped.failures).toHaveLength(1);
    expect(flipped.failures[0]).toMatchObject({
      category: 'inconsistent-reading',
      title: `inconsistent-reading ${paging}: the target answered absent, then present`,
      operation: 'DescribeDiskReplicaPairs',
      expected: `${paging}=absent, as DescribeDiskReplicaGroups(b) (seed 2) showed`,
      received: `${paging}=present in DescribeDiskReplicaPairs(c) (seed 3)`,
      seed: 3,
    });
    expect(flipped.failures[0]?.rules.length).toBeGreaterThan(0);
  });

  it('a shard that judged nothing beside others that did leaves the merge conformant; all of them nothing, inconclusive', () => {
    const empty = conformant({
      verdict: 'inconclusive',
      steps: 0,
      inconclusive: [{ operation: 'run', reason: nothingJudged({ runs: 1, maxCommands: 40 }) }],
    });
    const merged = mergeRecords([conformant({ steps: 45 }), empty]);
    expect(merged.verdict).toBe('conformant');
    expect(merged.inconclusive).toEqual([]);
    const none = mergeRecords([empty, empty]);
    expect(none.verdict).toBe('inconclusive');
    expect(none.inconclusive.length).toBeGreaterThan(0);
    // Any other reason a shard could not decide still stands.
    const stuck = { ...empty, inconclusive: [{ operation: 'settle', reason: 'pair still stopping' }] };
    expect(mergeRecords([conformant({ steps: 45 }), stuck]).verdict).toBe('inconclusive');
  });

  it('refuses shards of different targets and an empty list', () => {
    expect(() =>
      mergeRecords([sampleRecord(), sampleRecord({ target: { kind: 'mock', regions: [] } })]),
    ).toThrow(MergeError);
    expect(() => mergeRecords([])).toThrow(/at least one/);
  });
});

describe('compare: reading drift', () => {
  const reading = (choice?: string, exchange?: string) => ({
    id: 'pair-listing',
    question: 'Which region lists a pair?',
    ...(choice ? { choice } : {}),
    ...(exchange ? { exchange } : {}),
  });

  it('reports a reading the target chose differently, with the exchanges that showed each', () => {
    const c = compareRuns(
      conformant({ readings: [reading('site', 'DescribeDiskReplicaPairs #12')] }),
      conformant({ readings: [reading('either-disk', 'DescribeDiskReplicaPairs #40')] }),
    );
    expect(c.readingDrift).toEqual([
      {
        reading: 'pair-listing',
        old: 'site',
        new: 'either-disk',
        oldExchange: 'DescribeDiskReplicaPairs #12',
        newExchange: 'DescribeDiskReplicaPairs #40',
      },
    ]);
    expect(renderCompareMarkdown(c)).toContain('`pair-listing`: was site');
    expect(renderCompareHtml(c)).toContain('<code>pair-listing</code>');
  });

  it('is silent where the choice held, or one run did not observe it', () => {
    const same = compareRuns(
      conformant({ readings: [reading('site')] }),
      conformant({ readings: [reading('site')] }),
    );
    const unseen = compareRuns(
      conformant({ readings: [reading()] }),
      conformant({ readings: [reading('site')] }),
    );
    expect(same.readingDrift).toEqual([]);
    expect(unseen.readingDrift).toEqual([]);
  });
});
