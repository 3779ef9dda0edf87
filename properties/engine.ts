import fc from 'fast-check';
import type { Target } from '../adapters/target';
import { initialState, type World } from '../model';
import type { Failure, RunRecord, Verdict } from '../reports/run-record';
import { OPERATIONS, RULES } from '../spec';
import type { ModelBox } from './command';
import { weightedCommands } from './commands';
import { Recorder } from './recorder';
import { Nonconformance, RunSession, type SessionOptions } from './session';
import { learnWorld } from './world';

export interface RunOptions {
  readonly target: Target;
  readonly seed: number;
  readonly runs: number;
  readonly maxCommands: number;
  /** Re-run exactly one recorded counterexample: fast-check's path and its commands' replay path. */
  readonly path?: string;
  readonly commandsPath?: string;
  readonly session?: Partial<SessionOptions>;
  readonly harnessVersion: string;
  /** How to replay a failure from the command line (the report prints it). */
  readonly replayCommand: (failureIndex: number) => string;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface RunResult {
  readonly record: RunRecord;
  readonly world: World;
}

/**
 * A conformance run: fast-check draws command sequences over the model, each sequence runs
 * against the target from a clean start, every answer is checked; the first nonconformance is
 * shrunk to a short sequence and recorded with its seed and path.
 */
export async function runConformance(options: RunOptions): Promise<RunResult> {
  const startedAt = new Date();
  const { target } = options;
  const world = await learnWorld(target);
  const recorder = new Recorder();
  const isolated = target.capabilities.reset && typeof target.reset === 'function';
  const sessionOptions: SessionOptions = {
    isolated,
    settleAdvanceMs: 60_000,
    settleTimeoutMs: 120_000,
    ...options.session,
  };
  let lastSession: RunSession | undefined;
  let done = 0;
  const property = fc.asyncProperty(
    fc.commands(weightedCommands(), {
      size: 'max',
      maxCommands: options.maxCommands,
      ...(options.commandsPath !== undefined ? { replayPath: options.commandsPath } : {}),
    }),
    async (commands) => {
      if (isolated) await target.reset?.();
      const session = new RunSession(target, recorder, sessionOptions, Date.now());
      lastSession = session;
      await fc.asyncModelRun(
        () => ({ model: { state: initialState(world) } as ModelBox, real: session }),
        commands,
      );
      options.onProgress?.(++done, options.runs);
    },
  );
  const result = await fc.check(property, {
    seed: options.seed,
    numRuns: options.path ? 1 : options.runs,
    ...(options.path ? { path: options.path } : {}),
    endOnFailure: options.path !== undefined,
  });
  const failures: Failure[] = [];
  let harnessError: string | undefined;
  if (result.failed) {
    const error = result.errorInstance;
    if (error instanceof Nonconformance) {
      failures.push({
        key: `${error.failure.category}|${error.failure.operation}|${error.failure.rules.join(',')}|${error.failure.check}`,
        category: error.failure.category,
        title: error.failure.title,
        operation: error.failure.operation,
        rules: [...error.failure.rules],
        expected: error.failure.expected,
        received: error.failure.received,
        seed: options.seed,
        path: result.counterexamplePath ?? undefined,
        commandsPath: /replayPath="([^"]*)"/.exec(String(result.counterexample?.[0]))?.[1],
        trace: [...error.trace],
        replay: options.replayCommand(1),
      } as Failure);
    } else {
      harnessError = error instanceof Error ? error.message : String(error);
    }
  }
  void lastSession;
  const verdict: Verdict = harnessError
    ? 'harness-error'
    : failures.length > 0
      ? 'nonconformant'
      : recorder.inconclusiveSteps.length > 0
        ? 'inconclusive'
        : 'conformant';
  const record: RunRecord = {
    version: 1,
    harness: { name: 'ebs-conformance', version: options.harnessVersion },
    spec: { operations: OPERATIONS.length, rules: RULES.length },
    target: { kind: target.kind, ...(target.endpoint ? { endpoint: target.endpoint } : {}) },
    seed: options.seed,
    runs: options.runs,
    maxCommands: options.maxCommands,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    verdict,
    steps: recorder.steps,
    rules: recorder.rules(),
    coverage: recorder.coverage(),
    failures,
    inconclusive: [
      ...recorder.inconclusiveSteps,
      ...(harnessError ? [{ operation: 'harness', reason: harnessError }] : []),
    ],
    timings: recorder.timings(),
    transient: recorder.transient(),
  };
  return { record, world };
}
