/**
 * The emulator target end to end (expect, sign, send over a socket, serve in the child process,
 * decode, check, commit, settle) in checked calls per second at concurrency 1 and 16, beside the
 * raw HTTP limit measured in the same trial, right before, with the same bytes and process layout.
 */
import { createEmulatorTarget, type EmulatorTarget } from '../adapters';
import type { Captured } from './capture';
import { runCheckedWorkload, type WorkloadResult } from './checked-workload';
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

interface Measured {
  readonly w: WorkloadResult;
  /** CPU per checked call, µs: this process, and the emulator's (undefined without /proc). */
  readonly client: number;
  readonly server: number | undefined;
}

async function measured(target: EmulatorTarget, seed: number, runs: number, c: number): Promise<Measured> {
  const client0 = ownCpuMs();
  const server0 = processCpuMs(target.pid);
  const w = await runCheckedWorkload(target, { seed, runs, concurrency: c });
  const server1 = processCpuMs(target.pid);
  const client = perCall(ownCpuMs() - client0, w.steps);
  const server =
    server0 === undefined || server1 === undefined ? undefined : perCall(server1 - server0, w.steps);
  return { w, client, server };
}

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
    const warm = {
      rates: [] as number[],
      ratios: [] as number[],
      server: [] as number[],
      verdicts: new Set<string>(),
    };
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
        let run: Measured;
        let again: Measured | undefined;
        try {
          run = await measured(target, o.seed + trial, o.sequences, c);
          // The same calls once more on the now warm child: how much of the child's CPU above was
          // its warm-up (a fresh process interprets until V8 has optimised its hot paths). The
          // run reads the child's clock first (clockNow), so the moved manual clock is judged.
          if (c === 1 && trial > 0) again = await measured(target, o.seed + trial, o.sequences, c);
        } finally {
          await target.close?.();
        }
        if (trial === 0) continue; // warm-up: both sides compile their hot paths
        const { w } = run;
        verdicts.add(w.verdict);
        checked[c].push(w.callsPerSecond);
        rawRates[c].push(r);
        ratios[c].push(w.callsPerSecond / r);
        clientCpu[c].push(run.client);
        if (run.server !== undefined) serverCpu[c].push(run.server);
        if (rawServer0 !== undefined && rawServer1 !== undefined)
          rawCpu[c].push(rawClient + perCall(rawServer1 - rawServer0, RAW_REQUESTS[c]));
        if (again) {
          warm.verdicts.add(again.w.verdict);
          warm.rates.push(again.w.callsPerSecond);
          warm.ratios.push(again.w.callsPerSecond / r);
          if (again.server !== undefined) warm.server.push(again.server);
        }
        o.log(`  emulator c=${c}: ${Math.round(w.callsPerSecond)} checked/s, raw ${Math.round(r)}/s`);
      }
    }
    const note = verdictNote(verdicts);
    const noProc = serverCpu[1].length ? undefined : 'needs /proc (Linux)';
    const warmNote = verdictNote(warm.verdicts);
    const warmFigures = [
      figure(
        'emulator.c1.warm',
        'emulator target, c=1, its child warm (the same run again)',
        'calls/s',
        warm.rates,
        undefined,
        warmNote,
      ),
      figure('emulator.c1.warmRatio', 'emulator warm / raw, concurrency 1', 'ratio', warm.ratios),
      figure(
        'emulator.c1.warmCpuEmulator',
        'CPU per checked call, emulator warm, c=1',
        'µs',
        warm.server,
        undefined,
        noProc,
      ),
    ];
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
      ...(c === 1 ? warmFigures : []),
    ]);
  } finally {
    await raw.close();
  }
}
