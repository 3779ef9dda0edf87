/**
 * Nights side by side (`ebs-conformance history RUN.json...`): one row per run record, oldest
 * first, with its verdict, coverage and timings, and what changed since the night before (rules
 * that started or stopped failing). Markdown for a job summary; HTML with a chart per measure.
 */
import { escapeMarkup as esc, mdCell } from './escape';
import { headline, percent } from './figures';
import { htmlPage, table } from './html/page';
import { exercised, type RunRecord, type Verdict } from './run-record';

export interface Night {
  readonly file: string;
  readonly startedAt: string;
  readonly verdict: Verdict;
  readonly target: string;
  readonly seed: number;
  readonly calls: number;
  readonly nonconformances: number;
  readonly inconclusive: number;
  readonly rulesExercised: number;
  readonly rules: number;
  /** Documented pair and group state × operation cells reached, of all of them. */
  readonly cellsCovered: number;
  readonly cells: number;
  readonly durationMs: number;
  /** Mean wall time of one call, retries included (every operation's total over its count). */
  readonly meanCallMs: number;
  /** Rules violated in this night and not in the one before, and the other way round. */
  readonly newlyViolated: readonly string[];
  readonly nowHeld: readonly string[];
}

const violated = (run: RunRecord) => new Set(run.rules.filter((r) => r.violations > 0).map((r) => r.id));

/** The nights in the order they ran (by start time), each against the one before it. */
export function historyOf(runs: readonly { file: string; record: RunRecord }[]): Night[] {
  const sorted = [...runs].sort((a, b) => Date.parse(a.record.startedAt) - Date.parse(b.record.startedAt));
  let before: Set<string> | undefined;
  return sorted.map(({ file, record }) => {
    const h = headline(record);
    const { pairs, groups } = record.coverage;
    const ops = record.timings.operations;
    const count = ops.reduce((n, o) => n + o.count, 0);
    const now = violated(record);
    const night: Night = {
      file,
      startedAt: record.startedAt,
      verdict: record.verdict,
      target: record.target.kind,
      seed: record.seed,
      calls: record.steps,
      nonconformances: record.failures.length,
      inconclusive: record.inconclusive.length,
      rulesExercised: record.rules.filter(exercised).length,
      rules: record.rules.length,
      cellsCovered: pairs.covered + groups.covered,
      cells: pairs.documented + groups.documented,
      durationMs: h.durationMs,
      meanCallMs: count === 0 ? 0 : ops.reduce((n, o) => n + o.totalMs, 0) / count,
      newlyViolated: before ? [...now].filter((id) => !before?.has(id)).sort() : [],
      nowHeld: before ? [...before].filter((id) => !now.has(id)).sort() : [],
    };
    before = now;
    return night;
  });
}

const day = (iso: string) => iso.replace('T', ' ').slice(0, 16);
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const changes = (n: Night, code: (s: string) => string) =>
  [
    ...n.newlyViolated.map((id) => `now failing ${code(id)}`),
    ...n.nowHeld.map((id) => `fixed ${code(id)}`),
  ].join(', ') || '—';

export function renderHistoryMarkdown(nights: readonly Night[]): string {
  const rows = nights.map(
    (n) =>
      `| ${day(n.startedAt)} | **${n.verdict}** | ${mdCell(n.target)} ${n.seed} | ${n.nonconformances} | ${n.inconclusive} | ${n.rulesExercised}/${n.rules} | ${n.cellsCovered}/${n.cells} (${percent(n.cellsCovered, n.cells)}) | ${n.calls} | ${(n.durationMs / 1000).toFixed(1)} s | ${ms(n.meanCallMs)} ms | ${changes(n, (s) => `\`${mdCell(s)}\``)} |`,
  );
  return [
    `## ebs-conformance: ${nights.length} runs`,
    '',
    '| started | verdict | target, seed | nonconformances | inconclusive | rules exercised | state × operation cells | calls | wall time | mean call | since the run before |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

const VERDICT_COLOUR: Record<Verdict, string> = {
  conformant: '#1a7f37',
  nonconformant: '#cf222e',
  inconclusive: '#9a6700',
  'harness-error': '#6e7781',
  interrupted: '#9a6700',
};

/** One measure over the nights: a line with a dot per night, the dot coloured by its verdict. */
function trendChart(
  label: string,
  nights: readonly Night[],
  value: (n: Night) => number,
  unit: string,
): string {
  const w = 640;
  const h = 150;
  const pad = { l: 56, r: 12, t: 12, b: 24 };
  const values = nights.map(value);
  const top = Math.max(...values, 0) || 1;
  const x = (i: number) =>
    pad.l + (nights.length === 1 ? (w - pad.l - pad.r) / 2 : (i * (w - pad.l - pad.r)) / (nights.length - 1));
  const y = (v: number) => pad.t + (h - pad.t - pad.b) * (1 - v / top);
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const dots = nights
    .map(
      (n, i) =>
        `<circle class="night" cx="${x(i).toFixed(1)}" cy="${y(values[i] ?? 0).toFixed(1)}" r="4" fill="${VERDICT_COLOUR[n.verdict]}" data-verdict="${n.verdict}"><title>${esc(`${day(n.startedAt)} ${n.verdict}: ${label} ${ms(values[i] ?? 0)}${unit}`)}</title></circle>`,
    )
    .join('');
  return `<svg class="trend" role="img" aria-label="${esc(label)}" viewBox="0 0 ${w} ${h}" width="100%" style="max-width:${w}px">
<line class="axis" x1="${pad.l}" y1="${h - pad.b}" x2="${w - pad.r}" y2="${h - pad.b}"/><text x="${pad.l - 6}" y="${pad.t + 4}" text-anchor="end">${esc(ms(top))}${esc(unit)}</text><text x="${pad.l - 6}" y="${h - pad.b}" text-anchor="end">0</text>
<polyline points="${points}" fill="none" stroke="#8c959f" stroke-width="1.5"/>${dots}
<text x="${pad.l}" y="${h - 6}">${esc(day(nights[0]?.startedAt ?? ''))}</text><text x="${w - pad.r}" y="${h - 6}" text-anchor="end">${esc(day(nights.at(-1)?.startedAt ?? ''))}</text></svg>`;
}

export function renderHistoryHtml(nights: readonly Night[]): string {
  const rows = nights.map((n) => [
    esc(day(n.startedAt)),
    `<span class="badge ${n.verdict}">${n.verdict}</span>`,
    `${esc(n.target)} ${n.seed}`,
    String(n.nonconformances),
    String(n.inconclusive),
    `${n.rulesExercised}/${n.rules}`,
    `${n.cellsCovered}/${n.cells}`,
    String(n.calls),
    `${(n.durationMs / 1000).toFixed(1)} s`,
    `${ms(n.meanCallMs)} ms`,
    changes(n, (s) => `<code>${esc(s)}</code>`),
  ]);
  const body = `<header><h1>ebs-conformance: ${nights.length} runs</h1><p class="meta">Oldest first; each run against the one before it.</p></header>
<h2>Verdicts and coverage</h2>
<h3>Nonconformances</h3>${trendChart('Nonconformances', nights, (n) => n.nonconformances, '')}
<h3>State × operation cells reached (%)</h3>${trendChart('State × operation cells reached', nights, (n) => (n.cells ? (100 * n.cellsCovered) / n.cells : 0), '%')}
<h3>Rules exercised</h3>${trendChart('Rules exercised', nights, (n) => n.rulesExercised, '')}
<h2>Timings</h2>
<h3>Wall time</h3>${trendChart('Wall time', nights, (n) => n.durationMs / 1000, ' s')}
<h3>Mean call</h3>${trendChart('Mean call', nights, (n) => n.meanCallMs, ' ms')}
<h2>Runs</h2>
${table(['started', 'verdict', 'target, seed', 'nonconformances', 'inconclusive', 'rules exercised', 'cells', 'calls', 'wall time', 'mean call', 'since the run before'], rows).replace('<table>', '<table id="history">')}`;
  return htmlPage(`ebs-conformance: ${nights.length} runs`, body);
}
