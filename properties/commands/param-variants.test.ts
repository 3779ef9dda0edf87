import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findOperation, type Operation } from '../../api';
import { PARAM_RULES } from '../../api/rules/params';
import { allowedOutcomes } from '../../model';
import { initialState, type ModelState } from '../../model/state';
import {
  apply,
  ecsCall,
  failoveredScenario,
  groupScenario,
  memberScenario,
  pairScenario,
  T0,
  withDisk,
} from '../../model/testkit';
import { validateFor } from '../../model/validate';
import { defaultWorld } from '../../model/world';
import { PARAM_VARIANT_COMMANDS, SweepCommand } from './param-variants';

/** Two free disks that can pair, one of them attached to an instance. */
function freeDisks(): ModelState {
  let s = initialState(defaultWorld());
  s = withDisk(s, { id: 'd-a', region: 'cn-shanghai' });
  s = withDisk(s, { id: 'd-b', region: 'cn-beijing' });
  const instance = Object.values(s.instances).find((i) => i.zoneId === 'cn-shanghai-a');
  if (!instance) throw new Error('no instance in cn-shanghai-a');
  return apply(s, ecsCall('AttachDisk', { DiskId: 'd-a', InstanceId: instance.id }));
}

/** Every call a sweep plans, against each scenario (refusals leave it as it was; edges are planned only). */
function plannedCalls() {
  const states = [pairScenario(), failoveredScenario(), groupScenario(), memberScenario(), freeDisks()];
  const calls = [];
  for (const sweep of fc.sample(PARAM_VARIANT_COMMANDS.paramSweep, { numRuns: 400, seed: 42 })) {
    expect(sweep).toBeInstanceOf(SweepCommand);
    const { plans } = sweep as SweepCommand;
    for (const s of states)
      for (const plan of plans) {
        const planned = plan(s);
        if (planned) calls.push({ state: s, call: planned.call });
      }
  }
  return calls;
}

describe('parameter sweeps', () => {
  const calls = plannedCalls();
  const refusedNaming = new Set<string>();
  const edgeNaming = new Set<string>();
  for (const { state, call } of calls) {
    const e = allowedOutcomes(state, call, T0);
    if (e.kind === 'refusal') for (const id of e.rules) refusedNaming.add(id);
    const op = findOperation(call.product, call.version, call.action) as Operation;
    const v = validateFor(op, call);
    if (v.ok) for (const id of v.edges) edgeNaming.add(id);
  }

  it('send every derived rule of every swept operation past its constraint, and the model refuses naming it', () => {
    const missed = PARAM_RULES.map((r) => r.id).filter((id) => !refusedNaming.has(id));
    expect(missed).toEqual([]);
  });

  it('put the parameters where a call keeps its meaning at their edge, which validation accepts naming the rule', () => {
    // Bounds, names, tokens, listing sites and paging, ID lists and tags: each one the sweep puts
    // at its edge reaches the model's accepting side.
    const atEdge = PARAM_RULES.filter((r) =>
      [
        'MaxResults',
        'PageSize',
        'PageNumber',
        'ClientToken',
        'PairName',
        'GroupName',
        'PairIds',
        'DiskIds',
      ].includes(r.derived.param),
    ).filter((r) => r.derived.constraint !== 'REQUIRED');
    expect(atEdge.length).toBeGreaterThan(40);
    expect(atEdge.map((r) => r.id).filter((id) => !edgeNaming.has(id))).toEqual([]);
  });
});
