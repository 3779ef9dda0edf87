/**
 * Real traffic for the benchmarks that replay it: a conformance run against the in-process
 * gateway, with every exchange kept and split into sequences at each reset (the engine resets
 * the target before every sequence). The model benchmark replays the calls and the IDs the
 * target chose; the raw HTTP and msw baselines answer with the very response bytes.
 */
import type { Exchange, Target } from '../adapters';
import { createDirectTarget } from '../adapters/direct-target';
import { runConformance } from '../cli/run-suite';
import type { World } from '../model';

export interface Captured {
  readonly world: World;
  /** One list of exchanges per sequence, in the order they were sent (world discovery excluded). */
  readonly sequences: readonly (readonly Exchange[])[];
  readonly verdict: string;
}

/** Wraps a target so that each `send` is kept; a reset starts a new sequence. */
export function capturing(target: Target): { target: Target; sequences: Exchange[][] } {
  const sequences: Exchange[][] = [];
  let current: Exchange[] | undefined;
  const wrapped: Target = {
    kind: target.kind,
    capabilities: target.capabilities,
    endpoint: target.endpoint,
    async send(call) {
      const exchange = await target.send(call);
      current?.push(exchange);
      return exchange;
    },
    async reset() {
      await target.reset?.();
      current = [];
      sequences.push(current);
    },
    ...(target.advanceClock
      ? { advanceClock: (ms: number) => target.advanceClock?.(ms) ?? Promise.resolve() }
      : {}),
    close: async () => target.close?.(),
  };
  return { target: wrapped, sequences };
}

/** Runs `runs` sequences of the conformance suite in-process and keeps their traffic. */
export async function captureTraffic(seed: number, runs: number, maxCommands: number): Promise<Captured> {
  const { target, sequences } = capturing(createDirectTarget({ transitionMs: 1000, clockMode: 'manual' }));
  try {
    const { record, world } = await runConformance({
      target,
      seed,
      runs,
      maxCommands,
      // A nonconformance ends the capture as drawn: shrinking would only replay shorter copies.
      shrink: false,
      harnessVersion: 'bench',
      replayCommand: () => '',
    });
    return { world, sequences, verdict: record.verdict };
  } finally {
    await target.close?.();
  }
}
