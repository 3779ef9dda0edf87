/**
 * What a conformance run tells the world while it runs: typed events through a small emitter.
 * The engine and the session only emit; the run record (reports/run-record-builder.ts), the
 * progress display, cassettes and a real target's inventory subscribe (the target's own events,
 * exchanges, resets and clock advances, come from the one wrapper the CLI composes around the
 * run's target: adapters/observed-target.ts). So properties/ never
 * imports reports/: a reporter depends on these events, not the engine on its reporters.
 *
 * The events carry plain data (statuses, codes, counts), never model objects, so a subscriber
 * needs nothing of the model to read them.
 */
import type { TargetEvent } from '../adapters/observed-target';
import type { Exchange, Outcome } from '../adapters/target';
import { rulesOfAnswer } from '../api/rules/responses';
import type { Expectation, ModelState } from '../model';
import type { PlannedCall } from './command';

export type Verdict = 'conformant' | 'nonconformant' | 'inconclusive' | 'harness-error';

export type FailureCategory =
  | 'schema'
  | 'http-status'
  | 'error-code'
  | 'state'
  | 'transition'
  | 'invariant'
  | 'idempotency'
  | 'pagination'
  | 'visibility'
  | 'inconsistent-reading';

/** One call of a sequence as a report shows it: redacted request, response, what was allowed. */
export interface TraceStep {
  index: number;
  command: string;
  operation: string;
  request?: { method: string; url: string; body?: string | undefined } | undefined;
  response?: { status: number; body: string } | undefined;
  expected: string;
  rules: string[];
  /** Transient answers retried before this one (`Throttling (attempt 1)`): every attempt is on record. */
  attempts?: string[] | undefined;
}

/** A nonconformance as the run reports it: shrunk, with its trace and how to replay it. */
export interface Failure {
  /** Identity across runs (compare): category + operation + rules + the check that failed. */
  key: string;
  category: FailureCategory;
  title: string;
  operation: string;
  rules: string[];
  expected: string;
  received: string;
  seed: number;
  path?: string | undefined;
  /** fast-check's record of which commands ran, needed with `path` to replay a command sequence. */
  commandsPath?: string | undefined;
  trace: TraceStep[];
  replay: string;
  /** Other checks that failed on the same answer: a step keeps every failure, not the first. */
  also?:
    | {
        check: string;
        category: FailureCategory;
        title: string;
        rules: string[];
        expected: string;
        received: string;
      }[]
    | undefined;
}

/** The verdict of one run from what it found. */
const NOTHING_JUDGED = 'no generated call was made';

/** Why a run without a single generated call is inconclusive. */
export const nothingJudged = (o: { readonly runs: number; readonly maxCommands: number }): string =>
  `${NOTHING_JUDGED}: every command drawn in ${o.runs} sequence(s) of at most ${o.maxCommands} found nothing to act on, so nothing was judged (more --runs or --max-commands)`;

/**
 * That inconclusive entry: the whole run's to say, so a lane or shard that judged nothing beside
 * others that judged calls leaves no mark on their merge (reports/merge.ts).
 */
export const isNothingJudged = (i: { readonly operation: string; readonly reason: string }): boolean =>
  i.operation === 'run' && i.reason.startsWith(NOTHING_JUDGED);

export function verdictOf(found: {
  readonly failures: number;
  readonly inconclusive: number;
  readonly harnessError: boolean;
}): Verdict {
  if (found.harnessError) return 'harness-error';
  if (found.failures > 0) return 'nonconformant';
  return found.inconclusive > 0 ? 'inconclusive' : 'conformant';
}

export interface OperationRef {
  readonly product: string;
  readonly version: string;
  readonly action: string;
}

/** A state x operation matrix the run should cover (`state|operation` keys documented). */
export interface CoverageMatrix {
  readonly states: readonly string[];
  readonly operations: readonly string[];
  readonly documented: readonly string[];
}

export type RunEvent =
  /**
   * What the run's target did (adapters/observed-target.ts): every exchange, reset and clock
   * advance, world discovery, settle polls and a real run's cleanup included. Cassettes and the
   * real target's inventory subscribe to these.
   */
  | TargetEvent
  | {
      readonly type: 'run-started';
      readonly startedAt: Date;
      readonly harnessVersion: string;
      readonly target: { readonly kind: string; readonly endpoint?: string | undefined };
      readonly regions: readonly string[];
      readonly seed: number;
      readonly runs: number;
      readonly maxCommands: number;
      readonly coverage: { readonly pairs: CoverageMatrix; readonly groups: CoverageMatrix };
    }
  | { readonly type: 'sequence-started'; readonly lane: number; readonly sequence: number }
  | {
      readonly type: 'sequence-ended';
      readonly lane: number;
      readonly sequence: number;
      /** Every resource the sequence held: what a real run's cleanup between sequences removes. */
      readonly resources: readonly string[];
    }
  | { readonly type: 'call-sent'; readonly operation: OperationRef; readonly label: string }
  | {
      readonly type: 'answer-judged';
      readonly operation: OperationRef;
      readonly params: Readonly<Record<string, unknown>>;
      /** The rules that decided what was allowed, and whether it was a success or a refusal. */
      readonly rules: readonly string[];
      readonly allowed: 'success' | 'refusal';
      /** The refusal has no documented code: a gap in the docs, not in the target. */
      readonly undocumented: boolean;
      /** How many distinct codes the model allowed (a refusal's, or a success's `also`): its sharpness. */
      readonly allowedCodes: number;
      readonly outcome: Outcome;
      readonly retried: Exchange['retried'];
      readonly durationMs: number;
      /** The status of the pair and group the call names, before it. */
      readonly subjects: readonly { readonly kind: 'pair' | 'group'; readonly status: string }[];
    }
  | {
      readonly type: 'settled';
      readonly operation: string;
      readonly ms: number;
      /** The status changes the accepted call made. */
      readonly changes: readonly {
        readonly kind: 'pair' | 'group';
        readonly from: string;
        readonly to: string;
      }[];
    }
  /** The statuses a changed resource showed until it settled, beside the path the model allows. */
  | {
      readonly type: 'observed-path';
      readonly kind: 'pair' | 'group' | 'disk' | 'drill';
      readonly operation: string;
      readonly model: string;
      readonly observed: string;
      readonly ms: number;
    }
  /** Every failing attempt, shrinking included. */
  | { readonly type: 'check-failed'; readonly check: string; readonly title: string }
  /** A value outside a documented value list (api/response-judgement.ts): a finding, not a failure. */
  | {
      readonly type: 'undocumented-value';
      readonly operation: string;
      readonly field: string;
      readonly value: string;
      readonly documented: readonly string[];
      readonly exchange: string;
    }
  | { readonly type: 'inconclusive'; readonly operation: string; readonly reason: string }
  /** A nonconformance, shrunk as far as the run shrinks, ready to report. */
  | { readonly type: 'failure-shrunk'; readonly failure: Failure }
  | {
      readonly type: 'run-ended';
      readonly finishedAt: Date;
      readonly verdict: Verdict;
      readonly failures: readonly Failure[];
      readonly harnessError?: string | undefined;
      readonly shards?: readonly Shard[] | undefined;
      /** Stopped early (a signal, a cap): the sequences each lane had started, in lane order. */
      readonly stoppedAfter?: readonly number[] | undefined;
      /** How the target read each ambiguous point of the docs (api/readings.ts). */
      readonly readings?: readonly ReadingSeen[] | undefined;
      /** Undocumented values failed the run (`run --strict`). */
      readonly strict?: boolean | undefined;
    };

/** One reading as the run saw it: the choice and the exchange that showed it, or not observed. */
export interface ReadingSeen {
  readonly id: string;
  readonly question: string;
  readonly choice?: string;
  readonly exchange?: string;
  readonly fixed?: string;
}

export interface Shard {
  seed: number;
  runs: number;
  steps: number;
  verdict: Verdict;
  startedAt: string;
  finishedAt: string;
}

export type RunEventType = RunEvent['type'];
export type RunEventOf<T extends RunEventType> = Extract<RunEvent, { type: T }>;
export type Subscriber = (event: RunEvent) => void;

/**
 * The run's event stream. Subscribers are called in order, synchronously, for every event: they
 * must be cheap (aggregate, redraw now and then), as one run emits an event per call.
 */
export class RunEvents {
  readonly #subscribers: Subscriber[] = [];

  subscribe(subscriber: Subscriber): () => void {
    this.#subscribers.push(subscriber);
    return () => {
      const i = this.#subscribers.indexOf(subscriber);
      if (i >= 0) this.#subscribers.splice(i, 1);
    };
  }

  /** Only the events of one type. */
  on<T extends RunEventType>(type: T, handler: (event: RunEventOf<T>) => void): () => void {
    return this.subscribe((e) => {
      if (e.type === type) handler(e as RunEventOf<T>);
    });
  }

  emit(event: RunEvent): void {
    for (const s of this.#subscribers) s(event);
  }
}

const statusOf = (state: ModelState, kind: 'pair' | 'group', id: unknown): string | undefined =>
  typeof id !== 'string' ? undefined : (kind === 'pair' ? state.pairs[id] : state.groups[id])?.status;

/** The event of one judged call, from the model state it was judged in. */
export function answerJudged(
  before: ModelState,
  planned: PlannedCall,
  expectation: Expectation,
  exchange: Exchange,
): RunEventOf<'answer-judged'> {
  const { call } = planned;
  const pair = statusOf(before, 'pair', call.params.ReplicaPairId);
  const group = statusOf(before, 'group', call.params.ReplicaGroupId);
  return {
    type: 'answer-judged',
    operation: { product: call.product, version: call.version, action: call.action },
    params: call.params,
    rules: rulesOfAnswer(call, expectation, exchange.outcome),
    allowed: expectation.kind,
    undocumented: expectation.kind === 'refusal' && expectation.undocumented === true,
    allowedCodes: new Set(
      (expectation.kind === 'refusal' ? expectation.errors : expectation.also).map((e) => e.code),
    ).size,
    outcome: exchange.outcome,
    retried: exchange.retried,
    durationMs: exchange.durationMs,
    subjects: [
      ...(pair !== undefined ? [{ kind: 'pair' as const, status: pair }] : []),
      ...(group !== undefined ? [{ kind: 'group' as const, status: group }] : []),
    ],
  };
}

/** The event of a settled change: the status changes between the two model states. */
export function settled(
  before: ModelState,
  after: ModelState,
  operation: string,
  ms: number,
): RunEventOf<'settled'> {
  const changes: { kind: 'pair' | 'group'; from: string; to: string }[] = [];
  const kinds = [
    ['pair', before.pairs, after.pairs],
    ['group', before.groups, after.groups],
  ] as const;
  for (const [kind, was, now] of kinds)
    for (const id of new Set([...Object.keys(was), ...Object.keys(now)])) {
      if (was[id] === now[id]) continue;
      const from = was[id]?.status ?? ABSENT;
      const to = now[id]?.status ?? ABSENT;
      if (from !== to) changes.push({ kind, from, to });
    }
  return { type: 'settled', operation, ms, changes };
}

/** The status of a resource that does not exist (before a create, after a delete). */
export const ABSENT = '(none)';
