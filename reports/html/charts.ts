import { escapeMarkup as esc } from '../escape';
import type { LatencyStats } from '../latency';

export interface Series extends Pick<LatencyStats, 'count' | 'p50' | 'p90' | 'p99' | 'max'> {
  readonly label: string;
}

const WIDTH = 900;
const LABEL = 330;
const RIGHT = 70;
const ROW = 20;
const TOP = 22;

/** Tick values 1-2-5 per decade between lo and hi. */
function ticks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++)
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= lo && v <= hi) out.push(v);
    }
  return out;
}

const tickLabel = (ms: number) => (ms >= 1000 ? `${ms / 1000} s` : `${Number(ms.toPrecision(3))} ms`);

/**
 * Latency per series on a log scale (one row each): a line from p50 to p99, dots at p50, p90 and
 * p99, the sample count at the right. Inline SVG, so it needs no script and no network.
 */
export function latencyChart(title: string, series: readonly Series[]): string {
  if (series.length === 0) return `<p>No ${esc(title.toLowerCase())} recorded.</p>`;
  const lo = Math.max(0.01, Math.min(...series.map((s) => s.p50)) / 1.5);
  const hi = Math.max(lo * 10, Math.max(...series.map((s) => s.p99)) * 1.2);
  const plot = WIDTH - LABEL - RIGHT;
  const x = (ms: number) =>
    LABEL + (plot * (Math.log(Math.max(ms, lo)) - Math.log(lo))) / (Math.log(hi) - Math.log(lo));
  const height = TOP + ROW * series.length + 8;
  const grid = ticks(lo, hi).map(
    (t) =>
      `<line class="axis" x1="${x(t).toFixed(1)}" y1="${TOP - 6}" x2="${x(t).toFixed(1)}" y2="${height - 6}"/><text x="${x(t).toFixed(1)}" y="12" text-anchor="middle">${tickLabel(t)}</text>`,
  );
  const rows = series.map((s, i) => {
    const y = TOP + ROW * i + ROW / 2;
    const dot = (cls: string, v: number) =>
      `<circle class="${cls}" cx="${x(v).toFixed(1)}" cy="${y}" r="4"><title>${cls} ${v} ms</title></circle>`;
    return `<g><title>${esc(s.label)}: p50 ${s.p50} ms, p90 ${s.p90} ms, p99 ${s.p99} ms, max ${s.max} ms, ${s.count} samples</title><text x="${LABEL - 8}" y="${y + 4}" text-anchor="end">${esc(s.label)}</text><line class="range" x1="${x(s.p50).toFixed(1)}" y1="${y}" x2="${x(s.p99).toFixed(1)}" y2="${y}"/>${dot('p50', s.p50)}${dot('p90', s.p90)}${dot('p99', s.p99)}<text x="${WIDTH - RIGHT + 8}" y="${y + 4}">n=${s.count}</text></g>`;
  });
  return `<figure><svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">${grid.join('')}${rows.join('')}</svg>
<figcaption class="legend">${esc(title)}, log scale: <svg width="10" height="10"><circle class="p50" cx="5" cy="5" r="4"/></svg> p50 <svg width="10" height="10"><circle class="p90" cx="5" cy="5" r="4"/></svg> p90 <svg width="10" height="10"><circle class="p99" cx="5" cy="5" r="4"/></svg> p99</figcaption></figure>`;
}
