import { Option } from 'commander';
import { FAULT_PROFILES, type FaultProfile } from '../../emulator';
import { DETECTION_DEFAULTS, type Detection, detectProfile } from '../../properties/detection';
import type { Register } from '../main';
import { EXIT } from '../usage-error';
import { checkFaultProfile } from './emulator';
import { integer } from './run';

interface DetectFlags {
  profile?: string[];
  target: 'direct' | 'mock' | 'emulator';
  seed: number;
  runs: number;
  maxCommands: number;
  json?: boolean;
}

/** A deviation must be detected; the transient-only control must come out conformant. */
const asExpected = (p: FaultProfile, d: Detection) =>
  p.transientOnly ? d.verdict === 'conformant' : d.detected;

/** The rule the run named that the profile breaks, else the first it breaks. */
function ruleOf(p: FaultProfile, d: Detection): string {
  const rules = new Set([...p.ruleIds, ...(p.observedIn?.ruleIds ?? [])]);
  return d.failure?.rules.find((r) => rules.has(r)) ?? p.ruleIds[0] ?? '-';
}

function row(p: FaultProfile, d: Detection): string[] {
  const detected = p.transientOnly ? `no (control: ${d.verdict})` : d.detected ? 'yes' : `no (${d.verdict})`;
  const shrunk = d.detected && d.shrunkLength !== undefined ? String(d.shrunkLength) : '-';
  return [p.name, p.operation, detected, String(d.ms), shrunk, p.transientOnly ? '-' : ruleOf(p, d)];
}

const HEADER = [
  'profile',
  'operation',
  'detected',
  'time to detect (ms)',
  'shrunk counterexample (calls)',
  'rule',
];

/** A Markdown table, ready for the README. */
export function detectionTable(rows: readonly string[][]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(HEADER), line(HEADER.map(() => '---')), ...rows.map(line)].join('\n');
}

async function run(flags: DetectFlags): Promise<number> {
  const names = flags.profile?.map(checkFaultProfile);
  const profiles = names ? FAULT_PROFILES.filter((p) => names.includes(p.name)) : FAULT_PROFILES;
  const results: { profile: FaultProfile; detection: Detection }[] = [];
  for (const profile of profiles) {
    const detection = await detectProfile(profile, {
      target: flags.target,
      seed: flags.seed,
      runs: flags.runs,
      maxCommands: flags.maxCommands,
    });
    results.push({ profile, detection });
    if (!flags.json)
      process.stderr.write(`${profile.name}: ${detection.detected ? 'detected' : detection.verdict}\n`);
  }
  if (flags.json) {
    const out = results.map(({ profile, detection: d }) => ({
      profile: profile.name,
      kind: profile.kind,
      operation: profile.operation,
      ruleIds: profile.ruleIds,
      verdict: d.verdict,
      detected: d.detected,
      asExpected: asExpected(profile, d),
      ms: d.ms,
      ...(d.shrunkLength !== undefined ? { shrunkLength: d.shrunkLength } : {}),
      ...(d.failure
        ? { failure: { operation: d.failure.operation, rules: d.failure.rules, title: d.failure.title } }
        : {}),
    }));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    process.stdout.write(`${detectionTable(results.map((r) => row(r.profile, r.detection)))}\n`);
  }
  return results.every((r) => asExpected(r.profile, r.detection)) ? EXIT.conformant : EXIT.nonconformant;
}

export const registerDetect: Register = (program, done) => {
  program
    .command('detect')
    .description(
      'run the suite against each fault profile and show whether it is detected (exit 0: every deviation detected, the control conformant)',
    )
    .option('--profile <name...>', 'only these profiles (default: all; see emulator --list-fault-profiles)')
    .addOption(
      new Option('--target <kind>', 'where the profile runs')
        .choices(['direct', 'mock', 'emulator'])
        .default(DETECTION_DEFAULTS.target),
    )
    .option('--seed <n>', 'random seed', integer('--seed', 0), DETECTION_DEFAULTS.seed)
    .option('--runs <n>', 'most command sequences per profile', integer('--runs', 1), DETECTION_DEFAULTS.runs)
    .option(
      '--max-commands <n>',
      'most commands in one sequence',
      integer('--max-commands', 1),
      DETECTION_DEFAULTS.maxCommands,
    )
    .option('--json', 'print the results as JSON')
    .action(async (flags: DetectFlags) => done(await run(flags)));
};
