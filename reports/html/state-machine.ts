/**
 * The pair and group state machines as the run saw them, one SVG each: a node per settled status
 * (with how many of its documented state × operation cells the run tried), an arrow per
 * transition observed (`observed` in the record: the target did it and the model allowed it).
 * An arrow's width and shade say how often it was taken; its colour says the verdict on its
 * operation: red when a nonconformance of that operation was a state or transition failure,
 * green otherwise. Documented cells never tried show on their status as a red count, since a
 * transition nobody provoked has no arrow to colour.
 */
import { escapeMarkup as esc } from '../escape';
import type { RunRecord, StateCoverage, Transition } from '../run-record';

type Kind = Transition['kind'];

/** Where the statuses the harness settles in sit: the usual flow runs left to right. */
const PLACES: Record<string, readonly [number, number]> = {
  '(none)': [70, 210],
  created: [260, 210],
  normal: [500, 70],
  stopped: [500, 350],
  failovered: [760, 210],
  invalid: [260, 430],
};
const WIDTH = 880;
const R = 42;

const short = (operation: string) =>
  operation.replace(/DiskReplica(Pair|Group)$/, (_m, g: string) => ` ${g}`);

/** The run's verdict on an operation's transitions: failed when a state or transition check did. */
function failedOperations(run: RunRecord): Set<string> {
  return new Set(
    run.failures.filter((f) => f.category === 'state' || f.category === 'transition').map((f) => f.operation),
  );
}

function placeOf(status: string, extra: Map<string, readonly [number, number]>): readonly [number, number] {
  const known = PLACES[status];
  if (known) return known;
  let place = extra.get(status);
  if (!place) {
    place = [560 + extra.size * 150, 500];
    extra.set(status, place);
  }
  return place;
}

/**
 * An arrowhead at (x, y) pointing along (dx, dy). A polygon, not an SVG marker: a marker is
 * referenced with `url(#…)`, and the page keeps to no URL references at all.
 */
function head(x: number, y: number, dx: number, dy: number): string {
  const len = Math.hypot(dx, dy) || 1;
  const [ux, uy] = [dx / len, dy / len];
  const [bx, by] = [x - ux * 9, y - uy * 9];
  const p = (px: number, py: number) => `${px.toFixed(1)},${py.toFixed(1)}`;
  return `${p(x, y)} ${p(bx - uy * 4.5, by + ux * 4.5)} ${p(bx + uy * 4.5, by - ux * 4.5)}`;
}

/** A curved arrow from one node to another, bent by `bend` (several operations between two nodes). */
function arrowPath(from: readonly [number, number], to: readonly [number, number], bend: number) {
  if (from === to) {
    const [x, y] = from;
    const top = y - R - 60 - bend;
    return {
      d: `M${x - 14},${y - R + 2} C${x - 40},${top} ${x + 40},${top} ${x + 14},${y - R + 2}`,
      tip: head(x + 14, y - R + 2, -26, y - R + 2 - top),
      lx: x,
      ly: y - R - 48 - bend,
    };
  }
  const [x1, y1] = from;
  const [x2, y2] = to;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy) || 1;
  const [ux, uy] = [dx / len, dy / len];
  const [sx, sy] = [x1 + ux * R, y1 + uy * R];
  const [ex, ey] = [x2 - ux * R, y2 - uy * R];
  const [cx, cy] = [(sx + ex) / 2 - uy * bend, (sy + ey) / 2 + ux * bend];
  return {
    d: `M${sx.toFixed(1)},${sy.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`,
    tip: head(ex, ey, ex - cx, ey - cy),
    // The label sits on the curve, at its middle.
    lx: (sx + 2 * cx + ex) / 4,
    ly: (sy + 2 * cy + ey) / 4 - 3,
  };
}

/** One state machine: nodes from the coverage matrix and the transitions, arrows from the transitions. */
export function stateMachineSvg(run: RunRecord, kind: Kind, coverage: StateCoverage): string {
  const transitions = run.coverage.transitions.filter((t) => t.kind === kind);
  const failed = failedOperations(run);
  const extra = new Map<string, readonly [number, number]>();
  const statuses = [
    ...new Set(['(none)', ...coverage.states, ...transitions.flatMap((t) => [t.from, t.to])]),
  ];
  for (const s of statuses) placeOf(s, extra);
  const height = extra.size > 0 ? 560 : 490;
  const most = Math.max(1, ...transitions.map((t) => t.hits));
  const seenPairs = new Map<string, number>();
  const arrows = transitions.map((t) => {
    const key = [t.from, t.to].sort().join('|');
    const n = seenPairs.get(key) ?? 0;
    seenPairs.set(key, n + 1);
    const bend = (n % 2 === 0 ? 1 : -1) * (22 + 30 * Math.floor(n / 2)) * (t.from < t.to ? 1 : -1);
    const { d, tip, lx, ly } = arrowPath(
      placeOf(t.from, extra),
      placeOf(t.to, extra),
      t.from === t.to ? n * 14 : bend,
    );
    const verdict = failed.has(t.operation) ? 'failed' : 'held';
    const width = (1 + (3 * t.hits) / most).toFixed(1);
    const title = `${t.from} → ${t.to} by ${t.operation}: ${t.hits} times; ${verdict === 'failed' ? 'a state or transition nonconformance in this operation' : 'no nonconformance'}`;
    return `<g class="edge ${verdict}" data-from="${esc(t.from)}" data-to="${esc(t.to)}" data-operation="${esc(t.operation)}" data-hits="${t.hits}"><title>${esc(title)}</title><path d="${d}" stroke-width="${width}"/><polygon points="${tip}"/><text x="${lx.toFixed(1)}" y="${ly.toFixed(1)}" text-anchor="middle" paint-order="stroke" stroke="#fff" stroke-width="3">${esc(short(t.operation))} ×${t.hits}</text></g>`;
  });
  const nodes = statuses.map((s) => {
    const [x, y] = placeOf(s, extra);
    const cells = coverage.cells.filter((c) => c.state === s && c.documented);
    const missed = cells.filter((c) => c.hits === 0).length;
    const label = cells.length
      ? `<text x="${x}" y="${y + 16}" text-anchor="middle" class="${missed ? 'missed' : 'tried'}">${cells.length - missed}/${cells.length} calls tried</text>`
      : '';
    return `<g class="node${missed ? ' has-missed' : ''}" data-status="${esc(s)}"><title>${esc(s)}${cells.length ? `: ${cells.length - missed} of ${cells.length} documented operations tried here` : ''}</title><circle cx="${x}" cy="${y}" r="${R}"/><text x="${x}" y="${y - 2}" text-anchor="middle" class="status">${esc(s)}</text>${label}</g>`;
  });
  return `<svg class="state-machine" role="img" aria-label="${kind} state machine" viewBox="0 0 ${WIDTH} ${height}" width="100%" style="max-width:${WIDTH}px">${arrows.join('')}${nodes.join('')}</svg>`;
}

export function stateMachineSection(run: RunRecord): string {
  return `<h2 id="state-machines">State machines</h2>
<p class="legend">Each arrow is a transition the run observed, as wide as it was frequent; green: no nonconformance in its operation, red: a state or transition nonconformance in it. Each status shows how many of its documented operations the run tried; a red count means some were never tried.</p>
<h3>Replica pairs</h3>
${stateMachineSvg(run, 'pair', run.coverage.pairs)}
<h3>Replica groups</h3>
${stateMachineSvg(run, 'group', run.coverage.groups)}`;
}
