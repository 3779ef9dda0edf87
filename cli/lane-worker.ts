/**
 * One thread of a run's pool: it runs the lanes the parent hands it one at a time, each with a
 * target of its own built from the spec (an emulator in this thread, or a child process) and
 * its own seed, posts each lane's record back, and ends when no lane is left. See workers.ts.
 */
import { once } from 'node:events';
import { type MessagePort, parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { createTarget } from '../adapters';
import { RunEvents } from '../properties/events';
import { ReadingBook } from '../properties/readings';
import { runConformance, withTargetEvents } from './run-suite';
import type { LaneAssignment, LaneControl, LaneMessage, LaneSetup } from './workers';

const setup = workerData as LaneSetup;
const post = (m: LaneMessage) => parentPort?.postMessage(m);
let stopReason: string | undefined;

/** A stop only sets the reason; a lane or `done` is what the thread waits for. */
const note = (m: LaneControl): LaneControl => {
  if (m.kind === 'stop') stopReason = m.reason;
  return m;
};

/**
 * Read synchronously before each sequence: an in-process target answers in microtasks, so a
 * 'message' listener would not run until the whole lane is over. The parent sends nothing but a
 * stop while a lane runs.
 */
const stopped = (): string | undefined => {
  const m = parentPort ? (receiveMessageOnPort(parentPort)?.message as LaneControl | undefined) : undefined;
  if (m) note(m);
  return stopReason;
};

/** The next lane from the parent, or undefined when none is left. */
async function nextLane(port: MessagePort): Promise<LaneAssignment | undefined> {
  for (;;) {
    const [m] = (await once(port, 'message')) as [LaneControl];
    const control = note(m);
    if (control.kind === 'lane') return control;
    if (control.kind === 'done') return undefined;
  }
}

async function runLane(lane: LaneAssignment): Promise<void> {
  const target = await createTarget(setup.target.kind, {
    transitionMs: setup.target.transitionMs,
    clockMode: 'manual',
    ...(setup.target.faultProfile !== undefined ? { faultProfile: setup.target.faultProfile } : {}),
    ...(setup.target.readings !== undefined ? { readings: setup.target.readings } : {}),
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
      seed: lane.seed,
      runs: lane.runs,
      maxCommands: setup.maxCommands,
      concurrency: 1,
      shrink: setup.shrink,
      harnessVersion: setup.harnessVersion,
      // The parent names the replay of each failure once the lanes are merged.
      replayCommand: () => '',
      onProgress: () => post({ kind: 'sequence', lane: lane.index, calls }),
      stopped,
      session: {
        readings: new ReadingBook(setup.judging?.readings),
        ...(setup.judging?.strict ? { strict: true } : {}),
      },
    });
    post({ kind: 'record', lane: lane.index, record });
  } finally {
    await target.close?.();
  }
}

try {
  if (parentPort)
    for (let lane = await nextLane(parentPort); lane; lane = await nextLane(parentPort)) await runLane(lane);
} catch (err) {
  post({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
}
