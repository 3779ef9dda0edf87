import type { Exchange } from '../adapters/target';
import { isTransientCode, OPERATIONS, RULES } from '../api';
import type { Expectation, ModelState } from '../model';
import { LatencyHistogram } from '../reports/latency';
import {
  type ErrorCodeCoverage,
  type Failure,
  RUN_RECORD_VERSION,
  type RunRecord,
  type Sharpness,
  type StateCoverage,
  type TransientFault,
} from '../reports/run-record';
import { verdictOf } from '../reports/verdict';
import type { CheckFailure } from './checks';
import type { PlannedCall } from './command';
import { documentedCells, GROUP_OPERATIONS, GROUP_STATES, PAIR_OPERATIONS, PAIR_STATES } from './coverage';

interface RuleTally {
  accepted: number;
  refused: number;
  codes: Map<string, number>;
  docGaps: Map<string, number>;
}

/** What the engine knows about a run that the steps do not tell. */
export interface RunMeta {
  readonly harnessVersion: string;
  readonly target: { readonly kind: string; readonly endpoint?: string | undefined };
  readonly regions: readonly string[];
  readonly seed: number;
  readonly runs: number;
  readonly maxCommands: number;
  readonly startedAt: Date;
  readonly failures: readonly Failure[];
  readonly harnessError?: string | undefined;
}

/** Keys of the aggregate maps: a separator no operation, status or code contains. */
const SEP = '\u0000';
const bump = (m: Map<string, number>, key: string, by = 1) => m.set(key, (m.get(key) ?? 0) + by);
const split = (key: string) => key.split(SEP) as [string, string, string, string];

// CreateDiskReplicaPair exists in EBS and in the legacy ECS API: the legacy one is named apart.
const actionCount = new Map<string, number>();
for (const op of OPERATIONS) bump(actionCount, op.action);
const labelOf = (op: { readonly product: string; readonly version: string; readonly action: string }) =>
  (actionCount.get(op.action) ?? 0) > 1 && op.product !== 'ebs'
    ? `${op.action} (${op.product} ${op.version})`
    : op.action;

const ABSENT = '(none)';

/**
 * Aggregates every step of a run into what the run record reports. Constant work per step and
 * memory bounded by the number of distinct operations, codes and statuses: whole exchanges are
 * never kept here (failures carry their own trace).
 */
export class Recorder {
  steps = 0;
  violations = 0;
  readonly inconclusiveSteps: { operation: string; reason: string }[] = [];
  readonly #rules = new Map<string, RuleTally>();
  readonly #pairCells = new Map<string, number>();
  readonly #groupCells = new Map<string, number>();
  readonly #errorCodes = new Map<string, number>();
  readonly #transientSeen = new Map<string, number>();
  readonly #transientRetried = new Map<string, number>();
  readonly #latency = new Map<string, LatencyHistogram>();
  readonly #transitions = new Map<string, number>();
  readonly #settle = new Map<string, LatencyHistogram>();
  readonly #paths = new Map<string, LatencyHistogram>();
  readonly #sharpness: Sharpness = {
    refusals: 0,
    oneCode: 0,
    twoCodes: 0,
    threeCodes: 0,
    moreCodes: 0,
    successOrRefusal: 0,
    calls: 0,
  };

  #tally(id: string): RuleTally {
    const known = this.#rules.get(id);
    if (known) return known;
    const fresh: RuleTally = { accepted: 0, refused: 0, codes: new Map(), docGaps: new Map() };
    this.#rules.set(id, fresh);
    return fresh;
  }

  exchange(before: ModelState, planned: PlannedCall, expectation: Expectation, exchange: Exchange): void {
    this.steps++;
    const { call } = planned;
    const label = labelOf(call);
    const o = exchange.outcome;
    const docGap = expectation.kind === 'refusal' && expectation.undocumented;
    for (const id of expectation.rules) {
      const t = this.#tally(id);
      if (expectation.kind === 'success') t.accepted++;
      else t.refused++;
      if (o.kind === 'error') {
        bump(t.codes, o.code);
        if (docGap) bump(t.docGaps, o.code);
      }
    }
    if (o.kind === 'error') bump(this.#errorCodes, `${label}${SEP}${o.code}`);
    this.#sharpen(expectation);
    for (const r of exchange.retried) {
      const key = `${label}${SEP}${r.code ?? r.reason}`;
      bump(this.#transientSeen, key);
      bump(this.#transientRetried, key);
    }
    const gaveUp =
      o.kind === 'error' && isTransientCode(o.code)
        ? o.code
        : o.kind === 'failure' && (o.reason === 'timeout' || o.reason === 'network')
          ? o.reason
          : undefined;
    if (gaveUp) bump(this.#transientSeen, `${label}${SEP}${gaveUp}`);
    this.#histogram(this.#latency, label).add(exchange.durationMs);
    const params = call.params;
    const pair = typeof params.ReplicaPairId === 'string' ? before.pairs[params.ReplicaPairId] : undefined;
    if (pair) bump(this.#pairCells, `${pair.status}${SEP}${call.action}`);
    const group =
      typeof params.ReplicaGroupId === 'string' ? before.groups[params.ReplicaGroupId] : undefined;
    if (group) bump(this.#groupCells, `${group.status}${SEP}${call.action}`);
  }

  /** An accepted change has settled: the status changes it made, and how long settling took. */
  settled(before: ModelState, after: ModelState, operation: string, ms: number): void {
    const kinds = [
      ['pair', before.pairs, after.pairs],
      ['group', before.groups, after.groups],
    ] as const;
    for (const [kind, was, now] of kinds) {
      for (const id of new Set([...Object.keys(was), ...Object.keys(now)])) {
        if (was[id] === now[id]) continue;
        const from = was[id]?.status ?? ABSENT;
        const to = now[id]?.status ?? ABSENT;
        if (from === to) continue;
        const key = [kind, from, to, operation].join(SEP);
        bump(this.#transitions, key);
        this.#histogram(this.#settle, key).add(ms);
      }
    }
  }

  /** How many codes the model left open for this call (the oracle's sharpness). */
  #sharpen(e: Expectation): void {
    const s = this.#sharpness;
    s.calls++;
    if (e.kind === 'success') {
      if (e.also.length > 0) s.successOrRefusal++;
      return;
    }
    s.refusals++;
    const codes = new Set(e.errors.map((x) => x.code)).size;
    if (codes <= 1) s.oneCode++;
    else if (codes === 2) s.twoCodes++;
    else if (codes === 3) s.threeCodes++;
    else s.moreCodes++;
  }

  /** The statuses a changed resource was seen in until it settled, beside the model's path. */
  observedPath(p: {
    kind: 'pair' | 'group' | 'disk';
    operation: string;
    model: string;
    observed: string;
    ms: number;
  }): void {
    this.#histogram(this.#paths, [p.kind, p.operation, p.model, p.observed].join(SEP)).add(p.ms);
  }

  /** Every failing attempt, shrinking included (the record's per-rule counts use the shrunk failures). */
  violation(_f: CheckFailure): void {
    this.violations++;
  }

  inconclusive(operation: string, reason: string): void {
    this.inconclusiveSteps.push({ operation, reason });
  }

  /** The run record: the aggregates, the failures the engine found, and the run's metadata. */
  record(meta: RunMeta): RunRecord {
    const inconclusive = [
      ...this.inconclusiveSteps,
      ...(meta.harnessError ? [{ operation: 'harness', reason: meta.harnessError }] : []),
    ];
    const apis = [...new Set(OPERATIONS.map((op) => `${op.product} ${op.version}`))];
    return {
      version: RUN_RECORD_VERSION,
      harness: { name: 'ebs-conformance', version: meta.harnessVersion },
      spec: { operations: OPERATIONS.length, rules: RULES.length, apis },
      target: {
        kind: meta.target.kind,
        ...(meta.target.endpoint ? { endpoint: meta.target.endpoint } : {}),
        regions: [...meta.regions],
      },
      seed: meta.seed,
      budget: { runs: meta.runs, maxCommands: meta.maxCommands },
      startedAt: meta.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      verdict: verdictOf({
        failures: meta.failures.length,
        inconclusive: inconclusive.length,
        harnessError: meta.harnessError !== undefined,
      }),
      steps: this.steps,
      rules: this.#ruleResults(meta.failures),
      coverage: {
        pairs: matrix(this.#pairCells, PAIR_STATES, PAIR_OPERATIONS),
        groups: matrix(this.#groupCells, GROUP_STATES, GROUP_OPERATIONS),
        errorCodes: this.#errorCodeCoverage(),
        transitions: [...this.#transitions].map(([key, hits]) => {
          const [kind, from, to, operation] = split(key);
          return { kind: kind as 'pair' | 'group', from, to, operation, hits };
        }),
      },
      failures: [...meta.failures],
      inconclusive,
      timings: {
        operations: [...this.#latency].map(([operation, h]) => ({ operation, ...h.stats() })),
        settle: [...this.#settle].map(([key, h]) => {
          const [kind, from, to, operation] = split(key);
          return { kind: kind as 'pair' | 'group', from, to, operation, ...h.stats() };
        }),
      },
      transient: this.#transientFaults(),
      observedPaths: [...this.#paths].map(([key, h]) => {
        const [kind, operation, model, observed] = split(key);
        return { kind: kind as 'pair' | 'group' | 'disk', operation, model, observed, ...h.stats() };
      }),
      sharpness: { ...this.#sharpness },
    };
  }

  #histogram(series: Map<string, LatencyHistogram>, key: string): LatencyHistogram {
    const known = series.get(key);
    if (known) return known;
    const fresh = new LatencyHistogram();
    series.set(key, fresh);
    return fresh;
  }

  /** Violations are the nonconformances naming a rule, not every failing attempt fast-check shrank. */
  #ruleResults(failures: readonly Failure[]): RunRecord['rules'] {
    return RULES.map((r) => {
      const t = this.#rules.get(r.id);
      const violations = failures.filter((f) => f.rules.includes(r.id)).length;
      return {
        id: r.id,
        family: r.id.split('.')[0] ?? r.id,
        statement: r.statement,
        accepted: t?.accepted ?? 0,
        refused: t?.refused ?? 0,
        violations,
        observedCodes: Object.fromEntries(t?.codes ?? []),
        docGaps: Object.fromEntries(t?.docGaps ?? []),
      };
    });
  }

  /** Every documented code of every operation (hit or not), then observed codes no doc lists. */
  #errorCodeCoverage(): ErrorCodeCoverage[] {
    const rows: ErrorCodeCoverage[] = [];
    const documented = new Set<string>();
    for (const op of OPERATIONS)
      for (const { code } of op.errors) {
        const key = `${labelOf(op)}${SEP}${code}`;
        if (documented.has(key)) continue;
        documented.add(key);
        rows.push({ operation: labelOf(op), code, documented: true, hits: this.#errorCodes.get(key) ?? 0 });
      }
    for (const [key, hits] of this.#errorCodes) {
      if (documented.has(key)) continue;
      const [operation, code] = split(key);
      rows.push({ operation, code, documented: false, hits });
    }
    return rows;
  }

  #transientFaults(): TransientFault[] {
    return [...this.#transientSeen].map(([key, seen]) => {
      const [operation, code] = split(key);
      return { code, operation, seen, retried: this.#transientRetried.get(key) ?? 0 };
    });
  }
}

function matrix(hits: ReadonlyMap<string, number>, states: readonly string[], ops: readonly string[]) {
  const documented = new Set(documentedCells(states, ops).map((k) => k.replace('|', SEP)));
  const cells: StateCoverage['cells'] = [];
  for (const key of new Set([...documented, ...hits.keys()])) {
    const [state, operation] = split(key);
    cells.push({ state, operation, hits: hits.get(key) ?? 0, documented: documented.has(key) });
  }
  return {
    states: [...states],
    operations: [...ops],
    cells,
    documented: documented.size,
    covered: [...documented].filter((k) => (hits.get(k) ?? 0) > 0).length,
  } satisfies StateCoverage;
}
