import { type Comparison, TIMING_NOISE, type TimingChange } from './compare';
import { escapeMarkup as esc, mdCell } from './escape';
import { runLine } from './figures';
import { htmlPage, table } from './html/page';
import type { Failure } from './run-record';

const failureLine = (f: Failure) =>
  `${f.category} in ${f.operation} (${f.rules.join(', ') || 'no rule'}): ${f.title}; expected ${f.expected}, received ${f.received}`;

const change = (t: TimingChange) =>
  `${t.oldP50} ms → ${t.newP50} ms (×${t.ratio.toFixed(2)}; old p25–p75 ${t.oldIqr[0]}–${t.oldIqr[1]} ms)`;

const NOISE = `A timing change is reported when both runs have at least ${TIMING_NOISE.minSamples} samples, the medians differ by at least ×${TIMING_NOISE.minRatio} and ${TIMING_NOISE.minDeltaMs} ms, and the new median lies outside the old run's interquartile range.`;

/** Markdown lists stop here (pull-request comments stay short); the HTML lists everything. */
const MAX_LISTED = 20;

/** The headline of a comparison: is there a regression. */
export const compareVerdict = (c: Comparison) =>
  c.newFailures.length > 0
    ? `regression: ${c.newFailures.length} new nonconformance(s)`
    : 'no new nonconformance';

/** A regression report in Markdown (CI summaries, pull-request comments). */
export function renderCompareMarkdown(c: Comparison): string {
  const out = [
    `## ebs-conformance compare: **${compareVerdict(c)}**`,
    '',
    `- old: ${c.old.verdict}, ${mdCell(runLine(c.old))} (${c.old.startedAt})`,
    `- new: ${c.new.verdict}, ${mdCell(runLine(c.new))} (${c.new.startedAt})`,
    '',
  ];
  const list = (title: string, items: readonly string[]) => {
    out.push(`### ${title} (${items.length})`, '');
    const shown = items.slice(0, MAX_LISTED).map((i) => `- ${mdCell(i)}`);
    if (items.length > MAX_LISTED) shown.push(`- … and ${items.length - MAX_LISTED} more in compare.html`);
    out.push(...(items.length ? shown : ['none']), '');
  };
  list(
    'New nonconformances',
    c.newFailures.map((f) => `${failureLine(f)}. Replay: \`${f.replay}\``),
  );
  list('Fixed nonconformances', c.fixedFailures.map(failureLine));
  if (c.uncheckedFailures.length)
    list('Not re-checked (rules not exercised by the new run)', c.uncheckedFailures.map(failureLine));
  list('Persisting nonconformances', c.persistingFailures.map(failureLine));
  list(
    'Rules newly covered',
    c.newlyCovered.map((r) => `\`${r}\``),
  );
  list(
    'Rules no longer covered',
    c.noLongerCovered.map((r) => `\`${r}\``),
  );
  list(
    'Error codes that changed (doc drift)',
    c.codeDrift.map(
      (d) =>
        `\`${d.rule}\`${d.docGap ? ' (doc gap)' : ''}: ${d.appeared.length ? `now also ${d.appeared.join(', ')}` : ''}${d.appeared.length && d.disappeared.length ? '; ' : ''}${d.disappeared.length ? `no longer ${d.disappeared.join(', ')}` : ''}`,
    ),
  );
  list(
    'Readings the target now answers the other way (drift)',
    c.readingDrift.map(
      (d) =>
        `\`${d.reading}\`: was ${d.old}${d.oldExchange ? ` (${d.oldExchange})` : ''}, now ${d.new}${d.newExchange ? ` (${d.newExchange})` : ''}`,
    ),
  );
  list(
    'Timing changes beyond noise',
    c.timingChanges.map((t) => `${t.series}: ${change(t)}`),
  );
  out.push(`_${NOISE}_`, '');
  return out.join('\n');
}

const failureRows = (fs: readonly Failure[]) =>
  fs.map((f) => [
    esc(f.category),
    `<code>${esc(f.operation)}</code>`,
    f.rules.map((r) => `<code>${esc(r)}</code>`).join(' '),
    esc(f.title),
    `${esc(f.expected)} / ${esc(f.received)}`,
    `<code>${esc(f.replay)}</code>`,
  ]);

/** The same regression report as one self-contained HTML page. */
export function renderCompareHtml(c: Comparison): string {
  const head = ['category', 'operation', 'rules', 'title', 'expected / received', 'replay'];
  const section = (title: string, n: number, content: string) =>
    `<h2>${esc(title)} (${n})</h2>${n ? content : '<p>None.</p>'}`;
  const badge = c.newFailures.length ? 'nonconformant' : 'conformant';
  const body = `<h1>ebs-conformance compare <span class="badge ${badge}" id="verdict">${esc(compareVerdict(c))}</span></h1>
<p class="meta">old: ${esc(c.old.verdict)}, ${esc(runLine(c.old))} (${esc(c.old.startedAt)})</p>
<p class="meta">new: ${esc(c.new.verdict)}, ${esc(runLine(c.new))} (${esc(c.new.startedAt)})</p>
${section('New nonconformances', c.newFailures.length, table(head, failureRows(c.newFailures)))}
${section('Fixed nonconformances', c.fixedFailures.length, table(head, failureRows(c.fixedFailures)))}
${c.uncheckedFailures.length ? section('Not re-checked (rules not exercised by the new run)', c.uncheckedFailures.length, table(head, failureRows(c.uncheckedFailures))) : ''}
${section('Persisting nonconformances', c.persistingFailures.length, table(head, failureRows(c.persistingFailures)))}
${section(
  'Rules newly covered',
  c.newlyCovered.length,
  table(
    ['rule'],
    c.newlyCovered.map((r) => [`<code>${esc(r)}</code>`]),
  ),
)}
${section(
  'Rules no longer covered',
  c.noLongerCovered.length,
  table(
    ['rule'],
    c.noLongerCovered.map((r) => [`<code>${esc(r)}</code>`]),
  ),
)}
${section(
  'Error codes that changed (doc drift)',
  c.codeDrift.length,
  table(
    ['rule', 'doc gap', 'now also', 'no longer'],
    c.codeDrift.map((d) => [
      `<code>${esc(d.rule)}</code>`,
      d.docGap ? 'yes' : 'no',
      esc(d.appeared.join(', ')),
      esc(d.disappeared.join(', ')),
    ]),
  ),
)}
${section(
  'Readings the target now answers the other way (drift)',
  c.readingDrift.length,
  table(
    ['reading', 'was', 'now', 'shown by (new run)'],
    c.readingDrift.map((d) => [
      `<code>${esc(d.reading)}</code>`,
      esc(d.old),
      esc(d.new),
      esc(d.newExchange ?? '—'),
    ]),
  ),
)}
${section(
  'Timing changes beyond noise',
  c.timingChanges.length,
  table(
    ['series', 'old p50 ms', 'new p50 ms', 'ratio', 'old p25–p75 ms'],
    c.timingChanges.map((t) => [
      esc(t.series),
      String(t.oldP50),
      String(t.newP50),
      `×${t.ratio.toFixed(2)}`,
      `${t.oldIqr[0]}–${t.oldIqr[1]}`,
    ]),
  ),
)}
<p class="legend">${esc(NOISE)}</p>`;
  return htmlPage(`ebs-conformance compare: ${compareVerdict(c)}`, body);
}
