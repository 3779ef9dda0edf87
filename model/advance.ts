import type { LegacyPairStatus } from '../api';
import { settle } from './lifecycle';
import type { Drill, Group, LegacyPair, ModelState, Pair } from './state';

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
  const pairs: Record<string, Pair> = {};
  for (const p of Object.values(state.pairs)) {
    const settled = settle(p, now);
    if (settled) pairs[p.id] = settled;
  }
  const groups: Record<string, Group> = {};
  for (const g of Object.values(state.groups)) {
    const settled = settle(g, now);
    if (settled) groups[g.id] = settled;
  }
  const legacyPairs: Record<string, LegacyPair> = {};
  for (const p of Object.values(state.legacyPairs)) {
    if (p.status === 'deleting') continue;
    legacyPairs[p.id] = { ...p, status: LEGACY_SETTLED[p.status] ?? p.status };
  }
  // A drill finishes cloning (executed) or clearing (gone); one whose resource is gone goes too.
  const drills: Record<string, Drill> = {};
  for (const d of Object.values(state.drills)) {
    if (d.status === 'clearing' || !(pairs[d.ownerId] ?? groups[d.ownerId])) continue;
    drills[d.id] = { ...d, status: 'executed' };
  }
  return { ...state, pairs, groups, legacyPairs, drills };
}
