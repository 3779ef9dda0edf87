/**
 * The conformance suite as vitest tests: one run of the property suite against a target, then one
 * test per documented rule (grouped by family, the rule's source in the test's meta), so a
 * nonconformance fails exactly the rules it breaks and shows its shrunk counterexample and how to
 * replay it. A rule the run did not exercise is skipped, saying so: a small run is not a failure.
 *
 *   import { conformanceSuite } from 'ebs-conformance/vitest';
 *   conformanceSuite();
 *
 * Options, each overridden by its variable when that is set (so CI can point the same file
 * elsewhere): target `EBS_CONFORMANCE_TARGET` (direct | mock | emulator | endpoint; default
 * emulator),
 * `EBS_CONFORMANCE_ENDPOINT`, `EBS_CONFORMANCE_SEED` (default random, shown in the run's test),
 * `EBS_CONFORMANCE_RUNS` (25), `EBS_CONFORMANCE_MAX_COMMANDS` (40), `EBS_CONFORMANCE_CONCURRENCY`,
 * `EBS_CONFORMANCE_FAULT_PROFILE`, and for a replay `EBS_CONFORMANCE_PATH` and
 * `EBS_CONFORMANCE_COMMANDS_PATH` (what a failing test prints).
 */
import { afterAll, beforeAll, describe, it, type TestContext } from 'vitest';
import { type CreatableTargetKind, createTarget } from '../adapters/create-target';
import { packageVersion } from '../adapters/package-root';
import type { Target } from '../adapters/target';
import { RULES, type Rule } from '../api';
import { exercised, type Failure, type RunRecord } from '../reports/run-record';
import { runConformance } from './run-suite';

export interface ConformanceSuiteOptions {
  readonly target?: CreatableTargetKind;
  readonly endpoint?: string;
  readonly seed?: number;
  readonly runs?: number;
  readonly maxCommands?: number;
  readonly concurrency?: number;
  /** Run against a named deviation of the emulator (mock or emulator target): testing the suite. */
  readonly faultProfile?: string;
  /** Transient status duration of a started emulator or the mock (default 1000, virtual time). */
  readonly transitionMs?: number;
  /** How long the run may take (default 10 minutes). */
  readonly timeoutMs?: number;
  /** Where the variables come from (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface ConformanceSuite {
  /** The run record, once the run is over (in tests of the same file). */
  record(): RunRecord | undefined;
}

const KINDS: readonly CreatableTargetKind[] = ['direct', 'mock', 'emulator', 'endpoint'];
const PREFIX = 'EBS_CONFORMANCE_';

interface Settings {
  readonly target: CreatableTargetKind;
  readonly endpoint: string | undefined;
  readonly seed: number;
  readonly runs: number;
  readonly maxCommands: number;
  readonly concurrency: number | undefined;
  readonly faultProfile: string | undefined;
  readonly path: string | undefined;
  readonly commandsPath: string | undefined;
}

/** Options and variables merged; a variable that is set but wrong is an error naming it. */
export function suiteSettings(options: ConformanceSuiteOptions = {}): Settings {
  const env = options.env ?? process.env;
  const text = (name: string) => (env[PREFIX + name] ? env[PREFIX + name] : undefined);
  const number = (name: string, min: number, fallback: number | undefined) => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`${PREFIX}${name} must be an integer >= ${min}, not "${raw}"`);
    return n;
  };
  const target = (text('TARGET') ?? options.target ?? 'emulator') as CreatableTargetKind;
  if (!KINDS.includes(target))
    throw new Error(`${PREFIX}TARGET must be one of ${KINDS.join(', ')}, not "${target}"`);
  const endpoint = text('ENDPOINT') ?? options.endpoint;
  if (target === 'endpoint' && !endpoint) throw new Error(`the endpoint target needs ${PREFIX}ENDPOINT`);
  return {
    target,
    endpoint: target === 'endpoint' ? endpoint : undefined,
    seed: number('SEED', 0, options.seed) ?? Math.floor(Math.random() * 2 ** 31),
    runs: number('RUNS', 1, options.runs) ?? 25,
    maxCommands: number('MAX_COMMANDS', 1, options.maxCommands) ?? 40,
    concurrency: number('CONCURRENCY', 1, options.concurrency),
    faultProfile: text('FAULT_PROFILE') ?? options.faultProfile,
    path: text('PATH'),
    commandsPath: text('COMMANDS_PATH'),
  };
}

/**
 * A shell word for a variable's value. Only the value is quoted: `'NAME=value'` is a command
 * name to a shell, not an assignment, and the replay line would fail with "not found".
 */
const shellValue = (value: string) =>
  /^[\w.:/@%+,=-]*$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;

/** The variables that replay one failure of this run with `npx vitest run FILE`. */
function replayOf(s: Settings, f: Failure): string {
  const vars = [
    `${PREFIX}TARGET=${s.target}`,
    ...(s.endpoint ? [`${PREFIX}ENDPOINT=${shellValue(s.endpoint)}`] : []),
    ...(s.faultProfile ? [`${PREFIX}FAULT_PROFILE=${shellValue(s.faultProfile)}`] : []),
    `${PREFIX}SEED=${f.seed}`,
    `${PREFIX}MAX_COMMANDS=${s.maxCommands}`,
    ...(f.path ? [`${PREFIX}PATH=${shellValue(f.path)}`] : []),
    ...(f.commandsPath ? [`${PREFIX}COMMANDS_PATH=${shellValue(f.commandsPath)}`] : []),
  ];
  return vars.join(' ');
}

/**
 * Every rule a failure breaks: its own and those of the other checks that failed on the same
 * answer (a step keeps them all), so each of those rules' tests fails too.
 */
export const rulesBrokenBy = (f: Failure): string[] => [
  ...new Set([...f.rules, ...(f.also ?? []).flatMap((a) => a.rules)]),
];

/** What a failing rule's test says: the nonconformance, its shrunk sequence, its replay. */
function explain(rule: Rule, failures: readonly Failure[], file: string): string {
  return failures
    .map((f) => {
      // The part of the failure that names this rule: the first check's, or another on the same answer.
      const part = f.rules.includes(rule.id) ? f : (f.also?.find((a) => a.rules.includes(rule.id)) ?? f);
      return [
        `${rule.id} violated (${part.category}) in ${f.operation}: ${part.title}`,
        `  expected: ${part.expected}`,
        `  received: ${part.received}`,
        `  shrunk counterexample, ${f.trace.length} calls:`,
        ...f.trace.map(
          (step) =>
            `    ${step.index + 1}. ${step.command}${step.response ? ` -> HTTP ${step.response.status}` : ''}`,
        ),
        `  replay: ${f.replay} npx vitest run ${file}`,
        `  rule source: ${rule.source.doc} (${rule.source.where})`,
      ].join('\n');
    })
    .join('\n\n');
}

const byFamily = (): Map<string, Rule[]> => {
  const families = new Map<string, Rule[]>();
  for (const rule of RULES) {
    const family = rule.id.split('.')[0] ?? rule.id;
    families.set(family, [...(families.get(family) ?? []), rule]);
  }
  return families;
};

/**
 * Registers the suite in the calling test file: a describe block holding the run's own test and
 * one test per rule. Call it at the top level of a test file.
 */
export function conformanceSuite(options: ConformanceSuiteOptions = {}): ConformanceSuite {
  const s = suiteSettings(options);
  let record: RunRecord | undefined;
  let failed: unknown;
  let target: Target | undefined;

  describe(`ebs-conformance against the ${s.target} target`, () => {
    beforeAll(async () => {
      try {
        target = await createTarget(s.target, {
          ...(s.endpoint ? { endpoint: s.endpoint } : {}),
          ...(s.faultProfile !== undefined ? { faultProfile: s.faultProfile } : {}),
          transitionMs: options.transitionMs ?? 1000,
          clockMode: 'manual',
          ...(options.env ? { env: options.env } : {}),
        });
        const ran = await runConformance({
          target,
          seed: s.seed,
          runs: s.runs,
          maxCommands: s.maxCommands,
          ...(s.concurrency !== undefined ? { concurrency: s.concurrency } : {}),
          ...(s.path !== undefined ? { path: s.path } : {}),
          ...(s.commandsPath !== undefined ? { commandsPath: s.commandsPath } : {}),
          harnessVersion: packageVersion(),
          replayCommand: () => '',
        });
        record = {
          ...ran.record,
          failures: ran.record.failures.map((f) => ({ ...f, replay: replayOf(s, f) })),
        };
      } catch (err) {
        failed = err;
      }
    }, options.timeoutMs ?? 600_000);
    afterAll(async () => {
      await target?.close?.();
    });

    it(`runs ${s.runs} command sequences (seed ${s.seed}) to a verdict`, () => {
      if (failed) throw failed;
      const problems = record?.inconclusive ?? [];
      if (problems.length > 0)
        throw new Error(
          `the run is inconclusive (no verdict on the rules it did not reach):\n${problems
            .map((p) => `  ${p.operation}: ${p.reason}`)
            .join('\n')}`,
        );
    });

    for (const [family, rules] of byFamily())
      describe(family, () => {
        for (const rule of rules)
          it(`${rule.id}: ${rule.statement}`, (ctx: TestContext) => {
            Object.assign(ctx.task.meta, {
              rule: rule.id,
              source: rule.source.doc,
              where: rule.source.where,
            });
            if (!record) return ctx.skip('the run did not complete: see the run test');
            const failures = record.failures.filter((f) => rulesBrokenBy(f).includes(rule.id));
            if (failures.length > 0) throw new Error(explain(rule, failures, ctx.task.file.name));
            const result = record.rules.find((r) => r.id === rule.id);
            if (!result || !exercised(result))
              ctx.skip(`not exercised in ${record.budget.runs} sequences (more with ${PREFIX}RUNS)`);
          });
      });
  });

  return { record: () => record };
}
