import { escapeMarkup as esc } from '../escape';
import type { RunRecord, SweptResource } from '../run-record';
import { table } from './page';

const row = (r: SweptResource, what: string) => [
  what,
  esc(r.kind),
  `<code>${esc(r.id)}</code>`,
  esc(r.region),
  esc(r.status),
];

/** What a real run created, held and left, by ID (absent for other targets). */
export function realAccountSection(run: RunRecord): string {
  const real = run.real;
  if (!real) return '';
  const { caps, created, peakLive, cleanup } = real;
  const sizes = (r: typeof created) =>
    `${r.disks} disks (${r.gib} GiB), ${r.pairs} pairs, ${r.groups} groups`;
  return `<h2 id="real-account">Real account</h2>
<p class="meta">Run <code>${esc(real.runId)}</code>: ${real.calls} calls${real.stopped ? `; stopped: ${esc(real.stopped)}` : ''}. Caps, alive at once: ${caps.disks} disks, ${caps.gib} GiB, ${caps.pairs} pairs, ${caps.groups} groups; in all: ${caps.calls} calls, ${caps.minutes} min.</p>
${table(
  ['', 'resources'],
  [
    ['created in all', sizes(created)],
    ['most alive at once', sizes(peakLive)],
  ],
)}
${betweenSequences(real.betweenSequences)}
<p>Cleanup: <b class="cleanup ${esc(cleanup.result)}">${esc(cleanup.result)}</b>, ${cleanup.removed.length} removed, ${cleanup.left.length} left, ${cleanup.calls} calls${cleanup.error ? `; ${esc(cleanup.error)}` : ''}${cleanup.again ? `. Finish it: <code>${esc(cleanup.again)}</code>` : ''}.</p>
${
  cleanup.removed.length + cleanup.left.length > 0
    ? table(
        ['', 'kind', 'ID', 'region', 'status'],
        [...cleanup.left.map((r) => row(r, 'left')), ...cleanup.removed.map((r) => row(r, 'removed'))],
      )
    : ''
}`;
}

/** The cleanups after each sequence: totals, what each that left something left, what they removed. */
function betweenSequences(between: NonNullable<RunRecord['real']>['betweenSequences']): string {
  if (!between) return '';
  const failed = between.failures.flatMap((f) => {
    const what = `left after sequence ${f.lane}.${f.sequence}`;
    if (f.left.length > 0) return f.left.map((r) => row(r, what));
    return [[esc(what), '', `<code>${esc(f.held.join(', '))}</code>`, '', esc(f.error ?? '')]];
  });
  const rows = [...failed, ...between.removed.map((r) => row(r, 'removed after its sequence'))];
  return `<p>After each sequence: ${between.sequences} cleaned up, ${between.removed.length} removed, ${between.calls} calls, ${between.failures.length} incomplete.</p>
${rows.length > 0 ? table(['', 'kind', 'ID', 'region', 'status'], rows) : ''}`;
}
