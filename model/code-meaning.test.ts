import { describe, expect, it } from 'vitest';
import { findOperation, OPERATIONS } from '../api';
import { allowedOutcomes } from './allowed-outcomes';
import { couldRefuse, fitsCondition, meaningOf } from './code-meaning';
import { denyUndocumented } from './expectation';
import { asRefusal, deletePairCall, pairScenario, startPairCall, T0 } from './testkit';

const op = (action: string) => {
  const found = findOperation('ebs', '2021-07-30', action);
  if (!found) throw new Error(action);
  return found;
};
const codes = (errors: readonly { code: string }[]) => errors.map((e) => e.code).sort();

describe('what a code means', () => {
  it('reads authorization, signature, throttling and token codes as never a condition of the call', () => {
    for (const code of [
      'Forbidden',
      'Forbidden.Action',
      'SignatureDoesNotMatch',
      'InvalidAccessKeyId.NotFound',
      'Throttling.User',
      'Rejected.Throttling',
      'ServiceUnavailable',
      'IdempotentParameterMismatch',
      'InvalidAccountStatus.NotEnoughBalance',
    ])
      expect(couldRefuse(code), code).toBe(false);
  });
  it('tells a state, a placement, a parameter and a not-found code apart', () => {
    expect(meaningOf('OperationDenied.InvalidStatus')).toBe('state');
    expect(meaningOf('IncorrectDiskStatus')).toBe('state');
    expect(meaningOf('ResourcesNotInSameZone')).toBe('placement');
    expect(meaningOf('InvalidParameter')).toBe('parameter');
    expect(meaningOf('NoSuchResource')).toBe('not-found');
    expect(meaningOf('OperationDenied.ManualSyncLimit')).toBe('specific');
  });
  it('lets a reason-specific code in only where a rule names it', () => {
    expect(fitsCondition('OperationDenied.NoPairInGroup', 'state')).toBe(false);
    expect(fitsCondition('OperationDenied.OperateNotAllowedForPrimary', 'placement')).toBe(false);
  });
  it('classifies every documented code of every operation', () => {
    for (const o of OPERATIONS) for (const e of o.errors) expect(meaningOf(e.code)).toBeTypeOf('string');
  });
});

describe('refusals whose code the docs do not name', () => {
  it('a state condition allows the state codes and OperationDenied, never Forbidden or NoSuchResource', () => {
    const v = denyUndocumented(op('StopDiskReplicaPair'), 'X', 'state');
    expect(codes(v.errors)).toEqual(['OperationDenied', 'OperationDenied.InvalidStatus']);
  });
  it('a named likely code is kept: the rule owns that widening', () => {
    const v = denyUndocumented(op('DeleteDiskReplicaPair'), 'X', 'placement', 'NoSuchResource');
    expect(codes(v.errors)).toEqual(['NoSuchResource', 'OperationDenied']);
  });
  it('when nothing documented fits, falls back to the codes that could refuse the call, not to every code', () => {
    const v = denyUndocumented(op('StopDiskReplicaPair'), 'X', 'limit');
    expect(codes(v.errors)).toEqual(['OperationDenied']);
    const legacy = findOperation('ecs', '2014-05-26', 'CreateDiskReplicaPair');
    const w = denyUndocumented(legacy, 'X', 'placement');
    expect(codes(w.errors)).toEqual(['IncompleteParamter', 'IncorrectDiskStatus', 'InvalidDiskId.NotFound']);
  });
  it('a Delete from the standby region is OperationDenied alone, not Forbidden', () => {
    const r = asRefusal(allowedOutcomes(pairScenario(), deletePairCall('cn-beijing'), T0));
    expect(r.undocumented).toBe(true);
    expect(codes(r.errors)).toEqual(['OperationDenied']);
  });
  it('GROUP.MEMBER_FOLLOWS_GROUP and every status rule: no authorization code in a state refusal', () => {
    const r = asRefusal(allowedOutcomes(pairScenario(), startPairCall({ RegionId: 'cn-qingdao' }), T0));
    expect(codes(r.errors).filter((c) => !couldRefuse(c))).toEqual([]);
  });
});
