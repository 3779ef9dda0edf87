import type { Target } from '../adapters/target';
import { advance, expect as allowedOutcomes, type Expectation } from '../model';
import type { TraceStep } from '../reports/run-record';
import { findOperation } from '../spec';
import { judge } from './answer';
import { type Answer, CHECKS, type CheckFailure } from './checks';
import type { ModelBox, PlannedCall } from './command';
import type { Recorder } from './recorder';
import { settleCalls } from './settle';

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
 * The system under test for one sequence: the target, the model's notion of time, the call log.
 * `step` is the whole pipeline of one call: expect, send, check, commit, settle.
 */
export class RunSession {
  readonly trace: TraceStep[] = [];
  /** Why the sequence stopped judging (the target did not answer, or did not settle). */
  halted: string | undefined;

  constructor(
    readonly target: Target,
    readonly recorder: Recorder,
    readonly options: SessionOptions,
    public now: number,
  ) {}

  /** One call through the whole pipeline; resolves to the target's answer once it passed every check. */
  async step(m: ModelBox, planned: PlannedCall, command: string): Promise<Answer | undefined> {
    if (this.halted) return undefined;
    const before = m.state;
    const expectation = allowedOutcomes(before, planned.call, this.now);
    const exchange = await this.target.send({
      ...planned.call,
      region: planned.region,
      variant: planned.variant,
    });
    const judged = judge(exchange);
    this.trace.push({
      index: this.trace.length,
      command,
      operation: planned.call.action,
      request: { method: exchange.request.method, url: exchange.request.url, body: exchange.request.body },
      ...(exchange.response
        ? { response: { status: exchange.response.status, body: exchange.response.body } }
        : {}),
      expected: describe(expectation),
      rules: [...expectation.rules],
    });
    this.recorder.exchange(before, planned, expectation, exchange);
    if ('inconclusive' in judged) {
      this.halt(planned.call.action, judged.inconclusive);
      return undefined;
    }
    const operation = findOperation(planned.call.product, planned.call.version, planned.call.action);
    if (operation) {
      const ctx = { operation, expectation, answer: judged.answer, isolated: this.options.isolated };
      for (const check of CHECKS) {
        const failed = check(ctx);
        if (failed) this.fail(failed);
      }
    }
    if (expectation.kind === 'success' && judged.answer.kind === 'success') {
      m.state = expectation.next(judged.answer.body);
      if (operation?.mutating) await this.settle(m, before);
    }
    return judged.answer;
  }

  /** A nonconformance found across several calls (a listing walk): recorded and thrown like a step's. */
  fail(failed: CheckFailure): never {
    this.recorder.violation(failed);
    throw new Nonconformance(failed, [...this.trace]);
  }

  /** Lets an accepted change finish, then checks what the listings show against the settled model. */
  private async settle(m: ModelBox, before: ModelBox['state']): Promise<void> {
    const settled = advance(m.state, this.now);
    const verify = settleCalls(before, settled);
    if (verify.length === 0) return;
    if (this.target.capabilities.clockControl && this.target.advanceClock) {
      await this.target.advanceClock(this.options.settleAdvanceMs);
      this.now += this.options.settleAdvanceMs;
      m.state = advance(m.state, this.now);
    } else {
      m.state = settled;
      if (!(await this.waitUntilSettled(m, verify))) return;
    }
    for (const call of verify) await this.step(m, call, `settle: ${call.label}`);
  }

  /** Polls with backoff until every listing agrees with the settled model, or gives up (inconclusive). */
  private async waitUntilSettled(m: ModelBox, verify: readonly PlannedCall[]): Promise<boolean> {
    const deadline = Date.now() + this.options.settleTimeoutMs;
    for (let delay = 50; ; delay = Math.min(delay * 2, 5_000)) {
      this.now = Date.now();
      let done = true;
      for (const call of verify) {
        const e = allowedOutcomes(m.state, call.call, this.now);
        const exchange = await this.target.send({ ...call.call, region: call.region, variant: call.variant });
        const judged = judge(exchange);
        const ctx = (op: NonNullable<ReturnType<typeof findOperation>>) =>
          'answer' in judged
            ? { operation: op, expectation: e, answer: judged.answer, isolated: this.options.isolated }
            : undefined;
        const op = findOperation(call.call.product, call.call.version, call.call.action);
        const c = op && ctx(op);
        if (!c || CHECKS.some((check) => check(c))) done = false;
      }
      if (done) return true;
      if (Date.now() + delay > deadline) {
        this.halt('settle', `the target did not settle within ${this.options.settleTimeoutMs} ms`);
        return false;
      }
      await new Promise((r) => setTimeout(r, delay));
    }
  }

  private halt(operation: string, reason: string): void {
    this.halted = reason;
    this.recorder.inconclusive(operation, reason);
  }
}

function describe(e: Expectation): string {
  if (e.kind === 'success')
    return e.also.length ? `success, or ${e.also.map((x) => x.code).join(' | ')}` : 'success';
  return e.errors.map((x) => `${x.code} ${x.httpStatus}`).join(' | ');
}
