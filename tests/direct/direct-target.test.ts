import { describe, expect, it } from 'vitest';
import { type CreatableTargetKind, createTarget } from '../../adapters';
import { createDirectTarget } from '../../adapters/direct-target';
import { FAULT_PROFILES } from '../../emulator/deviations';
import type { RunRecord } from '../../reports/run-record';
import { runAgainst } from '../readings/support';

// The direct target judges what the emulator target judges: the same seed gives the same
// verdict, the same calls, the same rule counts and the same coverage, with and without a
// fault profile bending the gateway. (Every profile is detected on direct: the detection tests
// run on it, it being detection's default target.)
async function run(kind: CreatableTargetKind, seed: number, faultProfile?: string): Promise<RunRecord> {
  const target = await createTarget(kind, {
    transitionMs: 1000,
    clockMode: 'manual',
    ...(faultProfile ? { faultProfile } : {}),
  });
  return (await runAgainst({ target, seed, runs: 5 })).record;
}

/** What a verdict is made of, without times and resource IDs. */
const judged = (r: RunRecord) => ({
  verdict: r.verdict,
  steps: r.steps,
  failures: r.failures.map((f) => ({ key: f.key, operations: f.trace.map((s) => s.operation) })),
  inconclusive: r.inconclusive.map((i) => `${i.operation}: ${i.reason}`),
  rules: r.rules.map((x) => [x.id, x.accepted, x.refused, x.violations, x.observedCodes]),
  pairs: r.coverage.pairs.cells,
  groups: r.coverage.groups.cells,
  errorCodes: r.coverage.errorCodes,
  transitions: r.coverage.transitions,
});

describe('the direct target', () => {
  it('gives the emulator target’s verdict on the same seed', async () => {
    const seed = 17;
    const [direct, emulator] = [await run('direct', seed), await run('emulator', seed)];
    expect(direct.target.kind).toBe('direct');
    expect(direct.steps).toBeGreaterThan(50);
    expect(judged(direct)).toEqual(judged(emulator));
  });

  it('finds what the emulator target finds under a fault profile', async () => {
    const profile = FAULT_PROFILES.find((p) => !p.transientOnly);
    if (!profile) throw new Error('no deviating fault profile');
    const [direct, emulator] = [await run('direct', 5, profile.name), await run('emulator', 5, profile.name)];
    expect(direct.verdict).toBe('nonconformant');
    expect(judged(direct)).toEqual(judged(emulator));
  });

  it('answers a signed call in-process, on a host that can never resolve', async () => {
    const target = createDirectTarget();
    try {
      const answer = await target.send({
        product: 'ecs',
        version: '2014-05-26',
        action: 'DescribeDisks',
        params: { RegionId: 'cn-hangzhou', DiskName: 'disk-é' },
      });
      expect(answer.outcome.kind).toBe('success');
      expect(answer.request.url).toMatch(/^http:\/\/direct-\d+-\d+\.ebs-conformance\.invalid\//);
    } finally {
      await target.close?.();
    }
  });
});
