import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { cpuSplit, statCpuMs, threadCpuMs } from './cpu-time';

/** Busy for `ms` of CPU, not of wall time: on a loaded machine the wall runs ahead. */
const SPIN = (ms: number) =>
  `const c = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
   const end = c() + ${ms}; while (c() < end);`;

describe('CPU time', () => {
  it('reads utime + stime of a stat line whose command name holds spaces and parentheses', () => {
    const stat = '4242 (node (lane) 1) S 1 2 3 4 5 6 7 8 9 10 250 50 0 0 20 0 9 0 100 0';
    expect(statCpuMs(stat)).toBe(3_000);
  });

  const linux = threadCpuMs() !== undefined;

  it.runIf(linux)('lists this thread under the pid', () => {
    expect(threadCpuMs()?.has(process.pid)).toBe(true);
  });

  it.runIf(linux)('counts a thread the run started as the run’s, alive or not', async () => {
    let w: Worker | undefined;
    try {
      const { totalMs, helpersMs } = await cpuSplit(
        () =>
          new Promise<void>((resolve, reject) => {
            // Still alive when the run is over, as a worker whose lane is done may be.
            w = new Worker(
              `${SPIN(300)} require('node:worker_threads').parentPort.postMessage('spun'); setInterval(() => {}, 1000);`,
              { eval: true },
            );
            w.once('message', () => resolve());
            w.once('error', reject);
          }),
      );
      expect(totalMs).toBeGreaterThanOrEqual(200);
      expect(helpersMs).toBeLessThan(totalMs / 2);
    } finally {
      await w?.terminate();
    }
  });

  it.runIf(linux)('leaves the main thread out of the helpers', async () => {
    const { totalMs, helpersMs } = await cpuSplit(async () => new Function(SPIN(300))());
    expect(totalMs).toBeGreaterThanOrEqual(200);
    expect(helpersMs).toBeLessThan(totalMs / 2);
  });
});
