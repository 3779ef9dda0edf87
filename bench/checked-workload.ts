/**
 * Checked calls per second through the real pipeline of a conformance run: `runConformance`
 * itself (fast-check draws sequences; `RunSession` expects, signs, sends, decodes, checks,
 * commits and settles every call) against one target, `concurrency` lanes side by side. A
 * nonconformance ends the run unshrunk: shrinking is not the throughput being measured.
 */
import type { Target } from '../adapters';
import { runConformance } from '../cli/run-suite';

export interface WorkloadResult {
  /** Checked calls: every step the sessions judged, settle listings included. */
  readonly steps: number;
  readonly elapsedMs: number;
  readonly callsPerSecond: number;
  readonly verdict: string;
}

export async function runCheckedWorkload(
  target: Target,
  options: { readonly seed: number; readonly runs: number; readonly concurrency: number },
): Promise<WorkloadResult> {
  const t0 = performance.now();
  const { record } = await runConformance({
    target,
    seed: options.seed,
    runs: options.runs,
    maxCommands: 40,
    concurrency: options.concurrency,
    shrink: false,
    harnessVersion: 'bench',
    replayCommand: () => '',
  });
  const elapsedMs = performance.now() - t0;
  return {
    steps: record.steps,
    elapsedMs,
    callsPerSecond: (record.steps * 1000) / elapsedMs,
    verdict: record.verdict,
  };
}
