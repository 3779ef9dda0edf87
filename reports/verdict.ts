import type { Verdict } from './run-record';

/**
 * How bad a verdict is, for merging shards: a nonconformance found anywhere is a finding that
 * stands whatever else happened; a harness error outranks "inconclusive" because it means the
 * harness itself must be fixed before the run can be trusted.
 */
const SEVERITY: Record<Verdict, number> = {
  conformant: 0,
  inconclusive: 1,
  interrupted: 1,
  'harness-error': 2,
  nonconformant: 3,
};

export const worstVerdict = (verdicts: readonly Verdict[]): Verdict =>
  verdicts.reduce<Verdict>((worst, v) => (SEVERITY[v] > SEVERITY[worst] ? v : worst), 'conformant');

/** The verdict of one run from what it found: the engine's (properties/events.ts). */
export { verdictOf } from '../properties/events';
