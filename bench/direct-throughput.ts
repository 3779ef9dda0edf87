/**
 * The direct target (the emulator's gateway in this process, no socket, no msw) in checked
 * calls per second: one lane in this thread, and the same lanes (shards) run by a pool of two
 * worker threads against one thread (cli/workers.ts): the very same calls, so the ratio is
 * what the second core buys. The worker figures are wall time from spawning the threads to the
 * merged record, start-up (loading the lane bundle in each thread) included: what a user waits for.
 * Beside them, the CPU each call cost in all: every thread warms its own copy of the code (V8
 * interprets, then compiles the hot paths again for each isolate), so a short run pays that
 * once per thread, and the compiling runs on V8's helper threads, which one thread leaves a core for.
 */
import { createDirectTarget } from '../adapters/direct-target';
import { laneWorker, runInWorkers } from '../cli/workers';
import { runCheckedWorkload } from './checked-workload';
import { cpuSplit, ownCpuMs } from './cpu-time';
import { type ThroughputOptions, verdictNote } from './emulator-throughput';
import { type Figure, figure } from './figures';

/** Lanes the worker runs are split into: enough that a lane of long sequences leaves little idle at the end. */
const POOLED_LANES = 8;

interface WorkerTrial {
  readonly callsPerSecond: number;
  /** CPU per call of every thread of this process, µs. */
  readonly cpu: number;
  /** Of which V8's helper threads (compiling optimised code, concurrent GC), µs; undefined without /proc. */
  readonly helpers: number | undefined;
}

async function workerRate(threads: number, seed: number, runs: number): Promise<WorkerTrial> {
  const t0 = performance.now();
  const split = await cpuSplit(() =>
    runInWorkers({
      target: { kind: 'direct', transitionMs: 1000 },
      seed,
      runs,
      maxCommands: 40,
      lanes: POOLED_LANES,
      threads,
      shrink: false,
      harnessVersion: 'bench',
      replayCommand: () => '',
    }),
  );
  const steps = split.result.steps;
  return {
    callsPerSecond: (steps * 1000) / (performance.now() - t0),
    cpu: (split.totalMs * 1000) / steps,
    helpers: split.helpersMs === undefined ? undefined : (split.helpersMs * 1000) / steps,
  };
}

export async function benchDirect(
  o: ThroughputOptions & { readonly workerSequences: number },
): Promise<Figure[]> {
  const checked: number[] = [];
  const cpu: number[] = [];
  const one: number[] = [];
  const two: number[] = [];
  const ratios: number[] = [];
  const verdicts = new Set<string>();
  for (let trial = 0; trial <= o.trials; trial++) {
    const target = createDirectTarget({ transitionMs: 1000, clockMode: 'manual' });
    try {
      const cpu0 = ownCpuMs();
      const w = await runCheckedWorkload(target, { seed: o.seed + trial, runs: o.sequences, concurrency: 1 });
      const cpuMs = ownCpuMs() - cpu0;
      if (trial === 0) continue; // warm-up
      verdicts.add(w.verdict);
      checked.push(w.callsPerSecond);
      cpu.push((cpuMs * 1000) / w.steps);
      o.log(`  direct, one lane: ${Math.round(w.callsPerSecond)} checked/s`);
    } finally {
      await target.close?.();
    }
  }
  const cpuOf = { 1: [] as number[], 2: [] as number[] };
  const helpersOf = { 1: [] as number[], 2: [] as number[] };
  for (let trial = 0; trial < o.trials; trial++) {
    const r1 = await workerRate(1, o.seed + trial, o.workerSequences);
    const r2 = await workerRate(2, o.seed + trial, o.workerSequences);
    one.push(r1.callsPerSecond);
    two.push(r2.callsPerSecond);
    ratios.push(r2.callsPerSecond / r1.callsPerSecond);
    for (const [n, r] of [
      [1, r1],
      [2, r2],
    ] as const) {
      cpuOf[n].push(r.cpu);
      if (r.helpers !== undefined) helpersOf[n].push(r.helpers);
    }
    o.log(
      `  direct in workers: one thread ${Math.round(r1.callsPerSecond)}/s, two threads ${Math.round(r2.callsPerSecond)}/s; CPU per call ${Math.round(r1.cpu)} / ${Math.round(r2.cpu)} µs`,
    );
  }
  const note = verdictNote(verdicts);
  // `npm run bench` builds dist/ first (prebench); a stale bundle leaves the lanes to tsx.
  const lanesFrom = `${o.workerSequences} sequences in ${POOLED_LANES} lanes, from the ${laneWorker().from === 'bundle' ? 'bundle (dist/lane-worker.mjs)' : 'sources through tsx'}`;
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
      'direct.workers1',
      'direct, one worker thread (start-up included)',
      'calls/s',
      one,
      undefined,
      lanesFrom,
    ),
    figure(
      'direct.workers2',
      'direct, two worker threads (start-up included)',
      'calls/s',
      two,
      undefined,
      lanesFrom,
    ),
    figure(
      'direct.workers.ratio',
      'direct, two threads / one, the same lanes',
      'ratio',
      ratios,
      { op: '>=', limit: 1.7 },
      lanesFrom,
    ),
    // Why the ratio is what it is: the CPU a call costs on one thread and on two, and how much of
    // it V8's helpers spent (a second busy thread takes the core they had).
    ...([1, 2] as const).flatMap((n) => {
      const threads = n === 1 ? 'one thread' : 'two threads';
      return [
        figure(`direct.workers${n}.cpu`, `CPU per call, ${threads}, all threads`, 'µs', cpuOf[n]),
        figure(
          `direct.workers${n}.cpuHelpers`,
          `of which V8's helper threads (compiling, GC), ${threads}`,
          'µs',
          helpersOf[n],
          undefined,
          helpersOf[n].length ? undefined : 'needs /proc (Linux)',
        ),
      ];
    }),
  ];
}
