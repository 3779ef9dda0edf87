import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listGroups } from '../../model';
import type { ModelState } from '../../model/state';
import { apply, createGroupParams, ebsCall, pairScenario, T0 } from '../../model/testkit';
import type { CheckFailure } from '../checks';
import type { RunSession } from '../session';
import { pageBudget, WALK_COMMANDS } from './walks';

/** `n` groups from cn-shanghai: FiftyTagged makes fifty, and the sequence may hold more. */
function manyGroups(n: number): ModelState {
  let s = pairScenario();
  for (let i = 1; i <= n; i++)
    s = apply(s, ebsCall('CreateDiskReplicaGroup', createGroupParams()), T0, { ReplicaGroupId: `pg-${i}` });
  return s;
}

/** A target that pages the model's own listing faithfully, one row and a NextToken per page. */
function fakeSession(state: ModelState) {
  const rows = listGroups(state, { regionId: 'cn-shanghai', site: 'production' }).map((g) => g.id);
  const failures: CheckFailure[] = [];
  let pages = 0;
  const session = {
    options: { isolated: true },
    ownership: { retired: new Set<string>() },
    step: async (_m: unknown, planned: { call: { params: Record<string, unknown> } }) => {
      pages++;
      const at = Number(planned.call.params.NextToken ?? 0);
      const next = at + 1 < rows.length ? String(at + 1) : '';
      return {
        kind: 'success',
        httpStatus: 200,
        body: { ReplicaGroups: [{ ReplicaGroupId: rows[at] }], NextToken: next },
      };
    },
    fail: (f: CheckFailure) => {
      failures.push(f);
    },
  };
  return { session: session as unknown as RunSession, failures, pages: () => pages, rows };
}

describe('walks', () => {
  it('walks past fifty pages when the region holds more rows than that, and finds the listing whole', async () => {
    const state = manyGroups(55);
    const walk = fc
      .sample(WALK_COMMANDS.walkGroups, { numRuns: 400, seed: 3 })
      .find((c) => c.mode === 'token' && c.size === 1 && c.site === 'production');
    if (!walk) throw new Error('no one-row token walk of production groups drawn');
    const fake = fakeSession(state);
    expect(fake.rows.length).toBe(55);
    await walk.run({ state }, fake.session);
    expect(fake.failures).toEqual([]);
    expect(fake.pages()).toBe(55);
  });

  it('asks for the pages the expected rows fill and one more, never fewer than fifty', () => {
    expect(pageBudget(3, 1)).toBe(50);
    expect(pageBudget(55, 1)).toBe(56);
    expect(pageBudget(120, 2)).toBe(61);
  });
});
