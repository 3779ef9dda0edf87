/**
 * Model transitions per second: `allowedOutcomes` and the commit of the observed answer (`next`, then
 * `advance` past the settle window after an accepted change, as the session does), replayed
 * over captured sequences: the calls a real run generated and the IDs the target chose.
 */
import type { Exchange } from '../adapters';
import { findOperation } from '../api';
import { advance, allowedOutcomes, initialState, type ModelState, type World } from '../model';
import type { Captured } from './capture';
import { ownCpuMs } from './cpu-time';
import { type Figure, figure } from './figures';

/** The settle window the session lets pass after an accepted change (virtual time). */
const SETTLE_MS = 60_000;
const T0 = Date.UTC(2026, 0, 1);

interface ReplayStep {
  readonly call: Exchange['call'];
  readonly observed: Readonly<Record<string, unknown>> | undefined;
  readonly mutating: boolean;
}

function prepare(sequences: readonly (readonly Exchange[])[]): ReplayStep[][] {
  return sequences.map((seq) =>
    seq.map((x) => ({
      call: x.call,
      observed: x.outcome.kind === 'success' ? x.outcome.body : undefined,
      mutating: findOperation(x.call.product, x.call.version, x.call.action)?.mutating ?? false,
    })),
  );
}

/** One pass over every sequence from the initial state; answers how many transitions it made. */
function replayOnce(world: World, steps: readonly (readonly ReplayStep[])[]): number {
  let transitions = 0;
  for (const seq of steps) {
    let state: ModelState = initialState(world);
    let now = T0;
    for (const step of seq) {
      const e = allowedOutcomes(state, step.call, now);
      transitions++;
      if (e.kind === 'success' && step.observed) {
        state = e.next(step.observed);
        if (step.mutating) {
          now += SETTLE_MS;
          state = advance(state, now);
        }
      }
    }
  }
  return transitions;
}

/** One pass of at least `minMs`: transitions per second of wall time and per second of this thread's CPU. */
export interface ModelPass {
  readonly perSecond: number;
  readonly perCpuSecond: number;
}

/** Transitions per second over passes of at least `minMs` of work. */
export function modelTransitionsPerSecond(
  world: World,
  sequences: readonly (readonly Exchange[])[],
  minMs = 300,
): () => ModelPass {
  const steps = prepare(sequences);
  return () => {
    const cpu0 = ownCpuMs();
    const t0 = performance.now();
    let transitions = 0;
    let elapsed = 0;
    do {
      transitions += replayOnce(world, steps);
      elapsed = performance.now() - t0;
    } while (elapsed < minMs);
    const cpuMs = ownCpuMs() - cpu0;
    return {
      perSecond: (transitions * 1000) / elapsed,
      perCpuSecond: cpuMs > 0 ? (transitions * 1000) / cpuMs : Number.NaN,
    };
  };
}

/** The model figure: transitions per second over `trials` passes of the captured traffic. */
export function benchModel(captured: Captured, trials: number): Figure[] {
  const measure = modelTransitionsPerSecond(captured.world, captured.sequences);
  // Warm-up: the first passes pay for compilation and tiering up (about a second here).
  for (const t0 = performance.now(); performance.now() - t0 < 1_500; ) measure();
  const passes = Array.from({ length: trials }, measure);
  return [
    figure(
      'model.transitions',
      'model transitions (allowedOutcomes + commit)',
      '/s',
      passes.map((p) => p.perSecond),
      { op: '>=', limit: 200_000 },
    ),
    // Wall time counts every other process of a loaded machine against the model; CPU time much less.
    figure(
      'model.transitionsPerCpu',
      'model transitions per CPU second (load moves it less)',
      '/s',
      passes.map((p) => p.perCpuSecond),
    ),
  ];
}
