/**
 * The mock target (msw in-process, the emulator's gateway behind it) in checked calls per second,
 * beside raw msw measured in the same trial: the global fetch intercepted by one trivial handler
 * answering the same bytes. One call at a time: in-process, concurrency only interleaves.
 */
import { createTarget } from '../adapters';
import type { Captured } from './capture';
import { runCheckedWorkload } from './checked-workload';
import { ownCpuMs } from './cpu-time';
import { type ThroughputOptions, verdictNote } from './emulator-throughput';
import { type Figure, figure } from './figures';
import { rawMswRate } from './raw-msw';
import { replayedTraffic } from './replayed-traffic';

const RAW_REQUESTS = 1_500;

export async function benchMock(captured: Captured, o: ThroughputOptions): Promise<Figure[]> {
  const traffic = replayedTraffic(captured.sequences, 'http://raw-msw.ebs-conformance.invalid');
  const checked: number[] = [];
  const raw: number[] = [];
  const ratios: number[] = [];
  const cpu: number[] = [];
  const rawCpu: number[] = [];
  const verdicts = new Set<string>();
  for (let trial = 0; trial <= o.trials; trial++) {
    // Raw msw first, while no mock target holds the shared interceptor.
    const raw0 = ownCpuMs();
    const r = await rawMswRate(traffic, RAW_REQUESTS, 1);
    const rawMs = ownCpuMs() - raw0;
    const target = await createTarget('mock', { transitionMs: 1000, clockMode: 'manual' });
    try {
      const checked0 = ownCpuMs();
      const w = await runCheckedWorkload(target, { seed: o.seed + trial, runs: o.sequences, concurrency: 1 });
      const checkedMs = ownCpuMs() - checked0;
      if (trial === 0) continue; // warm-up
      cpu.push((checkedMs * 1000) / w.steps);
      rawCpu.push((rawMs * 1000) / RAW_REQUESTS);
      verdicts.add(w.verdict);
      checked.push(w.callsPerSecond);
      raw.push(r);
      ratios.push(w.callsPerSecond / r);
      o.log(`  mock: ${Math.round(w.callsPerSecond)} checked/s, raw msw ${Math.round(r)}/s`);
    } finally {
      await target.close?.();
    }
  }
  const note = verdictNote(verdicts);
  return [
    figure('mock.checked', 'mock target (msw)', 'calls/s', checked, undefined, note),
    figure('mock.raw', 'raw msw (one trivial handler)', 'req/s', raw),
    figure('mock.ratio', 'mock / raw msw', 'ratio', ratios, { op: '>=', limit: 0.6 }),
    // The ratio's floor: a checked call costs at least a raw msw request plus the direct target's call.
    figure('mock.cpu', 'CPU per checked call, mock (harness, emulator and msw)', 'µs', cpu),
    figure('mock.cpuRaw', 'CPU per raw msw request', 'µs', rawCpu),
  ];
}
