import fc from 'fast-check';
import type { Target } from '../adapters/target';
import { initialState, type World } from '../model';
import type { ModelBox } from './command';
import { weightedCommands } from './commands';
import type { Failure, RunEvents } from './events';
import type { RunClock } from './run-clock';
import { Nonconformance, RunSession, type SessionOptions } from './session';

/** What every lane of a run shares. */
export interface LaneShared {
  readonly target: Target;
  readonly world: World;
  readonly events: RunEvents;
  readonly clock: RunClock;
  readonly sessionOptions: SessionOptions;
  readonly maxCommands: number;
  /** Reset the target before each sequence (the lane has the target to itself). */
  readonly resetEachSequence: boolean;
  /** Makes ClientTokens unique across runs that share an endpoint. */
  readonly runNonce: string;
  /** Set by the first lane that finds a nonconformance: the others stop drawing new sequences. */
  readonly stop: { by: number | undefined };
  /** A reason to draw no further sequence (see RunOptions.stopped). */
  readonly stopped?: () => string | undefined;
  /** false: end at the first failure, unshrunk (see RunOptions.shrink). */
  readonly shrink?: boolean;
}

export interface LaneSpec {
  readonly index: number;
  readonly seed: number;
  readonly runs: number;
  /** Re-run exactly one recorded counterexample. */
  readonly path?: string;
  readonly commandsPath?: string;
}

export interface LaneResult {
  readonly index: number;
  readonly seed: number;
  readonly runs: number;
  readonly steps: number;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly failure?: Omit<Failure, 'replay'>;
  readonly harnessError?: string;
}

/**
 * One lane: a fast-check run of its own (its own seed, so it replays alone), drawing command
 * sequences over the model and running each against the target. Lanes run side by side against
 * one target; each sequence reasons only about the resources it created.
 */
export async function runLane(shared: LaneShared, spec: LaneSpec): Promise<LaneResult> {
  const startedAt = new Date();
  const { target } = shared;
  let sequences = 0;
  let steps = 0;
  const property = fc.asyncProperty(
    fc.commands(weightedCommands(), {
      size: 'max',
      maxCommands: shared.maxCommands,
      ...(spec.commandsPath !== undefined ? { replayPath: spec.commandsPath } : {}),
    }),
    async (commands) => {
      if (shared.stop.by !== undefined && shared.stop.by !== spec.index) return;
      if (shared.stopped?.()) return;
      if (shared.resetEachSequence) await target.reset?.();
      const sequence = sequences++;
      const namespace = `${shared.runNonce}${spec.index.toString(36)}${sequence.toString(36)}-`;
      shared.events.emit({ type: 'sequence-started', lane: spec.index, sequence });
      const session = new RunSession(target, shared.events, shared.sessionOptions, shared.clock, namespace);
      try {
        await fc.asyncModelRun(
          () => ({ model: { state: initialState(shared.world) } as ModelBox, real: session }),
          commands,
        );
      } catch (err) {
        if (err instanceof Nonconformance) shared.stop.by ??= spec.index;
        throw err;
      } finally {
        steps += session.trace.length;
        shared.events.emit({
          type: 'sequence-ended',
          lane: spec.index,
          sequence,
          resources: [...session.ownership.held],
        });
      }
    },
  );
  const result = await fc.check(property, {
    seed: spec.seed,
    numRuns: spec.path ? 1 : spec.runs,
    ...(spec.path ? { path: spec.path } : {}),
    endOnFailure: spec.path !== undefined || shared.shrink === false,
  });
  const base = {
    index: spec.index,
    seed: spec.seed,
    runs: sequences,
    steps,
    startedAt,
    finishedAt: new Date(),
  };
  if (!result.failed) return base;
  const error = result.errorInstance;
  if (!(error instanceof Nonconformance))
    return { ...base, harnessError: error instanceof Error ? error.message : String(error) };
  const f = error.failure;
  return {
    ...base,
    failure: {
      key: `${f.category}|${f.operation}|${f.rules.join(',')}|${f.check}`,
      category: f.category,
      title: f.title,
      operation: f.operation,
      rules: [...f.rules],
      expected: f.expected,
      received: f.received,
      seed: spec.seed,
      ...(result.counterexamplePath ? { path: result.counterexamplePath } : {}),
      ...(commandsPathOf(result.counterexample) !== undefined
        ? { commandsPath: commandsPathOf(result.counterexample) }
        : {}),
      trace: [...error.trace],
      ...(error.failures.length > 1
        ? {
            also: error.failures.slice(1).map((o) => ({
              check: o.check,
              category: o.category,
              title: o.title,
              rules: [...o.rules],
              expected: o.expected,
              received: o.received,
            })),
          }
        : {}),
    } as Omit<Failure, 'replay'>,
  };
}

/** fast-check prints a command sequence with the replay path of its commands. */
const commandsPathOf = (counterexample: unknown): string | undefined =>
  /replayPath="([^"]*)"/.exec(String((counterexample as unknown[] | null)?.[0]))?.[1];
