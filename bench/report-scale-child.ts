/**
 * The child process of the report-scale benchmark (its own process, so that its peak memory is
 * the run's alone): a conformance run against the in-process gateway that draws sequences until
 * `--steps` calls were made (then it stops drawing, as a capped run does: verdict inconclusive),
 * then the four report files written `--writes` times. Prints one JSON line.
 * Usage: node --import tsx report-scale-child.ts --steps N [--writes N] [--seed N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Target } from '../adapters';
import { createDirectTarget } from '../adapters/direct-target';
import { runConformance } from '../cli/run-suite';
import { writeReports } from '../reports/write';

export interface ReportScaleOutput {
  readonly steps: number;
  readonly runMs: number;
  readonly writeMs: readonly number[];
  readonly peakRssMb: number;
  readonly verdict: string;
}

const WORLD_CALLS = 16;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      steps: { type: 'string' },
      writes: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
    },
  });
  const steps = Number(values.steps);
  const writes = Number(values.writes);
  if (!Number.isInteger(steps) || steps < 1 || !Number.isInteger(writes) || writes < 1)
    throw new Error('usage: report-scale-child --steps N [--writes N] [--seed N]');
  const direct = createDirectTarget({ transitionMs: 1000, clockMode: 'manual' });
  let sent = 0;
  const target: Target = {
    ...direct,
    send: (call) => {
      sent++;
      return direct.send(call);
    },
  };
  const t0 = performance.now();
  const { record } = await runConformance({
    target,
    seed: Number(values.seed),
    // More sequences than can be needed: the run stops drawing once it made enough calls.
    runs: steps,
    maxCommands: 40,
    // World discovery sends a few calls that are no steps: a margin keeps steps >= the goal.
    stopped: () => (sent >= steps + WORLD_CALLS ? `stopped after ${sent} calls` : undefined),
    // A failure ends the run as drawn: shrinking it is no part of what this measures.
    shrink: false,
    harnessVersion: 'bench',
    replayCommand: () => '',
  });
  const runMs = performance.now() - t0;
  await target.close?.();
  const dir = mkdtempSync(join(tmpdir(), 'ebs-bench-reports-'));
  const writeMs: number[] = [];
  try {
    for (let i = 0; i < writes; i++) {
      const w0 = performance.now();
      writeReports(dir, record);
      writeMs.push(performance.now() - w0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const out: ReportScaleOutput = {
    steps: record.steps,
    runMs,
    writeMs,
    // maxRSS is in kilobytes.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    verdict: record.verdict,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`report-scale: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
