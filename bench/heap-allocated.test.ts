import { describe, expect, it } from 'vitest';
import { allocatedDuring } from './heap-allocated';

const MB = 1024 * 1024;

/** `count` arrays of `length` small integers, each dropped at once: garbage, about 8 bytes an element. */
async function churn(count: number, length: number): Promise<number> {
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const a = new Array<number>(length).fill(i);
    kept += a[length - 1] as number;
    if (i % 1000 === 0) await Promise.resolve();
  }
  return kept;
}

describe('heap bytes allocated during a run', () => {
  it('counts garbage that collections took away during the run, not only what is left', async () => {
    // 400 MB in 4 KB arrays: hundreds of scavenges, after which almost nothing of it is left.
    const { bytes } = await allocatedDuring(() => churn(100_000, 512));
    expect(bytes).toBeGreaterThan(380 * MB);
    expect(bytes).toBeLessThan(600 * MB);
  });

  it('tells a run that allocates a tenth as much', async () => {
    const { bytes } = await allocatedDuring(() => churn(10_000, 512));
    expect(bytes).toBeGreaterThan(38 * MB);
    expect(bytes).toBeLessThan(60 * MB);
  });

  it('passes a failed run through, and counts next to nothing for a run that allocates little', async () => {
    await expect(allocatedDuring(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect((await allocatedDuring(() => churn(10, 8))).bytes).toBeLessThan(MB);
  });
});
