/**
 * Peak memory and report-writing time of a run of 100k checked calls: the engine, the recorder
 * and the report writers at that scale, in a child process of their own (report-scale-child.ts).
 * The in-process gateway stands in for the target so the run takes seconds, not minutes of msw.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Figure, figure } from './figures';
import type { ReportScaleOutput } from './report-scale-child';

const CHILD = fileURLToPath(new URL('./report-scale-child.ts', import.meta.url));

export async function reportScaleTrial(
  steps: number,
  writes: number,
  seed: number,
): Promise<ReportScaleOutput> {
  const args = [CHILD, '--steps', String(steps), '--writes', String(writes), '--seed', String(seed)];
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-2_000);
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  const line = stdout.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !line.startsWith('{'))
    throw new Error(`the report-scale run failed (exit ${code}): ${stderr.trim() || stdout.trim()}`);
  return JSON.parse(line) as ReportScaleOutput;
}

export const SCALE_STEPS = 100_000;

/** Peak memory and report-writing time of runs of at least 100k checked calls. */
export async function benchReportScale(
  trials: number,
  seed: number,
  log: (line: string) => void,
): Promise<Figure[]> {
  const outs: ReportScaleOutput[] = [];
  for (let i = 0; i < trials; i++) {
    const out = await reportScaleTrial(SCALE_STEPS, 3, seed + i);
    log(
      `  ${out.steps} steps in ${(out.runMs / 1000).toFixed(1)} s, peak ${Math.round(out.peakRssMb)} MB, reports ${out.writeMs.map((ms) => Math.round(ms)).join('/')} ms`,
    );
    outs.push(out);
  }
  const steps = Math.min(...outs.map((o) => o.steps));
  const verdicts = [...new Set(outs.map((o) => o.verdict))].join(', ');
  const note = `${steps < SCALE_STEPS ? 'only ' : ''}${steps} steps, run ${verdicts}`;
  return [
    figure(
      'scale.peakRss',
      '100k-step run, peak memory (RSS)',
      'MB',
      outs.map((o) => o.peakRssMb),
      {
        op: '<=',
        limit: 500,
      },
      note,
    ),
    figure(
      'scale.writeReports',
      '100k-step run, writing the four reports',
      's',
      outs.flatMap((o) => o.writeMs.map((ms) => ms / 1000)),
      {
        op: '<=',
        limit: 10,
      },
    ),
    figure(
      'scale.callsPerSecond',
      '100k-step run, in-process gateway',
      'calls/s',
      outs.map((o) => (o.steps * 1000) / o.runMs),
    ),
  ];
}
