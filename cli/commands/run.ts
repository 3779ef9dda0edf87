import { resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { type CreatableTargetKind, createTarget } from '../../adapters';
import { packageVersion } from '../../adapters/package-root';
import type { Target } from '../../adapters/target';
import {
  parseReadingChoice,
  ReadingChoiceError,
  type ReadingChoices,
  readingChoices,
} from '../../api/readings';
import { RunEvents } from '../../properties/events';
import { ReadingBook } from '../../properties/readings';
import { WorldDiscoveryError } from '../../properties/world';
import type { RunRecord } from '../../reports/run-record';
import { writeReports } from '../../reports/write';
import { type Interruptible, interruptible, watchSignals } from '../interrupt';
import type { Register } from '../main';
import { checkRunPaths } from '../paths';
import { colorAllowed, createProgress, type ProgressSnapshot } from '../progress';
import { openRealRun, type RealRun } from '../real-run';
import { runConformance, withTargetEvents } from '../run-suite';
import { EXIT, UsageError } from '../usage-error';
import { defaultLanes, runInWorkers, WORKER_TARGETS, type WorkerTargetKind } from '../workers';
import { cassetteMismatchStatus, openReplayTarget, recordRun, withCassetteDefaults } from './cassette-flags';
import { checkFaultProfile } from './emulator';
import { addRealOptions, checkRealFlags, type RealFlags } from './real-flags';

export interface RunFlags extends RealFlags {
  target: string;
  endpoint?: string;
  seed?: number;
  runs: number;
  maxCommands: number;
  reportDir: string;
  path?: string;
  commandsPath?: string;
  transitionMs: number;
  concurrency?: number;
  /** Each lane's sequences (a replay of a run stopped early); `runs` is then their sum. */
  laneRuns?: number[];
  faultProfile?: string;
  /** `ID=VALUE` choices the built-in emulator plays (its other readings stay favoured); the model is untouched. */
  emulatorReading?: string[];
  /** Cassettes (cassette-flags.ts): write one, or answer from one with --target replay. */
  record?: string;
  cassette?: string;
  /** `ID=VALUE` choices of readings (api/readings.ts) the model holds the target to from the start. */
  reading?: string[];
  /** An undocumented value (outside a documented value list) fails the run, not only reported. */
  strict?: boolean;
  /** No start line and no progress: only the verdict and the report. */
  quiet?: boolean;
  progressSeconds?: number;
  /** `--depth`: the sizes it set (withDepth) and which rules it is meant to reach (withDepthReach). */
  depth?: string;
}

const KINDS = ['direct', 'mock', 'emulator', 'endpoint', 'real', 'replay'] as const;
/** Targets that run the emulator's own gateway, so a fault profile can bend it. */
/** The targets that build our emulator themselves: they take a fault profile and emulator readings. */
export const PROFILED: readonly string[] = ['direct', 'mock', 'emulator'];

export const integer = (name: string, min: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be an integer >= ${min}`);
  return n;
};

export const harnessVersion = packageVersion;

type TargetFlags = Pick<
  RunFlags,
  'target' | 'endpoint' | 'transitionMs' | 'faultProfile' | 'emulatorReading' | 'cassette'
>;

/** Configuration mistakes in the target flags are usage errors. */
function checkTargetFlags(flags: TargetFlags): void {
  const kind = flags.target;
  if (!(KINDS as readonly string[]).includes(kind))
    throw new UsageError(`--target must be one of ${KINDS.join(', ')}`);
  if (kind === 'real')
    throw new UsageError(
      '--target real is not available in this version; use direct, mock, emulator or endpoint',
    );
  if (kind === 'endpoint' && !flags.endpoint) throw new UsageError('--target endpoint needs --endpoint URL');
  if (kind !== 'endpoint' && flags.endpoint) throw new UsageError('--endpoint is only for --target endpoint');
  if (flags.faultProfile !== undefined && !PROFILED.includes(kind))
    throw new UsageError('--fault-profile is only for --target direct, mock or emulator');
  if (flags.faultProfile !== undefined) checkFaultProfile(flags.faultProfile);
  if (flags.emulatorReading !== undefined && !PROFILED.includes(kind))
    throw new UsageError('--emulator-reading is only for --target direct, mock or emulator');
  emulatorReadings(flags);
}

/** Opens the target a run is pointed at; configuration mistakes are usage errors. */
export async function openTarget(flags: TargetFlags): Promise<Target> {
  checkTargetFlags(flags);
  const kind = flags.target;
  if (kind === 'replay') return openReplayTarget(flags);
  try {
    return await createTarget(kind as CreatableTargetKind, {
      ...(flags.endpoint ? { endpoint: flags.endpoint } : {}),
      ...(flags.faultProfile !== undefined ? { faultProfile: flags.faultProfile } : {}),
      readings: emulatorReadings(flags),
      transitionMs: flags.transitionMs,
      clockMode: 'manual',
    });
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'TARGET_CONFIG')
      throw new UsageError(err.message);
    throw err;
  }
}

/** Only the `ID=VALUE` choices given, checked (a mistake is a usage error naming `flag`). */
function givenReadings(flag: string, texts: readonly string[]): Partial<ReadingChoices> {
  try {
    readingChoices(texts);
    return Object.fromEntries(texts.map((t) => Object.values(parseReadingChoice(t))));
  } catch (err) {
    if (err instanceof ReadingChoiceError) throw new UsageError(`${flag}: ${err.message}`);
    throw err;
  }
}

/** The readings `--reading ID=VALUE` fixes (only those given: the others stay open). */
const fixedReadings = (texts: readonly string[]) => givenReadings('--reading', texts);

/** The alternatives `--emulator-reading ID=VALUE` has the built-in emulator play. */
const emulatorReadings = (flags: Pick<RunFlags, 'emulatorReading'>): Partial<ReadingChoices> =>
  givenReadings('--emulator-reading', flags.emulatorReading ?? []);

export const EXIT_BY_VERDICT: Record<RunRecord['verdict'], number> = {
  conformant: EXIT.conformant,
  nonconformant: EXIT.nonconformant,
  inconclusive: EXIT.inconclusive,
  'harness-error': EXIT.inconclusive,
  interrupted: EXIT.interrupted,
};

/** The command that runs the same sequences again (what an interrupted run prints). */
export function rerunCommand(flags: RunFlags, seed: number): string {
  const parts = ['ebs-conformance run', `--target ${flags.target}`];
  if (flags.endpoint) parts.push(`--endpoint ${flags.endpoint}`);
  if (flags.faultProfile) parts.push(`--fault-profile ${flags.faultProfile}`);
  for (const text of flags.emulatorReading ?? []) parts.push(`--emulator-reading ${text}`);
  for (const text of flags.reading ?? []) parts.push(`--reading ${text}`);
  if (flags.strict) parts.push('--strict');
  parts.push(`--seed ${seed}`, `--runs ${flags.runs}`, `--max-commands ${flags.maxCommands}`);
  // Lanes split the sequences (seed + k each): the same run needs as many, whatever the machine.
  const lanes = (WORKER_TARGETS as readonly string[]).includes(flags.target)
    ? (workerLanes(flags) ?? 1)
    : flags.concurrency;
  if (lanes !== undefined && flags.laneRuns === undefined) parts.push(`--concurrency ${lanes}`);
  return parts.join(' ');
}

/** A stop by signal is `interrupted`, unless a nonconformance was already found: that one stands. */
const interruptedVerdict = (record: RunRecord, reason: string | undefined): RunRecord =>
  reason && record.verdict !== 'nonconformant' ? { ...record, verdict: 'interrupted' } : record;

/**
 * Lanes in worker threads (cli/workers.ts) when the target is one each lane can build for
 * itself (direct, emulator) and the run is no replay or recording: by default one per core.
 */
function workerLanes(flags: RunFlags): number | undefined {
  if (!(WORKER_TARGETS as readonly string[]).includes(flags.target)) return undefined;
  if (flags.record !== undefined || flags.path !== undefined) return undefined;
  const lanes = flags.laneRuns?.length ?? Math.min(flags.runs, flags.concurrency ?? defaultLanes());
  return lanes > 1 ? lanes : undefined;
}

/** Runs the suite, writes the four report files, prints the verdict; resolves to the exit status. */
export async function runAndReport(flags: RunFlags, replayOf?: string): Promise<number> {
  const seed = flags.seed ?? Math.floor(Math.random() * 2 ** 31);
  // Everything the run will need is checked before the first request: flags, then paths.
  checkRealFlags(flags, process.env);
  checkRunPaths(flags);
  if (!flags.quiet)
    process.stderr.write(
      `run: target ${flags.target}${flags.endpoint ? ` ${flags.endpoint}` : ''}, seed ${seed}, ${flags.runs} sequences of at most ${flags.maxCommands} commands (again: ${rerunCommand(flags, seed)})\n`,
    );
  const lanes = workerLanes(flags);
  if (lanes !== undefined) {
    checkTargetFlags(flags);
    return inWorkers(flags, seed, lanes, replayOf);
  }
  // --target real: opt-in checked before any request; then journal, plan, caps and the final sweep.
  // Signals are watched from here on: one that comes while the target opens stops the run as it starts.
  let early: string | undefined;
  let run: Interruptible | undefined;
  let real: RealRun | undefined;
  let recording: { close(): void } | undefined;
  const signals = watchSignals(
    (signal) => {
      early = `interrupted by ${signal}`;
      run?.stop(early);
    },
    () => real?.abandon ?? 'abandoning the run; no report is written',
  );
  // One stream for the run: the engine's events and, from the one observed target, every
  // exchange it makes. The cassette, the real target's inventory and the progress subscribe.
  const events = new RunEvents();
  try {
    real = flags.target === 'real' ? await openRealRun(flags, events) : undefined;
    const target = real?.target ?? withTargetEvents(await openTarget(flags), events);
    try {
      recording = recordRun(target, { ...flags, seed }, events);
      await real?.showRegions();
    } catch (e) {
      recording?.close();
      await target.close?.();
      throw e;
    }
    run = interruptible(target, (reason) => real?.target.stop(reason), early);
    if (early) real?.target.stop(early);
  } catch (e) {
    signals.dispose();
    throw e;
  }
  try {
    return await judged(flags, seed, run, real, signals, events, replayOf);
  } finally {
    recording?.close();
  }
}

async function judged(
  flags: RunFlags,
  seed: number,
  run: Interruptible,
  real: RealRun | undefined,
  signals: { dispose(): void },
  events: RunEvents,
  replayOf: string | undefined,
): Promise<number> {
  const runJson = `${flags.reportDir}/run.json`;
  let sequences = 0;
  let calls = 0;
  const started = Date.now();
  const progress = flags.quiet
    ? undefined
    : showProgress(
        () =>
          real?.progress(sequences, flags.runs) ?? {
            calls,
            sequences,
            sequenceTotal: flags.runs,
            elapsedMs: Date.now() - started,
            stopped: run.interrupted(),
          },
        (flags.progressSeconds ?? DEFAULT_PROGRESS_SECONDS) * 1000,
      );
  // The progress display follows the run's events: a sequence ended, one more done; an exchange, one more call.
  events.on('sequence-ended', () => {
    sequences++;
  });
  events.on('exchange', () => {
    calls++;
  });
  try {
    const { record: ran, worldNotes } = await runConformance({
      events,
      target: run.target,
      seed,
      runs: flags.runs,
      maxCommands: flags.maxCommands,
      ...(flags.concurrency !== undefined ? { concurrency: flags.concurrency } : {}),
      ...(flags.laneRuns ? { laneRuns: flags.laneRuns } : {}),
      ...(flags.path ? { path: flags.path } : {}),
      ...(flags.commandsPath !== undefined ? { commandsPath: flags.commandsPath } : {}),
      harnessVersion: harnessVersion(),
      replayCommand: (n) => `ebs-conformance replay ${replayOf ?? runJson} --failure ${n}`,
      ...real?.engine,
      stopped: () => run.interrupted() ?? real?.engine.stopped?.(),
      session: {
        ...real?.engine?.session,
        ...(flags.settleMinutes !== undefined ? { settleTimeoutMs: flags.settleMinutes * 60_000 } : {}),
        readings: new ReadingBook(fixedReadings(flags.reading ?? [])),
        ...(flags.strict ? { strict: true } : {}),
      },
    });
    progress?.stop();
    for (const note of worldNotes) process.stderr.write(`world: not used: ${note}\n`);
    if (!real) return reportRun(flags, seed, ran, run.interrupted(), sequences, replayOf);
    // A real run cleans up first, so that its record holds what the cleanup removed and left.
    const status = await real.finish(EXIT_BY_VERDICT[interruptedVerdict(ran, run.interrupted()).verdict]);
    reportRun(flags, seed, { ...ran, real: real.record() }, run.interrupted(), sequences, replayOf);
    return status;
  } catch (e) {
    if (e instanceof WorldDiscoveryError) throw new UsageError(e.message);
    const mismatch = cassetteMismatchStatus(e);
    if (mismatch !== undefined) return mismatch;
    throw e;
  } finally {
    progress?.stop();
    signals.dispose();
    await run.target.close?.();
    await real?.finish(EXIT.inconclusive);
  }
}

/** The run with its lanes in worker threads: the same start line, progress, signals and report. */
async function inWorkers(flags: RunFlags, seed: number, lanes: number, replayOf?: string): Promise<number> {
  let sequences = 0;
  let calls = 0;
  let interrupted: string | undefined;
  const stop = new AbortController();
  const signals = watchSignals(
    (signal) => {
      interrupted = `interrupted by ${signal}`;
      stop.abort(interrupted);
    },
    () => 'abandoning the run; no report is written',
  );
  const started = Date.now();
  const progress = flags.quiet
    ? undefined
    : showProgress(
        () => ({
          calls,
          sequences,
          sequenceTotal: flags.runs,
          elapsedMs: Date.now() - started,
          stopped: interrupted,
        }),
        (flags.progressSeconds ?? DEFAULT_PROGRESS_SECONDS) * 1000,
      );
  try {
    const ran = await runInWorkers({
      target: {
        kind: flags.target as WorkerTargetKind,
        transitionMs: flags.transitionMs,
        ...(flags.faultProfile !== undefined ? { faultProfile: flags.faultProfile } : {}),
        readings: emulatorReadings(flags),
      },
      judging: { readings: fixedReadings(flags.reading ?? []), ...(flags.strict ? { strict: true } : {}) },
      seed,
      runs: flags.runs,
      maxCommands: flags.maxCommands,
      lanes,
      ...(flags.laneRuns ? { laneRuns: flags.laneRuns } : {}),
      harnessVersion: harnessVersion(),
      replayCommand: (n) =>
        `ebs-conformance replay ${replayOf ?? `${flags.reportDir}/run.json`} --failure ${n}`,
      signal: stop.signal,
      onProgress: (done, _total, sent) => {
        sequences = done;
        calls = sent;
      },
    });
    progress?.stop();
    return reportRun(flags, seed, ran, interrupted, sequences, replayOf);
  } finally {
    progress?.stop();
    signals.dispose();
  }
}

/** The profile and the readings bend the emulator: a replay needs them to reproduce a failure. */
function withEmulatorPlay(ran: RunRecord, flags: RunFlags): RunRecord {
  const readings = emulatorReadings(flags);
  if (!flags.faultProfile && Object.keys(readings).length === 0) return ran;
  const target = {
    ...ran.target,
    ...(flags.faultProfile ? { faultProfile: flags.faultProfile } : {}),
    ...(Object.keys(readings).length > 0 ? { emulatorReadings: readings } : {}),
  };
  return { ...ran, target };
}

/** Writes the four report files and prints the verdict; answers the exit status. */
function reportRun(
  flags: RunFlags,
  seed: number,
  ran: RunRecord,
  interrupted: string | undefined,
  sequences: number,
  replayOf: string | undefined,
): number {
  const reportDir = resolve(flags.reportDir);
  const runJson = `${flags.reportDir}/run.json`;
  const record = withDepthReach(interruptedVerdict(withEmulatorPlay(ran, flags), interrupted), flags.depth);
  writeReports(reportDir, record);
  const { pairs, groups } = record.coverage;
  process.stdout.write(
    [
      `verdict: ${paintVerdict(record.verdict)}`,
      `target: ${record.target.kind}${record.target.endpoint ? ` ${record.target.endpoint}` : ''}, seed ${seed}, ${record.budget.runs} sequences, ${record.steps} calls`,
      `coverage: pair state x operation ${pairs.covered}/${pairs.documented}, group ${groups.covered}/${groups.documented}, rules exercised ${record.rules.filter((r) => r.accepted + r.refused > 0).length}/${record.rules.length}`,
      ...record.failures.map(
        (f) =>
          `nonconformance (${f.category}) in ${f.operation}: ${f.title}\n  expected ${f.expected}\n  received ${f.received}\n  replay: ${f.replay}`,
      ),
      ...record.inconclusive.slice(0, 5).map((i) => `inconclusive: ${i.operation}: ${i.reason}`),
      ...(record.verdict === 'interrupted'
        ? [
            `${interrupted} after ${sequences} of ${flags.runs} sequences`,
            `replay: ebs-conformance replay ${replayOf ?? runJson}`,
          ]
        : []),
      `report: ${reportDir}`,
      '',
    ].join('\n'),
  );
  return EXIT_BY_VERDICT[record.verdict];
}

/** Plain progress lines this often when stderr is not a terminal (--progress-seconds). */
export const DEFAULT_PROGRESS_SECONDS = 10;

/** Redraws the progress line from `snapshot` until stopped (once: later calls do nothing). */
function showProgress(snapshot: () => ProgressSnapshot, everyMs: number) {
  const err = process.stderr;
  const progress = createProgress({ stream: err, everyMs });
  const draw = () => progress.update(snapshot());
  draw();
  const timer = setInterval(draw, err.isTTY ? 250 : 1000);
  timer.unref();
  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      progress.done();
    },
  };
}

const VERDICT_COLOUR: Record<RunRecord['verdict'], number> = {
  conformant: 32,
  nonconformant: 31,
  inconclusive: 33,
  'harness-error': 33,
  interrupted: 33,
};

/** The verdict in colour on a terminal, unless NO_COLOR is set. */
const paintVerdict = (verdict: RunRecord['verdict']) =>
  process.stdout.isTTY && colorAllowed() ? `\x1b[${VERDICT_COLOUR[verdict]}m${verdict}\x1b[39m` : verdict;

/** The run sizes of each `--depth`. */
export const DEPTHS = {
  quick: { runs: 60, maxCommands: 40 },
  deep: { runs: 200, maxCommands: 100 },
} as const;

/**
 * Written rules only rare draws reach (placements of CreateDisk, the legacy create, unbinding
 * every tag, an unknown group or disk...): a quick run meets some of them by chance, a deep run
 * is meant to meet each. Measured: the written rules quick runs at seeds 11-13 missed, and a
 * response field only PREPAY pairs show.
 */
export const RARE_DRAWS: readonly string[] = [
  'DISK.CREATE.REGION_EXISTS',
  'DISK.CREATE.SIZE_OR_SNAPSHOT',
  'DISK.CREATE.ZONE_EXISTS',
  'DISK.CREATE.ZONE_OR_INSTANCE',
  'DISK.DELETE.MISSING_IS_IGNORED',
  'DISK.UNKNOWN_ID',
  'LEGACY.CREATE.DISKS_EXIST',
  'LEGACY.CREATE.NEEDS_START',
  'LEGACY.CREATE.OTHER_REGION',
  'LEGACY.CREATE.RETURNS_PAIR_ID',
  'PROTO.UNKNOWN_GROUP',
  // Shown by PREPAY pairs only (the billing draws).
  'RESP.EBS.DESCRIBE_DISK_REPLICA_PAIRS.REPLICA_PAIRS.EXPIRED_TIME.TIME',
  'TAG.AT_MOST_20_TAGS',
  'TAG.AT_MOST_50_RESOURCES',
  'TAG.BIND.NEW_VALUE',
  'TAG.LIST.BOTH_FILTERS',
  'TAG.UNBIND.ALL',
  'TAG.UNBIND.ALL_ONLY_WITHOUT_KEYS',
  'TAG.UNBIND.NOTHING_NAMED',
  'TOKEN.CASE_SENSITIVE',
  'TOKEN.OTHER_PARAMS_MISMATCH',
  'TOKEN.SAME_PARAMS_SAME_RESULT',
  'TOKEN.SIGNATURE_PARAMS_IGNORED',
];

/** Which rules each depth is meant to reach, and what it leaves to a deeper one. */
export const DEPTH_REACH: Record<
  keyof typeof DEPTHS,
  { leaves: string; meant: (ruleId: string) => boolean }
> = {
  quick: {
    leaves:
      'the rules derived from the parameters (PARAM.*, reached by parameter sweeps) and the written rules only rare draws reach (RARE_DRAWS)',
    meant: (id) => !id.startsWith('PARAM.') && !RARE_DRAWS.includes(id),
  },
  deep: { leaves: '', meant: () => true },
};

/** The record of a run made at `depth`: the depth, and for each rule whether it is meant to reach it. */
export function withDepthReach(record: RunRecord, depth: string | undefined): RunRecord {
  if (depth === undefined || !(depth in DEPTHS)) return record;
  const name = depth as keyof typeof DEPTHS;
  const { meant, leaves } = DEPTH_REACH[name];
  const rules = record.rules.map((r) => ({ ...r, meant: meant(r.id) }));
  return {
    ...record,
    rules,
    depth: { name, ...DEPTHS[name], leaves, meantRules: rules.filter((r) => r.meant).length },
  };
}

/** The depth's sizes, unless --runs or --max-commands were given explicitly. */
export function withDepth<F extends Pick<RunFlags, 'runs' | 'maxCommands'> & { depth: string }>(
  flags: F,
  command: Pick<Command, 'getOptionValueSource'>,
): F {
  if (!(flags.depth in DEPTHS))
    throw new UsageError(`--depth must be one of ${Object.keys(DEPTHS).join(', ')}`);
  const depth = DEPTHS[flags.depth as keyof typeof DEPTHS];
  const given = (name: string) => command.getOptionValueSource(name) === 'cli';
  return {
    ...flags,
    runs: given('runs') ? flags.runs : depth.runs,
    maxCommands: given('maxCommands') ? flags.maxCommands : depth.maxCommands,
  };
}

/** A repeatable option's values, in the order given. */
const collect = (value: string, previous: string[] = []) => [...previous, value];

export const registerRun: Register = (program, done) => {
  const run = program
    .command('run')
    .description(
      'run the conformance suite against a target and write run.json, junit.xml, summary.md, report.html',
    )
    .option('--target <kind>', `direct | mock | emulator | endpoint | real | replay`, 'direct')
    .option(
      '--endpoint <url>',
      'base URL serving both ECS and EBS actions (--target endpoint; with --target real it replaces the regional endpoints)',
    )
    .option('--seed <n>', 'random seed (default: random, printed)', integer('--seed', 0))
    .option(
      '--depth <depth>',
      'quick (default: 60 sequences of at most 40 commands) or deep (200 of at most 100: longer sequences reaching every rule family, for nightly emulator runs); --runs and --max-commands given on the command line win',
      'quick',
    )
    .option('--runs <n>', 'number of command sequences', integer('--runs', 1), 60)
    .option('--max-commands <n>', 'most commands in one sequence', integer('--max-commands', 1), 40)
    .option(
      '--concurrency <n>',
      'lanes: for direct and emulator a target each, run by at most one worker thread per core (default: one lane per core); sequences sharing the target otherwise (default: 2 for real, 1 otherwise)',
      integer('--concurrency', 1),
    )
    .option('--report-dir <dir>', 'where the report files go', 'reports-out')
    .option(
      '--fault-profile <name>',
      'direct, mock or emulator target only: run against a named deviation (emulator --list-fault-profiles)',
    )
    .option(
      '--emulator-reading <ID=VALUE>',
      'direct, mock or emulator target only: the emulator plays this alternative of a reading (repeatable; the model stays open unless --reading)',
      collect,
    )
    .option(
      '--transition-ms <n>',
      'transient status duration of a started emulator (virtual time)',
      integer('--transition-ms', 0),
      1000,
    )
    .option('--quiet', 'no start line and no progress display; only the verdict and the report')
    .option(
      '--progress-seconds <n>',
      `when stderr is not a terminal, a plain progress line this often (default ${DEFAULT_PROGRESS_SECONDS}; a terminal gets a live line)`,
      integer('--progress-seconds', 1),
    )
    .option('--record <file>', 'write every exchange, redacted, to a cassette (JSON Lines)')
    .option(
      '--cassette <file>',
      'the cassette --target replay answers from (defaults: its seed, runs, sizes)',
    )
    .option(
      '--reading <ID=VALUE>',
      'hold the target to one reading of an ambiguous point of the docs from the start (repeatable; `spec --json` lists them)',
      collect,
    )
    .option(
      '--strict',
      'a value outside a documented value list (an undocumented status, say) fails the run; without it, it is listed in the reports as an undocumented value',
    );
  addRealOptions(run).action(async (flags: RunFlags & { depth: string }, command: Command) =>
    done(await runAndReport(withCassetteDefaults(withDepth(flags, command), command))),
  );
};
