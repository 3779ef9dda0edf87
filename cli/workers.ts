/**
 * Lanes in worker threads, so a run uses every core: lane k is a run of its own, with seed + k
 * and its own target (the direct target in its thread, or an emulator child process of its
 * own), exactly what shard k of a CI matrix runs (`run --seed S+k --concurrency 1`). A pool of
 * at most one thread per core runs the lanes, each thread taking the next lane when its own is
 * done. Their records are merged as `merge` merges shards, so N lanes here and N shards there
 * give the same coverage. A failure replays alone from its lane's seed.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { ReadingChoices } from '../api/readings';
import { share } from '../properties/engine';
import { mergeRecords } from '../reports/merge';
import type { Failure, RunRecord } from '../reports/run-record';

/** Targets a worker can build for itself: each lane then has an emulator to itself. */
export const WORKER_TARGETS = ['direct', 'emulator'] as const;
export type WorkerTargetKind = (typeof WORKER_TARGETS)[number];

export interface WorkerTargetSpec {
  readonly kind: WorkerTargetKind;
  readonly transitionMs: number;
  readonly faultProfile?: string;
  /** The alternatives the lane's emulator plays (`--emulator-reading`); the model's readings are apart. */
  readonly readings?: Partial<ReadingChoices>;
}

/** How every lane judges: readings fixed with `--reading`, undocumented values failing with `--strict`. */
export interface LaneJudging {
  readonly readings?: Readonly<Record<string, string>>;
  readonly strict?: boolean;
}

/** What every lane of a run shares, given to each thread once (structured-cloned into it). */
export interface LaneSetup {
  readonly target: WorkerTargetSpec;
  readonly judging?: LaneJudging;
  readonly maxCommands: number;
  readonly shrink: boolean;
  readonly harnessVersion: string;
}

/** One lane, handed to a free thread: what shard `index` of a CI matrix runs. */
export interface LaneAssignment {
  readonly kind: 'lane';
  readonly index: number;
  readonly seed: number;
  readonly runs: number;
}

export type LaneMessage =
  | { readonly kind: 'sequence'; readonly lane: number; readonly calls: number }
  | { readonly kind: 'record'; readonly lane: number; readonly record: RunRecord }
  | { readonly kind: 'error'; readonly message: string };

export interface WorkerRunOptions {
  readonly target: WorkerTargetSpec;
  readonly judging?: LaneJudging;
  readonly seed: number;
  readonly runs: number;
  readonly maxCommands: number;
  /** Lanes (shards: seed + k, a share of the runs each); default: the cores this machine has. */
  readonly lanes?: number;
  /** The sequences of each lane instead of `runs` shared evenly (see RunOptions.laneRuns). */
  readonly laneRuns?: readonly number[];
  /** Threads the lanes are run on, each taking the next lane when it is free; default: one per lane, at most one per core. */
  readonly threads?: number;
  readonly shrink?: boolean;
  readonly harnessVersion: string;
  readonly replayCommand: (failureIndex: number) => string;
  /** Sequences done, of the total, and calls sent so far over every lane. */
  readonly onProgress?: (done: number, total: number, calls: number) => void;
  /** A thread has no lane left: the bench measures from it how long the pool's tail leaves cores idle. */
  readonly onThreadIdle?: () => void;
  /** Aborting stops every lane before its next sequence (each lane reports what it judged). */
  readonly signal?: AbortSignal;
}

/** What the parent tells a thread: stop drawing sequences (with the reason), or that no lane is left. */
export type LaneControl =
  | { readonly kind: 'stop'; readonly reason: string }
  | { readonly kind: 'done' }
  | LaneAssignment;

/**
 * Whole cores a CPU quota allows (`quota` of CPU time per `period`), or undefined without a
 * quota. A container limited to 2 CPUs on a 64-core host sees 64 in availableParallelism: 64
 * lanes there would each compile the harness again on a sixteenth of a core. A fraction of a
 * core is not a lane's worth (each lane warms its own copy of the code), so it rounds down.
 */
export function quotaCores(quota: number, period: number): number | undefined {
  if (!(quota > 0 && period > 0)) return undefined;
  return Math.max(1, Math.floor(quota / period));
}

/** The CPU quota of this process's cgroup (v2 `cpu.max`, else v1's CFS files), in whole cores. */
function cgroupCores(): number | undefined {
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8').trim();
    } catch {
      return undefined;
    }
  };
  const v2 = read('/sys/fs/cgroup/cpu.max')?.split(' ');
  if (v2) return quotaCores(Number(v2[0]), Number(v2[1]));
  const quota = read('/sys/fs/cgroup/cpu/cpu.cfs_quota_us');
  const period = read('/sys/fs/cgroup/cpu/cpu.cfs_period_us');
  return quota && period ? quotaCores(Number(quota), Number(period)) : undefined;
}

/** As many lanes as the cores this process may use: the CPUs it is allowed, within its cgroup's quota. */
export const defaultLanes = (): number => Math.min(availableParallelism(), cgroupCores() ?? Infinity);

const beside = new URL('./lane-worker.mjs', import.meta.url);
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const ROOT = new URL('../', import.meta.url);

/** Whether dist/lane-worker.mjs under `root` exists and no source it was built from (dist/cli-inputs.json) is newer. */
export function bundleIsFresh(root: URL): boolean {
  try {
    const built = statSync(new URL('dist/lane-worker.mjs', root)).mtimeMs;
    const inputs = JSON.parse(readFileSync(new URL('dist/cli-inputs.json', root), 'utf8')) as string[];
    return inputs.every((file) => statSync(new URL(file, root)).mtimeMs <= built);
  } catch {
    return false;
  }
}

export interface LaneWorker {
  readonly url: URL;
  readonly from: 'bundle' | 'sources';
}

let chosen: LaneWorker | undefined;

/**
 * What a lane's thread loads. The bundle (dist/lane-worker.mjs, which `prepare`, `pretest` and
 * `prebench` build) starts without compiling anything; the TypeScript sources through tsx cost
 * each thread seconds of start-up, which a run with two lanes pays twice. Bundled into
 * dist/cli.mjs, the bundle is beside it. Run from the sources, a checkout uses the bundle while
 * no source is newer than it, so an edit never runs stale code in a lane.
 */
export function laneWorker(): LaneWorker {
  if (chosen) return chosen;
  if (!FROM_SOURCES && existsSync(beside)) chosen = { url: beside, from: 'bundle' };
  else if (bundleIsFresh(ROOT)) chosen = { url: new URL('dist/lane-worker.mjs', ROOT), from: 'bundle' };
  else chosen = { url: new URL('../cli/lane-worker.mjs', import.meta.url), from: 'sources' };
  return chosen;
}

let compilerTuned = false;

/**
 * Every lane's thread compiles the harness and the emulator afresh (isolates share no code), on
 * V8's helper threads, which a second busy thread leaves no core to. Inlining makes those
 * compiles long (the session's large async functions, recompiled after each deopt) and buys this
 * code no speed: measured on 8 lanes of 10 and of 30 sequences, the helpers spent 33-45% less CPU
 * per call without it, the lanes' own threads about the same. V8's flags are the process's: set
 * once, before the first thread starts, so every isolate compiles alike.
 */
function tuneCompiler(): void {
  if (compilerTuned) return;
  compilerTuned = true;
  setFlagsFromString('--no-turbo-inlining');
}

/**
 * A pool of `threads` threads over `lanes` lanes: a thread that finishes a lane takes the next,
 * so a lane that drew longer sequences holds one core while the others go on. Each lane's content
 * depends only on its seed and share (a target of its own, built for it), never on the thread
 * or on which lanes ran before it there, so the merged record is the merge of the shards.
 */
export async function runInWorkers(options: WorkerRunOptions): Promise<RunRecord> {
  tuneCompiler();
  const lanes =
    options.laneRuns?.length ?? Math.max(1, Math.min(options.runs, options.lanes ?? defaultLanes()));
  const threadCount = Math.max(1, Math.min(lanes, options.threads ?? defaultLanes()));
  const setup: LaneSetup = {
    target: options.target,
    ...(options.judging ? { judging: options.judging } : {}),
    maxCommands: options.maxCommands,
    shrink: options.shrink ?? true,
    harnessVersion: options.harnessVersion,
  };
  const records: RunRecord[] = [];
  const calls: number[] = [];
  let done = 0;
  let next = 0;
  const threads: Worker[] = [];
  /** The next lane for a free thread, or that none is left (all handed out, or the run stopped). */
  const nextLane = (): LaneControl => {
    // The first lane always runs, so a run stopped before it began still has a record to merge.
    if (next >= lanes || (next > 0 && options.signal?.aborted)) return { kind: 'done' };
    const index = next++;
    return {
      kind: 'lane',
      index,
      seed: options.seed + index,
      runs: options.laneRuns?.[index] ?? share(options.runs, lanes, index),
    };
  };
  const stop = (worker: Worker) => {
    const reason = String(options.signal?.reason ?? 'stopped');
    worker.postMessage({ kind: 'stop', reason } satisfies LaneControl);
  };
  options.signal?.addEventListener('abort', () => threads.forEach(stop), { once: true });
  const thread = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(laneWorker().url, { workerData: setup });
      threads.push(worker);
      let lane: LaneAssignment | undefined;
      let error: string | undefined;
      const handOut = () => {
        const control = nextLane();
        lane = control.kind === 'lane' ? control : undefined;
        worker.postMessage(control);
        if (!lane) options.onThreadIdle?.();
      };
      handOut();
      worker.on('message', (m: LaneMessage) => {
        if (m.kind === 'sequence') {
          calls[m.lane] = m.calls;
          options.onProgress?.(
            ++done,
            options.runs,
            calls.reduce((a, b) => a + (b ?? 0), 0),
          );
        } else if (m.kind === 'record') {
          records[m.lane] = m.record;
          handOut();
        } else error = m.message;
      });
      worker.on('error', (err) => {
        error ??= err.message;
      });
      worker.on('exit', (code) => {
        if (lane === undefined && error === undefined) resolve();
        else
          reject(
            new Error(
              `lane with seed ${lane?.seed ?? options.seed}: ${error ?? `its thread exited with code ${code}`}`,
            ),
          );
      });
    });
  await Promise.all(Array.from({ length: threadCount }, thread)).catch(async (err: unknown) => {
    // One lane that cannot run fails the run: the others are stopped, not left running.
    await Promise.all(threads.map((t) => t.terminate()));
    throw err;
  });
  // A stop leaves lanes never handed out: the merge is of the lanes that ran, in lane order.
  const merged = mergeRecords(records.filter((r) => r !== undefined));
  return {
    ...merged,
    seed: options.seed,
    failures: merged.failures.map((f, i): Failure => ({ ...f, replay: options.replayCommand(i + 1) })),
  };
}
