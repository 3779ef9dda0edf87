import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { type CreatableTargetKind, createTarget } from '../../adapters';
import type { Target } from '../../adapters/target';
import { runConformance } from '../../properties/engine';
import { defaultLanes, runInWorkers, WORKER_TARGETS, type WorkerTargetKind } from '../../properties/workers';
import { WorldDiscoveryError } from '../../properties/world';
import type { RunRecord } from '../../reports/run-record';
import { writeReports } from '../../reports/write';
import type { Register } from '../main';
import { openRealRun } from '../real-run';
import { EXIT, UsageError } from '../usage-error';
import {
  cassetteMismatchStatus,
  openReplayTarget,
  withCassetteDefaults,
  withRecording,
} from './cassette-flags';
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
  faultProfile?: string;
  /** Cassettes (cassette-flags.ts): write one, or answer from one with --target replay. */
  record?: string;
  cassette?: string;
}

const KINDS = ['direct', 'mock', 'emulator', 'endpoint', 'real', 'replay'] as const;
/** Targets that run the emulator's own gateway, so a fault profile can bend it. */
const PROFILED = ['direct', 'mock', 'emulator'];

export const integer = (name: string, min: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be an integer >= ${min}`);
  return n;
};

const harnessVersion = (): string =>
  (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;

type TargetFlags = Pick<RunFlags, 'target' | 'endpoint' | 'transitionMs' | 'faultProfile' | 'cassette'>;

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
      transitionMs: flags.transitionMs,
      clockMode: 'manual',
    });
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'TARGET_CONFIG')
      throw new UsageError(err.message);
    throw err;
  }
}

export const EXIT_BY_VERDICT: Record<RunRecord['verdict'], number> = {
  conformant: EXIT.conformant,
  nonconformant: EXIT.nonconformant,
  inconclusive: EXIT.inconclusive,
  'harness-error': EXIT.inconclusive,
};

/**
 * Lanes in worker threads (properties/workers.ts) when the target is one each lane can build for
 * itself (direct, emulator) and the run is no replay or recording: by default one per core.
 */
function workerLanes(flags: RunFlags): number | undefined {
  if (!(WORKER_TARGETS as readonly string[]).includes(flags.target)) return undefined;
  if (flags.record !== undefined || flags.path !== undefined) return undefined;
  const lanes = Math.min(flags.runs, flags.concurrency ?? defaultLanes());
  return lanes > 1 ? lanes : undefined;
}

/** Runs the suite, writes the four report files, prints the verdict; resolves to the exit status. */
export async function runAndReport(flags: RunFlags, replayOf?: string): Promise<number> {
  const seed = flags.seed ?? Math.floor(Math.random() * 2 ** 31);
  const replayCommand = (n: number) =>
    `ebs-conformance replay ${replayOf ?? `${flags.reportDir}/run.json`} --failure ${n}`;
  const lanes = workerLanes(flags);
  if (lanes !== undefined) {
    checkTargetFlags(flags);
    const ran = await runInWorkers({
      target: {
        kind: flags.target as WorkerTargetKind,
        transitionMs: flags.transitionMs,
        ...(flags.faultProfile !== undefined ? { faultProfile: flags.faultProfile } : {}),
      },
      seed,
      runs: flags.runs,
      maxCommands: flags.maxCommands,
      lanes,
      harnessVersion: harnessVersion(),
      replayCommand,
    });
    return reportRun(flags, seed, ran);
  }
  // --target real: opt-in checked before any request; then journal, plan, caps and the final sweep.
  checkRealFlags(flags, process.env);
  const real = flags.target === 'real' ? await openRealRun(flags) : undefined;
  const target = await withRecording(real?.target ?? (await openTarget(flags)), { ...flags, seed });
  try {
    const { record: ran } = await runConformance({
      target,
      seed,
      runs: flags.runs,
      maxCommands: flags.maxCommands,
      ...(flags.concurrency !== undefined ? { concurrency: flags.concurrency } : {}),
      ...(flags.path ? { path: flags.path } : {}),
      ...(flags.commandsPath !== undefined ? { commandsPath: flags.commandsPath } : {}),
      harnessVersion: harnessVersion(),
      replayCommand,
      ...real?.engine,
    });
    const status = reportRun(flags, seed, ran);
    return real ? await real.finish(status) : status;
  } catch (err) {
    if (err instanceof WorldDiscoveryError) throw new UsageError(err.message);
    const mismatch = cassetteMismatchStatus(err);
    if (mismatch !== undefined) return mismatch;
    throw err;
  } finally {
    await target.close?.();
    await real?.finish(EXIT.inconclusive);
  }
}

/** Writes the four report files and prints the verdict; answers the exit status. */
function reportRun(flags: RunFlags, seed: number, ran: RunRecord): number {
  const reportDir = resolve(flags.reportDir);
  // The profile bends the target: a replay needs it to reproduce the failure.
  const record = flags.faultProfile
    ? { ...ran, target: { ...ran.target, faultProfile: flags.faultProfile } }
    : ran;
  writeReports(reportDir, record);
  const { pairs, groups } = record.coverage;
  process.stdout.write(
    [
      `verdict: ${record.verdict}`,
      `target: ${record.target.kind}${record.target.endpoint ? ` ${record.target.endpoint}` : ''}, seed ${seed}, ${record.budget.runs} sequences, ${record.steps} calls`,
      `coverage: pair state x operation ${pairs.covered}/${pairs.documented}, group ${groups.covered}/${groups.documented}, rules exercised ${record.rules.filter((r) => r.accepted + r.refused > 0).length}/${record.rules.length}`,
      ...record.failures.map(
        (f) =>
          `nonconformance (${f.category}) in ${f.operation}: ${f.title}\n  expected ${f.expected}\n  received ${f.received}\n  replay: ${f.replay}`,
      ),
      ...record.inconclusive.slice(0, 5).map((i) => `inconclusive: ${i.operation}: ${i.reason}`),
      `report: ${reportDir}`,
      '',
    ].join('\n'),
  );
  return EXIT_BY_VERDICT[record.verdict];
}

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
    .option('--runs <n>', 'number of command sequences', integer('--runs', 1), 60)
    .option('--max-commands <n>', 'most commands in one sequence', integer('--max-commands', 1), 40)
    .option(
      '--concurrency <n>',
      'lanes side by side: worker threads with a target each for direct and emulator (default: the cores this machine has), sequences sharing the target otherwise (default: 2 for real, 1 otherwise)',
      integer('--concurrency', 1),
    )
    .option('--report-dir <dir>', 'where the report files go', 'reports-out')
    .option(
      '--fault-profile <name>',
      'direct, mock or emulator target only: run against a named deviation (emulator --list-fault-profiles)',
    )
    .option(
      '--transition-ms <n>',
      'transient status duration of a started emulator (virtual time)',
      integer('--transition-ms', 0),
      1000,
    )
    .option('--record <file>', 'write every exchange, redacted, to a cassette (JSON Lines)')
    .option(
      '--cassette <file>',
      'the cassette --target replay answers from (defaults: its seed, runs, sizes)',
    );
  addRealOptions(run).action(async (flags: RunFlags, command: Command) =>
    done(await runAndReport(withCassetteDefaults(flags, command))),
  );
};
