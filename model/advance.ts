import type { LegacyPairStatus } from '../api';
import { settle } from './lifecycle';
import type { ModelState } from './state';

const LEGACY_SETTLED: Partial<Record<LegacyPairStatus, LegacyPairStatus>> = {
  starting: 'active',
  pausing: 'paused',
};

/**
 * Time passes: every transient status settles where it goes when nothing fails (creating ->
 * created, a start -> normal, a one-shot -> stopped, failovering -> failovered, reprotecting ->
 * stopped, deleting -> gone). The model cannot know how long that takes, so `advance` expresses
 * the state after settling; `now` stamps the recover points it completes.
 */
export function advance(state: ModelState, now: number): ModelState {
  const pairs = settledAll(state.pairs, (p) => settle(p, now));
  const groups = settledAll(state.groups, (g) => settle(g, now));
  const legacyPairs = settledAll(state.legacyPairs, (p) => {
    if (p.status === 'deleting') return undefined;
    const status = LEGACY_SETTLED[p.status] ?? p.status;
    return status === p.status ? p : { ...p, status };
  });
  // A drill finishes cloning (executed) or clearing (gone); one whose resource is gone goes too.
  const drills = settledAll(state.drills, (d) => {
    if (d.status === 'clearing' || !(pairs[d.ownerId] ?? groups[d.ownerId])) return undefined;
    return d.status === 'executed' ? d : { ...d, status: 'executed' as const };
  });
  if (
    pairs === state.pairs &&
    groups === state.groups &&
    legacyPairs === state.legacyPairs &&
    drills === state.drills
  )
    return state;
  return { ...state, pairs, groups, legacyPairs, drills };
}

/**
 * Each record settled (undefined: gone). A collection nothing in which moves is kept as it was,
 * the same object: most calls change nothing of most collections, and what is derived from a
 * collection (state.ts, `derived`) is then still known.
 */
function settledAll<T extends { readonly id: string }>(
  all: Readonly<Record<string, T>>,
  settleOne: (t: T) => T | undefined,
): Readonly<Record<string, T>> {
  let out: Record<string, T> | undefined;
  const ids = Object.keys(all);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string;
    const t = all[id] as T;
    const settled = settleOne(t);
    if (out === undefined) {
      if (settled === t) continue;
      // The first that moves: the ones before it are kept as they were.
      out = {};
      for (let j = 0; j < i; j++) out[ids[j] as string] = all[ids[j] as string] as T;
    }
    if (settled) out[t.id] = settled;
  }
  return out ?? all;
}
