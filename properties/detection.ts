import { performance } from 'node:perf_hooks';
import { createTarget } from '../adapters';
import type { Failure, Verdict } from '../reports/run-record';
import { runConformance } from './engine';

/**
 * Detection power: a conformance run against a target that departs from its documentation the
 * way a fault profile says, and whether the run reported it where it should. The detection test,
 * `ebs-conformance detect` and the benchmarks share this.
 */
/**
 * What detection needs to know of a fault profile (emulator/deviations' ProfileUnderTest has it; the
 * emulator is no layer of properties/, so the shape is restated here).
 */
export interface ProfileUnderTest {
  readonly name: string;
  /** The operation that departs from its documentation. */
  readonly operation: string;
  /** The documented rules it breaks. */
  readonly ruleIds: readonly string[];
  /** Where a run sees it when only a later read shows the damage. */
  readonly observedIn?: { readonly operation: string; readonly ruleIds: readonly string[] };
}

export interface DetectionOptions {
  readonly target?: 'direct' | 'mock' | 'emulator';
  readonly seed?: number;
  readonly runs?: number;
  readonly maxCommands?: number;
  /** Virtual duration of transient statuses in the target (as `run` uses). */
  readonly transitionMs?: number;
  readonly harnessVersion?: string;
  /** false: stop at the first failing sequence without shrinking it (a test needs only the verdict). */
  readonly shrink?: boolean;
}

export interface Detection {
  readonly profile: string;
  readonly verdict: Verdict;
  /** The run reported a nonconformance naming the profile's operation and one of its rules. */
  readonly detected: boolean;
  /** Wall time to the verdict, shrinking aside: learning the world and the sequences up to the first failure. */
  readonly ms: number;
  /** Calls of the shrunk counterexample, without the harness's own settle reads (when shrunk). */
  readonly shrunkLength?: number;
  readonly failure?: Failure;
  /** Transient faults the client met and retried (the control profile's bursts). */
  readonly retried: number;
}

export const DETECTION_DEFAULTS = {
  target: 'direct',
  seed: 20261123,
  runs: 60,
  maxCommands: 40,
  transitionMs: 1000,
} as const;

const SETTLE = 'settle: ';

/** Calls a counterexample made itself: its settle reads are the harness's, not the sequence's. */
export const counterexampleLength = (failure: Failure): number =>
  failure.trace.filter((s) => !s.command.startsWith(SETTLE)).length;

/**
 * Whether a failure is the profile's deviation: it names the operation where the deviation shows
 * (the call itself, or the later read in `observedIn`) and one of the rules it breaks, and the
 * deviating operation is in the counterexample.
 */
export function attributes(profile: ProfileUnderTest, failure: Failure): boolean {
  const seen = profile.observedIn ?? profile;
  const rules = new Set([...profile.ruleIds, ...seen.ruleIds]);
  return (
    failure.operation === seen.operation &&
    failure.rules.some((r) => rules.has(r)) &&
    failure.trace.some((s) => s.operation === profile.operation)
  );
}

/** One run of the suite against a fresh target with the profile on. */
async function runWithProfile(profile: ProfileUnderTest, o: Required<DetectionOptions>, shrink: boolean) {
  const target = await createTarget(o.target, {
    faultProfile: profile.name,
    transitionMs: o.transitionMs,
    clockMode: 'manual',
  });
  const started = performance.now();
  try {
    const { record } = await runConformance({
      target,
      seed: o.seed,
      runs: o.runs,
      maxCommands: o.maxCommands,
      concurrency: 1,
      shrink,
      harnessVersion: o.harnessVersion,
      replayCommand: () =>
        `ebs-conformance run --target ${o.target} --fault-profile ${profile.name} --seed ${o.seed} --runs ${o.runs}`,
    });
    return { record, ms: Math.round(performance.now() - started) };
  } finally {
    await target.close?.();
  }
}

/**
 * Runs the suite against a target with the profile on; never throws for a nonconformance. The
 * time to detect is that of a run which stops at the first failing sequence; unless `shrink` is
 * false, a second run with the same seed then shrinks that failure for the counterexample's length.
 */
export async function detectProfile(
  profile: ProfileUnderTest,
  options: DetectionOptions = {},
): Promise<Detection> {
  const o = { ...DETECTION_DEFAULTS, harnessVersion: 'detect', shrink: true, ...options };
  const { record, ms } = await runWithProfile(profile, o, false);
  const first = record.failures[0];
  const shrunk = first && o.shrink ? (await runWithProfile(profile, o, true)).record.failures[0] : undefined;
  const failure = shrunk ?? first;
  return {
    profile: profile.name,
    verdict: record.verdict,
    detected: first !== undefined && attributes(profile, first),
    ms,
    retried: record.transient.reduce((n, t) => n + t.retried, 0),
    ...(failure ? { failure, ...(shrunk ? { shrunkLength: counterexampleLength(shrunk) } : {}) } : {}),
  };
}
