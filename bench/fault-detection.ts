/**
 * Detection power in time: for each fault profile of the emulator, how long a conformance run
 * (the defaults of `ebs-conformance detect`: the direct target, shrinking on) takes to report it,
 * and how short fast-check shrinks the counterexample. The transient-only control profile must
 * come out conformant; it is listed but kept out of the detection figures.
 */
import { FAULT_PROFILES } from '../emulator';
import { detectProfile } from '../properties/detection';
import { type Figure, figure } from './figures';
import type { FaultRow } from './results-file';

export interface FaultBench {
  readonly figures: Figure[];
  readonly rows: FaultRow[];
}

export async function benchFaultDetection(log: (line: string) => void): Promise<FaultBench> {
  const rows: FaultRow[] = [];
  for (const profile of FAULT_PROFILES) {
    const d = await detectProfile(profile, { harnessVersion: 'bench' });
    const rules = new Set([...profile.ruleIds, ...(profile.observedIn?.ruleIds ?? [])]);
    const expected = profile.transientOnly ? d.verdict === 'conformant' : d.detected;
    rows.push({
      profile: profile.name,
      detected: d.detected,
      seconds: Math.round(d.ms) / 1000,
      shrunkLength: d.detected ? (d.shrunkLength ?? null) : null,
      rule: d.failure?.rules.find((r) => rules.has(r)) ?? null,
    });
    const what = profile.transientOnly
      ? `control, ${d.verdict}`
      : d.detected
        ? 'detected'
        : `missed (${d.verdict})`;
    log(`  ${profile.name}: ${what} in ${(d.ms / 1000).toFixed(1)} s${expected ? '' : '  <- unexpected'}`);
  }
  const deviations = rows.filter((_, i) => !FAULT_PROFILES[i]?.transientOnly);
  const detected = deviations.filter((r) => r.detected);
  const missed = deviations.length - detected.length;
  const note = `${detected.length}/${deviations.length} profiles detected${missed ? '; missed ones excluded' : ''}`;
  return {
    figures: [
      figure(
        'faults.detectSeconds',
        'fault profiles, time to detect (direct)',
        's',
        detected.map((r) => r.seconds as number),
        { op: '<=', limit: 5 },
        note,
      ),
      figure(
        'faults.shrunkLength',
        'fault profiles, shrunk counterexample',
        'calls',
        detected.flatMap((r) => (r.shrunkLength === null ? [] : [r.shrunkLength])),
        { op: '<=', limit: 8 },
      ),
      figure('faults.detected', 'fault profiles detected', 'share', [
        deviations.length === 0 ? 0 : detected.length / deviations.length,
      ]),
    ],
    rows,
  };
}
