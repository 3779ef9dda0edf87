/**
 * One lane in a worker thread: its own target built from a spec (an emulator of its own, in
 * this thread or as a child process), one conformance run with its own seed, its record posted
 * back. See workers.ts.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { createTarget } from '../adapters';
import { RunEvents } from '../properties/events';
import { ReadingBook } from '../properties/readings';
import { runConformance, withTargetEvents } from './run-suite';
import type { LaneJob, LaneMessage, LaneStop } from './workers';

const job = workerData as LaneJob;
const post = (m: LaneMessage) => parentPort?.postMessage(m);
let stopReason: string | undefined;
/**
 * Read synchronously before each sequence: an in-process target answers in microtasks, so a
 * 'message' listener would not run until the whole run is over.
 */
const stopped = (): string | undefined => {
  const m = parentPort ? (receiveMessageOnPort(parentPort)?.message as LaneStop | undefined) : undefined;
  if (m?.kind === 'stop') stopReason = m.reason;
  return stopReason;
};

try {
  const target = await createTarget(job.target.kind, {
    transitionMs: job.target.transitionMs,
    clockMode: 'manual',
    ...(job.target.faultProfile !== undefined ? { faultProfile: job.target.faultProfile } : {}),
  });
  // The lane's progress counts exchanges from the run's events, as the parent's display does.
  const events = new RunEvents();
  let calls = 0;
  events.on('exchange', () => {
    calls++;
  });
  try {
    const { record } = await runConformance({
      target: withTargetEvents(target, events),
      events,
      seed: job.seed,
      runs: job.runs,
      maxCommands: job.maxCommands,
      concurrency: 1,
      shrink: job.shrink,
      harnessVersion: job.harnessVersion,
      // The parent names the replay of each failure once the lanes are merged.
      replayCommand: () => '',
      onProgress: () => post({ kind: 'sequence', calls }),
      stopped,
      session: {
        readings: new ReadingBook(job.judging?.readings),
        ...(job.judging?.strict ? { strict: true } : {}),
      },
    });
    post({ kind: 'record', record });
  } finally {
    await target.close?.();
  }
} catch (err) {
  post({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
}
