import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { type CreatableTargetKind, createTarget } from '../../adapters';
import type { Target } from '../../adapters/target';
import { runConformance } from '../../properties/engine';
import { WorldDiscoveryError } from '../../properties/world';
import type { RunRecord } from '../../reports/run-record';
import { writeReports } from '../../reports/write';
import type { Register } from '../main';
import { EXIT, UsageError } from '../usage-error';

export interface RunFlags {
  target: string;
  endpoint?: string;
  seed?: number;
  runs: number;
  maxCommands: number;
  reportDir: string;
  path?: string;
  commandsPath?: string;
  transitionMs: number;
}

const KINDS = ['mock', 'emulator', 'endpoint', 'real'] as const;

export const integer = (name: string, min: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be an integer >= ${min}`);
  return n;
};

const harnessVersion = (): string =>
  (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;

/** Opens the target a run is pointed at; configuration mistakes are usage errors. */
export async function openTarget(
  flags: Pick<RunFlags, 'target' | 'endpoint' | 'transitionMs'>,
): Promise<Target> {
  const kind = flags.target;
  if (!(KINDS as readonly string[]).includes(kind))
    throw new UsageError(`--target must be one of ${KINDS.join(', ')}`);
  if (kind === 'real')
    throw new UsageError('--target real is not available in this version; use mock, emulator or endpoint');
  if (kind === 'endpoint' && !flags.endpoint) throw new UsageError('--target endpoint needs --endpoint URL');
  if (kind !== 'endpoint' && flags.endpoint) throw new UsageError('--endpoint is only for --target endpoint');
  try {
    return await createTarget(kind as CreatableTargetKind, {
      ...(flags.endpoint ? { endpoint: flags.endpoint } : {}),
      transitionMs: flags.transitionMs,
      clockMode: 'manual',
    });
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'TARGET_CONFIG')
      throw new UsageError(err.message);
    throw err;
  }
}

const EXIT_BY_VERDICT: Record<RunRecord['verdict'], number> = {
  conformant: EXIT.conformant,
  nonconformant: EXIT.nonconformant,
  inconclusive: EXIT.inconclusive,
  'harness-error': EXIT.inconclusive,
};

/** Runs the suite, writes the four report files, prints the verdict; resolves to the exit status. */
export async function runAndReport(flags: RunFlags, replayOf?: string): Promise<number> {
  const target = await openTarget(flags);
  const seed = flags.seed ?? Math.floor(Math.random() * 2 ** 31);
  const reportDir = resolve(flags.reportDir);
  try {
    const { record } = await runConformance({
      target,
      seed,
      runs: flags.runs,
      maxCommands: flags.maxCommands,
      ...(flags.path ? { path: flags.path } : {}),
      ...(flags.commandsPath !== undefined ? { commandsPath: flags.commandsPath } : {}),
      harnessVersion: harnessVersion(),
      replayCommand: (n) =>
        `ebs-conformance replay ${replayOf ?? `${flags.reportDir}/run.json`} --failure ${n}`,
    });
    writeReports(reportDir, record);
    const { pairs, groups } = record.coverage;
    process.stdout.write(
      [
        `verdict: ${record.verdict}`,
        `target: ${record.target.kind}${record.target.endpoint ? ` ${record.target.endpoint}` : ''}, seed ${seed}, ${record.runs} sequences, ${record.steps} calls`,
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
  } catch (err) {
    if (err instanceof WorldDiscoveryError) throw new UsageError(err.message);
    throw err;
  } finally {
    await target.close?.();
  }
}

export const registerRun: Register = (program, done) => {
  program
    .command('run')
    .description(
      'run the conformance suite against a target and write run.json, junit.xml, summary.md, report.html',
    )
    .option('--target <kind>', `mock | emulator | endpoint | real`, 'mock')
    .option('--endpoint <url>', 'base URL serving both ECS and EBS actions (for --target endpoint)')
    .option('--seed <n>', 'random seed (default: random, printed)', integer('--seed', 0))
    .option('--runs <n>', 'number of command sequences', integer('--runs', 1), 60)
    .option('--max-commands <n>', 'most commands in one sequence', integer('--max-commands', 1), 40)
    .option('--report-dir <dir>', 'where the report files go', 'reports-out')
    .option(
      '--transition-ms <n>',
      'transient status duration of a started emulator (virtual time)',
      integer('--transition-ms', 0),
      1000,
    )
    .action(async (flags: RunFlags) => done(await runAndReport(flags)));
};
