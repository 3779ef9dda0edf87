/**
 * The documented pair, group and drill state machines (api/state-machines.ts), one SVG each, with
 * what the run did to them: an arrow per status change the documentation allows or the run
 * observed, one label per operation making it. Each label is coloured by coverage and verdict:
 * observed and conformant, observed with a state or transition nonconformance in its operation,
 * documented but never provoked (dashed, grey), or observed but not in the documented table (a
 * gap in the table or a bug of the harness: either way someone should look). An arrow takes
 * the worst colour of its labels; its width says how often it was taken.
 */
import {
  type DocumentedTransition,
  type MachineKind,
  NO_RESOURCE,
  transitionsOf,
} from '../../api/state-machines';
import { escapeMarkup as esc } from '../escape';
import type { RunRecord, StateCoverage } from '../run-record';

/** What the run did to one documented (or observed) transition. */
export type TransitionState = 'held' | 'failed' | 'unprovoked' | 'undocumented';

export interface DrawnTransition {
  readonly from: string;
  readonly to: string;
  readonly operation: string;
  readonly hits: number;
  readonly state: TransitionState;
  readonly documented?: DocumentedTransition;
}

/** The node a deleted resource goes to: drawn apart from `(none)` so deletes do not cross the page. */
const GONE = '(gone)';

/** Where each status sits: creation on the left, replication in the middle, failover on the right. */
const PLACES: Record<string, readonly [number, number]> = {
  [NO_RESOURCE]: [70, 300],
  created: [230, 300],
  create_failed: [70, 470],
  initial_syncing: [400, 90],
  syncing: [640, 90],
  normal: [520, 230],
  manual_syncing: [400, 430],
  stopping: [700, 340],
  stopped: [520, 560],
  stop_failed: [760, 560],
  failovering: [880, 90],
  failovered: [930, 300],
  failover_failed: [1060, 160],
  reprotecting: [960, 520],
  reprotect_failed: [1070, 420],
  invalid: [230, 640],
  deleting: [70, 640],
  delete_failed: [70, 760],
  [GONE]: [380, 760],
  // Drills.
  executing: [330, 160],
  executed: [560, 300],
  execute_failed: [330, 460],
  clearing: [780, 160],
  clear_failed: [780, 460],
};
const R = 38;
/** From how many statuses one operation's arrows into a status go unlabelled while unprovoked. */
const FAN_IN = 6;

const SEVERITY: readonly TransitionState[] = ['failed', 'undocumented', 'held', 'unprovoked'];

const short = (operation: string) =>
  operation.replace(/DiskReplica(Pair|Group)$/, (_m, g: string) => ` ${g}`).replace(/Drill$/, ' drill');

/** The operations a state or transition nonconformance was found in. */
function failedOperations(run: RunRecord): Set<string> {
  return new Set(
    run.failures.filter((f) => f.category === 'state' || f.category === 'transition').map((f) => f.operation),
  );
}

/**
 * The status changes a run observed on one machine. Pairs and groups come from the record's
 * transitions. A drill's record keeps the path it settled along, not the status it left: a drill
 * the model let the run start did not exist, one it let the run clear was executed.
 */
function observedOf(run: RunRecord, kind: MachineKind) {
  if (kind !== 'drill') return run.coverage.transitions.filter((t) => t.kind === kind);
  return (run.observedPaths ?? [])
    .filter((p) => p.kind === 'drill')
    .map((p) => {
      const clears = /^Clear/.test(p.operation);
      return {
        kind,
        from: clears ? 'executed' : NO_RESOURCE,
        to: clears ? NO_RESOURCE : 'executed',
        operation: p.operation,
        hits: p.count,
      };
    });
}

/** The documented transitions of one machine, each with what the run did to it, then what the run did beyond them. */
export function drawnTransitions(run: RunRecord, kind: MachineKind): DrawnTransition[] {
  const failed = failedOperations(run);
  const observed = new Map<string, number>();
  for (const t of observedOf(run, kind)) {
    const key = `${t.from}|${t.to}|${t.operation}`;
    observed.set(key, (observed.get(key) ?? 0) + t.hits);
  }
  const drawn: DrawnTransition[] = transitionsOf(kind).map((d) => {
    const key = `${d.from}|${d.to}|${d.operation}`;
    const hits = observed.get(key) ?? 0;
    observed.delete(key);
    const state = hits === 0 ? 'unprovoked' : failed.has(d.operation) ? 'failed' : 'held';
    return { from: d.from, to: d.to, operation: d.operation, hits, state, documented: d };
  });
  for (const [key, hits] of observed) {
    const [from = '', to = '', operation = ''] = key.split('|');
    drawn.push({ from, to, operation, hits, state: failed.has(operation) ? 'failed' : 'undocumented' });
  }
  return drawn;
}

function placeOf(status: string, extra: Map<string, readonly [number, number]>): readonly [number, number] {
  const known = PLACES[status];
  if (known) return known;
  let place = extra.get(status);
  if (!place) {
    place = [620 + extra.size * 130, 860];
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

/** A curved arrow from one node to another, bent by `bend` (arrows both ways between two nodes). */
function arrowPath(from: readonly [number, number], to: readonly [number, number], bend: number) {
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
    // The labels sit on the curve, at its middle.
    lx: (sx + 2 * cx + ex) / 4,
    ly: (sy + 2 * cy + ey) / 4,
  };
}

const worst = (states: readonly TransitionState[]): TransitionState =>
  SEVERITY.find((s) => s !== 'unprovoked' && states.includes(s)) ?? 'unprovoked';

function describeState(t: DrawnTransition): string {
  switch (t.state) {
    case 'held':
      return `observed ${t.hits} times, no state or transition nonconformance in ${t.operation}`;
    case 'failed':
      return `observed ${t.hits} times, with a state or transition nonconformance in ${t.operation}`;
    case 'unprovoked':
      return 'documented, never provoked in this run';
    case 'undocumented':
      return `observed ${t.hits} times, but not in the documented table`;
  }
}

/** One machine: a node per status, an arrow per pair of statuses with a label per operation. */
export function stateMachineSvg(run: RunRecord, kind: MachineKind, coverage?: StateCoverage): string {
  const drawn = drawnTransitions(run, kind).map((t) =>
    t.to === NO_RESOURCE && t.from !== NO_RESOURCE ? { ...t, to: GONE } : t,
  );
  const extra = new Map<string, readonly [number, number]>();
  const statuses = [...new Set([...(coverage?.states ?? []), ...drawn.flatMap((t) => [t.from, t.to])])];
  for (const s of statuses) placeOf(s, extra);
  const xs = statuses.map((s) => placeOf(s, extra)[0]);
  const ys = statuses.map((s) => placeOf(s, extra)[1]);
  const [left, top] = [Math.min(...xs) - R - 40, Math.min(...ys) - R - 30];
  const [width, height] = [Math.max(...xs) + R + 40 - left, Math.max(...ys) + R + 30 - top];
  const most = Math.max(1, ...drawn.map((t) => t.hits));
  // An operation leading into one status from many others (DeleteDisk into invalid) would
  // write its name along every arrow: only the arrows it was observed on carry it.
  const fanIn = new Map<string, number>();
  for (const t of drawn) fanIn.set(`${t.to}|${t.operation}`, (fanIn.get(`${t.to}|${t.operation}`) ?? 0) + 1);
  const labelled = (t: DrawnTransition) => t.hits > 0 || (fanIn.get(`${t.to}|${t.operation}`) ?? 0) < FAN_IN;
  const byPair = new Map<string, DrawnTransition[]>();
  for (const t of drawn) {
    const key = `${t.from}|${t.to}`;
    byPair.set(key, [...(byPair.get(key) ?? []), t]);
  }
  const arrows = [...byPair.values()].map((ops) => {
    const [{ from, to }] = ops as [DrawnTransition];
    const back = byPair.has(`${to}|${from}`);
    const { d, tip, lx, ly } = arrowPath(placeOf(from, extra), placeOf(to, extra), back ? 40 : 10);
    const state = worst(ops.map((t) => t.state));
    const hits = ops.reduce((n, t) => n + t.hits, 0);
    const width = hits === 0 ? '1.2' : (1.2 + (3 * hits) / most).toFixed(1);
    const title = ops.map((t) => `${from} → ${to} by ${t.operation}: ${describeState(t)}`).join('\n');
    const shown = ops.filter(labelled);
    const start = ly - ((shown.length - 1) * 11) / 2;
    const labels = shown
      .map(
        (t, i) =>
          `<text x="${lx.toFixed(1)}" y="${(start + i * 11 + 3).toFixed(1)}" text-anchor="middle" class="op ${t.state}" data-operation="${esc(t.operation)}" data-hits="${t.hits}" paint-order="stroke" stroke="#fff" stroke-width="3">${esc(short(t.operation))}${t.hits ? ` ×${t.hits}` : ''}</text>`,
      )
      .join('');
    return `<g class="edge ${state}" data-from="${esc(from)}" data-to="${esc(to)}"><title>${esc(title)}</title><path d="${d}" stroke-width="${width}"/><polygon points="${tip}"/>${labels}</g>`;
  });
  const nodes = statuses.map((s) => {
    const [x, y] = placeOf(s, extra);
    const cells = coverage?.cells.filter((c) => c.state === s && c.documented) ?? [];
    const missed = cells.filter((c) => c.hits === 0).length;
    const label = cells.length
      ? `<text x="${x}" y="${y + 15}" text-anchor="middle" class="${missed ? 'missed' : 'tried'}">${cells.length - missed}/${cells.length} calls tried</text>`
      : '';
    const name = s === GONE ? 'deleted (gone)' : s;
    return `<g class="node${missed ? ' has-missed' : ''}" data-status="${esc(s)}"><title>${esc(name)}${cells.length ? `: ${cells.length - missed} of ${cells.length} documented operations tried here` : ''}</title><circle cx="${x}" cy="${y}" r="${R}"/><text x="${x}" y="${y - 2}" text-anchor="middle" class="status">${esc(s)}</text>${label}</g>`;
  });
  return `<svg class="state-machine" role="img" aria-label="${kind} state machine" viewBox="${left} ${top} ${width} ${height}" width="100%" style="max-width:${width}px">${arrows.join('')}${nodes.join('')}</svg>`;
}

/** The documented transitions the run never provoked, and those it observed beyond the table, as text. */
function gapsList(run: RunRecord, kind: MachineKind): string {
  const drawn = drawnTransitions(run, kind);
  const line = (t: DrawnTransition) => `<li>${esc(t.from)} → ${esc(t.to)} by ${esc(t.operation)}</li>`;
  const unprovoked = drawn.filter((t) => t.state === 'unprovoked');
  const beyond = drawn.filter((t) => !t.documented);
  return `<details class="transitions"><summary>${drawn.length - unprovoked.length - beyond.length} of ${drawn.length - beyond.length} documented transitions observed${beyond.length ? `; ${beyond.length} observed outside the documented table` : ''}</summary>${beyond.length ? `<p>Observed, not documented:</p><ul>${beyond.map(line).join('')}</ul>` : ''}<p>Documented, never provoked:</p><ul>${unprovoked.map(line).join('')}</ul></details>`;
}

export function stateMachineSection(run: RunRecord): string {
  return `<h2 id="state-machines">State machines</h2>
<p class="legend">The documented state machines, with an arrow for every status change an operation may make and a label per operation. <span class="op held">Green</span>: observed, no state or transition nonconformance in that operation; <span class="op failed">red</span>: observed, with one; <span class="op unprovoked">grey, dashed</span>: documented, never provoked in this run; <span class="op undocumented">purple</span>: observed but not in the documented table. An arrow is as wide as it was frequent and takes the worst colour of its labels. Where one operation leads into a status from six or more others (DeleteDisk into invalid, a failover into failovered), only the arrows it was observed on are labelled; the others say so when pointed at, and the list below each picture names them all. Each status shows how many of its documented operations the run tried; a red count means some were never tried.</p>
<h3>Replica pairs</h3>
${stateMachineSvg(run, 'pair', run.coverage.pairs)}
${gapsList(run, 'pair')}
<h3>Replica groups</h3>
${stateMachineSvg(run, 'group', run.coverage.groups)}
${gapsList(run, 'group')}
<h3>Drills (pair and group)</h3>
${stateMachineSvg(run, 'drill')}
${gapsList(run, 'drill')}`;
}
