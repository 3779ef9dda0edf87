import { escapeMarkup as esc } from '../escape';
import { ratio } from '../figures';
import type { StateCoverage } from '../run-record';

/** Green, darker with more hits (log scale): a cell hit once is visible, a hot cell does not drown the rest. */
function shade(hits: number, most: number): string {
  const t = most <= 1 ? 1 : Math.log(hits) / Math.log(most);
  const lightness = Math.round(88 - 50 * t);
  return `background:hsl(140 50% ${lightness}%);color:${lightness < 55 ? '#fff' : '#1d232a'}`;
}

/**
 * A state × operation heatmap: documented cells in green by hits, documented cells never hit in
 * red, cells outside the documented matrix hatched (shown when hit, not counted as coverage).
 */
export function heatmap(title: string, m: StateCoverage): string {
  const states = [...new Set([...m.states, ...m.cells.map((c) => c.state)])];
  const ops = [...new Set([...m.operations, ...m.cells.map((c) => c.operation)])];
  const byKey = new Map(m.cells.map((c) => [`${c.state}\u0000${c.operation}`, c]));
  const most = Math.max(1, ...m.cells.map((c) => c.hits));
  const head = `<tr><th>${esc(title)} status</th>${ops.map((o) => `<th class="op">${esc(o)}</th>`).join('')}</tr>`;
  const rows = states.map((s) => {
    const cells = ops.map((o) => {
      const c = byKey.get(`${s}\u0000${o}`);
      const tip = `${s} × ${o}: ${c?.hits ?? 0} call(s)${c?.documented ? '' : ', outside the documented matrix'}`;
      if (!c?.documented) return `<td class="off" title="${esc(tip)}">${c?.hits || ''}</td>`;
      if (c.hits === 0) return `<td class="miss" title="${esc(tip)}">0</td>`;
      return `<td style="${shade(c.hits, most)}" title="${esc(tip)}">${c.hits}</td>`;
    });
    return `<tr><th>${esc(s)}</th>${cells.join('')}</tr>`;
  });
  return `<h3>${esc(title)}s: ${ratio(m.covered, m.documented)} documented cells covered</h3>
<table class="heat" data-kind="${esc(title)}">${head}${rows.join('')}</table>`;
}
