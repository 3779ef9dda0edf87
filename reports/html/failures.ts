import { diffTexts } from '../diff';
import { escapeMarkup as esc } from '../escape';
import type { Failure, TraceStep } from '../run-record';

/** Bodies as people read them: JSON indented, anything else as it came. */
function readable(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** Expected against received, what differs marked on each side. */
function diffBlock(f: Failure): string {
  const parts = diffTexts(f.expected, f.received);
  const side = (skip: 'added' | 'removed', tag: 'del' | 'ins') =>
    parts
      .filter((p) => p.kind !== skip)
      .map((p) => (p.kind === 'same' ? esc(p.text) : `<${tag}>${esc(p.text)}</${tag}>`))
      .join('');
  return `<div class="why diff"><b>expected</b><pre class="expected">${side('added', 'del')}</pre><b>received</b><pre class="received">${side('removed', 'ins')}</pre></div>`;
}

function stepRow(s: TraceStep, culprit: boolean): string {
  const request = s.request
    ? `<pre>${esc(`${s.request.method} ${s.request.url}`)}${s.request.body ? `\n\n${esc(s.request.body)}` : ''}</pre>`
    : '';
  const response = s.response ? `<pre>${esc(readable(s.response.body))}</pre>` : '<p>no response</p>';
  return `<tr class="${culprit ? 'culprit' : ''}"><td class="n">${s.index + 1}</td><td><code>${esc(s.command)}</code><details${culprit ? ' open' : ''}><summary>request and response</summary>${request}${response}</details></td><td class="n">${s.response?.status ?? '—'}</td><td>${esc(s.expected)}</td><td>${s.rules.map((r) => `<code>${esc(r)}</code>`).join(' ')}</td></tr>`;
}

/** One card per nonconformance: what differed, the shrunk sequence call by call, how to replay it. */
export function failureCard(f: Failure, n: number): string {
  const rows = f.trace.map((s, i) => stepRow(s, i === f.trace.length - 1));
  return `<article class="failure" id="failure-${n}">
<h3>${n}. <span class="badge nonconformant">${esc(f.category)}</span> ${esc(f.title)}</h3>
<div class="why"><b>operation</b><code>${esc(f.operation)}</code><b>rules</b><span>${f.rules.map((r) => `<code>${esc(r)}</code>`).join(' ') || '—'}</span><b>seed</b><span>${f.seed}${f.path ? `, path <code>${esc(f.path)}</code>` : ''}</span><b>replay</b><code>${esc(f.replay)}</code></div>
${diffBlock(f)}
${(f.also ?? []).map((o) => `<p class="also"><span class="badge nonconformant">${esc(o.category)}</span> also: ${esc(o.title)} (${o.rules.map((r) => `<code>${esc(r)}</code>`).join(' ')}): expected ${esc(o.expected)}, received ${esc(o.received)}</p>`).join('\n')}
<table class="trace"><thead><tr><th>#</th><th>call (shrunk sequence, ${f.trace.length} calls)</th><th>HTTP</th><th>allowed</th><th>rules</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</article>`;
}
