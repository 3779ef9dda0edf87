/**
 * What one sequence may hold alive on a billed account: half the real target's default caps
 * (adapters/real-guard.ts), so the two lanes of a night fit in them together, and the cleanup
 * after each sequence (adapters/real-cleanup.ts) frees its share for the next. A create that
 * would take the sequence past it is not drawn: the sequence works with what it holds. The budget
 * reads only the model and the world's `billed`, which a cassette's replay keeps, so a real run
 * and its replay draw the same calls. Targets of our own have no budget.
 */
import { DEFAULT_REAL_CAPS } from '../adapters/real-guard';
import { createdBy } from '../api/resources';
import type { ModelState } from '../model';
import type { Call } from '../model/call';

export const SEQUENCE_BUDGET = {
  disks: Math.floor(DEFAULT_REAL_CAPS.disks / 2),
  gib: Math.floor(DEFAULT_REAL_CAPS.gib / 2),
  pairs: Math.floor(DEFAULT_REAL_CAPS.pairs / 2),
  groups: Math.floor(DEFAULT_REAL_CAPS.groups / 2),
} as const;

/** Whether `call` keeps the sequence within its budget (always, on a target that costs nothing). */
export function withinBudget(state: ModelState, call: Call): boolean {
  if (!state.world.billed) return true;
  const kind = createdBy(call.product, call.action);
  if (kind === 'disk') {
    const disks = Object.values(state.disks);
    const gib = disks.reduce((sum, d) => sum + d.size, 0) + (Number(call.params.Size) || 0);
    return disks.length < SEQUENCE_BUDGET.disks && gib <= SEQUENCE_BUDGET.gib;
  }
  if (kind === 'pair' || kind === 'legacy-pair')
    return Object.keys(state.pairs).length + Object.keys(state.legacyPairs).length < SEQUENCE_BUDGET.pairs;
  if (kind === 'group') return Object.keys(state.groups).length < SEQUENCE_BUDGET.groups;
  return true;
}
