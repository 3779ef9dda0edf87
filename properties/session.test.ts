import { describe, expect, it } from 'vitest';
import type { Expectation } from '../model';
import { refusedThroughout } from './session';

const refusal = (rules: string[], ...codes: string[]): Expectation => ({
  kind: 'refusal',
  rules,
  errors: codes.map((code) => ({ code, httpStatus: 403 })),
  undocumented: false,
});

const success = {
  kind: 'success',
  rules: ['PAIR.START.FROM_CREATED_OR_STOPPED'],
  next: () => {
    throw new Error('not committed');
  },
  facts: {},
  present: [],
  absent: [],
  transient: [],
  settlesIn: [],
  also: [],
} as unknown as Expectation;

describe('refusedThroughout: a call on the way judged against every status it may land in', () => {
  it('is the union of the refusals when every status refuses the call', () => {
    const union = refusedThroughout([
      refusal(['PAIR.START.FROM_CREATED_OR_STOPPED'], 'OperationDenied.InvalidStatus'),
      refusal(['PAIR.DELETE.SETTLES_GONE'], 'OperationDenied.InvalidStatus', 'NoSuchResource'),
    ]);
    expect(union?.errors.map((e) => e.code)).toEqual(['OperationDenied.InvalidStatus', 'NoSuchResource']);
    expect(union?.rules).toEqual(['PAIR.START.FROM_CREATED_OR_STOPPED', 'PAIR.DELETE.SETTLES_GONE']);
  });

  it('is nothing when some status accepts it: no answer would then be a sure nonconformance', () => {
    expect(refusedThroughout([refusal(['R'], 'OperationDenied.InvalidStatus'), success])).toBeUndefined();
    expect(refusedThroughout([success])).toBeUndefined();
    expect(refusedThroughout([])).toBeUndefined();
  });
});
