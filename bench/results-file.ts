/**
 * bench/results.json: commit-friendly (keys always in the same order, figures rounded to three
 * significant digits) and self-describing (the machine, its load and the commit it measured).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, totalmem } from 'node:os';
import { type Figure, statusOf } from './figures';

export const RESULTS_VERSION = 1;

export interface Machine {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGb: number;
  readonly node: string;
  readonly platform: string;
}

export function machine(): Machine {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${platform()} ${arch()}`,
  };
}

/** The 1-minute load average, rounded: how busy the machine was around the measurement. */
export const load = (): number => Math.round((loadavg()[0] ?? 0) * 100) / 100;

/** The commit measured, when the package is a git checkout (read-only). */
export function commit(cwd: string): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd,
      encoding: 'utf8',
      stdio: 'pipe',
    }).trim();
  } catch {
    return null;
  }
}

export interface FaultRow {
  readonly profile: string;
  readonly detected: boolean;
  readonly seconds: number | null;
  readonly shrunkLength: number | null;
  readonly rule: string | null;
}

export interface ResultsInput {
  readonly measuredAt: Date;
  readonly machine: Machine;
  readonly loadBefore: number;
  readonly loadAfter: number;
  readonly commit: string | null;
  readonly settings: Readonly<Record<string, number | string | boolean>>;
  readonly figures: readonly Figure[];
  readonly faultProfiles: readonly FaultRow[] | null;
}

/** The document, built field by field so the key order never depends on how it was computed. */
export function resultsDocument(r: ResultsInput) {
  return {
    version: RESULTS_VERSION,
    measuredAt: r.measuredAt.toISOString(),
    commit: r.commit,
    machine: { ...r.machine, loadBefore: r.loadBefore, loadAfter: r.loadAfter },
    settings: Object.fromEntries(
      Object.keys(r.settings)
        .sort()
        .map((k) => [k, r.settings[k]]),
    ),
    figures: r.figures.map((f) => ({
      id: f.id,
      label: f.label,
      unit: f.unit,
      median: f.summary?.median ?? null,
      min: f.summary?.min ?? null,
      max: f.summary?.max ?? null,
      q1: f.summary?.q1 ?? null,
      q3: f.summary?.q3 ?? null,
      n: f.summary?.n ?? 0,
      budget: f.budget ? `${f.budget.op} ${f.budget.limit}` : null,
      status: statusOf(f),
      note: f.note ?? null,
    })),
    faultProfiles:
      r.faultProfiles?.map((p) => ({
        profile: p.profile,
        detected: p.detected,
        seconds: p.seconds,
        shrunkLength: p.shrunkLength,
        rule: p.rule,
      })) ?? null,
  };
}

export function writeResults(path: string, r: ResultsInput): void {
  writeFileSync(path, `${JSON.stringify(resultsDocument(r), null, 2)}\n`);
}
