import { caseLabel, depthReach } from '../depth';
import { escapeMarkup as esc } from '../escape';
import { ruleStatus } from '../figures';
import type { RunRecord } from '../run-record';
import { docLink, ruleDocUrl } from './doc-links';

const codeList = (codes: Readonly<Record<string, number>>, cls: string) =>
  Object.entries(codes)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `<span class="chip ${cls}">${esc(code)} ×${n}</span>`)
    .join(' ');

/** Every documented rule with its counts; the page script filters the rows by text and status. */
export function rulesSection(run: RunRecord): string {
  const rows = run.rules.map((r) => {
    const status = ruleStatus(r);
    const gap = Object.keys(r.docGaps).length > 0;
    return `<tr class="${status}" data-status="${status}" data-gap="${gap ? 1 : 0}"><td>${docLink(ruleDocUrl(r.id), `<code>${esc(r.id)}</code>`, 'the documentation this rule is written from')}</td><td>${esc(status)}</td><td>${esc(r.statement)}</td><td class="n">${r.accepted}</td><td class="n">${r.refused}</td><td class="n">${r.violations}</td><td>${esc(caseLabel(r))}</td><td>${r.meant === undefined ? '' : r.meant ? 'meant' : 'left to deeper'}</td><td>${codeList(r.observedCodes, 'seen')}</td><td>${codeList(r.docGaps, 'undoc')}</td></tr>`;
  });
  const d = depthReach(run);
  const depth = d.depth
    ? `Depth ${d.depth.name} (${d.depth.runs} sequences of at most ${d.depth.maxCommands} commands) is meant to reach ${d.meant} of ${run.rules.length} rules${d.depth.leaves ? ` (it leaves ${d.depth.leaves} to --depth deep)` : ''}, and reached ${d.meantReached}.`
    : `No depth was given; ${d.meantReached} of ${d.meant} rules were reached.`;
  return `<h2 id="rules-heading">Rules</h2>
<p class="legend" id="depth-reach">${esc(depth)} ${d.bothCases} rules were judged in both cases, ${d.oneSided} have one documented case only, ${d.missingCase.length} miss one of their two cases.</p>
<p class="legend">Accepting / refusing: calls where the model said the rule lets the call through or refuses it. Cases: both, the one case the docs give (accept only, refuse only), or the documented case no call reached yet. Doc gaps: codes answered where the documentation names no code for the condition.</p>
<div class="filters"><input id="rule-filter" type="search" placeholder="filter rules: ID, words of the statement, an error code" aria-label="filter rules">
<select id="rule-status" aria-label="rule status"><option value="all">all</option><option value="violated">violated</option><option value="held">held</option><option value="not-exercised">not exercised</option><option value="doc-gap">with doc gaps</option></select>
<span id="rule-shown" class="legend"></span></div>
<table id="rules"><thead><tr><th>rule</th><th>status</th><th>statement</th><th>accepting</th><th>refusing</th><th>violations</th><th>cases</th><th>this depth</th><th>codes seen</th><th>doc gaps</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`;
}
