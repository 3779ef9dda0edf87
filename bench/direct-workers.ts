/**
 * The direct target in worker threads (cli/workers.ts): the same lanes (shards) run by a pool of
 * two threads and by one, alternating which goes first, so the ratio is what the second core
 * buys. Rates are wall time from spawning the threads to the merged record, start-up included:
 * what a user waits for.
 *
 * Two run lengths, because every thread warms its own copy of the code (V8 interprets, then
 * compiles the hot paths again for each isolate, on helper threads that one busy thread leaves a
 * core for): about a second of CPU per thread before a call costs its steady price. A short run
 * (about a second on one thread) is mostly that warm-up, paid twice by two threads; a deep run
 * (about 15 s on one thread, what one shard of the sharded workflow spends) is what a CI minute
 * buys. The budget is the deep run's; the short one stays beside it to show the start-up cost.
 */
import { runInWorkers } from '../cli/workers';
import { cpuSplit, threadCpuMs } from './cpu-time';
import { type Figure, figure } from './figures';

/** Lanes the sequences are split into: enough that a lane of long sequences leaves little idle at the end. */
const POOLED_LANES = 8;

export interface WorkerSeries {
  /** Prefix of the figures' ids. */
  readonly id: string;
  /** What the label says of the run's length. */
  readonly name: string;
  readonly sequences: number;
  /** Whether the 1.7 budget is judged on this series. */
  readonly budget: boolean;
}

interface WorkerTrial {
  readonly callsPerSecond: number;
  /** CPU per call, µs: every thread of this process, V8's helper threads alone, the main thread alone. */
  readonly cpu: number;
  readonly helpers: number | undefined;
  readonly main: number | undefined;
  /** Of the pool's thread-time, the share a thread spent with no lane left while another still ran. */
  readonly tailIdle: number;
}

async function workerTrial(threads: number, seed: number, runs: number): Promise<WorkerTrial> {
  const main0 = threadCpuMs()?.get(process.pid);
  const idleAt: number[] = [];
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
      onThreadIdle: () => idleAt.push(performance.now()),
    }),
  );
  const end = performance.now();
  const main1 = threadCpuMs()?.get(process.pid);
  const steps = split.result.steps;
  const perCall = (ms: number | undefined) => (ms === undefined ? undefined : (ms * 1000) / steps);
  return {
    callsPerSecond: (steps * 1000) / (end - t0),
    cpu: (split.totalMs * 1000) / steps,
    helpers: perCall(split.helpersMs),
    main: main0 === undefined || main1 === undefined ? undefined : perCall(main1 - main0),
    tailIdle: idleAt.reduce((sum, at) => sum + (end - at), 0) / (threads * (end - t0)),
  };
}

const defined = (xs: readonly (number | undefined)[]) => xs.filter((x): x is number => x !== undefined);

export async function benchWorkers(
  series: WorkerSeries,
  o: { readonly trials: number; readonly seed: number; readonly log: (line: string) => void },
  from: string,
): Promise<Figure[]> {
  const of: Record<1 | 2, WorkerTrial[]> = { 1: [], 2: [] };
  const ratios: number[] = [];
  const bounds: number[] = [];
  for (let trial = 0; trial < o.trials; trial++) {
    // Alternating which goes first spreads a drift in the machine's load over both.
    for (const n of trial % 2 === 0 ? ([1, 2] as const) : ([2, 1] as const))
      of[n].push(await workerTrial(n, o.seed + trial, series.sequences));
    const [r1, r2] = [of[1][trial] as WorkerTrial, of[2][trial] as WorkerTrial];
    ratios.push(r2.callsPerSecond / r1.callsPerSecond);
    // One thread is bound by its own thread's CPU (its helpers and the main thread have the other
    // core); two by the CPU of everything over both cores. Measured in CPU time, so it holds on a
    // machine other work shares, where the wall-time ratio cannot show what two free cores give.
    if (r1.helpers !== undefined && r1.main !== undefined)
      bounds.push((2 * (r1.cpu - r1.helpers - r1.main)) / r2.cpu);
    o.log(
      `  direct in workers, ${series.name}: one thread ${Math.round(r1.callsPerSecond)}/s, two ${Math.round(r2.callsPerSecond)}/s; CPU per call ${Math.round(r1.cpu)} / ${Math.round(r2.cpu)} µs`,
    );
  }
  const note = `${series.sequences} sequences in ${POOLED_LANES} lanes, ${from}`;
  const id = series.id;
  const proc = (xs: number[]) => (xs.length ? undefined : 'needs /proc (Linux)');
  return [
    ...([1, 2] as const).map((n) =>
      figure(
        `${id}${n}`,
        `direct, ${n === 1 ? 'one worker thread' : 'two worker threads'}, ${series.name} (start-up included)`,
        'calls/s',
        of[n].map((t) => t.callsPerSecond),
        undefined,
        note,
      ),
    ),
    figure(
      `${id}.ratio`,
      `direct, two threads / one, the same lanes, ${series.name}`,
      'ratio',
      ratios,
      series.budget ? { op: '>=', limit: 1.7 } : undefined,
      series.budget
        ? `${note}; judged here: the short run is mostly each thread's warm-up`
        : `${note}; no budget: each thread's warm-up, paid twice, is most of it (the deep run is judged)`,
    ),
    figure(
      `${id}.cpuBound`,
      `two threads / one as CPU time bounds it, ${series.name}`,
      'ratio',
      bounds,
      undefined,
      proc(bounds) ??
        "an estimate from CPU time, not a wall-time measurement: 2 × one thread's own CPU per call / two threads' total, what two free cores would give",
    ),
    // Why the ratio is what it is: the CPU a call costs on one thread and on two, and how much of
    // it V8's helpers spent (a second busy thread takes the core they had).
    ...([1, 2] as const).flatMap((n) => {
      const threads = n === 1 ? 'one thread' : 'two threads';
      const helpers = defined(of[n].map((t) => t.helpers));
      return [
        figure(
          `${id}${n}.cpu`,
          `CPU per call, ${threads}, all threads, ${series.name}`,
          'µs',
          of[n].map((t) => t.cpu),
        ),
        figure(
          `${id}${n}.cpuHelpers`,
          `of which V8's helper threads (compiling, GC), ${threads}, ${series.name}`,
          'µs',
          helpers,
          undefined,
          proc(helpers),
        ),
      ];
    }),
    // What the second thread costs besides the lane itself: the parent's own work while lanes
    // run (progress, merging, receiving records), and cores left idle while the last lane ends.
    figure(
      `${id}2.cpuMain`,
      `of which the main thread, two threads, ${series.name}`,
      'µs',
      defined(of[2].map((t) => t.main)),
      undefined,
      proc(defined(of[2].map((t) => t.main))),
    ),
    figure(
      `${id}2.tailIdle`,
      `thread-time idle at the pool's end, two threads, ${series.name}`,
      'share',
      of[2].map((t) => t.tailIdle),
    ),
  ];
}
