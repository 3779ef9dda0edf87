import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTarget } from '../../adapters';
import type { Target } from '../../adapters/target';
import { FAULT_PROFILES, faultProfile } from '../../emulator/deviations';
import { detectProfile } from '../../properties/detection';
import { runConformance } from '../../properties/engine';

// Detection power, proven: the suite runs against the direct target with each fault profile on
// and must report a nonconformance where the profile departs from the documentation; against the
// unmodified mock, and against transient trouble only, it must report none. One fixed seed for
// every profile. A deviation run stops at its first failing sequence, unshrunk: the verdict is
// what this test is about (`ebs-conformance detect` shrinks, for the README table).
const SEED = 20261123;
/** Most sequences a deviation may take to show; most show within a few. */
const DEVIATION_RUNS = 60;
/** The controls run their whole budget: small, as every call of it is judged all the same. */
const CONTROL_RUNS = 8;

const deviations = FAULT_PROFILES.filter((p) => !p.transientOnly);

describe('each fault profile is detected where it departs from the documentation', () => {
  it.each(deviations.map((p) => [p.name, p] as const))(
    '%s',
    async (_, profile) => {
      const d = await detectProfile(profile, { seed: SEED, runs: DEVIATION_RUNS, shrink: false });
      expect(d.verdict).toBe('nonconformant');
      const failure = d.failure;
      if (!failure) throw new Error('a nonconformant run records its failure');
      // Where the run saw it: the deviating call, or the later read that shows its damage.
      const seen = profile.observedIn ?? profile;
      const named = new Set([...profile.ruleIds, ...seen.ruleIds]);
      expect(failure.operation, failure.title).toBe(seen.operation);
      expect(
        failure.rules.filter((r) => named.has(r)),
        `${failure.title}: rules ${failure.rules.join(', ')}`,
      ).not.toEqual([]);
      expect(failure.trace.map((s) => s.operation)).toContain(profile.operation);
      expect(d.detected).toBe(true);
    },
    120_000,
  );
});

describe('the controls are conformant', () => {
  let target: Target;
  beforeAll(async () => {
    target = await createTarget('mock', { transitionMs: 1000, clockMode: 'manual' });
  });
  afterAll(async () => {
    await target?.close?.();
  });

  it('the unmodified mock', async () => {
    const { record } = await runConformance({
      target,
      seed: SEED,
      runs: CONTROL_RUNS,
      maxCommands: 40,
      concurrency: 1,
      harnessVersion: 'test',
      replayCommand: () => '',
    });
    expect(record.failures.map((f) => f.title)).toEqual([]);
    expect(record.verdict).toBe('conformant');
  }, 120_000);

  it('transient-bursts: throttling and 5xx are retried, never counted as nonconformance', async () => {
    const d = await detectProfile(faultProfile('transient-bursts'), { seed: SEED, runs: CONTROL_RUNS });
    expect(d.failure?.title).toBeUndefined();
    expect(d.verdict).toBe('conformant');
    // The bursts really happened: the client met them and retried.
    expect(d.retried).toBeGreaterThan(5);
  }, 120_000);
});
