/**
 * `npm run bench`: every benchmark of issues 7 and 15 in one run. Each figure is the median of several
 * trials with its spread; each ratio is taken within one trial (the baseline measured right
 * before what it is compared with), so machine load moves both sides together.
 */
import { fileURLToPath } from 'node:url';
import { type Captured, captureTraffic } from './capture';
import { benchConformance } from './conformance-wall';
import { benchDirect } from './direct-throughput';
import { benchEmulatorServing } from './emulator-serving';
import { benchEmulator } from './emulator-throughput';
import { benchFaultDetection } from './fault-detection';
import { type Figure, figure, renderTable } from './figures';
import { benchMock } from './mock-throughput';
import { benchModel } from './model-throughput';
import { benchReportScale } from './report-scale';
import { commit, type FaultRow, load, machine, writeResults } from './results-file';

export const BENCHMARKS = [
  'model',
  'direct',
  'serving',
  'emulator',
  'mock',
  'conformance',
  'faults',
  'scale',
] as const;
export type BenchmarkName = (typeof BENCHMARKS)[number];

export interface BenchOptions {
  readonly only: readonly BenchmarkName[];
  /** Trials of the short benchmarks (model, emulator, mock). */
  readonly trials: number;
  /** Runs of `npm run conformance`, and of the 100k-step run. */
  readonly longTrials: number;
  readonly seed: number;
  /** Where results.json goes; undefined: not written. */
  readonly out: string | undefined;
  readonly log: (line: string) => void;
}

export const DEFAULT_RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Sequences of the captured traffic: what the model replays and the raw baselines answer. */
const CAPTURE = { runs: 60, maxCommands: 40 };

/**
 * The worker runs of the direct benchmark: a short run (about a second on one thread, warm-up
 * dominated; ids as before) and a deep one (about 15 s on one thread: one CI shard's worth), on
 * which the 1.7 budget is judged.
 */
const WORKER_SERIES = [
  { id: 'direct.workers', name: 'short run', sequences: 80, budget: false },
  { id: 'direct.deep.workers', name: 'deep run', sequences: 800, budget: true },
] as const;

export interface BenchReport {
  readonly figures: readonly Figure[];
  readonly table: string;
}

/** Runs one benchmark (`name`: `id: what`); a benchmark that breaks leaves a row saying so, and the others still run. */
async function attempt(
  name: string,
  figures: Figure[],
  log: (line: string) => void,
  run: () => Promise<Figure[]> | Figure[],
): Promise<void> {
  log(name);
  try {
    figures.push(...(await run()));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log(`  failed: ${message}`);
    figures.push(figure(`${name.split(':')[0]}.error`, name, '', undefined, undefined, `failed: ${message}`));
  }
}

export async function runBenchmarks(o: BenchOptions): Promise<BenchReport> {
  const loadBefore = load();
  const want = (name: BenchmarkName) => o.only.includes(name);
  const figures: Figure[] = [];
  let faultRows: FaultRow[] | null = null;
  o.log(`load average ${loadBefore} on ${machine().cpus} cores`);
  const throughput = { trials: o.trials, seed: o.seed, log: o.log };
  if (want('model') || want('emulator') || want('mock')) {
    let captured: Captured | undefined;
    await attempt(`capture: traffic of ${CAPTURE.runs} sequences in-process`, figures, o.log, async () => {
      captured = await captureTraffic(o.seed, CAPTURE.runs, CAPTURE.maxCommands);
      return [];
    });
    const traffic = captured;
    if (traffic && want('model'))
      await attempt('model: transitions', figures, o.log, () => benchModel(traffic, o.trials));
    if (traffic && want('emulator'))
      await attempt('emulator: target against raw HTTP', figures, o.log, () =>
        benchEmulator(traffic, { ...throughput, sequences: 32 }),
      );
    if (traffic && want('mock'))
      await attempt('mock: target against raw msw', figures, o.log, () =>
        benchMock(traffic, { ...throughput, sequences: 12 }),
      );
  }
  if (want('direct'))
    await attempt('direct: the direct target, one lane and lanes in worker threads', figures, o.log, () =>
      benchDirect({ ...throughput, sequences: 32, workers: WORKER_SERIES }),
    );
  if (want('serving'))
    await attempt('serving: the emulator against a trivial server', figures, o.log, () =>
      benchEmulatorServing(o.trials, o.log),
    );
  if (want('conformance'))
    await attempt('conformance: npm run conformance', figures, o.log, () =>
      benchConformance(o.longTrials, o.log),
    );
  if (want('faults'))
    await attempt('faults: fault profiles', figures, o.log, async () => {
      const faults = await benchFaultDetection(o.log);
      faultRows = faults.rows;
      return faults.figures;
    });
  if (want('scale'))
    await attempt('scale: 100k-step run, peak memory and report writing', figures, o.log, () =>
      benchReportScale(o.longTrials, o.seed, o.log),
    );
  if (o.out)
    writeResults(o.out, {
      measuredAt: new Date(),
      machine: machine(),
      loadBefore,
      loadAfter: load(),
      commit: commit(ROOT),
      settings: { only: o.only.join(','), trials: o.trials, longTrials: o.longTrials, seed: o.seed },
      figures,
      faultProfiles: faultRows,
    });
  return { figures, table: renderTable(figures) };
}
