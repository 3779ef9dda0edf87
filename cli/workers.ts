/**
 * Lanes in worker threads, so a run uses every core: lane k is a run of its own in a thread of
 * its own, with seed + k and its own target (the direct target in that thread, or an emulator
 * child process of its own), exactly what shard k of a CI matrix runs (`run --seed S+k
 * --concurrency 1`). Their records are merged as `merge` merges shards, so N lanes here and N
 * shards there give the same coverage. A failure replays alone from its lane's seed.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
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
}

/** What one lane's thread is given (structured-cloned into it). */
/** How every lane judges: readings fixed with `--reading`, undocumented values failing with `--strict`. */
export interface LaneJudging {
  readonly readings?: Readonly<Record<string, string>>;
  readonly strict?: boolean;
}

export interface LaneJob {
  readonly target: WorkerTargetSpec;
  readonly judging?: LaneJudging;
  readonly seed: number;
  readonly runs: number;
  readonly maxCommands: number;
  readonly shrink: boolean;
  readonly harnessVersion: string;
}

export type LaneMessage =
  | { readonly kind: 'sequence'; readonly calls: number }
  | { readonly kind: 'record'; readonly record: RunRecord }
  | { readonly kind: 'error'; readonly message: string };

export interface WorkerRunOptions {
  readonly target: WorkerTargetSpec;
  readonly judging?: LaneJudging;
  readonly seed: number;
  readonly runs: number;
  readonly maxCommands: number;
  /** Lanes (threads); default: the cores this machine has. */
  readonly lanes?: number;
  /** The sequences of each lane instead of `runs` shared evenly (see RunOptions.laneRuns). */
  readonly laneRuns?: readonly number[];
  readonly shrink?: boolean;
  readonly harnessVersion: string;
  readonly replayCommand: (failureIndex: number) => string;
  /** Sequences done, of the total, and calls sent so far over every lane. */
  readonly onProgress?: (done: number, total: number, calls: number) => void;
  /** Aborting stops every lane before its next sequence (each lane reports what it judged). */
  readonly signal?: AbortSignal;
}

/** What the parent tells a lane's thread: stop drawing sequences, with the reason. */
export interface LaneStop {
  readonly kind: 'stop';
  readonly reason: string;
}

/** As many lanes as the machine has cores. */
export const defaultLanes = (): number => availableParallelism();

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

function runLaneThread(
  job: LaneJob,
  onSequence: (calls: number) => void,
  started: (worker: Worker) => void,
): Promise<RunRecord> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(laneWorker().url, { workerData: job });
    started(worker);
    let record: RunRecord | undefined;
    let error: string | undefined;
    worker.on('message', (m: LaneMessage) => {
      if (m.kind === 'sequence') onSequence(m.calls);
      else if (m.kind === 'record') record = m.record;
      else error = m.message;
    });
    worker.on('error', (err) => {
      error ??= err.message;
    });
    worker.on('exit', (code) => {
      if (record) resolve(record);
      else reject(new Error(`lane with seed ${job.seed}: ${error ?? `its thread exited with code ${code}`}`));
    });
  });
}

/** A conformance run whose lanes run in worker threads; resolves to the merged record. */
export async function runInWorkers(options: WorkerRunOptions): Promise<RunRecord> {
  const lanes =
    options.laneRuns?.length ?? Math.max(1, Math.min(options.runs, options.lanes ?? defaultLanes()));
  let done = 0;
  const calls: number[] = [];
  const threads: Worker[] = [];
  const stop = (worker: Worker) => {
    const reason = String(options.signal?.reason ?? 'stopped');
    worker.postMessage({ kind: 'stop', reason } satisfies LaneStop);
  };
  options.signal?.addEventListener('abort', () => threads.forEach(stop), { once: true });
  const records = await Promise.all(
    Array.from({ length: lanes }, (_, k) =>
      runLaneThread(
        {
          target: options.target,
          ...(options.judging ? { judging: options.judging } : {}),
          seed: options.seed + k,
          runs: options.laneRuns?.[k] ?? share(options.runs, lanes, k),
          maxCommands: options.maxCommands,
          shrink: options.shrink ?? true,
          harnessVersion: options.harnessVersion,
        },
        (sent) => {
          calls[k] = sent;
          options.onProgress?.(
            ++done,
            options.runs,
            calls.reduce((a, b) => a + b, 0),
          );
        },
        (worker) => {
          threads.push(worker);
          if (options.signal?.aborted) stop(worker);
        },
      ),
    ),
  ).catch(async (err: unknown) => {
    // One lane that cannot run fails the run: the others are stopped, not left running.
    await Promise.all(threads.map((t) => t.terminate()));
    throw err;
  });
  const merged = mergeRecords(records);
  return {
    ...merged,
    seed: options.seed,
    failures: merged.failures.map((f, i): Failure => ({ ...f, replay: options.replayCommand(i + 1) })),
  };
}
