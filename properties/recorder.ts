import type { Exchange } from '../adapters/target';
import type { Expectation, ModelState } from '../model';
import type { Failure, RunRecord } from '../reports/run-record';
import { RULES } from '../spec';
import type { CheckFailure } from './checks';
import type { PlannedCall } from './command';
import { documentedCells, GROUP_OPERATIONS, GROUP_STATES, PAIR_OPERATIONS, PAIR_STATES } from './coverage';

interface RuleTally {
  accepted: number;
  refused: number;
  violations: number;
  codes: Map<string, number>;
}

const bump = (m: Map<string, number>, key: string, by = 1) => m.set(key, (m.get(key) ?? 0) + by);

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Aggregates every step of a run into what the run record reports; never keeps whole exchanges. */
export class Recorder {
  steps = 0;
  readonly #rules = new Map<string, RuleTally>();
  readonly #pairCells = new Map<string, number>();
  readonly #groupCells = new Map<string, number>();
  readonly #errorCodes = new Map<string, number>();
  readonly #transient = new Map<string, number>();
  readonly #latency = new Map<string, number[]>();
  readonly failures: Failure[] = [];
  readonly inconclusiveSteps: { operation: string; reason: string }[] = [];
  violations = 0;

  #tally(id: string): RuleTally {
    const known = this.#rules.get(id);
    if (known) return known;
    const fresh: RuleTally = { accepted: 0, refused: 0, violations: 0, codes: new Map() };
    this.#rules.set(id, fresh);
    return fresh;
  }

  exchange(before: ModelState, planned: PlannedCall, expectation: Expectation, exchange: Exchange): void {
    this.steps++;
    const action = planned.call.action;
    const o = exchange.outcome;
    for (const id of expectation.rules) {
      const t = this.#tally(id);
      if (o.kind === 'success') t.accepted++;
      else if (o.kind === 'error') {
        t.refused++;
        bump(t.codes, o.code);
      }
    }
    if (o.kind === 'error') bump(this.#errorCodes, `${action}|${o.code}`);
    for (const r of exchange.retried) bump(this.#transient, r.code ?? r.reason);
    const times = this.#latency.get(action) ?? [];
    if (times.length === 0) this.#latency.set(action, times);
    times.push(exchange.durationMs);
    const params = planned.call.params;
    const pair = typeof params.ReplicaPairId === 'string' ? before.pairs[params.ReplicaPairId] : undefined;
    if (pair) bump(this.#pairCells, `${pair.status}|${action}`);
    const group =
      typeof params.ReplicaGroupId === 'string' ? before.groups[params.ReplicaGroupId] : undefined;
    if (group) bump(this.#groupCells, `${group.status}|${action}`);
  }

  violation(f: CheckFailure): void {
    this.violations++;
    for (const id of f.rules) this.#tally(id).violations++;
  }

  inconclusive(operation: string, reason: string): void {
    this.inconclusiveSteps.push({ operation, reason });
  }

  coverage(): RunRecord['coverage'] {
    const matrix = (cells: Map<string, number>, states: readonly string[], ops: readonly string[]) => {
      const documented = documentedCells(states, ops);
      return {
        cells: [...cells].map(([k, hits]) => {
          const [state, operation] = k.split('|') as [string, string];
          return { state, operation, hits };
        }),
        documented: documented.length,
        covered: documented.filter((k) => cells.has(k)).length,
      };
    };
    return {
      pairs: matrix(this.#pairCells, PAIR_STATES, PAIR_OPERATIONS),
      groups: matrix(this.#groupCells, GROUP_STATES, GROUP_OPERATIONS),
      errorCodes: [...this.#errorCodes].map(([k, hits]) => {
        const [operation, code] = k.split('|') as [string, string];
        return { operation, code, hits };
      }),
      transitions: [],
    };
  }

  rules(): RunRecord['rules'] {
    return RULES.map((r) => {
      const t = this.#rules.get(r.id);
      return {
        id: r.id,
        statement: r.statement,
        accepted: t?.accepted ?? 0,
        refused: t?.refused ?? 0,
        violations: t?.violations ?? 0,
        observedCodes: Object.fromEntries(t?.codes ?? []),
      };
    });
  }

  timings(): RunRecord['timings'] {
    return [...this.#latency].map(([operation, times]) => {
      const sorted = [...times].sort((a, b) => a - b);
      return {
        operation,
        count: sorted.length,
        p50: percentile(sorted, 50),
        p90: percentile(sorted, 90),
        p99: percentile(sorted, 99),
        max: sorted.at(-1) ?? 0,
      };
    });
  }

  transient(): RunRecord['transient'] {
    return [...this.#transient].map(([code, count]) => ({ code, count }));
  }
}
