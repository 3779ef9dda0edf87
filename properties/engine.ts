import type { Target } from '../adapters/target';
import type { World } from '../model';
import { documentedCells, GROUP_OPERATIONS, GROUP_STATES, PAIR_OPERATIONS, PAIR_STATES } from './coverage';
import { type Failure, nothingJudged, RunEvents, type Shard, type Verdict, verdictOf } from './events';
import { type LaneResult, type LaneShared, runLane } from './lane';
import { ReadingBook } from './readings';
import { RunClock } from './run-clock';
import type { SessionOptions } from './session';
import { learnWorldNoting, type WorldNote } from './world';

export interface RunOptions {
  readonly target: Target;
  readonly seed: number;
  readonly runs: number;
  readonly maxCommands: number;
  /**
   * How many sequences run side by side against the target (default: 2 for a target in another
   * process, 1 in-process). Lane i draws its sequences from seed + i, so a failure replays alone.
   */
  readonly concurrency?: number;
  /**
   * The sequences of each lane, in lane order, instead of `runs` shared evenly: a replay of a run
   * stopped early runs what each of its lanes had started (the record's `stoppedAfter`).
   */
  readonly laneRuns?: readonly number[];
  /** Re-run exactly one recorded counterexample: fast-check's path and its commands' replay path. */
  readonly path?: string;
  readonly commandsPath?: string;
  readonly session?: Partial<SessionOptions>;
  readonly harnessVersion: string;
  /** How to replay a failure from the command line (the report prints it). */
  readonly replayCommand: (failureIndex: number) => string;
  readonly onProgress?: (done: number, total: number) => void;
  /** Polled before each sequence: a reason (a cap, a signal) stops drawing new ones, inconclusive. */
  readonly stopped?: () => string | undefined;
  /** false: report the first failing sequence as drawn, unshrunk (detection runs need only the verdict). */
  readonly shrink?: boolean;
  /** Where the run's events go: reporters subscribe to it (reports/run-record-builder.ts). */
  readonly events?: RunEvents;
}

/** What a run found; the run record is built by a subscriber to its events. */
export interface RunOutcome {
  readonly world: World;
  readonly verdict: Verdict;
  readonly failures: readonly Failure[];
  readonly harnessError?: string | undefined;
  /** What learning the world saw but could not use (learnWorldNoting). */
  readonly worldNotes: readonly WorldNote[];
}

/** Parallel sequences pay off when the target serves requests on other cores. */
/**
 * Lanes overlap the waiting on a target whose transitions take real time. Against the emulator
 * the harness's own CPU is the bottleneck (one thread), so a second lane measured no faster and
 * judges shared listings less strictly: one lane there, two against a real region.
 */
export const defaultConcurrency = (target: Target): number => (target.kind === 'real' ? 2 : 1);

/** Splits `runs` over `lanes` as evenly as possible, the first lanes taking the remainder. */
export const share = (runs: number, lanes: number, i: number): number =>
  Math.floor(runs / lanes) + (i < runs % lanes ? 1 : 0);

/**
 * A conformance run: fast-check draws command sequences over the model, each sequence runs
 * against the target, every answer is checked; a nonconformance is shrunk to a short sequence
 * and recorded with its seed and path. With one lane every sequence starts from a reset target
 * (when it can be reset); with several, the target is reset once and the lanes share it, each
 * sequence judging only its own resources. A replay always runs alone.
 */
export async function runEngine(options: RunOptions): Promise<RunOutcome> {
  const startedAt = new Date();
  const { target } = options;
  const events = options.events ?? new RunEvents();
  const { world, notes: worldNotes } = await learnWorldNoting(target);
  let inconclusive = 0;
  let done = 0;
  const unsubscribe = [
    events.on('inconclusive', () => inconclusive++),
    events.on('sequence-ended', () => options.onProgress?.(++done, options.runs)),
  ];
  events.emit({
    type: 'run-started',
    startedAt,
    harnessVersion: options.harnessVersion,
    target: { kind: target.kind, endpoint: target.endpoint },
    regions: world.regions.map((r) => r.id),
    seed: options.seed,
    runs: options.runs,
    maxCommands: options.maxCommands,
    coverage: {
      pairs: {
        states: PAIR_STATES,
        operations: PAIR_OPERATIONS,
        documented: documentedCells(PAIR_STATES, PAIR_OPERATIONS),
      },
      groups: {
        states: GROUP_STATES,
        operations: GROUP_OPERATIONS,
        documented: documentedCells(GROUP_STATES, GROUP_OPERATIONS),
      },
    },
  });
  const replaying = options.path !== undefined;
  const lanes = replaying
    ? 1
    : (options.laneRuns?.length ??
      Math.max(1, Math.min(options.runs, options.concurrency ?? defaultConcurrency(target))));
  const resettable = target.capabilities.reset && typeof target.reset === 'function';
  if (resettable && lanes > 1) await target.reset?.();
  const shared: LaneShared = {
    target,
    world,
    events,
    // Where the target's clock stands, not this process's: a manual clock earlier runs moved is ahead.
    clock: new RunClock(target.now?.() ?? (await target.clockNow?.()) ?? Date.now()),
    sessionOptions: {
      isolated: resettable && lanes === 1,
      settleAdvanceMs: 60_000,
      settleTimeoutMs: 120_000,
      ...options.session,
      readings: options.session?.readings ?? new ReadingBook(),
    },
    maxCommands: options.maxCommands,
    resetEachSequence: resettable && lanes === 1,
    runNonce: Date.now().toString(36).slice(-4),
    stop: { by: undefined },
    ...(options.stopped ? { stopped: options.stopped } : {}),
    shrink: options.shrink ?? true,
  };
  const results = await Promise.all(
    Array.from({ length: lanes }, (_, index) =>
      runLane(shared, {
        index,
        seed: options.seed + index,
        runs: replaying ? 1 : (options.laneRuns?.[index] ?? share(options.runs, lanes, index)),
        ...(options.path !== undefined ? { path: options.path } : {}),
        ...(options.commandsPath !== undefined ? { commandsPath: options.commandsPath } : {}),
      }),
    ),
  );
  const failures = distinctFailures(results).map(
    (f, i): Failure => ({ ...f, replay: options.replayCommand(i + 1) }),
  );
  for (const failure of failures) events.emit({ type: 'failure-shrunk', failure });
  const harnessError = results.find((r) => r.harnessError !== undefined)?.harnessError;
  const stopReason = options.stopped?.();
  if (stopReason) events.emit({ type: 'inconclusive', operation: 'run', reason: stopReason });
  // A run that judged nothing proves nothing: it is never conformant. A lane given no sequence
  // (a replay of a lane a signal stopped before its first) was asked for nothing and says nothing.
  const judged = results.reduce((n, r) => n + r.steps, 0);
  const asked = options.laneRuns?.reduce((a, b) => a + b, 0) ?? options.runs;
  if (judged === 0 && asked > 0 && failures.length === 0 && harnessError === undefined && !stopReason)
    events.emit({ type: 'inconclusive', operation: 'run', reason: nothingJudged(options) });
  const verdict = verdictOf({
    failures: failures.length,
    inconclusive: inconclusive + (harnessError !== undefined ? 1 : 0),
    harnessError: harnessError !== undefined,
  });
  events.emit({
    type: 'run-ended',
    finishedAt: new Date(),
    verdict,
    failures,
    harnessError,
    ...(lanes > 1 ? { shards: results.map(shardOf) } : {}),
    ...(stopReason ? { stoppedAfter: results.map((r) => r.runs) } : {}),
    readings: shared.sessionOptions.readings?.entries() ?? [],
    ...(shared.sessionOptions.strict ? { strict: true } : {}),
  });
  for (const off of unsubscribe) off();
  return { world, worldNotes, verdict, failures, ...(harnessError !== undefined ? { harnessError } : {}) };
}

/** Two lanes may find the same nonconformance: it is reported once. */
function distinctFailures(results: readonly LaneResult[]) {
  const seen = new Set<string>();
  return results.flatMap((r) => {
    if (!r.failure || seen.has(r.failure.key)) return [];
    seen.add(r.failure.key);
    return [r.failure];
  });
}

const shardOf = (r: LaneResult): Shard => ({
  seed: r.seed,
  runs: r.runs,
  steps: r.steps,
  verdict: r.failure ? 'nonconformant' : r.harnessError ? 'harness-error' : 'conformant',
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt.toISOString(),
});
