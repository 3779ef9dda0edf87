import { createHash } from 'node:crypto';
import { escapeMarkup as esc } from '../escape';
import { headline, ratio, runLine, seconds } from '../figures';
import type { RunRecord } from '../run-record';
import { latencyChart } from './charts';
import { docLink, operationDocUrl } from './doc-links';
import { errorCodesSection } from './error-codes';
import { failureCard } from './failures';
import { heatmap } from './heatmap';
import { oracleSection } from './oracle';
import { realAccountSection } from './real-account';
import { rulesSection } from './rules';
import { SCRIPT } from './script';
import { stateMachineSection } from './state-machine';
import { STYLE } from './style';

/**
 * Nothing may load from anywhere, and the only script that may run is the page's own, named by
 * its hash: the report embeds bodies from the server under test, and a `<script>` smuggled into
 * one of them (escaping missed once) must still not run.
 */
export const contentPolicy = (script: string): string =>
  [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src ${script ? `'sha256-${createHash('sha256').update(script).digest('base64')}'` : "'none'"}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

/** The shell of every HTML report: inline style, optional inline script, a content policy. */
export function htmlPage(title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentPolicy(script)}">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body><main>
${body}
</main>${script ? `<script>${script}</script>` : ''}</body></html>
`;
}

export const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

const card = (value: string, label: string) =>
  `<div class="card"><b>${value}</b><span>${esc(label)}</span></div>`;

function transitionsSection(run: RunRecord): string {
  const settle = new Map(run.timings.settle.map((s) => [`${s.kind} ${s.from} ${s.to} ${s.operation}`, s]));
  const rows = run.coverage.transitions.map((t) => {
    const s = settle.get(`${t.kind} ${t.from} ${t.to} ${t.operation}`);
    return [
      esc(t.kind),
      `${esc(t.from)} → ${esc(t.to)}`,
      docLink(operationDocUrl(t.operation), `<code>${esc(t.operation)}</code>`),
      String(t.hits),
      s ? `${s.p50} / ${s.p90} / ${s.p99}` : '—',
    ];
  });
  return `<h2>Transitions observed (${rows.length})</h2>
${rows.length ? table(['kind', 'status', 'by', 'times', 'settle ms p50 / p90 / p99'], rows) : '<p>None.</p>'}`;
}

function timingsSection(run: RunRecord): string {
  const ops = [...run.timings.operations]
    .sort((a, b) => b.p50 - a.p50)
    .map((t) => ({ ...t, label: t.operation }));
  const settle = run.timings.settle.map((t) => ({
    ...t,
    label: `${t.kind} ${t.from} → ${t.to} (${t.operation})`,
  }));
  return `<h2>Timings</h2>
<h3>Latency per operation (retries and backoff included)</h3>
${latencyChart('Latency per operation', ops)}
<h3>Settle time per transition</h3>
${latencyChart('Settle time per transition', settle)}`;
}

function faultsSection(run: RunRecord): string {
  const transient = run.transient.map((t) => [
    docLink(operationDocUrl(t.operation), `<code>${esc(t.operation)}</code>`),
    esc(t.code),
    String(t.seen),
    String(t.retried),
  ]);
  const inconclusive = run.inconclusive.map((i) => [`<code>${esc(i.operation)}</code>`, esc(i.reason)]);
  return `<h2>Transient faults (${transient.length})</h2>
${transient.length ? table(['operation', 'fault', 'seen', 'retried'], transient) : '<p>None.</p>'}
<h2>Inconclusive (${inconclusive.length})</h2>
${inconclusive.length ? table(['operation', 'reason'], inconclusive) : '<p>None.</p>'}`;
}

/** The whole run on one self-contained page. */
export function renderHtml(run: RunRecord): string {
  const h = headline(run);
  const { pairs, groups } = run.coverage;
  const body = `<header><h1>ebs-conformance <span class="badge ${run.verdict}" id="verdict">${run.verdict}</span></h1>
<p class="meta">${esc(runLine(run))}.</p>
<p class="meta">Harness ${esc(run.harness.version)}; spec ${esc(run.spec.apis.join(' + '))} (${run.spec.operations} operations, ${run.spec.rules} rules); ${esc(run.startedAt)} to ${esc(run.finishedAt)} (${seconds(h.durationMs)}).</p></header>
<section class="cards">
${card(String(run.failures.length), 'nonconformances')}
${card(ratio(h.rulesExercised, h.rules), 'rules exercised')}
${card(ratio(pairs.covered, pairs.documented), 'pair state × operation cells')}
${card(ratio(groups.covered, groups.documented), 'group state × operation cells')}
${card(ratio(h.documentedCodesSeen, h.documentedCodes), 'documented error codes seen')}
${card(String(h.docGapRules), 'rules with doc gaps')}
${card(`${h.transientRetried} / ${h.transientSeen}`, 'transient faults retried / seen')}
${card(String(run.inconclusive.length), 'inconclusive')}
</section>
<h2>Nonconformances (${run.failures.length})</h2>
${run.failures.map((f, i) => failureCard(f, i + 1)).join('\n') || '<p>None.</p>'}
${realAccountSection(run)}
${rulesSection(run)}
<h2>Coverage</h2>
<p class="legend">Calls per documented state × operation cell; red: never reached; hatched: outside the documented matrix.</p>
${heatmap('pair', pairs)}
${heatmap('group', groups)}
${stateMachineSection(run)}
${errorCodesSection(run)}
${transitionsSection(run)}
${oracleSection(run)}
${timingsSection(run)}
${faultsSection(run)}`;
  return htmlPage(`ebs-conformance: ${run.verdict}`, body, SCRIPT);
}
