import { readingInconsistency } from '../api/readings';
import { isNothingJudged } from '../properties/events';
import { emulatorPlay } from './figures';
import { type LatencyStats, mergeLatency } from './latency';
import {
  type Failure,
  noSharpness,
  type ReadingRecord,
  type RunRecord,
  type Sharpness,
  type StateCoverage,
} from './run-record';
import { worstVerdict } from './verdict';

export class MergeError extends Error {
  override readonly name = 'MergeError';
}

/** Adds up entries that share a key; `add` folds the second into the first. */
function sumBy<T>(items: readonly T[], key: (t: T) => string, add: (a: T, b: T) => T): T[] {
  const out = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const known = out.get(k);
    out.set(k, known ? add(known, item) : item);
  }
  return [...out.values()];
}

const addCounts = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>) => {
  const out: Record<string, number> = { ...a };
  for (const [k, n] of Object.entries(b)) out[k] = (out[k] ?? 0) + n;
  return out;
};

const union = (lists: readonly (readonly string[])[]) => [...new Set(lists.flat())];

function mergeMatrix(ms: readonly StateCoverage[]): StateCoverage {
  const cells = sumBy(
    ms.flatMap((m) => m.cells),
    (c) => `${c.state}\u0000${c.operation}`,
    (a, b) => ({ ...a, hits: a.hits + b.hits, documented: a.documented || b.documented }),
  );
  const documented = cells.filter((c) => c.documented);
  return {
    states: union(ms.map((m) => m.states)),
    operations: union(ms.map((m) => m.operations)),
    cells,
    documented: documented.length,
    covered: documented.filter((c) => c.hits > 0).length,
  };
}

const mergeTimings = <T extends LatencyStats>(items: readonly T[], key: (t: T) => string): T[] =>
  sumBy(items, key, (a, b) => ({ ...a, ...mergeLatency(a, b) }));

/**
 * One run from the shards of a CI matrix: counts add up, coverage is the union, failures are
 * kept once per key (each with its own seed and replay command), the verdict is the worst, and
 * every shard's readings count (mergeReadings). Shards must have run against the same kind of target.
 */
export function mergeRecords(runs: readonly RunRecord[]): RunRecord {
  const first = runs[0];
  if (!first) throw new MergeError('nothing to merge: give at least one run record');
  const kinds = [...new Set(runs.map((r) => r.target.kind))];
  if (kinds.length > 1)
    throw new MergeError(
      `the shards ran against different targets (${kinds.join(', ')}); merge shards of one target`,
    );
  // One merged record names one fault profile and one set of emulator readings for its replay.
  const plays = [...new Set(runs.map((r) => emulatorPlay(r.target).join(', ') || 'as documented'))];
  if (plays.length > 1)
    throw new MergeError(
      `the shards' emulators played differently (${plays.join('; ')}); merge shards of one fault profile and readings`,
    );
  const all = <T>(pick: (r: RunRecord) => readonly T[]) => runs.flatMap(pick);
  const sum = (pick: (r: RunRecord) => number) => runs.reduce((n, r) => n + pick(r), 0);
  const readings = mergeReadings(runs);
  // Whether anything was judged is the merged run's to say: a shard that judged nothing beside
  // others that did is not inconclusive for it (as one run's lanes are not: properties/engine.ts).
  const judged = sum((r) => r.steps) > 0;
  const shardVerdict = (r: RunRecord) =>
    judged && r.verdict === 'inconclusive' && r.inconclusive.every(isNothingJudged)
      ? 'conformant'
      : r.verdict;
  const inconclusive = all((r) => r.inconclusive).filter((i) => !(judged && isNothingJudged(i)));
  const failures = sumBy(
    [...all((r) => r.failures), ...readings.inconsistent],
    (f) => f.key,
    (a) => a,
  );
  const rules = sumBy(
    all((r) => r.rules),
    (r) => r.id,
    (a, b) => ({
      ...a,
      accepted: a.accepted + b.accepted,
      refused: a.refused + b.refused,
      violations: a.violations + b.violations,
      observedCodes: addCounts(a.observedCodes, b.observedCodes),
      docGaps: addCounts(a.docGaps, b.docGaps),
    }),
  );
  return {
    ...first,
    target: { ...first.target, regions: union(runs.map((r) => r.target.regions)) },
    budget: {
      runs: sum((r) => r.budget.runs),
      maxCommands: Math.max(...runs.map((r) => r.budget.maxCommands)),
    },
    startedAt: runs.map((r) => r.startedAt).sort()[0] as string,
    finishedAt: runs
      .map((r) => r.finishedAt)
      .sort()
      .at(-1) as string,
    verdict: worstVerdict([
      ...runs.map(shardVerdict),
      ...(readings.inconsistent.length > 0 ? (['nonconformant'] as const) : []),
    ]),
    steps: sum((r) => r.steps),
    // A lane stopped early says how far it got; one that was not ran all of its budget.
    ...(runs.some((r) => r.stoppedAfter)
      ? { stoppedAfter: all((r) => r.stoppedAfter ?? [r.budget.runs]) }
      : {}),
    shards: all(
      (r) =>
        r.shards ?? [
          {
            seed: r.seed,
            runs: r.budget.runs,
            steps: r.steps,
            verdict: r.verdict,
            startedAt: r.startedAt,
            finishedAt: r.finishedAt,
          },
        ],
    ),
    rules,
    coverage: {
      pairs: mergeMatrix(runs.map((r) => r.coverage.pairs)),
      groups: mergeMatrix(runs.map((r) => r.coverage.groups)),
      errorCodes: sumBy(
        all((r) => r.coverage.errorCodes),
        (c) => `${c.operation}\u0000${c.code}`,
        (a, b) => ({ ...a, hits: a.hits + b.hits, documented: a.documented || b.documented }),
      ),
      transitions: sumBy(
        all((r) => r.coverage.transitions),
        (t) => [t.kind, t.from, t.to, t.operation].join('\u0000'),
        (a, b) => ({ ...a, hits: a.hits + b.hits }),
      ),
    },
    failures,
    ...(readings.merged ? { readings: readings.merged } : {}),
    inconclusive,
    ...(runs.some((r) => r.undocumentedValues)
      ? {
          undocumentedValues: sumBy(
            all((r) => r.undocumentedValues ?? []),
            (u) => [u.operation, u.field, u.value].join('\u0000'),
            (a, b) => ({ ...a, count: a.count + b.count }),
          ),
        }
      : {}),
    timings: {
      operations: mergeTimings(
        all((r) => r.timings.operations),
        (t) => t.operation,
      ),
      settle: mergeTimings(
        all((r) => r.timings.settle),
        (t) => [t.kind, t.from, t.to, t.operation].join('\u0000'),
      ),
    },
    transient: sumBy(
      all((r) => r.transient),
      (t) => `${t.operation}\u0000${t.code}`,
      (a, b) => ({ ...a, seen: a.seen + b.seen, retried: a.retried + b.retried }),
    ),
    // Every lane's or shard's, not the first one's: the oracle's sharpness and the observed paths.
    ...(runs.some((r) => r.observedPaths)
      ? {
          observedPaths: mergeTimings(
            all((r) => r.observedPaths ?? []),
            (p) => [p.kind, p.operation, p.model, p.observed].join('\u0000'),
          ),
        }
      : {}),
    ...(runs.some((r) => r.sharpness) ? { sharpness: sumSharpness(runs) } : {}),
  };
}

function sumSharpness(runs: readonly RunRecord[]): Sharpness {
  const total = noSharpness();
  for (const r of runs)
    for (const key of Object.keys(total) as (keyof Sharpness)[]) total[key] += r.sharpness?.[key] ?? 0;
  return total;
}

/**
 * Every lane's or shard's readings, not the first one's: a choice any of them showed is the
 * run's, with the exchange that first showed it. One target read one way in one lane and the
 * other way in another is inconsistent, as within one run: a nonconformance naming both calls.
 */
function mergeReadings(runs: readonly RunRecord[]): {
  merged: ReadingRecord[] | undefined;
  inconsistent: Failure[];
} {
  if (!runs.some((r) => r.readings)) return { merged: undefined, inconsistent: [] };
  const byId = new Map<string, { record: ReadingRecord; seed: number }>();
  const inconsistent: Failure[] = [];
  for (const run of runs)
    for (const reading of run.readings ?? []) {
      const known = byId.get(reading.id);
      if (!known || (known.record.choice === undefined && reading.choice !== undefined)) {
        byId.set(reading.id, { record: { ...known?.record, ...reading }, seed: run.seed });
        continue;
      }
      const first = known.record;
      if (reading.choice === undefined || first.choice === undefined || reading.choice === first.choice)
        continue;
      const found = readingInconsistency(
        reading.id,
        { choice: first.choice, exchange: `${first.exchange ?? 'an exchange'} (seed ${known.seed})` },
        { choice: reading.choice, exchange: `${reading.exchange ?? 'an exchange'} (seed ${run.seed})` },
      );
      inconsistent.push({
        ...found,
        key: `inconsistent-reading|${found.operation}|${found.rules.join(',')}|reading_consistency`,
        category: 'inconsistent-reading',
        seed: run.seed,
        trace: [],
        replay: '',
      });
    }
  return { merged: [...byId.values()].map((r) => r.record), inconsistent };
}
