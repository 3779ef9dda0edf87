/**
 * Helpers for the model's own tests and for other layers' tests that need a ready state:
 * calls by action name, and scenarios built through the model's public transitions (never by
 * writing state by hand, so a scenario is always a state the model can reach).
 */

import { advance } from './advance';
import { allowedOutcomes } from './allowed-outcomes';
import type { Call } from './call';
import type { Expectation, Observed, Refusal, Success } from './expectation';
import { initialState, type ModelState } from './state';
import { defaultWorld, type World } from './world';

/** 2026-01-01T00:00:00Z: every test clock starts here. */
export const T0 = Date.UTC(2026, 0, 1);
export const MINUTE = 60_000;

export const ebsCall = (action: string, params: Record<string, unknown>): Call => ({
  product: 'ebs',
  version: '2021-07-30',
  action,
  params,
});
export const ecsCall = (action: string, params: Record<string, unknown>): Call => ({
  product: 'ecs',
  version: '2014-05-26',
  action,
  params,
});

export function asSuccess(e: Expectation): Success {
  if (e.kind !== 'success') throw new Error(`expected success, got refusal ${JSON.stringify(e)}`);
  return e;
}
export function asRefusal(e: Expectation): Refusal {
  if (e.kind !== 'refusal') throw new Error(`expected refusal, got success (rules ${e.rules.join(', ')})`);
  return e;
}
export const codesOf = (e: Expectation) => (e.kind === 'refusal' ? e.errors.map((x) => x.code) : []);

/** Apply a call that must succeed, then let time settle it. */
export function apply(state: ModelState, call: Call, now = T0, observed: Observed = {}): ModelState {
  return advance(asSuccess(allowedOutcomes(state, call, now)).next(observed), now);
}

export interface DiskSpec {
  region?: string;
  zone?: string;
  category?: string;
  pl?: string;
  size?: number;
  encrypted?: boolean;
  id: string;
}

export function withDisk(state: ModelState, d: DiskSpec): ModelState {
  const region = d.region ?? 'cn-shanghai';
  return apply(
    state,
    ecsCall('CreateDisk', {
      RegionId: region,
      ZoneId: d.zone ?? `${region}-a`,
      DiskCategory: d.category ?? 'cloud_essd',
      ...(d.pl !== undefined || (d.category ?? 'cloud_essd') === 'cloud_essd'
        ? { PerformanceLevel: d.pl ?? 'PL1' }
        : {}),
      Size: d.size ?? 40,
      ...(d.encrypted ? { Encrypted: true } : {}),
    }),
    T0,
    { DiskId: d.id },
  );
}

export const createPairParams = (
  primary = 'd-p',
  secondary = 'd-s',
  from = 'cn-shanghai',
  to = 'cn-beijing',
) => ({
  RegionId: from,
  SourceZoneId: `${from}-a`,
  DiskId: primary,
  DestinationRegionId: to,
  DestinationZoneId: `${to}-a`,
  DestinationDiskId: secondary,
});

/** Two matching ESSD disks in Shanghai (primary) and Beijing (secondary), and a created pair `pair-1`. */
export function pairScenario(world: World = defaultWorld()): ModelState {
  let s = initialState(world);
  s = withDisk(s, { id: 'd-p', region: 'cn-shanghai' });
  s = withDisk(s, { id: 'd-s', region: 'cn-beijing' });
  return apply(s, ebsCall('CreateDiskReplicaPair', createPairParams()), T0, { ReplicaPairId: 'pair-1' });
}

const pairCall = (action: string, region: string, extra: Record<string, unknown> = {}) =>
  ebsCall(action, { RegionId: region, ReplicaPairId: 'pair-1', ...extra });

export const startPairCall = (extra: Record<string, unknown> = {}) =>
  pairCall('StartDiskReplicaPair', 'cn-shanghai', extra);
export const stopPairCall = () => pairCall('StopDiskReplicaPair', 'cn-shanghai');
export const failoverPairCall = (region = 'cn-beijing') => pairCall('FailoverDiskReplicaPair', region);
export const reprotectPairCall = (region = 'cn-beijing', extra: Record<string, unknown> = {}) =>
  pairCall('ReprotectDiskReplicaPair', region, extra);
export const deletePairCall = (region = 'cn-shanghai') => pairCall('DeleteDiskReplicaPair', region);

/** `pair-1` started, synced (normal) and then failed over (failovered). */
export function failoveredScenario(): ModelState {
  let s = apply(pairScenario(), startPairCall());
  s = apply(s, failoverPairCall(), T0 + MINUTE);
  return s;
}

export const groupCall = (action: string, region: string, extra: Record<string, unknown> = {}) =>
  ebsCall(action, { RegionId: region, ReplicaGroupId: 'pg-1', ...extra });

export const createGroupParams = (from = 'cn-shanghai', to = 'cn-beijing') => ({
  RegionId: from,
  SourceZoneId: `${from}-a`,
  DestinationRegionId: to,
  DestinationZoneId: `${to}-a`,
});

/** `pair-1` (created) and an empty group `pg-1` with the same direction. */
export function groupScenario(): ModelState {
  return apply(pairScenario(), ebsCall('CreateDiskReplicaGroup', createGroupParams()), T0, {
    ReplicaGroupId: 'pg-1',
  });
}

/** `pg-1` holding `pair-1`, both created. */
export function memberScenario(): ModelState {
  return apply(groupScenario(), groupCall('AddDiskReplicaPair', 'cn-shanghai', { ReplicaPairId: 'pair-1' }));
}
