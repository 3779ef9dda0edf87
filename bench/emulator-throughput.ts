/**
 * The emulator target end to end (expect, sign, send over a socket, serve in the child process,
 * decode, check, commit, settle) in checked calls per second at concurrency 1 and 16, beside the
 * raw HTTP limit measured in the same trial, right before, with the same bytes and process layout.
 */
import { createEmulatorTarget } from '../adapters';
import type { Captured } from './capture';
import { runCheckedWorkload } from './checked-workload';
import { ownCpuMs, processCpuMs } from './cpu-time';
import { type Figure, figure } from './figures';
import { rawHttpRate, startRawServer } from './raw-http';
import { replayedTraffic } from './replayed-traffic';

export interface ThroughputOptions {
  readonly trials: number;
  readonly seed: number;
  /** Sequences per trial (split among the concurrent lanes). */
  readonly sequences: number;
  readonly log: (line: string) => void;
}

const CONCURRENCY = [1, 16] as const;
/** Raw requests per trial: enough for a steady rate, few enough to keep the trial short. */
const RAW_REQUESTS = { 1: 2_000, 16: 8_000 } as const;
/** Issue 15's budgets: the emulator target's share of raw loopback HTTP. */
const RATIO_BUDGET = { 1: 0.5, 16: 0.3 } as const;

/** A run that stopped early still measured checked calls, but fewer: the table says so. */
export function verdictNote(verdicts: ReadonlySet<string>): string | undefined {
  const other = [...verdicts].filter((v) => v !== 'conformant');
  return other.length > 0 ? `runs ended ${other.join(', ')} (stopped at the first failure)` : undefined;
}

const perCall = (ms: number, steps: number) => (ms * 1000) / steps;

export async function benchEmulator(captured: Captured, o: ThroughputOptions): Promise<Figure[]> {
  const raw = await startRawServer(replayedTraffic(captured.sequences, 'http://placeholder'));
  try {
    const traffic = replayedTraffic(captured.sequences, raw.origin);
    const series = () => ({ 1: [] as number[], 16: [] as number[] });
    const checked = series();
    const rawRates = series();
    const ratios = series();
    const clientCpu = series();
    const serverCpu = series();
    const rawCpu = series();
    const verdicts = new Set<string>();
    for (let trial = 0; trial <= o.trials; trial++) {
      for (const c of CONCURRENCY) {
        const rawClient0 = ownCpuMs();
        const rawServer0 = processCpuMs(raw.pid);
        const r = await rawHttpRate(raw.origin, traffic, RAW_REQUESTS[c], c);
        const rawServer1 = processCpuMs(raw.pid);
        const rawClient = perCall(ownCpuMs() - rawClient0, RAW_REQUESTS[c]);
        // An emulator per run, as `run --target emulator` starts one: a reset forgets the
        // account but not how far earlier runs moved the manual clock, and a run judges the
        // times the target answers against its own clock (a second run on one child failed
        // PAIR.DESCRIBE.TIMES_IN_SECONDS within a few calls, and its rate measured that).
        // The same settings as `npm run conformance`: virtual transitions of 1 s on a manual clock.
        const target = await createEmulatorTarget({ transitionMs: 1000, clockMode: 'manual' });
        let w: Awaited<ReturnType<typeof runCheckedWorkload>>;
        let client0: number;
        let server0: number | undefined;
        let server1: number | undefined;
        try {
          client0 = ownCpuMs();
          server0 = processCpuMs(target.pid);
          w = await runCheckedWorkload(target, { seed: o.seed + trial, runs: o.sequences, concurrency: c });
          server1 = processCpuMs(target.pid);
        } finally {
          await target.close?.();
        }
        if (trial === 0) continue; // warm-up: both sides compile their hot paths
        verdicts.add(w.verdict);
        checked[c].push(w.callsPerSecond);
        rawRates[c].push(r);
        ratios[c].push(w.callsPerSecond / r);
        clientCpu[c].push(perCall(ownCpuMs() - client0, w.steps));
        if (server0 !== undefined && server1 !== undefined)
          serverCpu[c].push(perCall(server1 - server0, w.steps));
        if (rawServer0 !== undefined && rawServer1 !== undefined)
          rawCpu[c].push(rawClient + perCall(rawServer1 - rawServer0, RAW_REQUESTS[c]));
        o.log(`  emulator c=${c}: ${Math.round(w.callsPerSecond)} checked/s, raw ${Math.round(r)}/s`);
      }
    }
    const note = verdictNote(verdicts);
    const noProc = serverCpu[1].length ? undefined : 'needs /proc (Linux)';
    return CONCURRENCY.flatMap((c) => [
      figure(
        `emulator.c${c}.checked`,
        `emulator target, concurrency ${c}`,
        'calls/s',
        checked[c],
        undefined,
        note,
      ),
      figure(`emulator.c${c}.raw`, `raw undici + node:http, concurrency ${c}`, 'req/s', rawRates[c]),
      figure(`emulator.c${c}.ratio`, `emulator / raw, concurrency ${c}`, 'ratio', ratios[c], {
        op: '>=',
        limit: RATIO_BUDGET[c],
      }),
      // Where a checked call's time goes: which side to make cheaper.
      figure(`emulator.c${c}.cpuHarness`, `CPU per checked call, harness, c=${c}`, 'µs', clientCpu[c]),
      figure(
        `emulator.c${c}.cpuEmulator`,
        `CPU per checked call, emulator, c=${c}`,
        'µs',
        serverCpu[c],
        undefined,
        noProc,
      ),
      // What the transport alone costs: the floor under the two figures above (a checked call
      // also makes about 0.3 more requests, the manual clock's advances).
      figure(
        `emulator.c${c}.cpuRaw`,
        `CPU per raw request, client + server, c=${c}`,
        'µs',
        rawCpu[c],
        undefined,
        noProc,
      ),
    ]);
  } finally {
    await raw.close();
  }
}
