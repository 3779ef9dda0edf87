/**
 * The direct target (the emulator's gateway in this process, no socket, no msw) in checked
 * calls per second: one lane in this thread, then lanes in worker threads, two against one, on
 * a short run and on a deep one (bench/direct-workers.ts).
 */
import { createDirectTarget } from '../adapters/direct-target';
import { laneWorker } from '../cli/workers';
import { runCheckedWorkload } from './checked-workload';
import { ownCpuMs } from './cpu-time';
import { benchWorkers, type WorkerSeries } from './direct-workers';
import { type ThroughputOptions, verdictNote } from './emulator-throughput';
import { type Figure, figure } from './figures';
import { allocatedDuring } from './heap-allocated';

export async function benchDirect(
  o: ThroughputOptions & { readonly workers: readonly WorkerSeries[] },
): Promise<Figure[]> {
  const checked: number[] = [];
  const cpu: number[] = [];
  const allocated: number[] = [];
  const verdicts = new Set<string>();
  for (let trial = 0; trial <= o.trials; trial++) {
    const target = createDirectTarget({ transitionMs: 1000, clockMode: 'manual' });
    try {
      const cpu0 = ownCpuMs();
      const { result: w, bytes } = await allocatedDuring(() =>
        runCheckedWorkload(target, { seed: o.seed + trial, runs: o.sequences, concurrency: 1 }),
      );
      const cpuMs = ownCpuMs() - cpu0;
      if (trial === 0) continue; // warm-up
      verdicts.add(w.verdict);
      checked.push(w.callsPerSecond);
      cpu.push((cpuMs * 1000) / w.steps);
      allocated.push(bytes / 1024 / w.steps);
      o.log(`  direct, one lane: ${Math.round(w.callsPerSecond)} checked/s`);
    } finally {
      await target.close?.();
    }
  }
  const note = verdictNote(verdicts);
  // `npm run bench` builds dist/ first (prebench); a stale bundle leaves the lanes to tsx.
  const from = `from the ${laneWorker().from === 'bundle' ? 'bundle (dist/lane-worker.mjs)' : 'sources through tsx'}`;
  const workers: Figure[] = [];
  for (const series of o.workers) workers.push(...(await benchWorkers(series, o, from)));
  return [
    figure(
      'direct.lane1.checked',
      'direct target, one lane',
      'calls/s',
      checked,
      { op: '>=', limit: 5000 },
      note,
    ),
    figure('direct.lane1.cpu', 'CPU per checked call, direct (harness + emulator)', 'µs', cpu),
    figure(
      'direct.lane1.allocated',
      'heap allocated per checked call, direct (harness + emulator)',
      'KB',
      allocated,
      undefined,
      'garbage included: what two lanes on one machine compete to allocate and collect',
    ),
    ...workers,
  ];
}
