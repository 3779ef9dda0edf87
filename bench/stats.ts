/**
 * The statistics every benchmark figure is reported with: the median of several trials and its
 * spread (min, max and the interquartile range). Medians, not means: on a shared machine one
 * trial that lost the CPU to another process must not move the figure.
 */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** First and third quartiles (linear interpolation between closest ranks). */
  readonly q1: number;
  readonly q3: number;
  readonly n: number;
}

/** The q-quantile (0..1) of ascending samples, interpolating linearly between closest ranks. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of no samples');
  if (q < 0 || q > 1) throw new RangeError(`quantile ${q} is outside 0..1`);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new RangeError('cannot summarize no samples');
  if (samples.some((s) => !Number.isFinite(s))) throw new RangeError('samples must be finite numbers');
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    n: sorted.length,
  };
}

/** Rounds to `digits` significant digits, so results.json does not churn on noise below them. */
export function significant(value: number, digits = 3): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(digits));
}

/** A summary with every figure rounded for the committed results file. */
export function rounded(s: Summary, digits = 3): Summary {
  return {
    median: significant(s.median, digits),
    min: significant(s.min, digits),
    max: significant(s.max, digits),
    q1: significant(s.q1, digits),
    q3: significant(s.q3, digits),
    n: s.n,
  };
}
