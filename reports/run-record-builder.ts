/**
 * Builds the run record from the engine's events (properties/events.ts): subscribe it to a run's
 * events and read `record()` once the run ended. Constant work per event and memory bounded by the
 * number of distinct operations, codes and statuses: whole exchanges are never kept here
 * (failures carry their own trace).
 */
import { isTransientCode, OPERATIONS, RULES } from '../api';
import type { CoverageMatrix, RunEvent, RunEventOf, RunEvents } from '../properties/events';
import { LatencyHistogram } from './latency';
import {
  type ErrorCodeCoverage,
  type Failure,
  noSharpness,
  RUN_RECORD_VERSION,
  type RunRecord,
  type Sharpness,
  type StateCoverage,
  type TransientFault,
  type UndocumentedValue,
} from './run-record';
import { verdictOf } from './verdict';

interface RuleTally {
  accepted: number;
  refused: number;
  codes: Map<string, number>;
  docGaps: Map<string, number>;
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

export class RunRecordBuilder {
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
  readonly #sharpness: Sharpness = noSharpness();
  readonly #undocumented = new Map<string, UndocumentedValue>();
  #started: RunEventOf<'run-started'> | undefined;
  #ended: RunEventOf<'run-ended'> | undefined;

  constructor(events?: RunEvents) {
    events?.subscribe((e) => this.on(e));
  }

  on(e: RunEvent): void {
    if (e.type === 'run-started') this.#started = e;
    else if (e.type === 'answer-judged') this.#judged(e);
    else if (e.type === 'settled') this.#settled(e);
    else if (e.type === 'observed-path')
      this.#histogram(this.#paths, [e.kind, e.operation, e.model, e.observed].join(SEP)).add(e.ms);
    else if (e.type === 'check-failed') this.violations++;
    else if (e.type === 'undocumented-value') this.#undocumentedValue(e);
    else if (e.type === 'inconclusive')
      this.inconclusiveSteps.push({ operation: e.operation, reason: e.reason });
    else if (e.type === 'run-ended') this.#ended = e;
  }

  #tally(id: string): RuleTally {
    const known = this.#rules.get(id);
    if (known) return known;
    const fresh: RuleTally = { accepted: 0, refused: 0, codes: new Map(), docGaps: new Map() };
    this.#rules.set(id, fresh);
    return fresh;
  }

  #judged(e: RunEventOf<'answer-judged'>): void {
    this.steps++;
    const label = labelOf(e.operation);
    const o = e.outcome;
    // Where the model allowed a refusal beside the success (a reading still open, an undocumented
    // choice), the target's refusal is the refusing case of the rules that decided.
    const refusedCase =
      e.allowed === 'refusal' || (o.kind === 'error' && e.allowedCodes > 0 && !isTransientCode(o.code));
    for (const id of e.rules) {
      const t = this.#tally(id);
      if (refusedCase) t.refused++;
      else t.accepted++;
      if (o.kind === 'error') {
        bump(t.codes, o.code);
        if (e.undocumented) bump(t.docGaps, o.code);
      }
    }
    if (o.kind === 'error') bump(this.#errorCodes, `${label}${SEP}${o.code}`);
    this.#sharpen(e);
    for (const r of e.retried) {
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
    this.#histogram(this.#latency, label).add(e.durationMs);
    for (const s of e.subjects)
      bump(s.kind === 'pair' ? this.#pairCells : this.#groupCells, `${s.status}${SEP}${e.operation.action}`);
  }

  /** An accepted change has settled: the status changes it made, and how long settling took. */
  #settled(e: RunEventOf<'settled'>): void {
    for (const { kind, from, to } of e.changes) {
      const key = [kind, from, to, e.operation].join(SEP);
      bump(this.#transitions, key);
      this.#histogram(this.#settle, key).add(e.ms);
    }
  }

  /** How many codes the model left open for this call (the oracle's sharpness). */
  #sharpen(e: RunEventOf<'answer-judged'>): void {
    const s = this.#sharpness;
    s.calls++;
    if (e.allowed === 'success') {
      if (e.allowedCodes > 0) s.successOrRefusal++;
      return;
    }
    s.refusals++;
    if (e.allowedCodes <= 1) s.oneCode++;
    else if (e.allowedCodes === 2) s.twoCodes++;
    else if (e.allowedCodes === 3) s.threeCodes++;
    else s.moreCodes++;
  }

  /** The run record, once the run has ended: the aggregates, its failures and its metadata. */
  record(): RunRecord {
    const meta = this.#started;
    const end = this.#ended;
    if (!meta || !end) throw new Error('the run record is built from a whole run: run-started to run-ended');
    const inconclusive = [
      ...this.inconclusiveSteps,
      ...(end.harnessError ? [{ operation: 'harness', reason: end.harnessError }] : []),
    ];
    const failures: Failure[] = [...end.failures];
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
      finishedAt: end.finishedAt.toISOString(),
      verdict: verdictOf({
        failures: failures.length,
        inconclusive: inconclusive.length,
        harnessError: end.harnessError !== undefined,
      }),
      steps: this.steps,
      rules: this.#ruleResults(failures),
      coverage: {
        pairs: matrix(this.#pairCells, meta.coverage.pairs),
        groups: matrix(this.#groupCells, meta.coverage.groups),
        errorCodes: this.#errorCodeCoverage(),
        transitions: [...this.#transitions].map(([key, hits]) => {
          const [kind, from, to, operation] = split(key);
          return { kind: kind as 'pair' | 'group', from, to, operation, hits };
        }),
      },
      failures,
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
        return {
          kind: kind as 'pair' | 'group' | 'disk' | 'drill',
          operation,
          model,
          observed,
          ...h.stats(),
        };
      }),
      sharpness: { ...this.#sharpness },
      ...(end.readings ? { readings: end.readings.map((r) => ({ ...r })) } : {}),
      ...(this.#undocumented.size > 0 ? { undocumentedValues: [...this.#undocumented.values()] } : {}),
      ...(end.strict ? { strict: true } : {}),
      ...(end.shards ? { shards: end.shards.map((s) => ({ ...s })) } : {}),
      ...(end.stoppedAfter ? { stoppedAfter: [...end.stoppedAfter] } : {}),
    };
  }

  #undocumentedValue(e: RunEventOf<'undocumented-value'>): void {
    const key = [e.operation, e.field, e.value].join(SEP);
    const known = this.#undocumented.get(key);
    this.#undocumented.set(
      key,
      known
        ? { ...known, count: known.count + 1 }
        : {
            operation: e.operation,
            field: e.field,
            value: e.value,
            documented: [...e.documented],
            count: 1,
            exchange: e.exchange,
          },
    );
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
        ...(r.cases ? { oneSided: r.cases } : {}),
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

function matrix(hits: ReadonlyMap<string, number>, m: CoverageMatrix) {
  const { states, operations: ops } = m;
  const documented = new Set(m.documented.map((k) => k.replace('|', SEP)));
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
