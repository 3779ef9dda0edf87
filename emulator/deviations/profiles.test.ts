import { describe, expect, it } from 'vitest';
import { RULES } from '../../api';
import { OPERATIONS } from '../../api/operations';
import { createHandler } from '../protocol/handler';
import { signV1 } from '../protocol/test-client';
import { manualClock } from '../service/clock';
import { createEmulatorService } from '../service/service';
import { FAULT_PROFILE_NAMES, FAULT_PROFILES, faultProfile, UnknownFaultProfileError } from '.';

const ruleIds = new Set(RULES.map((r) => r.id));
const actions = new Set(OPERATIONS.map((o) => o.action));
const deviations = FAULT_PROFILES.filter((p) => !p.transientOnly);

describe('the fault profile catalogue', () => {
  it('holds at least 30 deviations, each its own kind of departure for its operation, and two controls (transient trouble, none)', () => {
    expect(deviations.length).toBeGreaterThanOrEqual(30);
    // A kind may recur on another operation (a Start and a Delete that both do nothing), never twice on one.
    const cells = deviations.map((p) => `${p.kind} ${p.operation}`);
    expect(new Set(cells).size).toBe(deviations.length);
    expect(FAULT_PROFILES.filter((p) => p.transientOnly).map((p) => p.name)).toEqual([
      'transient-bursts',
      'unmodified',
    ]);
    expect(new Set(FAULT_PROFILE_NAMES).size).toBe(FAULT_PROFILE_NAMES.length);
  });

  it.each(deviations.map((p) => [p.name, p] as const))(
    '%s names a documented operation and rules of api/rules',
    (_, p) => {
      expect(actions.has(p.operation)).toBe(true);
      expect(p.ruleIds.length).toBeGreaterThan(0);
      for (const id of [...p.ruleIds, ...(p.observedIn?.ruleIds ?? [])])
        expect(ruleIds.has(id), id).toBe(true);
      const operations = [
        ...(p.alsoOperations ?? []),
        ...(p.observedIn ? [p.observedIn.operation, ...(p.observedIn.alsoOperations ?? [])] : []),
      ];
      for (const op of operations) expect(actions.has(op), op).toBe(true);
    },
  );

  it('refuses an unknown name, listing the known ones', () => {
    expect(() => faultProfile('no-such-profile')).toThrow(UnknownFaultProfileError);
    expect(() => faultProfile('no-such-profile')).toThrow(/rpo-missing.*transient-bursts/);
  });
});

const gateway = (profile: string | undefined) =>
  createHandler(
    createEmulatorService({ transitionMs: 0, clock: manualClock(Date.now()) }),
    profile ? { deviation: faultProfile(profile).create() } : {},
  );

const describeDisks = (params: Record<string, string> = {}) =>
  signV1({
    action: 'DescribeDisks',
    version: '2014-05-26',
    format: 'JSON',
    params: { RegionId: 'cn-hangzhou', ...params },
  });

/** One DescribeDisks through a gateway with the given profile. */
async function call(profile: string | undefined, params: Record<string, string>) {
  const res = await gateway(profile)(describeDisks(params));
  return { status: res.status, body: JSON.parse(res.body) as Record<string, unknown> };
}

describe('a deviation in the gateway', () => {
  it('is off by default and bends only what its profile says', async () => {
    const plain = await call(undefined, { PageNumber: '1' });
    const bent = await call('disk-total-count-off-by-one', { PageNumber: '1' });
    expect(plain.body.TotalCount).toBe(0);
    expect(bent.body.TotalCount).toBe(1);
    expect(bent.body.RequestId).toEqual(expect.any(String));
  });

  it('the transient control fails calls before the service runs, and only with retryable codes', async () => {
    const handler = gateway('transient-bursts');
    const statuses: number[] = [];
    const codes = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const res = await handler(describeDisks());
      statuses.push(res.status);
      if (res.status !== 200) codes.add(String((JSON.parse(res.body) as { Code: string }).Code));
    }
    expect(statuses.filter((s) => s !== 200).length).toBeGreaterThan(3);
    expect([...codes].sort()).toEqual([
      'InternalError',
      'Rejected.Throttling',
      'ServiceUnavailable',
      'Throttling',
      'Throttling.User',
    ]);
    // Never more than two failures in a row: the harness retries three times.
    expect(statuses.join(',')).not.toMatch(/(?:[45]\d\d,){3}/);
  });
});
