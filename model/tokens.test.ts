import { describe, expect, it } from 'vitest';
import { allowedOutcomes } from './allowed-outcomes';
import { initialState } from './state';
import { apply, asRefusal, asSuccess, ebsCall, ecsCall, pairScenario, startPairCall, T0 } from './testkit';
import { defaultWorld } from './world';

const createDisk = (extra: Record<string, unknown> = {}) =>
  ecsCall('CreateDisk', {
    RegionId: 'cn-shanghai',
    ZoneId: 'cn-shanghai-a',
    Size: 40,
    ClientToken: 'tok-1',
    ...extra,
  });

/** A disk created with token tok-1, answered as d-first. */
function tokenUsed() {
  const s = initialState(defaultWorld());
  return asSuccess(allowedOutcomes(s, createDisk(), T0)).next({ DiskId: 'd-first' });
}

describe('ClientToken idempotency', () => {
  it('TOKEN.SAME_PARAMS_SAME_RESULT: the same call again returns the same DiskId and changes nothing', () => {
    const s = tokenUsed();
    const e = asSuccess(allowedOutcomes(s, createDisk(), T0 + 1000));
    expect(e.rules).toContain('TOKEN.SAME_PARAMS_SAME_RESULT');
    expect(e.facts).toEqual({ DiskId: 'd-first' });
    expect(e.next({ DiskId: 'd-first' })).toEqual(s);
  });

  it('TOKEN.SIGNATURE_PARAMS_IGNORED: nonce, timestamp and wire-vs-typed form do not matter', () => {
    const s = tokenUsed();
    const retry = createDisk({ Size: '40', SignatureNonce: 'n-2', Timestamp: '2026-01-01T00:00:01Z' });
    expect(asSuccess(allowedOutcomes(s, retry, T0)).rules).toContain('TOKEN.SIGNATURE_PARAMS_IGNORED');
  });

  it('TOKEN.OTHER_PARAMS_MISMATCH: the same token with another size is IdempotentParameterMismatch 400', () => {
    const r = asRefusal(allowedOutcomes(tokenUsed(), createDisk({ Size: 50 }), T0));
    expect(r.rules).toContain('TOKEN.OTHER_PARAMS_MISMATCH');
    expect(r.errors).toEqual([{ code: 'IdempotentParameterMismatch', httpStatus: 400 }]);
  });

  it('TOKEN.CASE_SENSITIVE: TOK-1 is a new token', () => {
    const e = asSuccess(allowedOutcomes(tokenUsed(), createDisk({ ClientToken: 'TOK-1', Size: 50 }), T0));
    expect(e.rules).not.toContain('TOKEN.SAME_PARAMS_SAME_RESULT');
    // Accepted as a new token beside tok-1: the accepting case of the rule.
    expect(e.rules).toContain('TOKEN.CASE_SENSITIVE');
    expect(
      asSuccess(allowedOutcomes(tokenUsed(), createDisk({ ClientToken: 'tok-2' }), T0)).rules,
    ).not.toContain('TOKEN.CASE_SENSITIVE');
    expect(Object.keys(e.next({ DiskId: 'd-second' }).disks).sort()).toEqual(['d-first', 'd-second']);
    expect(asRefusal(allowedOutcomes(tokenUsed(), createDisk({ Size: 50 }), T0)).rules).toContain(
      'TOKEN.CASE_SENSITIVE',
    );
  });

  it('TOKEN.PER_ACTION: a token used by CreateDisk is new to StartDiskReplicaPair', () => {
    const s = pairScenario();
    const withToken = apply(
      s,
      ecsCall('CreateDisk', {
        RegionId: 'cn-shanghai',
        ZoneId: 'cn-shanghai-a',
        Size: 40,
        ClientToken: 'shared',
      }),
      T0,
      {
        DiskId: 'd-t',
      },
    );
    const e = asSuccess(allowedOutcomes(withToken, startPairCall({ ClientToken: 'shared' }), T0));
    expect(e.rules).toContain('TOKEN.PER_ACTION');
    expect(e.next().pairs['pair-1']?.status).toBe('initial_syncing');
  });

  describe('reading client-token-scope: a token bound by another action of the same API', () => {
    // StartDiskReplicaPair bound 'shared'; StopDiskReplicaPair comes with it.
    const started = () => apply(pairScenario(), startPairCall({ ClientToken: 'shared' }));
    const stop = (token = 'shared') =>
      ebsCall('StopDiskReplicaPair', {
        RegionId: 'cn-shanghai',
        ReplicaPairId: 'pair-1',
        ClientToken: token,
      });
    const MISMATCH = { code: 'IdempotentParameterMismatch', httpStatus: 400 };

    it('is open: the stop succeeds or is a mismatch, and its answer shows the scope', () => {
      const e = asSuccess(allowedOutcomes(started(), stop(), T0));
      expect(e.reading).toEqual({
        id: 'client-token-scope',
        onSuccess: 'per-action',
        onRefusal: 'per-api',
        codes: ['IdempotentParameterMismatch'],
      });
      expect(e.also).toContainEqual(MISMATCH);
      expect(e.rules).toEqual(expect.arrayContaining(['TOKEN.PER_ACTION', 'TOKEN.OTHER_PARAMS_MISMATCH']));
      // Another token is just another call: no reading, no mismatch.
      const plain = asSuccess(allowedOutcomes(started(), stop('other'), T0));
      expect(plain.reading).toBeUndefined();
      expect(plain.also).not.toContainEqual(MISMATCH);
    });

    it('held to the alternative fixed before the run', () => {
      const fixed = (scope: string) => ({ ...started(), readings: { 'client-token-scope': scope } });
      expect(asRefusal(allowedOutcomes(fixed('per-api'), stop(), T0)).errors).toEqual([MISMATCH]);
      const e = asSuccess(allowedOutcomes(fixed('per-action'), stop(), T0));
      expect(e.reading).toBeUndefined();
      expect(e.also).not.toContainEqual(MISMATCH);
    });

    it('a call its state refuses may be refused for the token first: either code, the mismatch showing per-api', () => {
      const reprotect = (token: string) =>
        ebsCall('ReprotectDiskReplicaPair', {
          RegionId: 'cn-shanghai',
          ReplicaPairId: 'pair-1',
          ClientToken: token,
        });
      // A pair in its initial sync is not failed over: a reprotect is refused by its state.
      const r = asRefusal(allowedOutcomes(started(), reprotect('shared'), T0));
      expect(r.errors).toContainEqual(MISMATCH);
      expect(r.reading).toEqual({
        fork: expect.objectContaining({ id: 'client-token-scope' }),
        codes: [MISMATCH.code],
      });
      const plain = asRefusal(allowedOutcomes(started(), reprotect('other'), T0));
      expect(plain.errors).not.toContainEqual(MISMATCH);
      expect(plain.reading).toBeUndefined();
    });
  });

  it('TOKEN.ONLY_SUCCESS_REMEMBERED: a refused call does not bind its token', () => {
    const s = pairScenario();
    const stop = (token: string) =>
      ebsCall('StopDiskReplicaPair', {
        RegionId: 'cn-shanghai',
        ReplicaPairId: 'pair-1',
        ClientToken: token,
      });
    expect(allowedOutcomes(s, stop('t-stop'), T0).kind).toBe('refusal');
    // The refusal left no trace: the same token now serves another call of the action.
    const started = apply(s, startPairCall());
    const e = asSuccess(allowedOutcomes(started, stop('t-stop'), T0));
    expect(e.rules).toContain('TOKEN.ONLY_SUCCESS_REMEMBERED');
  });

  it('TOKEN.FORMAT: a token of 65 characters is invalid', () => {
    const r = asRefusal(
      allowedOutcomes(initialState(defaultWorld()), createDisk({ ClientToken: 'x'.repeat(65) }), T0),
    );
    expect(r.rules).toContain('TOKEN.FORMAT');
    expect(r.errors.every((x) => x.httpStatus === 400)).toBe(true);
  });
});
