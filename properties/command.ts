import type fc from 'fast-check';
import type { Variant } from '../adapters/target';
import type { Call } from '../model/call';
import type { ModelState } from '../model/state';
import { withinBudget } from './live-budget';
import type { RunSession } from './session';

/** The model as fast-check holds it: one mutable box around an immutable state. */
export interface ModelBox {
  state: ModelState;
}

/** A concrete call a command makes in the current state, and what it touches for settling. */
export interface PlannedCall {
  readonly call: Call;
  /** Endpoint region when the call has no RegionId. */
  readonly region?: string;
  readonly variant?: Partial<Variant>;
  /** Symbolic description for the call log: `StartDiskReplicaPair(pair#1, in secondary)`. */
  readonly label: string;
  /**
   * Calls made while the change this call starts is on its way (a pair still initial_syncing,
   * stopping, ...), before the harness moves the clock; only on a clock the harness moves, and
   * only while the target shows the transient status the model holds.
   */
  readonly during?: readonly During[];
  /**
   * Virtual time to let pass before the call, on a clock the harness moves (elsewhere the call
   * is made at once): to watch a replicating pair sync over its RPO.
   */
  readonly idleMs?: number;
}

export type Plan = (state: ModelState) => PlannedCall | undefined;

/** A call made during a transition, or a short pause in it (virtual time, to watch it progress). */
export type During = Plan | { readonly waitMs: number };

/**
 * One generated step. The constructor holds only generated inputs (positions, choices); `plan`
 * resolves them against the model's current state, so sequences shrink and replay on any target.
 */
export class CallCommand implements fc.AsyncCommand<ModelBox, RunSession> {
  #last = '';
  readonly #then: readonly Plan[];
  /**
   * The plan `check` made, for the state it made it in: fast-check runs the command right after
   * checking it in that very state, and a plan is a function of the state alone, so `run` takes
   * it rather than planning again.
   */
  #checked: { readonly state: ModelState; readonly planned: PlannedCall | undefined } | undefined;
  /** `then` plans follow the first call, each against the state the previous one left. */
  constructor(
    readonly name: string,
    readonly inputs: Readonly<Record<string, unknown>>,
    readonly plan: Plan,
    ...then: Plan[]
  ) {
    this.#then = then;
  }

  check(m: Readonly<ModelBox>): boolean {
    const planned = fitting(m.state, this.plan(m.state));
    this.#checked = { state: m.state, planned };
    return planned !== undefined;
  }

  async run(m: ModelBox, session: RunSession): Promise<void> {
    const labels: string[] = [];
    const checked = this.#checked;
    this.#checked = undefined;
    for (const [i, plan] of [this.plan, ...this.#then].entries()) {
      const planned =
        i === 0 && checked?.state === m.state ? checked.planned : fitting(m.state, plan(m.state));
      if (!planned) break;
      labels.push(planned.label);
      this.#last = labels.join('; ');
      await session.step(m, planned, planned.label);
      // A client retrying with the same ClientToken: the same answer, and no second effect.
      if (this.inputs.retry === true && planned.call.params.ClientToken !== undefined) {
        labels.push(`retry ${planned.label}`);
        this.#last = labels.join('; ');
        await session.step(m, planned, `retry ${planned.label}`);
      }
    }
  }

  toString(): string {
    return (
      this.#last ||
      `${this.name}(${Object.entries(this.inputs)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(', ')})`
    );
  }
}

/** A plan that would take the sequence past its live budget (live-budget.ts) is not made. */
const fitting = (state: ModelState, planned: PlannedCall | undefined) =>
  planned && withinBudget(state, planned.call) ? planned : undefined;
