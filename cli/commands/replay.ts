import { readingTexts } from '../../api/readings';
import { share } from '../../properties/engine';
import type { RunRecord } from '../../reports/run-record';
import type { Register } from '../main';
import { UsageError } from '../usage-error';
import { loadRunRecord } from './report';
import { integer, PROFILED, type RunFlags, runAndReport } from './run';

interface ReplayFlags {
  failure?: number;
  runs?: number;
  target?: string;
  endpoint?: string;
  reportDir: string;
  transitionMs: number;
}

/** The recorded target, unless the user points the replay at another one. */
function targetFlags(record: RunRecord, flags: ReplayFlags) {
  const builtIn = flags.target === undefined || PROFILED.includes(flags.target);
  return {
    target: flags.target ?? record.target.kind,
    ...(flags.endpoint
      ? { endpoint: flags.endpoint }
      : flags.target === undefined && record.target.kind === 'endpoint' && record.target.endpoint
        ? { endpoint: record.target.endpoint }
        : {}),
    // Replayed on the recorded target or another built-in emulator (a failure found over HTTP,
    // debugged in-process), the failure needs the same deviation and readings to show again.
    ...(record.target.faultProfile && builtIn ? { faultProfile: record.target.faultProfile } : {}),
    ...(record.target.emulatorReadings && builtIn
      ? { emulatorReading: readingTexts(record.target.emulatorReadings) }
      : {}),
  };
}

/**
 * One recorded failure: its seed and fast-check path, a single sequence. An inconsistent reading
 * is two answers, the second in the failing sequence and the first in an earlier one (or in
 * another lane): its lane again from its first sequence to the failing one, or the whole run.
 */
function failureRun(file: string, record: RunRecord, flags: ReplayFlags, n: number): RunFlags {
  const failure = record.failures[n - 1];
  if (!failure)
    throw new UsageError(`${file} has ${record.failures.length} failure(s); there is no failure ${n}`);
  if (failure.category === 'inconsistent-reading') {
    if (!failure.path) {
      process.stdout.write(`failure ${n} is two lanes of the run reading differently: ${failure.title}\n`);
      return wholeRun(record, flags);
    }
    // A path's first step is the index of the failing sequence in its lane.
    const runs = Number(failure.path.split(':')[0]) + 1;
    process.stdout.write(
      `replaying failure ${n}: ${failure.title} (seed ${failure.seed}, its first ${runs} sequences: an earlier one showed the first answer)\n`,
    );
    return { ...laneFlags(record, flags), seed: failure.seed, runs, concurrency: 1 };
  }
  if (!failure.path) throw new UsageError(`failure ${n} of ${file} has no replay path`);
  process.stdout.write(
    `replaying failure ${n}: ${failure.title} (seed ${failure.seed}, path ${failure.path})\n`,
  );
  return {
    ...laneFlags(record, flags),
    seed: failure.seed,
    path: failure.path,
    ...(failure.commandsPath !== undefined ? { commandsPath: failure.commandsPath } : {}),
    runs: 1,
  };
}

/**
 * How the recorded run judged, whatever the target: the readings `--reading` fixed and `--strict`.
 * A failure found against a fixed reading may be an allowed alternative while the reading is open.
 */
const judging = (record: RunRecord) => ({
  reading: (record.readings ?? []).flatMap((r) => (r.fixed === undefined ? [] : [`${r.id}=${r.fixed}`])),
  ...(record.strict ? { strict: true } : {}),
});

/** What every replay keeps of the recorded run: its target, its budget per sequence, the flags. */
const laneFlags = (record: RunRecord, flags: ReplayFlags) => ({
  ...targetFlags(record, flags),
  ...judging(record),
  maxCommands: record.budget.maxCommands,
  reportDir: flags.reportDir,
  transitionMs: flags.transitionMs,
});

/**
 * What a run stopped early (a signal, a cap) had started, lane by lane: no lane more than its
 * share of the budget (a lane that shrank a failure counts its shrinking runs as sequences).
 */
function judgedLanes(record: RunRecord): number[] | undefined {
  const lanes = record.stoppedAfter;
  return lanes?.map((n, k) => Math.min(n, share(record.budget.runs, lanes.length, k)));
}

/**
 * The whole run again, same seed, budget and lanes; a run stopped early (an interrupted one, most
 * often) only as far as each of its lanes got, so the replay stops where the run did.
 */
function wholeRun(record: RunRecord, flags: ReplayFlags): RunFlags {
  if (record.target.kind === 'real' && flags.target === undefined)
    throw new UsageError('a real run is not replayed against the account; give --target');
  const lanes = flags.runs === undefined ? judgedLanes(record) : undefined;
  // The first N sequences of a seed are the same whatever the budget: a long run replays in part.
  const runs = lanes ? lanes.reduce((a, b) => a + b, 0) : (flags.runs ?? record.budget.runs);
  if (lanes && runs === 0)
    throw new UsageError(
      `the run was ${record.verdict} before any of its sequences began: there is nothing to replay (give --runs N to run the seed afresh)`,
    );
  const where = lanes
    ? `the ${runs} it started before it was ${record.verdict === 'interrupted' ? 'interrupted' : 'stopped'}${lanes.length > 1 ? ` (lanes: ${lanes.join(' + ')})` : ''}, of its ${record.budget.runs} sequences; the replay stops there too`
    : `${runs} of its ${record.budget.runs} sequences`;
  process.stdout.write(
    `replaying the run: seed ${record.seed}, ${where} (recorded verdict ${record.verdict})\n`,
  );
  return {
    ...laneFlags(record, flags),
    seed: record.seed,
    runs,
    ...(lanes ? { laneRuns: lanes } : {}),
    ...(record.shards ? { concurrency: record.shards.length } : {}),
  };
}

export const registerReplay: Register = (program, done) => {
  program
    .command('replay')
    .description(
      're-run one recorded failure (its seed and path), or without --failure the whole recorded run (an interrupted one), on the same or another target',
    )
    .argument('<run.json>', 'the run record')
    .option('--failure <n>', 'which failure, from 1 (default: the whole run)', integer('--failure', 1))
    .option('--runs <n>', 'whole-run replay: only the first N sequences', integer('--runs', 1))
    .option('--target <kind>', 'direct | mock | emulator | endpoint (default: the recorded target)')
    .option('--endpoint <url>', 'base URL for --target endpoint')
    .option('--report-dir <dir>', 'where the replay report goes', 'reports-replay')
    .option(
      '--transition-ms <n>',
      'transient status duration of a started emulator',
      integer('--transition-ms', 0),
      1000,
    )
    .action(async (file: string, flags: ReplayFlags) => {
      const record = loadRunRecord(file);
      if (flags.failure !== undefined && flags.runs !== undefined)
        throw new UsageError('--runs is for a whole-run replay; a failure replays one sequence');
      // A failure's replay names the record it came from; a whole run's report stands on its own.
      done(
        flags.failure !== undefined
          ? await runAndReport(failureRun(file, record, flags, flags.failure), file)
          : await runAndReport(wholeRun(record, flags)),
      );
    });
};
