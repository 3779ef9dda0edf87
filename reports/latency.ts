import { z } from 'zod';

/**
 * Latency as a log-scale histogram rather than a list of samples: constant memory per operation
 * however long the run, linear to build, and shards merge exactly by adding bucket counts.
 * Bucket 0 holds everything under BASE_MS; bucket i ≥ 1 holds [BASE_MS·G^(i-1), BASE_MS·G^i),
 * with G = 2^(1/8), so a percentile read from the histogram is at most 9% above the true value.
 */
const BASE_MS = 0.01;
const STEPS_PER_DOUBLING = 8;

export const LatencyStats = z.object({
  count: z.number().int().nonnegative(),
  /** Milliseconds; percentiles are the upper bounds of their buckets, never above `max`. */
  p50: z.number().nonnegative(),
  p90: z.number().nonnegative(),
  p99: z.number().nonnegative(),
  max: z.number().nonnegative(),
  totalMs: z.number().nonnegative(),
  /** Sparse histogram: bucket index → samples. */
  histogram: z.record(z.string(), z.number().int().nonnegative()),
});
export type LatencyStats = z.infer<typeof LatencyStats>;

export function bucketOf(ms: number): number {
  if (!(ms >= BASE_MS)) return 0;
  return Math.floor(Math.log2(ms / BASE_MS) * STEPS_PER_DOUBLING) + 1;
}

export const bucketUpperMs = (bucket: number) => BASE_MS * 2 ** (bucket / STEPS_PER_DOUBLING);

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** Nearest-rank percentile of a histogram, read as its bucket's upper bound (clamped to max). */
function percentile(buckets: readonly [number, number][], total: number, p: number, max: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const [bucket, n] of buckets) {
    seen += n;
    if (seen >= rank) return round(Math.min(bucketUpperMs(bucket), max));
  }
  return round(max);
}

function statsOf(histogram: ReadonlyMap<number, number>, max: number, totalMs: number): LatencyStats {
  const buckets = [...histogram].sort((a, b) => a[0] - b[0]);
  const n = buckets.reduce((sum, [, k]) => sum + k, 0);
  return {
    count: n,
    p50: percentile(buckets, n, 50, max),
    p90: percentile(buckets, n, 90, max),
    p99: percentile(buckets, n, 99, max),
    max: round(max),
    totalMs: round(totalMs),
    histogram: Object.fromEntries(buckets.map(([b, k]) => [String(b), k])),
  };
}

/** Accumulates samples of one series (one operation, one transition). */
export class LatencyHistogram {
  readonly #buckets = new Map<number, number>();
  #max = 0;
  #total = 0;

  add(ms: number): void {
    const b = bucketOf(ms);
    this.#buckets.set(b, (this.#buckets.get(b) ?? 0) + 1);
    if (ms > this.#max) this.#max = ms;
    this.#total += ms;
  }

  stats(): LatencyStats {
    return statsOf(this.#buckets, this.#max, this.#total);
  }
}

/** The statistics of two series together (shards of one run): exact, since buckets add. */
export function mergeLatency(a: LatencyStats, b: LatencyStats): LatencyStats {
  const buckets = new Map<number, number>();
  for (const h of [a.histogram, b.histogram])
    for (const [k, n] of Object.entries(h)) buckets.set(Number(k), (buckets.get(Number(k)) ?? 0) + n);
  return statsOf(buckets, Math.max(a.max, b.max), a.totalMs + b.totalMs);
}

/** Any percentile of recorded statistics, read from the histogram like p50/p90/p99 are. */
export function percentileOf(stats: LatencyStats, p: number): number {
  const buckets = Object.entries(stats.histogram)
    .map(([k, n]): [number, number] => [Number(k), n])
    .sort((a, b) => a[0] - b[0]);
  return percentile(buckets, stats.count, p, stats.max);
}
