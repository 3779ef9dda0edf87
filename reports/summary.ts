import { depthMarkdown } from './depth';
import { mdCell } from './escape';
import { headline, ratio, runLine, seconds } from './figures';
import { oracleMarkdown } from './oracle';
import { realAccountMarkdown } from './real-account';
import type { RunRecord } from './run-record';

const MAX_LISTED = 10;
/** Expected and received can be whole listings: the summary shows their start, report.html the rest. */
const short = (text: string) => mdCell(text.length > 160 ? `${text.slice(0, 160)}…` : text);

/** Short Markdown for CI job summaries and pull-request comments: the verdict and what to look at. */
export function renderSummary(run: RunRecord): string {
  const h = headline(run);
  const { pairs, groups } = run.coverage;
  const lines = [
    `## ebs-conformance: **${run.verdict}**`,
    '',
    `${mdCell(runLine(run))}, ${seconds(h.durationMs)}. Harness ${run.harness.version}, spec ${run.spec.apis.join(' + ')}.`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| rules exercised | ${ratio(h.rulesExercised, h.rules)} |`,
    `| pair state × operation cells | ${ratio(pairs.covered, pairs.documented)} |`,
    `| group state × operation cells | ${ratio(groups.covered, groups.documented)} |`,
    `| documented error codes seen | ${ratio(h.documentedCodesSeen, h.documentedCodes)} |`,
    `| undocumented error codes seen | ${h.undocumentedCodesSeen} |`,
    `| rules with doc gaps | ${h.docGapRules} |`,
    `| nonconformances | ${run.failures.length} |`,
    `| inconclusive | ${run.inconclusive.length} |`,
    `| transient faults retried | ${h.transientRetried} of ${h.transientSeen} seen |`,
  ];
  if (run.failures.length > 0) {
    lines.push('', '### Nonconformances', '');
    for (const f of run.failures.slice(0, MAX_LISTED))
      lines.push(
        `- **${f.category}** in \`${f.operation}\` (${f.rules.join(', ') || 'no rule'}): expected ${short(f.expected)}, received ${short(f.received)}; ${f.trace.length} calls. Replay: \`${f.replay}\``,
        ...(f.also ?? []).map((o) => `  - also **${o.category}**: ${short(o.title)}`),
      );
    if (run.failures.length > MAX_LISTED)
      lines.push(`- … and ${run.failures.length - MAX_LISTED} more in report.html`);
  }
  if (run.inconclusive.length > 0) {
    lines.push('', '### Inconclusive', '');
    for (const i of run.inconclusive.slice(0, MAX_LISTED))
      lines.push(`- \`${i.operation}\`: ${short(i.reason)}`);
  }
  lines.push(...depthMarkdown(run, mdCell));
  lines.push(...realAccountMarkdown(run, mdCell));
  lines.push(...oracleMarkdown(run, mdCell));
  lines.push('', 'Details: `report.html` (rules, coverage heatmaps, error codes, traces, timings).');
  return `${lines.join('\n')}\n`;
}
