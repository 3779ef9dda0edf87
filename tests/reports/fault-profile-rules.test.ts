import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDirectTarget } from '../../adapters/direct-target';
import { runConformance } from '../../cli/run-suite';
import { rulesBrokenBy } from '../../cli/vitest-suite';
import { FAULT_PROFILES, type FaultProfile } from '../../emulator/deviations';
import { DETECTION_DEFAULTS } from '../../properties/detection';
import type { RunRecord } from '../../reports/run-record';

// A fault profile makes exactly the rules it breaks fail: the vitest suite fails every rule a
// failure names (rulesBrokenBy), so every deviation profile runs here on the direct target at two
// seeds and each failure must name only rules the profile declares (ruleIds and observedIn). A
// run stops at its first failing sequence, so it fails the part of the declaration that sequence
// met; never a rule outside it. A rule outside is named with its seed and the failures that named it.

// The detection suite's seed and size first: a profile it detects is detected here too, whatever
// a generator change does to the sequences; then a second, smaller seed for the attribution.
const SEEDS = [
  { seed: DETECTION_DEFAULTS.seed, runs: DETECTION_DEFAULTS.runs },
  { seed: 20261202, runs: 25 },
] as const;
const MAX_COMMANDS = DETECTION_DEFAULTS.maxCommands;

/**
 * Profiles whose failures may still name a rule they do not break: the only rules they may name
 * besides their own, and why. Whether a seed meets the case is the generator's luck, so the list
 * is held by what it allows, not by a seed that shows it.
 */
const NOT_YET_EXACT: Readonly<Record<string, { readonly also: readonly string[]; readonly why: string }>> = {
  // The same can meet any wrong-code profile at other seeds (start-wrong-error-code at seed 4:
  // IncorrectPairStatus to a Start refused for its status and for an attached standby disk).
  'delete-refusal-forbidden': {
    also: ['GROUP.MEMBER_FOLLOWS_GROUP', 'PAIR.DELETE.ALLOWED_STATUSES'],
    why: 'a Delete of a group member in a status Delete refuses violates two conditions at once; the docs give no order in which a service checks them, and Forbidden, an authorization code, is documented for neither, so nothing says which one the service judged and the failure names both',
  },
};

const deviations = FAULT_PROFILES.filter((p) => !p.transientOnly);
const declared = (p: FaultProfile) => new Set([...p.ruleIds, ...(p.observedIn?.ruleIds ?? [])]);

/** One unshrunk run of the suite against the direct target bent by the profile. */
async function run(profile: string, seed: number, runs: number): Promise<RunRecord> {
  const target = createDirectTarget({ transitionMs: 1000, clockMode: 'manual', faultProfile: profile });
  try {
    const { record } = await runConformance({
      target,
      seed,
      runs,
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
  const rules = new Set([...declared(profile), ...(NOT_YET_EXACT[profile.name]?.also ?? [])]);
  const seen = [];
  for (const { seed, runs } of SEEDS) {
    const record = await run(profile.name, seed, runs);
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
  it.each(deviations.map((p) => [p.name, p] as const))(
    '%s',
    async (_, profile) => {
      const runs = await outside(profile);
      // Detected at one seed at least, or this proves nothing (the detection tests ask more).
      expect(runs.some((r) => r.verdict === 'nonconformant')).toBe(true);
      for (const r of runs) expect(r.extra, `seed ${r.seed}: ${r.titles}`).toEqual([]);
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
