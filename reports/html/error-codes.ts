import { escapeMarkup as esc } from '../escape';
import { headline, ratio } from '../figures';
import type { ErrorCodeCoverage, RunRecord } from '../run-record';
import { docLink, operationDocUrl, ruleDocUrl } from './doc-links';

const chips = (codes: readonly ErrorCodeCoverage[], cls: string, counted: boolean) =>
  codes
    .map((c) => `<span class="chip ${cls}">${esc(c.code)}${counted ? ` ×${c.hits}` : ''}</span>`)
    .join(' ');

/**
 * The error-code matrix, one row per operation: documented codes the target answered, documented
 * codes never provoked, and codes the target answered that the operation's page does not list;
 * then the rules whose condition has no documented code, with what the target chose.
 */
export function errorCodesSection(run: RunRecord): string {
  const byOp = new Map<string, ErrorCodeCoverage[]>();
  for (const c of run.coverage.errorCodes) byOp.set(c.operation, [...(byOp.get(c.operation) ?? []), c]);
  const rows = [...byOp].map(([op, codes]) => {
    const seen = codes.filter((c) => c.documented && c.hits > 0);
    const unseen = codes.filter((c) => c.documented && c.hits === 0);
    const undoc = codes.filter((c) => !c.documented);
    return `<tr data-operation="${esc(op)}"><td>${docLink(operationDocUrl(op), `<code>${esc(op)}</code>`)}</td><td>${chips(seen, 'seen', true)}</td><td>${unseen.length ? `<details><summary>${unseen.length} not seen</summary>${chips(unseen, 'unseen', false)}</details>` : ''}</td><td>${chips(undoc, 'undoc', true)}</td></tr>`;
  });
  const gaps = run.rules
    .filter((r) => Object.keys(r.docGaps).length > 0)
    .map(
      (r) =>
        `<tr><td>${docLink(ruleDocUrl(r.id), `<code>${esc(r.id)}</code>`)}</td><td>${Object.entries(r.docGaps)
          .map(([code, n]) => `<span class="chip undoc">${esc(code)} ×${n}</span>`)
          .join(' ')}</td></tr>`,
    );
  const h = headline(run);
  return `<h2>Error codes</h2>
<p>Documented codes seen: ${ratio(h.documentedCodesSeen, h.documentedCodes)}; undocumented codes seen: ${h.undocumentedCodesSeen}.</p>
<table id="error-codes"><thead><tr><th>operation</th><th>documented, seen</th><th>documented, not seen</th><th>seen, not documented</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<h3>Doc gaps (${gaps.length})</h3>
${gaps.length ? `<p class="legend">Conditions the documentation gives no code for: the codes the target chose.</p><table><tr><th>rule</th><th>codes answered</th></tr>${gaps.join('')}</table>` : '<p>None observed.</p>'}`;
}
