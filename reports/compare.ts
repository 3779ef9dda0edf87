import { type LatencyStats, percentileOf } from './latency';
import { exercised, type Failure, type RunRecord } from './run-record';

/**
 * When a timing change counts as real rather than noise. Both runs need enough samples for a
 * median to mean something; the medians must differ by a clear factor and by more than timer
 * granularity; and the new median must fall outside the old run's own interquartile range, so
 * an operation whose latency always spreads widely is not flagged for moving inside its spread.
 */
export const TIMING_NOISE = { minSamples: 20, minRatio: 1.25, minDeltaMs: 1 } as const;

export interface CodeDrift {
  readonly rule: string;
  /** Codes the new run answered for this rule that the old one never did, and the reverse. */
  readonly appeared: readonly string[];
  readonly disappeared: readonly string[];
  /** The rule's condition has no documented code: this is the target changing an undocumented choice. */
  readonly docGap: boolean;
}

/** A reading the target chose differently from one run to the next. */
export interface ReadingDrift {
  readonly reading: string;
  readonly old: string;
  readonly new: string;
  readonly oldExchange?: string;
  readonly newExchange?: string;
}

export interface TimingChange {
  readonly series: string;
  readonly oldP50: number;
  readonly newP50: number;
  readonly ratio: number;
  readonly oldIqr: readonly [number, number];
}

export interface Comparison {
  readonly old: RunRecord;
  readonly new: RunRecord;
  readonly newFailures: readonly Failure[];
  /** In the old run, not in the new one although the new run exercised its rules. */
  readonly fixedFailures: readonly Failure[];
  /** In the old run, not in the new one, whose rules the new run never exercised: not re-checked. */
  readonly uncheckedFailures: readonly Failure[];
  readonly persistingFailures: readonly Failure[];
  readonly newlyCovered: readonly string[];
  readonly noLongerCovered: readonly string[];
  readonly codeDrift: readonly CodeDrift[];
  /** Readings both runs observed, answered the other way now. */
  readonly readingDrift: readonly ReadingDrift[];
  readonly timingChanges: readonly TimingChange[];
}

function timingChange(series: string, a: LatencyStats, b: LatencyStats): TimingChange | undefined {
  if (a.count < TIMING_NOISE.minSamples || b.count < TIMING_NOISE.minSamples) return undefined;
  const ratio = b.p50 / Math.max(a.p50, 1e-9);
  const iqr: [number, number] = [percentileOf(a, 25), percentileOf(a, 75)];
  const beyond =
    Math.max(ratio, 1 / ratio) >= TIMING_NOISE.minRatio &&
    Math.abs(b.p50 - a.p50) >= TIMING_NOISE.minDeltaMs &&
    (b.p50 < iqr[0] || b.p50 > iqr[1]);
  return beyond ? { series, oldP50: a.p50, newP50: b.p50, ratio, oldIqr: iqr } : undefined;
}

function timingChanges(a: RunRecord, b: RunRecord): TimingChange[] {
  const series = (r: RunRecord) =>
    new Map<string, LatencyStats>([
      ...r.timings.operations.map((t): [string, LatencyStats] => [t.operation, t]),
      ...r.timings.settle.map((t): [string, LatencyStats] => [
        `settle ${t.kind} ${t.from} → ${t.to} (${t.operation})`,
        t,
      ]),
    ]);
  const before = series(a);
  const changes: TimingChange[] = [];
  for (const [name, now] of series(b)) {
    const was = before.get(name);
    const change = was && timingChange(name, was, now);
    if (change) changes.push(change);
  }
  return changes;
}

function codeDrift(a: RunRecord, b: RunRecord): CodeDrift[] {
  const before = new Map(a.rules.map((r) => [r.id, r]));
  const drift: CodeDrift[] = [];
  for (const now of b.rules) {
    const was = before.get(now.id);
    // Only rules refused in both runs: a code cannot disappear from a case the run never reached.
    if (!was || was.refused === 0 || now.refused === 0) continue;
    const appeared = Object.keys(now.observedCodes).filter((c) => !(c in was.observedCodes));
    const disappeared = Object.keys(was.observedCodes).filter((c) => !(c in now.observedCodes));
    if (appeared.length + disappeared.length === 0) continue;
    const docGap = Object.keys(now.docGaps).length > 0 || Object.keys(was.docGaps).length > 0;
    drift.push({ rule: now.id, appeared, disappeared, docGap });
  }
  return drift;
}

function readingDrift(a: RunRecord, b: RunRecord): ReadingDrift[] {
  const before = new Map((a.readings ?? []).map((r) => [r.id, r]));
  const drift: ReadingDrift[] = [];
  for (const now of b.readings ?? []) {
    const was = before.get(now.id);
    // Only readings both runs saw: "not observed" is no choice to drift from.
    if (!was?.choice || !now.choice || was.choice === now.choice) continue;
    drift.push({
      reading: now.id,
      old: was.choice,
      new: now.choice,
      ...(was.exchange ? { oldExchange: was.exchange } : {}),
      ...(now.exchange ? { newExchange: now.exchange } : {}),
    });
  }
  return drift;
}

/** What changed from one run to the next: nonconformances by key, coverage, codes, timings. */
export function compareRuns(a: RunRecord, b: RunRecord): Comparison {
  const oldKeys = new Set(a.failures.map((f) => f.key));
  const newKeys = new Set(b.failures.map((f) => f.key));
  const exercisedNow = new Set(b.rules.filter(exercised).map((r) => r.id));
  const exercisedBefore = new Set(a.rules.filter(exercised).map((r) => r.id));
  const gone = a.failures.filter((f) => !newKeys.has(f.key));
  const rechecked = (f: Failure) => f.rules.length === 0 || f.rules.some((r) => exercisedNow.has(r));
  return {
    old: a,
    new: b,
    newFailures: b.failures.filter((f) => !oldKeys.has(f.key)),
    fixedFailures: gone.filter(rechecked),
    uncheckedFailures: gone.filter((f) => !rechecked(f)),
    persistingFailures: b.failures.filter((f) => oldKeys.has(f.key)),
    newlyCovered: [...exercisedNow].filter((id) => !exercisedBefore.has(id)),
    noLongerCovered: [...exercisedBefore].filter((id) => !exercisedNow.has(id)),
    codeDrift: codeDrift(a, b),
    readingDrift: readingDrift(a, b),
    timingChanges: timingChanges(a, b),
  };
}
