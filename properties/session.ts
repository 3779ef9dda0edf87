import type { Exchange, Target } from '../adapters/target';
import { findOperation, unservedOperation } from '../api';
import { advance, afterRefused, allowedOutcomes, type Expectation, type ModelState } from '../model';
import type { Refusal, Success } from '../model/expectation';
import { judge } from './answer';
import { type Answer, type CheckContext, type CheckFailure, runChecks } from './checks';
import { progressOf, recoverPointsOf } from './checks/recovery-data';
import { undocumented_values } from './checks/response-conformance';
import { listedValueRules } from './checks/response-fields';
import {
  ABSENT,
  type AllowedPath,
  isFinal,
  listedStatus,
  modelPath,
  showPath,
  transient_status_conformance,
} from './checks/transient-status';
import type { During, ModelBox, PlannedCall } from './command';
import { answerJudged, type RunEvents, settled, type TraceStep } from './events';
import { forkChoices, listingChoices, type ReadingBook, refusalChoices, shapeChoices } from './readings';
import { answerTime, type RunClock } from './run-clock';
import { allowedPath, type SettleRead, settleReads, statusIn } from './settle';
import { namespacedCall, Ownership } from './shared-target';

/** A step found the target off its documentation: carries the failure and the call log so far. */
export class Nonconformance extends Error {
  override readonly name = 'Nonconformance';
  /** The first failure: what the report leads with. */
  readonly failure: CheckFailure;
  constructor(
    /** Every check that failed on the answer, in registry order. */
    readonly failures: readonly [CheckFailure, ...CheckFailure[]],
    readonly trace: readonly TraceStep[],
  ) {
    const [first] = failures;
    super(`${first.title}: expected ${first.expected}, received ${first.received}`);
    this.failure = first;
  }
}

export interface SessionOptions {
  /** The run owns everything on the target (it was reset before the sequence). */
  readonly isolated: boolean;
  /** Virtual time to let pass after an accepted change when the target's clock can be moved. */
  readonly settleAdvanceMs: number;
  /** Real time to wait for a change to settle on a target whose clock runs by itself. */
  readonly settleTimeoutMs: number;
  /** How the target reads the docs, for the whole run (fixed choices and what answers showed). */
  readonly readings?: ReadingBook;
  /** An undocumented value is a nonconformance (`run --strict`), not only a finding. */
  readonly strict?: boolean;
  /**
   * How far behind its calls a listing of a target on its own clock may be: a Progress read is
   * judged only once a listing sent this long after it still shows the initial sync. Default 2 s
   * on the real target, 0 elsewhere (the emulator's listings are current).
   */
  readonly listingLagMs?: number;
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
  /** The latest recovery point seen of each pair and group (they never go back). */
  readonly #recoverPoints = new Map<string, number>();
  /** The first successful answer to each ClientToken, for its replays to be compared with. */
  readonly #firstAnswers = new Map<string, Readonly<Record<string, unknown>>>();
  /** The latest Progress seen of each pair during its current initial sync (it never falls). */
  readonly #progress = new Map<string, number>();
  /** How many accepted changes have settled: a call made during a transition may be one. */
  #settles = 0;

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

  /** The harness moves the target's clock (mock, direct, an emulator with a manual clock). */
  get #movedClock(): boolean {
    return this.target.capabilities.clockControl && this.target.advanceClock !== undefined;
  }

  /**
   * One call through the whole pipeline; resolves to the target's answer once it passed every
   * check. `expect` replaces the model's decision in `m.state` (a call during a transition on a
   * clock the run does not hold alone is judged against every status the resource may be in).
   */
  async step(
    m: ModelBox,
    planned: PlannedCall,
    command: string,
    expect?: Expect,
  ): Promise<Answer | undefined> {
    if (this.halted) return undefined;
    if (planned.idleMs !== undefined && this.#movedClock) await this.#moveClock(planned.idleMs);
    const before = m.state;
    const call = namespacedCall(planned.call, this.namespace);
    const sent = await this.#send(before, { ...planned, call }, expect);
    const { expectation, exchange, servedAt, dated } = sent;
    const judged = judge(exchange);
    this.#log(command, exchange, describe(expectation), expectation.rules);
    this.events.emit(answerJudged(before, planned, expectation, exchange));
    if ('inconclusive' in judged) {
      this.halt(call.action, judged.inconclusive);
      return undefined;
    }
    // An action the catalogue lacks is judged too, as the gateway's refusal (PROTO.UNKNOWN_ACTION).
    const operation =
      findOperation(call.product, call.version, call.action) ?? unservedOperation(call.product, call.action);
    if (operation) {
      const ctx = this.#context(operation, expectation, judged.answer, call, servedAt, dated);
      const [first, ...more] = runChecks(ctx);
      if (first) this.fail(first, ...more);
      this.#undocumentedValues(command, ctx);
      this.#remember(ctx);
      this.#observeReadings(command, call, expectation, judged.answer);
      if (
        judged.answer.kind === 'success' &&
        tokenOf(call) &&
        !this.#firstAnswers.has(tokenOf(call) as string)
      )
        this.#firstAnswers.set(tokenOf(call) as string, judged.answer.body);
    }
    // A refused call may keep its token on the target (reading refused-call-token).
    if (judged.answer.kind === 'error' && tokenOf(call))
      m.state = afterRefused(m.state, call, judged.answer.code);
    if (expectation.kind === 'success' && expectation.rules.includes(REPLAY_RULE)) {
      // A replay changes nothing: what it names reads as the model holds it.
      for (const planned of readsOfSubject(m.state, call))
        await this.step(m, planned, `after retry: ${planned.label}`);
      return judged.answer;
    }
    if (expectation.kind === 'success' && judged.answer.kind === 'success') {
      m.state = expectation.next(judged.answer.body);
      if (operation?.mutating) {
        this.ownership.hold(m.state);
        const settleStart = performance.now();
        const own = await this.settle(m, before, expectation, call.action, planned.during);
        // A change another accepted call overtook on its way never settled as itself: that
        // call's own settled event records where the resource went.
        if (!this.halted && own)
          this.events.emit(settled(before, m.state, call.action, performance.now() - settleStart));
      }
    }
    return judged.answer;
  }

  /** Nonconformances found together (a step keeps every check's): recorded and thrown as one. */
  fail(...failures: [CheckFailure, ...CheckFailure[]]): never {
    for (const f of failures) this.events.emit({ type: 'check-failed', check: f.check, title: f.title });
    throw new Nonconformance(failures, [...this.trace]);
  }

  /**
   * Judges the call at the time it is served: on a clock the harness moves, the clock cannot
   * move while it is in flight; on a clock of its own, at the time the answer states (its Date:
   * the target's own clock, whatever the skew between it and this machine's), else the wall's.
   */
  #send(state: ModelState, planned: PlannedCall, expect: Expect = this.#decide): Promise<Sent> {
    const owned = this.#movedClock;
    return this.clock.call(async (now) => {
      const judged = owned ? expect(state, planned.call, now) : undefined;
      const { product, version, action } = planned.call;
      this.events.emit({ type: 'call-sent', operation: { product, version, action }, label: planned.label });
      // Most calls name neither: sent as planned, without a copy.
      const { region, variant } = planned;
      const exchange = await this.target.send(
        region === undefined && variant === undefined
          ? planned.call
          : {
              ...planned.call,
              ...(region !== undefined ? { region } : {}),
              ...(variant !== undefined ? { variant } : {}),
            },
      );
      if (judged) return { expectation: judged, exchange, servedAt: now };
      const dated = answerTime(exchange.response?.headers);
      this.clock.follow(this.#wallNow(), dated);
      const at = this.clock.now;
      return {
        expectation: expect(state, planned.call, at),
        exchange,
        servedAt: at,
        dated: dated !== undefined,
      };
    });
  }

  /** The model's decision for a call in `state`, as the target has read the docs so far. */
  readonly #decide: Expect = (state, call, now) => {
    const book = this.options.readings;
    return allowedOutcomes(book ? book.inform(state) : state, call, now);
  };

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
      ...(exchange.retried.length > 0
        ? { attempts: exchange.retried.map((r) => `${r.code ?? r.reason} (attempt ${r.attempt})`) }
        : {}),
    });
  }

  #context(
    operation: CheckContext['operation'],
    expectation: Expectation,
    answer: Answer,
    call: PlannedCall['call'],
    now: number,
    dated = false,
  ): CheckContext {
    const { ReplicaPairId } = call.params;
    const token = tokenOf(call);
    const firstAnswer = token === undefined ? undefined : this.#firstAnswers.get(token);
    return {
      operation,
      expectation,
      answer,
      isolated: this.options.isolated,
      retired: this.ownership.retired,
      now,
      recoverPoints: this.#recoverPoints,
      progress: this.#progress,
      movedClock: this.#movedClock,
      ...(dated ? { answerTime: true } : {}),
      ...(typeof ReplicaPairId === 'string' ? { subject: ReplicaPairId } : {}),
      ...(firstAnswer ? { firstAnswer } : {}),
    };
  }

  /** Values outside a documented list: each a finding; with `strict`, a nonconformance too. */
  #undocumentedValues(command: string, ctx: CheckContext): void {
    const found = undocumented_values(ctx);
    const exchange = `${command} (call ${this.trace.length})`;
    for (const u of found)
      this.events.emit({ type: 'undocumented-value', operation: ctx.operation.action, ...u, exchange });
    const [first] = found;
    if (this.options.strict && first)
      this.fail({
        check: 'undocumented_values',
        category: 'schema',
        title: `${ctx.operation.action} answered ${first.field} = ${first.value}, a value the documentation does not list (--strict)`,
        operation: ctx.operation.action,
        rules: listedValueRules(ctx.operation, first.field),
        expected: `${first.field}: one of ${first.documented.join(', ')}`,
        received: first.value,
      });
  }

  /** What this answer shows of how the target reads the docs; a switch is a nonconformance. */
  #observeReadings(command: string, call: PlannedCall['call'], e: Expectation, answer: Answer): void {
    const book = this.options.readings;
    if (!book || answer.kind === 'undecodable') return;
    const shown = [
      ...forkChoices(e, answer.kind === 'error' ? answer.code : undefined),
      ...(answer.kind === 'success' ? shapeChoices(call.action, call.params, answer.body) : []),
      ...(answer.kind === 'success' && e.kind === 'success' ? listingChoices(e.listing, answer.body) : []),
      ...(answer.kind === 'error' ? refusalChoices(e, answer.code) : []),
    ];
    const exchange = `${command} (call ${this.trace.length}: ${answer.kind === 'success' ? 'success' : answer.code})`;
    for (const { id, choice } of shown) {
      const switched = book.observe(id, choice, exchange);
      if (switched) this.fail(switched);
    }
  }

  /** What later answers are judged against: the recovery points this one showed. */
  #remember(ctx: CheckContext): void {
    for (const [id, point] of recoverPointsOf(ctx)) this.#recoverPoints.set(id, point);
    const progress = progressOf(ctx);
    if (progress !== undefined && ctx.subject !== undefined) this.#progress.set(ctx.subject, progress);
  }

  /**
   * Lets an accepted change settle, watching it on the way. Every listing of a changed pair,
   * group or disk is read until it shows the settled model: each status seen must lie on the
   * path the model allows (its transient statuses, then its final one), or the target is
   * reported at once; a final row that disagrees with the model is re-read to forgive a lagging
   * listing, then reported. On a clock the harness moves, the change has had all the time the
   * docs need once the clock has moved, so what has not settled then is reported too; on a
   * clock of its own, only a resource still on its way at the deadline is inconclusive. False
   * when an accepted call made on the way overtook the change: it never settled as itself.
   */
  private async settle(
    m: ModelBox,
    before: ModelState,
    e: Success,
    operation: string,
    during: readonly During[] = [],
  ): Promise<boolean> {
    this.#settles++;
    const after = m.state;
    const settledNow = advance(after, this.now);
    const reads = settleReads(before, settledNow);
    // A change starts a new initial sync, or ends one: its Progress is judged afresh.
    for (const r of reads) if (r.kind === 'pair') this.#progress.delete(r.id);
    // Settled where it was (a failover of a failovered pair): nothing to wait for or to list.
    if (reads.length === 0) {
      m.state = settledNow;
      return true;
    }
    const change = { operation, rules: e.rules, transient: e.transient, settlesIn: e.settlesIn };
    const watches = reads.map(
      (read): Watch => ({
        read,
        path: allowedPath(read, after, settledNow, change),
        seen: [],
        failing: 0,
        firstFailingAt: 0,
        done: false,
        startedAt: this.#wallNow(),
      }),
    );
    const owned = this.#movedClock;
    if (owned) {
      // Before time moves: what the change shows on its way (pairs and groups; a disk's
      // Creating/Attaching is ECS plumbing, not the life cycle under test).
      for (const w of watches) if (probed(w)) await this.#probe(after, w);
      if (this.halted) return true;
      // A call made on the way that was itself an accepted change has settled everything. Not on
      // a target other lanes share: their clock moves would pass the status the call is judged in.
      if (during.length > 0 && this.options.isolated && (await this.#during(m, after, watches, during)))
        return false;
      // A first Start's initial sync, read as the clock moves through it: its Progress judged
      // (between two reads showing the sync, whoever else moves the clock meanwhile).
      for (const w of watches)
        if (initialSync(after, w)) await this.#progressInInitialSync(after, after, w, true);
      if (!this.options.isolated) await this.#duringSharp(after, settledNow, watches, during);
      if (this.halted) return true;
      await this.#moveClock(this.options.settleAdvanceMs);
    }
    m.state = owned ? advance(after, this.now) : settledNow;
    // Retire what the change removed before reading: a row still listed is then a phantom or on its way out.
    this.ownership.hold(m.state);
    const deadline = this.#wallNow() + this.options.settleTimeoutMs;
    for (let round = 0, delay = 50; ; round++, delay = Math.min(delay * 2, 5_000)) {
      if (!owned) this.clock.follow(this.#wallNow());
      for (const w of watches) if (!w.done) await this.#read(m.state, w, owned);
      if (this.halted) return true;
      if (!owned && round === 0) {
        // On a clock of its own the first reads are the probe: what they show on the way.
        await this.#duringSharp(after, settledNow, watches, during);
        for (const w of watches)
          if (initialSync(after, w)) await this.#progressInInitialSync(m.state, after, w, false, deadline);
        if (this.halted) return true;
      }
      const pending = watches.filter((w) => !w.done);
      if (pending.length === 0) break;
      // On a real clock the last read is made at the deadline itself: a resource is given the
      // whole bound, not just the reads whose backoff happened to fit inside it.
      const left = deadline - this.#wallNow();
      const outOfTime = owned ? round >= OWNED_CLOCK_NUDGES : left <= 0;
      if (outOfTime) {
        this.#timedOut(pending, owned);
        return true;
      }
      if (owned) await this.#moveClock(NUDGE_MS);
      else await this.#sleep(Math.min(delay, left));
    }
    for (const w of watches)
      this.events.emit({
        type: 'observed-path',
        kind: w.read.kind,
        operation,
        model: modelPath(w.path),
        observed: showPath(w.seen),
        ms: this.#wallNow() - w.startedAt,
      });
    return true;
  }

  #sleep(ms: number): Promise<void> {
    return this.target.sleep?.(ms) ?? new Promise((r) => setTimeout(r, ms));
  }

  #wallNow(): number {
    // The target's clock when it has one of its own (a replay runs on the recording's time).
    return this.target.now?.() ?? Date.now();
  }

  #moveClock(ms: number): Promise<void> {
    const { target } = this;
    return this.clock.reach(this.now + ms, ms, (by) => target.advanceClock?.(by) as Promise<void>);
  }

  /**
   * Calls made while the change is on its way, each a whole step judged against the model's
   * transient state; a pause moves the clock a little and reads the changed resources again.
   * They stop as soon as the target no longer shows the transient status the model holds (its
   * transition may be shorter than the model can know). True when one of them was itself an
   * accepted change: its own settling then settled this change too.
   */
  async #during(m: ModelBox, after: ModelState, watches: readonly Watch[], during: readonly During[]) {
    const settles = this.#settles;
    for (const next of during) {
      const shown = onTheWay(after, watches);
      if (shown === undefined) return false;
      if (typeof next !== 'function') {
        await this.#moveClock(next.waitMs);
        for (const w of watches) if (probed(w)) await this.#probe(after, w);
      } else {
        const planned = next(m.state);
        if (planned) await this.step(m, planned, `while ${shown}: ${planned.label}`);
      }
      if (this.halted || this.#settles !== settles) return true;
    }
    return false;
  }

  /**
   * Calls on the way where the run does not hold the clock alone (a clock of its own, or lanes
   * sharing the target): the resource showed the transient status the model holds, but by the
   * time a call lands it may be in that status or any later one on its way. So a call is made only
   * when the model refuses it in the transient state and in the settled one alike, and is judged
   * against the union of those refusals: a success is then a nonconformance whatever the timing,
   * and no lag of the target's clock can make one. Pauses are skipped (the status moves by itself).
   */
  async #duringSharp(
    after: ModelState,
    settled: ModelState,
    watches: readonly Watch[],
    during: readonly During[],
  ): Promise<void> {
    const shown = onTheWay(after, watches);
    if (shown === undefined) return;
    for (const next of during) {
      if (typeof next !== 'function') continue;
      const planned = next(after);
      if (!planned) continue;
      const call = namespacedCall(planned.call, this.namespace);
      const union = refusedThroughout([after, settled].map((s) => this.#decide(s, call, this.now)));
      if (!union) continue;
      // A box of its own: a refusal changes nothing, and the call is counted in the transient status.
      await this.step({ state: after }, planned, `while ${shown}: ${planned.label}`, () => union);
      if (this.halted) return;
    }
  }

  /**
   * Progress read during an initial sync. A Progress read lies inside the initial sync when the
   * listings read just before and just after it both show initial_syncing (a pair never goes
   * back to it without a new Start): only such reads are judged, in order, against the model's
   * initial-sync state (below 100, never falling); one whose closing listing shows the sync over
   * is not judged at all. Between a read and its closing listing, a clock the harness moves is
   * moved a little (the reads walk through the sync); on a clock of its own, real time passes,
   * and the reads go on until the sync is over or the settle deadline: each judged against the
   * one before it in the same sync, spaced by a quarter of the time the change has taken so far
   * (at most PROGRESS_PACE_MS), so the reads cover the sync whether it takes 150 ms or hours.
   */
  async #progressInInitialSync(
    state: ModelState,
    after: ModelState,
    w: Watch,
    owned: boolean,
    deadline = 0,
  ): Promise<void> {
    const pair = after.pairs[w.read.id];
    if (!pair) return;
    const planned: PlannedCall = {
      call: {
        product: 'ebs',
        version: '2021-07-30',
        action: 'DescribeDiskReplicaPairProgress',
        params: { RegionId: pair.primary.regionId, ReplicaPairId: pair.id },
      },
      label: `DescribeDiskReplicaPairProgress(${pair.id})`,
    };
    const operation = findOperation('ebs', '2021-07-30', 'DescribeDiskReplicaPairProgress');
    if (!operation) return;
    const more = (i: number) => (owned ? i < PROGRESS_READS : this.#wallNow() < deadline);
    for (let i = 0; more(i) && !w.done && w.seen.at(-1) === INITIAL_SYNC; i++) {
      const sent = await this.#send(after, planned);
      this.events.emit(answerJudged(after, planned, sent.expectation, sent.exchange));
      const judged = judge(sent.exchange);
      if ('inconclusive' in judged) return this.halt('settle', judged.inconclusive);
      if (owned) {
        // Its status only: the row is on its way, and the model holds its transient state.
        await this.#moveClock(PROGRESS_STEP_MS);
        await this.#probe(after, w);
      } else {
        // The closing listing must show the pair as it was after the read, not as it was before.
        const lag = this.options.listingLagMs ?? (this.target.kind === 'real' ? CONFIRM_MS : 0);
        if (lag > 0) await this.#sleep(lag);
        await this.#read(state, w, false);
      }
      if (this.halted) return;
      // The closing listing: the read lay inside the initial sync only if it still shows it.
      if (w.seen.at(-1) !== INITIAL_SYNC) return;
      const ctx = this.#context(
        operation,
        sent.expectation,
        judged.answer,
        planned.call,
        sent.servedAt,
        sent.dated,
      );
      this.#log(
        `settle: ${planned.label} (inside initial_syncing)`,
        sent.exchange,
        describe(sent.expectation),
        [...sent.expectation.rules],
      );
      const [first, ...others] = runChecks(ctx);
      if (first) this.fail(first, ...others);
      this.#remember(ctx);
      if (!owned) await this.#sleep(Math.min(PROGRESS_PACE_MS, (this.#wallNow() - w.startedAt) / 4));
    }
  }

  /** One read of a changed resource before the clock moves: its status must already lie on the path. */
  async #probe(state: ModelState, w: Watch): Promise<void> {
    const { planned } = w.read;
    const { expectation, exchange, servedAt, dated } = await this.#send(state, planned);
    this.events.emit(answerJudged(state, planned, expectation, exchange));
    const judged = judge(exchange);
    if ('inconclusive' in judged) {
      this.halt('settle', judged.inconclusive);
      return;
    }
    if (judged.answer.kind === 'success') {
      this.#judgeStatus(w, judged.answer.body, exchange, expectation);
      return;
    }
    // A listing refused or undecodable on the way is judged like any answer (its rows are not:
    // the target may be ahead of the model's transient state).
    const operation = findOperation(planned.call.product, planned.call.version, planned.call.action);
    if (!operation) return;
    const [first, ...more] = runChecks(
      this.#context(operation, expectation, judged.answer, planned.call, servedAt, dated),
    );
    if (!first) return;
    this.#log(`observe: ${planned.label}`, exchange, describe(expectation), expectation.rules);
    this.fail(first, ...more);
  }

  /** Records the status a listing shows of the watched resource, failing at once if it is off the path. */
  #judgeStatus(
    w: Watch,
    body: Readonly<Record<string, unknown>>,
    exchange: Exchange,
    expectation: Expectation,
  ): string | undefined {
    const action = w.read.planned.call.action;
    const status = listedStatus(action, body, w.read.id);
    if (status === undefined) return undefined;
    const off = transient_status_conformance(w.path, w.seen, status, action);
    if (w.seen.at(-1) !== status) w.seen.push(status);
    if (off) {
      this.#log(`observe: ${w.read.planned.label}`, exchange, off.expected, expectation.rules);
      this.fail(off);
    }
    return status;
  }

  /**
   * One settle read, judged whole: its status against the path, its answer by every check. A
   * resource still on its way is waited for; a final row (or a broken answer) that fails a
   * check is read again before it is reported, so a lagging listing is forgiven.
   */
  async #read(state: ModelState, w: Watch, owned: boolean): Promise<void> {
    const { planned } = w.read;
    const { expectation, exchange, servedAt, dated } = await this.#send(state, planned);
    this.events.emit(answerJudged(state, planned, expectation, exchange));
    const judged = judge(exchange);
    if ('inconclusive' in judged) {
      this.halt('settle', judged.inconclusive);
      return;
    }
    const operation = findOperation(planned.call.product, planned.call.version, planned.call.action);
    if (!operation) return;
    const ctx = this.#context(operation, expectation, judged.answer, planned.call, servedAt, dated);
    const status =
      judged.answer.kind === 'success'
        ? this.#judgeStatus(w, judged.answer.body, exchange, expectation)
        : undefined;
    const onTheWay = status !== undefined && status !== ABSENT && !isFinal(w.path, status);
    // A Start has settled only once `normal` was seen: `syncing` before it is still on the way.
    const failures = runChecks(ctx).filter((f) => !(onTheWay && ROW_CHECKS.has(f.check)));
    if (failures.length === 0 && status === ABSENT && !isFinal(w.path, ABSENT))
      failures.push(notListed(w, planned.call.action));
    if (failures.length === 0 && !onTheWay) {
      this.#log(`settle: ${planned.label}`, exchange, describe(expectation), expectation.rules);
      this.#undocumentedValues(`settle: ${planned.label}`, ctx);
      this.#remember(ctx);
      w.done = true;
      return;
    }
    if (failures.length === 0) return;
    const now = this.#wallNow();
    if (w.failing++ === 0) w.firstFailingAt = now;
    const confirmed = owned || (w.failing >= CONFIRM_READS && now - w.firstFailingAt >= CONFIRM_MS);
    w.lastFailures = failures;
    if (confirmed) {
      this.#log(`settle: ${planned.label}`, exchange, describe(expectation), expectation.rules);
      this.fail(...(failures as [CheckFailure, ...CheckFailure[]]));
    }
    w.lastExchange = { exchange, expectation };
  }

  /**
   * Out of time. A check that failed and was not yet confirmed is reported all the same; a
   * resource the harness gave all the time the docs need (it moves the clock) and that is still
   * on its way is off its documented transition; on a clock of its own it is inconclusive,
   * naming the status it was in and for how long.
   */
  #timedOut(pending: readonly Watch[], owned: boolean): void {
    for (const w of pending) {
      if (!w.lastFailures?.length || !w.lastExchange) continue;
      const { exchange, expectation } = w.lastExchange;
      this.#log(`settle: ${w.read.planned.label}`, exchange, describe(expectation), expectation.rules);
      this.fail(...(w.lastFailures as [CheckFailure, ...CheckFailure[]]));
    }
    const w = pending[0];
    if (!w) return;
    const status = w.seen.at(-1) ?? ABSENT;
    const waited = this.#wallNow() - w.startedAt;
    if (owned)
      this.fail({
        check: 'transient_status_conformance',
        category: 'transition',
        title: `${w.read.id} is still ${status} after ${w.path.operation} and the time the change may take`,
        operation: w.read.planned.call.action,
        rules: [...new Set([...w.path.rules, 'PROTO.DESCRIBE_IS_PROJECTION'])],
        expected: `${w.read.kind} ${w.read.id} settled: ${modelPath(w.path)}`,
        received: showPath(w.seen),
      });
    this.halt(
      'settle',
      `${w.read.kind} ${w.read.id} still ${status} ${waited} ms after ${w.path.operation} (path ${showPath(w.seen)}; the model allows ${modelPath(w.path)}); the settle deadline is ${this.options.settleTimeoutMs} ms`,
    );
  }

  private halt(operation: string, reason: string): void {
    this.halted = reason;
    this.events.emit({ type: 'inconclusive', operation, reason });
  }
}

/** A pair or group whose change shows transient statuses: read before the clock moves. */
const probed = (w: Watch) => w.read.kind !== 'disk' && w.path.transient.length > 0;

/**
 * The transient status the target shows, as `pair-x initial_syncing (and 2 more)`, when every probed
 * resource shows the status the model holds for it right after the change; undefined otherwise.
 */
function onTheWay(after: ModelState, watches: readonly Watch[]): string | undefined {
  const shown = watches.filter(probed).map((w) => ({ w, status: statusIn(after, w.read.kind, w.read.id) }));
  if (
    shown.length === 0 ||
    shown.some(({ w, status }) => w.seen.at(-1) !== status || isFinal(w.path, status))
  )
    return undefined;
  const [first, ...more] = shown.map(({ w, status }) => `${w.read.id} ${status}`);
  return more.length > 0 ? `${first} (and ${more.length} more)` : first;
}

/** A call's answer and what it was judged against, at the time it was served (`dated`: by its Date). */
interface Sent {
  readonly expectation: Expectation;
  readonly exchange: Exchange;
  readonly servedAt: number;
  readonly dated?: boolean;
}

/** How a call is expected to be answered: the model's decision, or one built from several. */
type Expect = (state: ModelState, call: PlannedCall['call'], now: number) => Expectation;

/**
 * One refusal allowing every code and naming every rule of `expectations` when each of them is
 * a refusal; undefined when any allows a success (then no answer is a sure nonconformance).
 */
export function refusedThroughout(expectations: readonly Expectation[]): Refusal | undefined {
  const refusals = expectations.filter((e): e is Refusal => e.kind === 'refusal');
  if (refusals.length === 0 || refusals.length < expectations.length) return undefined;
  const errors = new Map(refusals.flatMap((r) => r.errors.map((e) => [e.code, e] as const)));
  return {
    kind: 'refusal',
    rules: [...new Set(refusals.flatMap((r) => r.rules))],
    errors: [...errors.values()],
    undocumented: refusals.some((r) => r.undocumented),
  };
}

const INITIAL_SYNC = 'initial_syncing';
/** On a clock the harness moves: Progress reads per initial sync, each followed by a listing. */
const PROGRESS_READS = 4;
/** On a clock of its own: the longest pause between two Progress reads of one initial sync. */
const PROGRESS_PACE_MS = 5_000;
/** On a clock the harness moves: how far it moves between a Progress read and its closing listing. */
const PROGRESS_STEP_MS = 250;

/** A pair the change put in its initial sync (a first Start), as the model holds it right after. */
const initialSync = (after: ModelState, w: Watch) =>
  w.read.kind === 'pair' && statusIn(after, 'pair', w.read.id) === INITIAL_SYNC;

/** The model's mark on a call replayed with a ClientToken it has seen with the same parameters. */
const REPLAY_RULE = 'TOKEN.SAME_PARAMS_SAME_RESULT';

/** Where a call's ClientToken is remembered: per operation, as the service does (TOKEN.PER_ACTION). */
const tokenOf = (call: PlannedCall['call']): string | undefined =>
  typeof call.params.ClientToken === 'string'
    ? `${call.product}:${call.version}:${call.action}\u0000${call.params.ClientToken}`
    : undefined;

/** The listings of the pair, group or disk a call names, to read it again after a replay. */
function readsOfSubject(state: ModelState, call: PlannedCall['call']): PlannedCall[] {
  const { ReplicaPairId, ReplicaGroupId, DiskId } = call.params;
  const subject: ModelState = {
    ...state,
    pairs: pick(state.pairs, ReplicaPairId),
    groups: pick(state.groups, ReplicaGroupId),
    disks: pick(state.disks, DiskId),
  };
  const none: ModelState = { ...state, pairs: {}, groups: {}, disks: {} };
  return settleReads(none, subject).map((r) => r.planned);
}

const pick = <T>(all: Readonly<Record<string, T>>, id: unknown): Record<string, T> =>
  typeof id === 'string' && all[id] !== undefined ? { [id]: all[id] as T } : {};

/** A listing of a resource that should be there does not show it. */
const notListed = (w: Watch, action: string): CheckFailure => ({
  check: 'listing_conformance',
  category: 'state',
  title: `${w.read.id} is not listed after ${w.path.operation}`,
  operation: action,
  rules: [...new Set([...w.path.rules, 'PROTO.DESCRIBE_IS_PROJECTION'])],
  expected: `${w.read.kind} ${w.read.id} listed: ${modelPath(w.path)}`,
  received: showPath(w.seen),
});

/** A row caught on its way disagrees with the settled model; that is what waiting is for. */
const ROW_CHECKS = new Set(['listing_conformance', 'response_facts_conformance']);
/** A final row that disagrees is read this often, over at least this long, before it is reported. */
const CONFIRM_READS = 3;
const CONFIRM_MS = 2_000;
/** On a clock the harness moves: after the settle advance, this many short nudges (odd, to change phase). */
const OWNED_CLOCK_NUDGES = 4;
const NUDGE_MS = 7_919;

/** One changed resource being watched until it settles. */
interface Watch {
  readonly read: SettleRead;
  readonly path: AllowedPath;
  /** Statuses seen, oldest first, repeats folded. */
  readonly seen: string[];
  failing: number;
  firstFailingAt: number;
  done: boolean;
  readonly startedAt: number;
  lastFailures?: readonly CheckFailure[];
  lastExchange?: { readonly exchange: Exchange; readonly expectation: Expectation };
}

function describe(e: Expectation): string {
  if (e.kind === 'success')
    return e.also.length ? `success, or ${e.also.map((x) => x.code).join(' | ')}` : 'success';
  return e.errors.map((x) => `${x.code} ${x.httpStatus}`).join(' | ');
}
