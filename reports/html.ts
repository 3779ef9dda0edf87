import { escapeMarkup as esc } from './escape';
import { failureText } from './junit';
import type { RunRecord } from './run-record';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1d232a}
h1 span{padding:.1rem .5rem;border-radius:4px;color:#fff}
.conformant{background:#1a7f37}.nonconformant{background:#cf222e}.inconclusive{background:#9a6700}.harness-error{background:#6e7781}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #d0d7de;padding:.2rem .5rem;text-align:left}
th{background:#f6f8fa}pre{background:#f6f8fa;padding:.75rem;overflow:auto}.bad{color:#cf222e}.none{color:#6e7781}`;

function ruleRows(run: RunRecord): string {
  return run.rules
    .map((r) => {
      const exercised = r.accepted + r.refused;
      const cls = r.violations > 0 ? 'bad' : exercised === 0 ? 'none' : '';
      const codes = Object.entries(r.observedCodes)
        .map(([c, n]) => `${esc(c)}&nbsp;×${n}`)
        .join(', ');
      return `<tr class="${cls}"><td>${esc(r.id)}</td><td>${esc(r.statement)}</td><td>${r.accepted}</td><td>${r.refused}</td><td>${r.violations}</td><td>${codes}</td></tr>`;
    })
    .join('\n');
}

function coverageTable(title: string, cells: RunRecord['coverage']['pairs']['cells']): string {
  const states = [...new Set(cells.map((c) => c.state))].sort();
  const ops = [...new Set(cells.map((c) => c.operation))].sort();
  const hit = new Map(cells.map((c) => [`${c.state}|${c.operation}`, c.hits]));
  const head = `<tr><th>${esc(title)}</th>${ops.map((o) => `<th>${esc(o)}</th>`).join('')}</tr>`;
  const rows = states.map(
    (s) => `<tr><th>${esc(s)}</th>${ops.map((o) => `<td>${hit.get(`${s}|${o}`) ?? ''}</td>`).join('')}</tr>`,
  );
  return `<table>${head}${rows.join('')}</table>`;
}

/** One self-contained page: no scripts or styles from the network. */
export function renderHtml(run: RunRecord): string {
  const failures = run.failures
    .map((f) => `<h3>${esc(f.category)}: ${esc(f.title)}</h3><pre>${esc(failureText(f))}</pre>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ebs-conformance: ${run.verdict}</title><style>${STYLE}</style></head>
<body>
<h1>ebs-conformance <span class="${run.verdict}">${run.verdict}</span></h1>
<p>Target <code>${esc(run.target.kind)}</code>, seed ${run.seed}, ${run.runs} sequences, ${run.steps} calls, ${esc(run.startedAt)} to ${esc(run.finishedAt)}.</p>
<h2>Nonconformances (${run.failures.length})</h2>
${failures || '<p>None.</p>'}
<h2>Rules</h2>
<table><tr><th>rule</th><th>statement</th><th>accepted</th><th>refused</th><th>violations</th><th>codes seen</th></tr>
${ruleRows(run)}
</table>
<h2>Coverage</h2>
${coverageTable('pair state', run.coverage.pairs.cells)}
${coverageTable('group state', run.coverage.groups.cells)}
</body></html>
`;
}
