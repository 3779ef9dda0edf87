/**
 * The cassette side of `run`: `--record FILE` subscribes a recorder to the run's events, and
 * `--target replay --cassette FILE` opens one that answers from the file. A replay defaults to the
 * seed and size the cassette was recorded with, so `run --target replay --cassette F` alone
 * reproduces the recorded run.
 */
import type { Command } from 'commander';
import { credentialsFromEnv, EMULATOR_CREDENTIALS } from '../../adapters';
import { CassetteError, readCassette } from '../../adapters/cassette';
import {
  cassetteRecorder,
  type RecordedTarget,
  type RecordingOptions,
} from '../../adapters/cassette-recorder';
import { CassetteMismatch, createReplayTarget } from '../../adapters/replay-target';
import type { Target } from '../../adapters/target';
import { defaultConcurrency } from '../../properties/engine';
import type { RunEvents } from '../../properties/events';
import { EXIT, UsageError } from '../usage-error';

export interface CassetteFlags {
  target: string;
  record?: string;
  cassette?: string;
  seed?: number;
  runs: number;
  maxCommands: number;
  concurrency?: number;
}

function cassetteOf(file: string) {
  try {
    return readCassette(file);
  } catch (err) {
    if (err instanceof CassetteError) throw new UsageError(err.message);
    throw err;
  }
}

/**
 * Checks the cassette flags and fills defaults. A recorded run runs its sequences one after
 * another unless --concurrency says otherwise: parallel sequences share the target in an order
 * no replay can reproduce (the IDs the target hands out depend on it). A replay takes what the
 * user left unset from the cassette.
 */
export function withCassetteDefaults<F extends CassetteFlags>(flags: F, command: Command): F {
  const unset = (name: string) => command.getOptionValueSource(name) !== 'cli';
  if (flags.target !== 'replay') {
    if (flags.cassette) throw new UsageError('--cassette is only for --target replay');
    if (flags.record && unset('concurrency')) return { ...flags, concurrency: 1 };
    return flags;
  }
  if (!flags.cassette) throw new UsageError('--target replay needs --cassette FILE');
  const recorded = cassetteOf(flags.cassette).header.run;
  if (!recorded) return flags;
  return {
    ...flags,
    ...(unset('seed') ? { seed: recorded.seed } : {}),
    ...(unset('runs') ? { runs: recorded.runs } : {}),
    ...(unset('maxCommands') ? { maxCommands: recorded.maxCommands } : {}),
    ...(unset('concurrency') && recorded.concurrency !== undefined
      ? { concurrency: recorded.concurrency }
      : {}),
  };
}

export function openReplayTarget(flags: Pick<CassetteFlags, 'cassette'>): Target {
  if (!flags.cassette) throw new UsageError('--target replay needs --cassette FILE');
  return createReplayTarget(cassetteOf(flags.cassette), flags.cassette);
}

/**
 * A cassette recorder subscribed to a run's events: it writes whatever the run's observed target
 * does (cli/run-suite.ts: withTargetEvents), from the first exchange to a real run's cleanup.
 * Close it once nothing more will be sent (after the cleanup).
 */
export function recordEvents(
  events: RunEvents,
  target: RecordedTarget,
  options: RecordingOptions,
): { close(): void } {
  const recorder = cassetteRecorder(target, options);
  const off = events.subscribe((e) => {
    if (e.type === 'exchange' || e.type === 'reset' || e.type === 'advance-clock') recorder.take(e);
  });
  return {
    close() {
      off();
      recorder.close();
    },
  };
}

/** `--record FILE`: the run's events recorded to a cassette (recordEvents), when asked. */
export function recordRun(
  target: Target,
  flags: CassetteFlags & { seed: number },
  events: RunEvents,
): { close(): void } | undefined {
  if (!flags.record) return undefined;
  // The secret to scrub is the one the target signs with: the environment's, or the emulator's default.
  const creds = credentialsFromEnv(process.env, EMULATOR_CREDENTIALS);
  try {
    return recordEvents(events, target, {
      file: flags.record,
      credentials: creds.ok ? creds.credentials : EMULATOR_CREDENTIALS,
      run: {
        seed: flags.seed,
        runs: flags.runs,
        maxCommands: flags.maxCommands,
        concurrency: flags.concurrency ?? defaultConcurrency(target),
      },
    });
  } catch (err) {
    if (err instanceof CassetteError) throw new UsageError(err.message);
    throw err;
  }
}

/** A replay that left the cassette before the run could start: a harness error, named. */
export function cassetteMismatchStatus(err: unknown): number | undefined {
  if (!(err instanceof CassetteMismatch)) return undefined;
  process.stdout.write(`verdict: harness-error\n${err.message}\n`);
  return EXIT.inconclusive;
}
