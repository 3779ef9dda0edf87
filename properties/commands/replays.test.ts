import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedOutcomes } from '../../model/allowed-outcomes';
import { initialState } from '../../model/state';
import { apply, createPairParams, ebsCall, T0, withDisk } from '../../model/testkit';
import { defaultWorld } from '../../model/world';
import { REPLAY_COMMANDS } from './replays';

/** Two disks, a pair created with token `tok-p`, and a Start with token `tok-s`. */
function twoTokens() {
  let s = initialState(defaultWorld());
  s = withDisk(s, { id: 'd-p', region: 'cn-shanghai' });
  s = withDisk(s, { id: 'd-s', region: 'cn-beijing' });
  const create = ebsCall('CreateDiskReplicaPair', { ...createPairParams(), ClientToken: 'tok-p' });
  s = apply(s, create, T0, { ReplicaPairId: 'pair-1' });
  const start = ebsCall('StartDiskReplicaPair', {
    RegionId: 'cn-shanghai',
    ReplicaPairId: 'pair-1',
    ClientToken: 'tok-s',
  });
  return { state: apply(s, start, T0), create, start };
}

const commands = fc.sample(REPLAY_COMMANDS.replayCall, { numRuns: 200, seed: 3 });

describe('replayCall', () => {
  it('finds nothing to retry before a call has bound a token', () => {
    const empty = initialState(defaultWorld());
    for (const c of commands) expect(c.plan(empty)).toBeUndefined();
  });

  it('sends a recorded call again as it was sent, token and all: the model expects the first result', () => {
    const { state, create, start } = twoTokens();
    const same = commands.filter((c) => c.inputs.renamed === false);
    const sent = same.map((c) => c.plan(state)?.call);
    // Creates first, and the other calls that bound a token too.
    expect(sent).toContainEqual(create);
    expect(sent).toContainEqual(start);
    for (const call of sent) {
      const e = allowedOutcomes(state, call ?? create, T0);
      expect(e.rules).toContain('TOKEN.SAME_PARAMS_SAME_RESULT');
    }
    const replayed = allowedOutcomes(state, create, T0);
    expect(replayed.kind === 'success' && replayed.facts).toEqual({ ReplicaPairId: 'pair-1' });
  });

  it('changes only the name of a create for the other-parameters case: IdempotentParameterMismatch', () => {
    const { state, create } = twoTokens();
    const renamed = commands
      .filter((c) => c.inputs.renamed === true && c.inputs.creates === true)
      .map((c) => c.plan(state));
    expect(renamed.length).toBeGreaterThan(0);
    for (const planned of renamed) {
      expect(planned?.call.params).toEqual({ ...create.params, PairName: 'renamed-on-retry' });
      expect(planned?.label).toMatch(/^retry CreateDiskReplicaPair\(as token#0, PairName changed\)$/);
      const e = allowedOutcomes(state, planned?.call ?? create, T0);
      expect(e.kind === 'refusal' && e.errors.map((x) => x.code)).toEqual(['IdempotentParameterMismatch']);
    }
  });
});
