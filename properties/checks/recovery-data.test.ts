import { describe, expect, it } from 'vitest';
import { findOperation } from '../../api';
import { initialState } from '../../model';
import { type Bound, succeed } from '../../model/expectation';
import { defaultWorld } from '../../model/world';
import type { CheckContext } from './check';
import { DATE_TOLERANCE_S, recovery_bounds_conformance, recovery_data_conformance } from './recovery-data';

// Recovery data judged at the time the answer states (its Date header) where the harness does not
// own the target's clock: a region whose clock is far from this machine's is judged by its own,
// a few seconds between the service's clock and its gateway's are forgiven, a stale point is not.

const state = initialState(defaultWorld());
const WITHIN = 'PAIR.RECOVER_POINT.WITHIN_RPO';
/** The answer's Date, in seconds: an hour ahead of anything this machine's clock says. */
const DATE_S = 1_800_000_000;
const operation = (action: string) => {
  const op = findOperation('ebs', '2021-07-30', action);
  if (!op) throw new Error(action);
  return op;
};

function answered(
  action: string,
  body: Record<string, unknown>,
  bounds?: Record<string, Bound>,
): CheckContext {
  return {
    operation: operation(action),
    expectation: succeed({ rules: [], next: () => state, ...(bounds ? { bounds } : {}) }),
    answer: { kind: 'success', httpStatus: 200, body },
    isolated: false,
    now: DATE_S * 1000,
    answerTime: true,
    subject: 'p',
  };
}

describe('times judged against the answer’s own Date', () => {
  const listed = (fields: Record<string, unknown>) =>
    answered('DescribeDiskReplicaPairs', { ReplicaPairs: [{ ReplicaPairId: 'p', ...fields }] });

  it('passes a creation time and recovery point a few seconds after Date (the service’s clock ahead of its gateway’s)', () => {
    expect(
      recovery_data_conformance(listed({ CreateTime: DATE_S + 4, LastRecoverPoint: DATE_S + 3 })),
    ).toBeUndefined();
    expect(recovery_data_conformance(listed({ CreateTime: DATE_S + DATE_TOLERANCE_S }))).toBeUndefined();
  });

  it('fails a time later than Date by more than the tolerance, where the wall clock’s 600 s would have let it pass', () => {
    const late = listed({ CreateTime: DATE_S + DATE_TOLERANCE_S + 1 });
    expect(recovery_data_conformance(late)?.rules).toEqual(['PAIR.DESCRIBE.TIMES_IN_SECONDS']);
    expect(recovery_data_conformance({ ...late, answerTime: false })).toBeUndefined();
  });

  it('judges the RPO floor within the tolerance of Date: a point a few seconds under it passes, a stale one fails', () => {
    const floor = DATE_S - 1_020;
    const within = { RecoverPoint: { rule: WITHIN, min: floor, movedClock: true } };
    const progress = (point: number) =>
      answered('DescribeDiskReplicaPairProgress', { Progress: 100, RecoverPoint: point }, within);
    expect(recovery_bounds_conformance(progress(floor - 4))).toBeUndefined();
    const stale = recovery_bounds_conformance(progress(floor - DATE_TOLERANCE_S - 1));
    expect(stale?.rules[0]).toBe(WITHIN);
    expect(stale?.expected).toBe(`RecoverPoint at least ${floor - DATE_TOLERANCE_S}`);
    // Without a Date the same point is within the 600 s a wall clock may be off: not judged.
    expect(
      recovery_bounds_conformance({ ...progress(floor - DATE_TOLERANCE_S - 1), answerTime: false }),
    ).toBeUndefined();
  });

  it('judges each listed row’s LastRecoverPoint against its own floor, by its ID', () => {
    const floor = DATE_S - 1_020;
    const rows = (g1: number, g2: number) => ({
      ...answered('DescribeDiskReplicaGroups', {
        ReplicaGroups: [
          { ReplicaGroupId: 'pg-1', LastRecoverPoint: g1 },
          { ReplicaGroupId: 'pg-2', LastRecoverPoint: g2 },
        ],
      }),
      expectation: succeed({
        rules: [],
        next: () => state,
        listing: {
          field: 'ReplicaGroups',
          idField: 'ReplicaGroupId',
          rows: [],
          page: { mode: 'number', pageNumber: 1, pageSize: 10 },
          // pg-1 replicates past its RPO; pg-2 not yet, so any point of it passes.
          bounds: { 'pg-1': { LastRecoverPoint: { rule: WITHIN, min: floor, movedClock: true } } },
        },
      }),
    });
    expect(recovery_bounds_conformance(rows(floor, floor - 100_000))).toBeUndefined();
    const stale = recovery_bounds_conformance(rows(floor - DATE_TOLERANCE_S - 1, floor));
    expect(stale?.rules).toEqual([WITHIN]);
    expect(stale?.title).toContain('pg-1 LastRecoverPoint=');
  });
});
