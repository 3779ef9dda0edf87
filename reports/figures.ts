import { exercised, type RunRecord } from './run-record';

/** The headline numbers every report shows, computed once from a record. */
export interface Headline {
  readonly rules: number;
  readonly rulesExercised: number;
  readonly rulesViolated: number;
  readonly docGapRules: number;
  readonly documentedCodes: number;
  readonly documentedCodesSeen: number;
  readonly undocumentedCodesSeen: number;
  readonly transientSeen: number;
  readonly transientRetried: number;
  readonly durationMs: number;
}

export function headline(run: RunRecord): Headline {
  const codes = run.coverage.errorCodes;
  return {
    rules: run.rules.length,
    rulesExercised: run.rules.filter(exercised).length,
    rulesViolated: run.rules.filter((r) => r.violations > 0).length,
    docGapRules: run.rules.filter((r) => Object.keys(r.docGaps).length > 0).length,
    documentedCodes: codes.filter((c) => c.documented).length,
    documentedCodesSeen: codes.filter((c) => c.documented && c.hits > 0).length,
    undocumentedCodesSeen: codes.filter((c) => !c.documented && c.hits > 0).length,
    transientSeen: run.transient.reduce((n, t) => n + t.seen, 0),
    transientRetried: run.transient.reduce((n, t) => n + t.retried, 0),
    durationMs: Math.max(0, Date.parse(run.finishedAt) - Date.parse(run.startedAt)),
  };
}

export const percent = (part: number, whole: number) =>
  whole === 0 ? '0%' : `${Math.round((100 * part) / whole)}%`;

/** `12 of 45 (27%)` */
export const ratio = (part: number, whole: number) => `${part} of ${whole} (${percent(part, whole)})`;

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** What the emulator was made to play instead of the documentation's favoured reading of it. */
export const emulatorPlay = ({ faultProfile, emulatorReadings }: RunRecord['target']): string[] => [
  ...(faultProfile ? [`fault profile ${faultProfile}`] : []),
  ...Object.entries(emulatorReadings ?? {})
    .map(([id, value]) => `playing ${id}=${value}`)
    .sort(),
];

/** One line naming what ran: target, regions, seed, budget. */
export function runLine(run: RunRecord): string {
  const play = emulatorPlay(run.target);
  const target = `${run.target.kind}${run.target.endpoint ? ` (${run.target.endpoint})` : ''}${play.length ? ` (${play.join(', ')})` : ''}`;
  const regions = run.target.regions.length ? `, regions ${run.target.regions.join(', ')}` : '';
  const shards = run.shards
    ? ` (${run.shards.length} shards: seeds ${run.shards.map((s) => s.seed).join(', ')})`
    : '';
  const seeds = `seed ${run.seed}${shards}`;
  return `target ${target}${regions}, ${seeds}, ${run.budget.runs} sequences of at most ${run.budget.maxCommands} commands, ${run.steps} calls`;
}

/** What a rule's row says about it, for tables and filters. */
export type RuleStatus = 'violated' | 'held' | 'not-exercised';

export const ruleStatus = (r: RunRecord['rules'][number]): RuleStatus =>
  r.violations > 0 ? 'violated' : exercised(r) ? 'held' : 'not-exercised';
