import { describe, expect, it } from 'vitest';
import { quantile, rounded, significant, summarize } from './stats';

describe('summarize', () => {
  it('takes the middle sample of an odd count and the mean of the middle two of an even count', () => {
    expect(summarize([5, 1, 3]).median).toBe(3);
    expect(summarize([4, 1, 3, 2]).median).toBe(2.5);
  });

  it('does not depend on the order of the samples and leaves them unsorted', () => {
    const samples = [9, 2, 7, 4, 5];
    const copy = [...samples];
    expect(summarize(samples)).toEqual(summarize([2, 4, 5, 7, 9]));
    expect(samples).toEqual(copy);
  });

  it('reports min, max, quartiles and count', () => {
    expect(summarize([1, 2, 3, 4, 5])).toEqual({ median: 3, min: 1, max: 5, q1: 2, q3: 4, n: 5 });
    // Quartiles interpolate between ranks: (n-1)q = 0.75 and 2.25.
    const s = summarize([10, 20, 30, 40]);
    expect(s.q1).toBeCloseTo(17.5);
    expect(s.q3).toBeCloseTo(32.5);
  });

  it('keeps an outlier out of the median', () => {
    expect(summarize([100, 101, 99, 5, 100]).median).toBe(100);
  });

  it('summarizes one sample as itself', () => {
    expect(summarize([7])).toEqual({ median: 7, min: 7, max: 7, q1: 7, q3: 7, n: 1 });
  });

  it('refuses no samples and non-finite samples', () => {
    expect(() => summarize([])).toThrow(RangeError);
    expect(() => summarize([1, Number.NaN])).toThrow(RangeError);
    expect(() => summarize([1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});

describe('quantile', () => {
  it('gives the extremes at 0 and 1 and refuses q outside 0..1', () => {
    expect(quantile([1, 2, 3], 0)).toBe(1);
    expect(quantile([1, 2, 3], 1)).toBe(3);
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });
});

describe('significant and rounded', () => {
  it('rounds to significant digits at every magnitude', () => {
    expect(significant(123_456)).toBe(123_000);
    expect(significant(0.012345)).toBe(0.0123);
    expect(significant(0)).toBe(0);
    expect(significant(98.76, 2)).toBe(99);
  });

  it('rounds every figure of a summary but the count', () => {
    expect(rounded({ median: 1234.5, min: 1000.4, max: 1999.9, q1: 1111.1, q3: 1888.8, n: 5 })).toEqual({
      median: 1230,
      min: 1000,
      max: 2000,
      q1: 1110,
      q3: 1890,
      n: 5,
    });
  });
});
