/**
 * Lanes in worker threads, so a run uses every core: lane k is a run of its own in a thread of
 * its own, with seed + k and its own target (the direct target in that thread, or an emulator
 * child process of its own), exactly what shard k of a CI matrix runs (`run --seed S+k
 * --concurrency 1`). Their records are merged as `merge` merges shards, so N lanes here and N
 * shards there give the same coverage. A failure replays alone from its lane's seed.
 */
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
export interface LaneJob {
  readonly target: WorkerTargetSpec;
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
  readonly seed: number;
  readonly runs: number;
  readonly maxCommands: number;
  /** Lanes (threads); default: the cores this machine has. */
  readonly lanes?: number;
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

const WORKER = new URL('./lane-worker.mjs', import.meta.url);

function runLaneThread(
  job: LaneJob,
  onSequence: (calls: number) => void,
  started: (worker: Worker) => void,
): Promise<RunRecord> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: job });
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
  const lanes = Math.max(1, Math.min(options.runs, options.lanes ?? defaultLanes()));
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
          seed: options.seed + k,
          runs: share(options.runs, lanes, k),
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
