import type { RunRecord, Sharpness } from './run-record';

/**
 * How a verdict was reached, for the reports: how sharp the oracle was (how many codes each
 * expected refusal allowed) and which status paths the changes took beside the model's.
 */

/** At most this share of refusals may allow more than three codes (issue 12's budget). */
export const MORE_CODES_BUDGET = 0.1;

const percent = (n: number, of: number) => (of === 0 ? '—' : `${((100 * n) / of).toFixed(1)}%`);

export function sharpnessRows(s: Sharpness): [string, string][] {
  return [
    ['refusals expected', String(s.refusals)],
    ['… allowing exactly 1 code', `${s.oneCode} (${percent(s.oneCode, s.refusals)})`],
    ['… allowing 2 codes', `${s.twoCodes} (${percent(s.twoCodes, s.refusals)})`],
    ['… allowing 3 codes', `${s.threeCodes} (${percent(s.threeCodes, s.refusals)})`],
    [
      '… allowing more than 3 codes',
      `${s.moreCodes} (${percent(s.moreCodes, s.refusals)}; budget ${MORE_CODES_BUDGET * 100}%${withinBudget(s) ? '' : ', OVER'})`,
    ],
    ['calls allowing success or a refusal', `${s.successOrRefusal} of ${s.calls}`],
  ];
}

export const withinBudget = (s: Sharpness) =>
  s.refusals === 0 || s.moreCodes / s.refusals <= MORE_CODES_BUDGET;

/** One row per transition and observed path: kind, change, model path, observed path, times, ms p50/max. */
export function pathRows(run: RunRecord): string[][] {
  return [...(run.observedPaths ?? [])]
    .sort((a, b) => a.operation.localeCompare(b.operation) || b.count - a.count)
    .map((p) => [p.kind, p.operation, p.model, p.observed, String(p.count), `${p.p50} / ${p.max}`]);
}

export const PATH_HEAD = ['kind', 'change', 'model allows', 'observed', 'times', 'ms p50 / max'];

/** One row per reading: its ID, the target's choice (or not observed), and what showed it. */
export function readingRows(run: RunRecord): string[][] {
  return (run.readings ?? []).map((r) => [
    r.id,
    r.choice ?? 'not observed',
    r.exchange ?? (r.fixed !== undefined ? 'fixed with --reading' : '—'),
    r.fixed ?? '—',
  ]);
}

export const READING_HEAD = ['reading', 'choice', 'shown by', 'fixed in advance'];

/** One row per undocumented value: the call, the field, the value, how often, what the docs list, the first call. */
export function undocumentedRows(run: RunRecord): string[][] {
  return (run.undocumentedValues ?? []).map((u) => [
    u.operation,
    u.field,
    u.value,
    String(u.count),
    u.documented.join(', '),
    u.exchange,
  ]);
}

export const UNDOCUMENTED_HEAD = ['call', 'field', 'value', 'times', 'documented values', 'first seen'];

/** What the undocumented values mean for the verdict, in one line. */
export const undocumentedLegend = (run: RunRecord) =>
  run.strict
    ? 'Values outside the lists the docs give: this run was strict (--strict), so each is a nonconformance.'
    : 'Values outside the lists the docs give: findings of their own, not failures (run --strict to fail on them).';

/** The Markdown sections: the oracle's sharpness and the observed paths (the first few). */
export function oracleMarkdown(run: RunRecord, cell: (s: string) => string, maxPaths = 12): string[] {
  const lines: string[] = [];
  if (run.sharpness) {
    lines.push('', '### How sharp the oracle was', '', '| refusals | count |', '| --- | --- |');
    for (const [k, v] of sharpnessRows(run.sharpness)) lines.push(`| ${k} | ${v} |`);
  }
  const readings = readingRows(run);
  if (readings.length > 0) {
    lines.push(
      '',
      '### How this target reads the documentation',
      '',
      `| ${READING_HEAD.join(' | ')} |`,
      `|${' --- |'.repeat(4)}`,
    );
    for (const row of readings) lines.push(`| ${row.map(cell).join(' | ')} |`);
  }
  const undocumented = undocumentedRows(run);
  if (undocumented.length > 0) {
    lines.push(
      '',
      `### Undocumented values (${undocumented.length})`,
      '',
      undocumentedLegend(run),
      '',
      `| ${UNDOCUMENTED_HEAD.join(' | ')} |`,
      `|${' --- |'.repeat(UNDOCUMENTED_HEAD.length)}`,
    );
    for (const row of undocumented) lines.push(`| ${row.map(cell).join(' | ')} |`);
  }
  const paths = pathRows(run);
  if (paths.length > 0) {
    lines.push('', '### Observed transitions', '', `| ${PATH_HEAD.join(' | ')} |`, `|${' --- |'.repeat(6)}`);
    for (const row of paths.slice(0, maxPaths)) lines.push(`| ${row.map(cell).join(' | ')} |`);
    if (paths.length > maxPaths) lines.push('', `… and ${paths.length - maxPaths} more in report.html`);
  }
  return lines;
}
