import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDirectTarget } from '../../adapters/direct-target';
import { runConformance } from '../../cli/run-suite';
import { rulesBrokenBy } from '../../cli/vitest-suite';
import { FAULT_PROFILES, type FaultProfile } from '../../emulator/deviations';
import type { RunRecord } from '../../reports/run-record';

// A fault profile makes exactly the rules it breaks fail: the vitest suite fails every rule a
// failure names (rulesBrokenBy), so every deviation profile runs here on the direct target at two
// seeds and each failure must name only rules the profile declares (ruleIds and observedIn). A
// run stops at its first failing sequence, so it fails the part of the declaration that sequence
// met; never a rule outside it. A rule outside is named with its seed and the failures that named it.

const SEEDS = [20261123, 20261202] as const;
const RUNS = 25;
const MAX_COMMANDS = 40;

/**
 * Profiles whose failures may still name a rule they do not break, each with why. It can only
 * shrink: a profile exact at every seed here fails its test until it is taken off.
 */
const NOT_YET_EXACT: Readonly<Record<string, string>> = {
  'delete-refusal-forbidden':
    'a Delete of a group member in a status Delete refuses violates two conditions at once; the docs give no order in which a service checks them, and Forbidden, an authorization code, is documented for neither, so nothing says which one the service judged and the failure names both (GROUP.MEMBER_FOLLOWS_GROUP and PAIR.DELETE.ALLOWED_STATUSES)',
};

const deviations = FAULT_PROFILES.filter((p) => !p.transientOnly);
const declared = (p: FaultProfile) => new Set([...p.ruleIds, ...(p.observedIn?.ruleIds ?? [])]);

/** One unshrunk run of the suite against the direct target bent by the profile. */
async function run(profile: string, seed: number): Promise<RunRecord> {
  const target = createDirectTarget({ transitionMs: 1000, clockMode: 'manual', faultProfile: profile });
  try {
    const { record } = await runConformance({
      target,
      seed,
      runs: RUNS,
      maxCommands: MAX_COMMANDS,
      concurrency: 1,
      harnessVersion: 'test',
      replayCommand: () => '',
      shrink: false,
    });
    return record;
  } finally {
    await target.close?.();
  }
}

/** The rules each seed's run failed that the profile does not declare, with the failures' titles. */
async function outside(profile: FaultProfile) {
  const rules = declared(profile);
  const seen = [];
  for (const seed of SEEDS) {
    const record = await run(profile.name, seed);
    const failed = record.failures.flatMap(rulesBrokenBy);
    seen.push({
      seed,
      verdict: record.verdict,
      extra: [...new Set(failed.filter((r) => !rules.has(r)))],
      titles: record.failures.map((f) => `${f.operation}: ${f.title}`).join('; '),
    });
  }
  return seen;
}

describe('each deviation profile fails only the rules it declares', () => {
  const exact = deviations.filter((p) => !(p.name in NOT_YET_EXACT));
  it.each(exact.map((p) => [p.name, p] as const))(
    '%s',
    async (_, profile) => {
      const runs = await outside(profile);
      // Detected at one seed at least, or this proves nothing (the detection tests ask more).
      expect(runs.some((r) => r.verdict === 'nonconformant')).toBe(true);
      for (const r of runs) expect(r.extra, `seed ${r.seed}: ${r.titles}`).toEqual([]);
    },
    60_000,
  );

  it.each(Object.keys(NOT_YET_EXACT))(
    '%s is not exact yet (if it is now, take it off NOT_YET_EXACT)',
    async (name) => {
      const profile = deviations.find((p) => p.name === name);
      if (!profile) throw new Error(`${name} is no deviation profile`);
      const runs = await outside(profile);
      expect(runs.flatMap((r) => r.extra)).not.toEqual([]);
    },
    60_000,
  );

  it("the README's vitest section gives the figure", () => {
    const figure = `${deviations.length - Object.keys(NOT_YET_EXACT).length} of ${deviations.length}`;
    expect(readFileSync(new URL('../../README.md', import.meta.url), 'utf8')).toContain(
      `${figure} deviation profiles fail exactly`,
    );
  });
});
