import { LISTINGS, listingRows } from '../../api/resources';
import { DRILL_CALLS } from '../../api/rules/drills';
import type { CheckFailure } from './check';
import { show } from './check';

/** Where each listing keeps its rows and the row's ID (api/resources.ts). */
const ROWS = new Map(LISTINGS.map((l) => [l.action, l]));

/**
 * A drill's own listings (no resource listing of api/resources.ts: a drill is listed only under
 * its pair or group): without its status a settle read took `clearing` for settled, and on a
 * clock of its own the next drill start met the drill still there.
 */
const DRILL_LISTINGS: ReadonlySet<string> = new Set(Object.values(DRILL_CALLS).map((calls) => calls.list));

/** Where a listing answer keeps its rows and their ID; undefined for other answers. */
function rowsOf(action: string, body: Readonly<Record<string, unknown>>) {
  const where = ROWS.get(action);
  if (where) return { rows: listingRows(where, body), idField: where.idField };
  if (!DRILL_LISTINGS.has(action)) return undefined;
  const rows = Array.isArray(body.Drills) ? (body.Drills as Readonly<Record<string, unknown>>[]) : undefined;
  return { rows, idField: 'DrillId' };
}

/** The status a listing shows for a resource it does not list. */
export const ABSENT = '(not listed)';

/**
 * The statuses one resource may show after an accepted change, in order: any of `transient`
 * on the way, then one of `finals`; once settled, only `finals` and `settledAlso` (an active
 * pair caught in a later periodic sync). `ABSENT` among the finals: the change removes it.
 */
export interface AllowedPath {
  readonly kind: 'pair' | 'group' | 'disk' | 'drill';
  readonly id: string;
  /** The accepted change, and the rules that decided its transition. */
  readonly operation: string;
  readonly rules: readonly string[];
  readonly transient: readonly string[];
  readonly finals: readonly string[];
  readonly settledAlso: readonly string[];
}

/** The status of `id` in a listing answer; undefined when the answer holds no rows to look in. */
export function listedStatus(action: string, body: Readonly<Record<string, unknown>>, id: string) {
  const { rows, idField } = rowsOf(action, body) ?? {};
  if (!rows) return undefined;
  const row = rows.find((r) => r[idField as string] === id);
  return row ? String(row.Status) : ABSENT;
}

export const isFinal = (path: AllowedPath, status: string) => path.finals.includes(status);

/** Reached a final status already (later statuses are then judged against the settled ones). */
export const hasSettled = (path: AllowedPath, seen: readonly string[]) => seen.some((s) => isFinal(path, s));

/** The model's path as the report prints it: `stopping → stopped`. */
export const showPath = (statuses: readonly string[]) => statuses.join(' → ') || '—';
export const modelPath = (path: AllowedPath) =>
  `${path.transient.length ? `${path.transient.join(' | ')} → ` : ''}${path.finals.join(' | ')}`;

/**
 * Each status a resource shows after an accepted change lies on the path the model allows
 * (PROTO.DESCRIBE_IS_PROJECTION and the transition's own rules): a transient status of this
 * change, then a final one; never a status from elsewhere in the life cycle, never a step
 * back once settled. A resource not listed is the listing checks' business, not a status.
 */
export function transient_status_conformance(
  path: AllowedPath,
  /** Statuses seen so far, oldest first. */
  seen: readonly string[],
  status: string,
  action: string,
): CheckFailure | undefined {
  if (status === ABSENT) return undefined;
  // A change that leaves the resource's status where it stood (a tag, a rename: no transient
  // status) finds it settled: a normal pair may be in a periodic sync from the first read on.
  const settled = path.transient.length === 0 || hasSettled(path, seen);
  const allowed = settled ? [...path.finals, ...path.settledAlso] : [...path.transient, ...path.finals];
  if (allowed.includes(status)) return undefined;
  return {
    check: 'transient_status_conformance',
    category: 'transition',
    title: `${path.id} shows ${show(status)} after ${path.operation}${settled ? ' had settled' : ''}: off the documented path`,
    operation: action,
    rules: [...new Set([...path.rules, 'PROTO.DESCRIBE_IS_PROJECTION'])],
    expected: `${path.kind} ${path.id} on the path ${modelPath(path)}`,
    received: `${showPath([...seen, status])}`,
  };
}
