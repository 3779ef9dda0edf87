import { observedTarget } from '../adapters/observed-target';
import type { Target } from '../adapters/target';
import type { World } from '../model';
import { type RunOptions, runEngine } from '../properties/engine';
import { RunEvents } from '../properties/events';
import type { WorldNote } from '../properties/world';
import type { RunRecord } from '../reports/run-record';
import { RunRecordBuilder } from '../reports/run-record-builder';

export interface RunResult {
  readonly record: RunRecord;
  readonly world: World;
  /** What learning the world saw but could not use. */
  readonly worldNotes: readonly WorldNote[];
}

/**
 * A conformance run with its run record: the engine emits, the record builder subscribes. Other
 * subscribers (a progress display) join through `options.events`.
 */
export async function runConformance(options: RunOptions): Promise<RunResult> {
  const events = options.events ?? new RunEvents();
  const builder = new RunRecordBuilder(events);
  const { world, worldNotes } = await runEngine({ ...options, events });
  return { record: builder.record(), world, worldNotes };
}

/**
 * The run's target with what it does (every exchange, reset and clock advance) emitted on the
 * run's events, once, here: cassettes and the real target's inventory subscribe there.
 */
export const withTargetEvents = <T extends Target>(target: T, events: RunEvents): T =>
  observedTarget(target, (event) => events.emit(event));
