import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { FAULT_PROFILES, type FaultProfile } from '../../emulator';
import {
  awaitsCheck,
  DEFAULT_DETECTION_TARGETS,
  DETECTION_DEFAULTS,
  DETECTION_TARGETS,
  type Detection,
  type DetectionOptions,
  type DetectionTarget,
  detectProfile,
  EmulatorChildren,
  ENDPOINT_DEFAULTS,
  outcomeOf,
  rulesOf,
} from '../../properties/detection';
import { failureText } from '../../reports/junit';
import { watchSignals } from '../interrupt';
import type { Register } from '../main';
import { EXIT } from '../usage-error';
import { checkFaultProfile } from './emulator';
import { integer } from './run';

interface DetectFlags {
  profile?: string[];
  targets: DetectionTarget[];
  seed: number;
  runs: number;
  maxCommands: number;
  transitionMs: number;
  clockRate: number;
  settleSeconds: number;
  parallel: number;
  shrink: boolean;
  reportDir: string;
  json?: boolean;
}

export interface Result {
  readonly profile: FaultProfile;
  readonly detections: readonly Detection[];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** One target's cell: what the run said, how fast, how short the counterexample. */
function cell(p: FaultProfile, d: Detection): string {
  const outcome = outcomeOf(p, d);
  if (outcome === 'control') return `conformant (control, ${d.retried} retried), ${seconds(d.ms)}`;
  if (outcome === 'detected')
    return `yes, ${seconds(d.ms)}${
      d.shrunkLength !== undefined
        ? `, shrunk to ${d.shrunkLength} calls`
        : d.foundLength !== undefined
          ? `, ${d.foundLength} calls as found`
          : ''
    }`;
  if (outcome === 'stuck') return `inconclusive: ${d.inconclusive ?? `stuck in ${p.stuckIn}`}`;
  if (outcome === 'harness-error')
    return `harness error, not a verdict: ${d.inconclusive ?? 'the run did not judge'}`;
  const waiting = awaitsCheck(p.name, d.target);
  const seen = d.failure
    ? `${d.verdict}: ${d.failure.operation} ${d.failure.rules[0] ?? ''}`.trim()
    : d.verdict;
  return `no (${seen}${d.inconclusive ? `; ${d.inconclusive}` : ''})${waiting ? ` awaiting ${waiting}` : ''}`;
}

/** The profile's rules the runs named (else the first it breaks). */
function rulesNamed(p: FaultProfile, detections: readonly Detection[]): string {
  if (p.transientOnly) return '-';
  const rules = rulesOf(p);
  const named = new Set(
    detections.flatMap((d) =>
      d.detected ? (d.failure?.rules.filter((r) => rules.has(r)).slice(0, 1) ?? []) : [],
    ),
  );
  return named.size ? [...named].join(', ') : (p.ruleIds[0] ?? '-');
}

/** A Markdown table, ready for the README: one row per profile, one column per target. */
export function detectionTable(targets: readonly DetectionTarget[], results: readonly Result[]): string {
  const header = ['profile', 'operation', 'rule', ...targets];
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const rows = results.map(({ profile: p, detections }) => [
    p.name,
    p.operation,
    rulesNamed(p, detections),
    ...detections.map((d) => cell(p, d)),
  ]);
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const json = ({ profile: p, detections }: Result) => ({
  profile: p.name,
  kind: p.kind,
  operation: p.operation,
  ruleIds: p.ruleIds,
  targets: Object.fromEntries(
    detections.map((d) => [
      d.target,
      {
        outcome: outcomeOf(p, d),
        verdict: d.verdict,
        detected: d.detected,
        ms: d.ms,
        calls: d.calls,
        ...(d.shrunkLength !== undefined ? { shrunkLength: d.shrunkLength } : {}),
        ...(d.foundLength !== undefined ? { foundLength: d.foundLength } : {}),
        ...(d.inconclusive ? { inconclusive: d.inconclusive } : {}),
        ...(awaitsCheck(p.name, d.target) ? { awaitingCheck: awaitsCheck(p.name, d.target) } : {}),
        ...(d.failure
          ? { failure: { operation: d.failure.operation, rules: d.failure.rules, title: d.failure.title } }
          : {}),
      },
    ]),
  ),
});

async function run(flags: DetectFlags): Promise<number> {
  const names = flags.profile?.map(checkFaultProfile);
  const profiles = names ? FAULT_PROFILES.filter((p) => names.includes(p.name)) : FAULT_PROFILES;
  const targets = DETECTION_TARGETS.filter((t) => flags.targets.includes(t));
  // Emulator children go from one profile to the next (reset into it), `parallel` per target at most.
  const children = new EmulatorChildren();
  // The children are stopped before the process ends (exit 130); a second signal kills them at once.
  const signals = watchSignals(
    () => void children.close().finally(() => process.exit(EXIT.interrupted)),
    () => 'killing the emulator children',
    { stopping: 'stopping the emulator children (again to kill them at once)' },
  );
  // Each target works through the profiles on its own, `parallel` at a time: the real-clock one mostly waits.
  const columns = await Promise.all(
    targets.map((target) =>
      inPool(profiles, flags.parallel, async (profile) => {
        const d = await detectSafely(profile, {
          target,
          seed: flags.seed,
          runs: flags.runs,
          maxCommands: flags.maxCommands,
          shrink: flags.shrink,
          children,
          ...(target === 'endpoint'
            ? {
                transitionMs: flags.transitionMs,
                clockRate: flags.clockRate,
                settleTimeoutMs: flags.settleSeconds * 1000,
              }
            : {}),
        });
        if (!flags.json) process.stderr.write(`${target} ${profile.name}: ${outcomeOf(profile, d)}\n`);
        return d;
      }),
    ),
  ).finally(() => {
    signals.dispose();
    return children.close();
  });
  const results: Result[] = profiles.map((profile, i) => ({
    profile,
    detections: columns.map((c) => c[i] as Detection),
  }));
  for (const file of keepMissed(flags.reportDir, results))
    process.stderr.write(`missed, its counterexample: ${file}\n`);
  process.stdout.write(
    flags.json ? `${JSON.stringify(results.map(json), null, 2)}\n` : `${detectionTable(targets, results)}\n`,
  );
  const outcomes = results.flatMap((r) => r.detections.map((d) => outcomeOf(r.profile, d)));
  // A cell the machine kept from running decides nothing: the table is incomplete, not failed.
  if (outcomes.includes('missed')) return EXIT.nonconformant;
  return outcomes.includes('harness-error') ? EXIT.inconclusive : EXIT.conformant;
}

/**
 * Each missed cell's counterexample, written whole (every call, request and answer, the replay
 * command): the table names only its first rule, and a control found nonconformant on a real
 * clock may not come back on the next run. The files written, one per missed cell with a failure.
 */
export function keepMissed(dir: string, results: readonly Result[]): string[] {
  const kept: string[] = [];
  for (const { profile, detections } of results)
    for (const d of detections) {
      if (outcomeOf(profile, d) !== 'missed' || !d.failure) continue;
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${d.target}-${profile.name}.txt`);
      writeFileSync(file, `${failureText(d.failure)}\n`);
      kept.push(file);
    }
  return kept;
}

/** A detection whose target would not even start is a harness error in its cell, not the end of the table. */
async function detectSafely(profile: FaultProfile, options: DetectionOptions & { target: DetectionTarget }) {
  try {
    return await detectProfile(profile, options);
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return {
      profile: profile.name,
      target: options.target,
      verdict: 'harness-error',
      detected: false,
      ms: 0,
      calls: 0,
      retried: 0,
      inconclusive: `the target did not start: ${message}`,
    } satisfies Detection;
  }
}

/** `work` over every item, at most `size` at once; the results in the items' order. */
async function inPool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return out;
}

function targetList(value: string): DetectionTarget[] {
  const asked = value.split(',').map((t) => t.trim());
  const unknown = asked.filter((t) => !DETECTION_TARGETS.includes(t as DetectionTarget));
  if (unknown.length || asked.length === 0)
    throw new InvalidArgumentError(`choose among ${DETECTION_TARGETS.join(', ')} (comma-separated)`);
  return asked as DetectionTarget[];
}

export const registerDetect: Register = (program, done) => {
  program
    .command('detect')
    .description(
      'run the suite against each fault profile on each target and show whether it is detected (exit 0: every deviation detected, or on a real clock a stuck status inconclusive; the control conformant; 1: one missed; 3: none missed but a cell could not run, its emulator child not starting on a busy machine)',
    )
    .option('--profile <name...>', 'only these profiles (default: all; see emulator --list-fault-profiles)')
    .option(
      '--targets <list>',
      'where the profiles run, comma-separated: mock (in process, msw), emulator (child, manual clock), endpoint (a real-clock emulator child reached as --target endpoint), direct (in-process gateway, fastest)',
      targetList,
      [...DEFAULT_DETECTION_TARGETS],
    )
    .option('--target <kind>', 'one target (same as --targets KIND)', targetList)
    .option('--seed <n>', 'random seed', integer('--seed', 0), DETECTION_DEFAULTS.seed)
    .option('--runs <n>', 'most command sequences per profile', integer('--runs', 1), DETECTION_DEFAULTS.runs)
    .option(
      '--max-commands <n>',
      'most commands in one sequence',
      integer('--max-commands', 1),
      DETECTION_DEFAULTS.maxCommands,
    )
    .option(
      '--transition-ms <n>',
      'endpoint target: how long each transient status lasts, in real time',
      integer('--transition-ms', 1),
      ENDPOINT_DEFAULTS.transitionMs,
    )
    .option(
      '--clock-rate <n>',
      "endpoint target: the emulator's clock runs N times faster than the wall (1 = the wall's; the default lets an RPO pass in seconds)",
      integer('--clock-rate', 1),
      ENDPOINT_DEFAULTS.clockRate,
    )
    .option(
      '--settle-seconds <n>',
      'endpoint target: how long to wait for a change to settle before the run is inconclusive',
      integer('--settle-seconds', 1),
      ENDPOINT_DEFAULTS.settleTimeoutMs / 1000,
    )
    .option(
      '--parallel <n>',
      'profiles run side by side on each target (each on its own fresh target)',
      integer('--parallel', 1),
      1,
    )
    .option(
      '--no-shrink',
      'report each counterexample as found (its length unshrunk): shrinking replays it many times, most of the cost on the emulator child',
    )
    .option(
      '--report-dir <dir>',
      "where a missed cell's counterexample is written (TARGET-PROFILE.txt: every call, answer and the replay command)",
      'reports-out/detect',
    )
    .option('--json', 'print the results as JSON')
    .action(async (flags: DetectFlags & { target?: DetectionTarget[] }) =>
      done(await run({ ...flags, targets: flags.target ?? flags.targets })),
    );
};
