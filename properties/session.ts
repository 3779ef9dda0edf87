import type { Exchange, Target } from '../adapters/target';
import { findOperation } from '../api';
import { advance, allowedOutcomes, type Expectation, type ModelState } from '../model';
import { judge } from './answer';
import {
  type Answer,
  CHECKS,
  type CheckContext,
  type CheckFailure,
  transient_status_conformance,
} from './checks';
import type { ModelBox, PlannedCall } from './command';
import { answerJudged, type RunEvents, settled, type TraceStep } from './events';
import type { RunClock } from './run-clock';
import { settleCalls } from './settle';
import { namespacedCall, Ownership } from './shared-target';

/** A step found the target off its documentation: carries the failure and the call log so far. */
export class Nonconformance extends Error {
  override readonly name = 'Nonconformance';
  constructor(
    readonly failure: CheckFailure,
    readonly trace: readonly TraceStep[],
  ) {
    super(`${failure.title}: expected ${failure.expected}, received ${failure.received}`);
  }
}

export interface SessionOptions {
  /** The run owns everything on the target (it was reset before the sequence). */
  readonly isolated: boolean;
  /** Virtual time to let pass after an accepted change when the target's clock can be moved. */
  readonly settleAdvanceMs: number;
  /** Real time to wait for a change to settle on a target whose clock runs by itself. */
  readonly settleTimeoutMs: number;
}

/**
 * The system under test for one sequence: the target, the run's clock, the call log.
 * `step` is the whole pipeline of one call: expect, send, check, commit, settle.
 */
export class RunSession {
  readonly trace: TraceStep[] = [];
  /** Why the sequence stopped judging (the target did not answer, or did not settle). */
  halted: string | undefined;
  /** What this sequence created, so that on a shared target it tells its own rows from others'. */
  readonly ownership = new Ownership();

  /**
   * @param namespace makes this sequence's ClientTokens its own: sequences sharing a target (or
   *   runs sharing an endpoint that is never reset) must not replay each other's tokens.
   */
  constructor(
    readonly target: Target,
    readonly events: RunEvents,
    readonly options: SessionOptions,
    readonly clock: RunClock,
    readonly namespace = '',
  ) {}

  get now(): number {
    return this.clock.now;
  }

  /** One call through the whole pipeline; resolves to the target's answer once it passed every check. */
  async step(m: ModelBox, planned: PlannedCall, command: string): Promise<Answer | undefined> {
    if (this.halted) return undefined;
    const before = m.state;
    const call = namespacedCall(planned.call, this.namespace);
    const sent = await this.#send(before, { ...planned, call });
    const { expectation, exchange, servedAt } = sent;
    const judged = judge(exchange);
    this.#log(command, exchange, describe(expectation), expectation.rules);
    this.events.emit(answerJudged(before, planned, expectation, exchange));
    if ('inconclusive' in judged) {
      this.halt(call.action, judged.inconclusive);
      return undefined;
    }
    const operation = findOperation(call.product, call.version, call.action);
    if (operation) {
      const ctx = this.#context(operation, expectation, judged.answer);
      for (const check of CHECKS) {
        const failed = check(ctx);
        if (failed) this.fail(failed);
      }
    }
    if (expectation.kind === 'success' && judged.answer.kind === 'success') {
      m.state = expectation.next(judged.answer.body);
      if (operation?.mutating) {
        this.ownership.hold(m.state);
        await this.#observeTransient(m.state, before, expectation);
        const settleStart = performance.now();
        await this.settle(m, before, servedAt);
        if (!this.halted)
          this.events.emit(settled(before, m.state, call.action, performance.now() - settleStart));
      }
    }
    return judged.answer;
  }

  /** A nonconformance found across several calls (a listing walk): recorded and thrown like a step's. */
  fail(failed: CheckFailure): never {
    this.events.emit({ type: 'check-failed', check: failed.check, title: failed.title });
    throw new Nonconformance(failed, [...this.trace]);
  }

  /** Judges the call at the time it is served: the clock cannot move while it is in flight. */
  #send(
    state: ModelState,
    planned: PlannedCall,
  ): Promise<{ expectation: Expectation; exchange: Exchange; servedAt: number }> {
    return this.clock.call(async (now) => {
      const expectation = allowedOutcomes(state, planned.call, now);
      const { product, version, action } = planned.call;
      this.events.emit({ type: 'call-sent', operation: { product, version, action }, label: planned.label });
      const exchange = await this.target.send({
        ...planned.call,
        ...(planned.region !== undefined ? { region: planned.region } : {}),
        ...(planned.variant !== undefined ? { variant: planned.variant } : {}),
      });
      return { expectation, exchange, servedAt: now };
    });
  }

  #log(command: string, exchange: Exchange, expected: string, rules: readonly string[]): void {
    const { request, response } = exchange;
    this.trace.push({
      index: this.trace.length,
      command,
      operation: exchange.call.action,
      request: { method: request.method, url: request.url, body: request.body },
      ...(response ? { response: { status: response.status, body: response.body } } : {}),
      expected,
      rules: [...rules],
    });
  }

  #context(operation: CheckContext['operation'], expectation: Expectation, answer: Answer): CheckContext {
    return {
      operation,
      expectation,
      answer,
      isolated: this.options.isolated,
      retired: this.ownership.retired,
    };
  }

  /**
   * Right after an accepted change, before time moves: what the listings show of each changed
   * pair, group or disk must be a status the change may pass through or settle in. On a shared
   * target another sequence may move the clock meanwhile, so a settled status is allowed too.
   */
  async #observeTransient(changed: ModelState, before: ModelState, e: Expectation): Promise<void> {
    if (e.kind !== 'success' || e.transient.length === 0) return;
    if (!this.target.capabilities.clockControl) return;
    const allowed = [...e.transient, ...e.settlesIn];
    // Pairs and groups only: a disk's Creating/Attaching is ECS plumbing, not the life cycle under test.
    const probes = settleCalls(before, changed).filter((c) => c.call.product === 'ebs');
    for (const planned of probes) {
      if (this.halted) return;
      const { expectation, exchange } = await this.#send(changed, planned);
      this.events.emit(answerJudged(changed, planned, expectation, exchange));
      const judged = judge(exchange);
      if (!('answer' in judged) || judged.answer.kind !== 'success') continue;
      const { PairIds, GroupIds } = planned.call.params;
      const id = String(PairIds ?? GroupIds);
      const failed = transient_status_conformance(planned.call.action, judged.answer.body, allowed, id);
      if (failed) {
        this.#log(`observe: ${planned.label}`, exchange, allowed.join(' | '), expectation.rules);
        this.fail(failed);
      }
    }
  }

  /** Lets an accepted change finish, then checks what the listings show against the settled model. */
  private async settle(m: ModelBox, before: ModelBox['state'], servedAt: number): Promise<void> {
    const settled = advance(m.state, this.now);
    const verify = settleCalls(before, settled);
    // Settled where it was (a failover of a failovered pair): nothing to wait for or to list.
    if (verify.length === 0) {
      m.state = settled;
      return;
    }
    const { target } = this;
    if (target.capabilities.clockControl && target.advanceClock) {
      const { settleAdvanceMs } = this.options;
      await this.clock.reach(
        servedAt + settleAdvanceMs,
        settleAdvanceMs,
        (ms) => target.advanceClock?.(ms) as Promise<void>,
      );
      m.state = advance(m.state, this.now);
    } else {
      m.state = settled;
      // Retire what the change removed before polling: a row still listed is then not settled yet.
      this.ownership.hold(m.state);
      if (!(await this.waitUntilSettled(m, verify))) return;
    }
    this.ownership.hold(m.state);
    for (const call of verify) await this.step(m, call, `settle: ${call.label}`);
  }

  /** Polls with backoff until every listing agrees with the settled model, or gives up (inconclusive). */
  private async waitUntilSettled(m: ModelBox, verify: readonly PlannedCall[]): Promise<boolean> {
    // The target's clock when it has one of its own (a replay runs on the recording's time).
    const wallNow = () => this.target.now?.() ?? Date.now();
    const deadline = wallNow() + this.options.settleTimeoutMs;
    for (let delay = 50; ; delay = Math.min(delay * 2, 5_000)) {
      this.clock.follow(wallNow());
      let done = true;
      for (const call of verify) {
        const { expectation, exchange } = await this.#send(m.state, call);
        const judged = judge(exchange);
        // The target refuses to send anything more (a cap, a signal): waiting cannot help.
        if (exchange.outcome.kind === 'failure' && exchange.outcome.reason === 'refused') {
          this.halt('settle', exchange.outcome.message);
          return false;
        }
        const op = findOperation(call.call.product, call.call.version, call.call.action);
        const ctx = op && 'answer' in judged ? this.#context(op, expectation, judged.answer) : undefined;
        if (!ctx || CHECKS.some((check) => check(ctx))) done = false;
      }
      if (done) return true;
      if (wallNow() + delay > deadline) {
        this.halt('settle', `the target did not settle within ${this.options.settleTimeoutMs} ms`);
        return false;
      }
      await (this.target.sleep?.(delay) ?? new Promise((r) => setTimeout(r, delay)));
    }
  }

  private halt(operation: string, reason: string): void {
    this.halted = reason;
    this.events.emit({ type: 'inconclusive', operation, reason });
  }
}

function describe(e: Expectation): string {
  if (e.kind === 'success')
    return e.also.length ? `success, or ${e.also.map((x) => x.code).join(' | ')}` : 'success';
  return e.errors.map((x) => `${x.code} ${x.httpStatus}`).join(' | ');
}
