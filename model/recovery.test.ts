import { describe, expect, it } from 'vitest';
import { allowedOutcomes } from './allowed-outcomes';
import { SYNC_SLACK_S } from './lifecycle';
import { initialState, type ModelState } from './state';
import {
  apply,
  asRefusal,
  asSuccess,
  codesOf,
  createPairParams,
  ebsCall,
  groupCall,
  MINUTE,
  memberScenario,
  pairScenario,
  startPairCall,
  stopPairCall,
  T0,
  withDisk,
} from './testkit';
import { defaultWorld } from './world';

// Recovery data while a pair replicates, and what the model decides for calls made while a pair
// is still on its way (initial_syncing, stopping, ...): the harness makes those calls before it
// lets the change settle, so the model judges them on the transient state itself.

const progressCall = ebsCall('DescribeDiskReplicaPairProgress', {
  RegionId: 'cn-shanghai',
  ReplicaPairId: 'pair-1',
});
const progress = (s: ModelState, now: number) => asSuccess(allowedOutcomes(s, progressCall, now));

/** `pair-1` just started: still initial_syncing (not settled). */
const initialSyncing = (now = T0 + MINUTE) =>
  asSuccess(allowedOutcomes(pairScenario(), startPairCall(), now)).next({});

describe('recovery data', () => {
  it('PAIR.PROGRESS.BELOW_100_WHILE_INITIAL_SYNCING: Progress is held below 100 while the initial copy runs, and only then', () => {
    const during = progress(initialSyncing(), T0 + MINUTE);
    expect(during.rules).toContain('PAIR.PROGRESS.BELOW_100_WHILE_INITIAL_SYNCING');
    expect(during.bounds?.Progress).toMatchObject({
      rule: 'PAIR.PROGRESS.BELOW_100_WHILE_INITIAL_SYNCING',
      max: 99,
    });
    const normal = progress(apply(pairScenario(), startPairCall(), T0 + MINUTE), T0 + 2 * MINUTE);
    expect(normal.rules).not.toContain('PAIR.PROGRESS.BELOW_100_WHILE_INITIAL_SYNCING');
    expect(normal.bounds?.Progress).toBeUndefined();
    expect(normal.facts).toEqual({ Progress: 100 });
  });

  it('PAIR.PROGRESS.NOT_DECREASING_IN_INITIAL_SYNC: named on every Progress read of an initial sync, on no other', () => {
    expect(progress(initialSyncing(), T0 + MINUTE).rules).toContain(
      'PAIR.PROGRESS.NOT_DECREASING_IN_INITIAL_SYNC',
    );
    expect(progress(pairScenario(), T0).rules).not.toContain('PAIR.PROGRESS.NOT_DECREASING_IN_INITIAL_SYNC');
    // Stopped during the initial sync: a later Start begins another, judged afresh.
    const stopped = apply(initialSyncing(), stopPairCall(), T0 + 2 * MINUTE);
    expect(stopped.pairs['pair-1']?.status).toBe('stopped');
    expect(progress(stopped, T0 + 3 * MINUTE).rules).not.toContain(
      'PAIR.PROGRESS.NOT_DECREASING_IN_INITIAL_SYNC',
    );
  });

  it('PAIR.RECOVER_POINT.WITHIN_RPO: once a pair has replicated one RPO and a sync, its RecoverPoint is no older than that', () => {
    const started = T0 + MINUTE;
    const normal = apply(pairScenario(), startPairCall(), started);
    const window = 900 + SYNC_SLACK_S;
    // Within the first RPO the recovery point is the first sync's: nothing more is known.
    expect(progress(normal, started + (window - 1) * 1000).bounds).toBeUndefined();
    const later = started + (window + 600) * 1000;
    const judged = progress(normal, later);
    expect(judged.rules).toContain('PAIR.RECOVER_POINT.WITHIN_RPO');
    expect(judged.bounds?.RecoverPoint).toEqual({
      rule: 'PAIR.RECOVER_POINT.WITHIN_RPO',
      min: Math.floor(later / 1000) - window,
      movedClock: true,
    });
    // A stopped pair does not replicate: its recovery point may be as old as its last sync.
    const stopped = apply(normal, stopPairCall(), later);
    expect(progress(stopped, later + 3_600_000).rules).not.toContain('PAIR.RECOVER_POINT.WITHIN_RPO');
  });

  it('PAIR.RECOVER_POINT.WITHIN_RPO: a group Start starts its members replicating, on the group RPO', () => {
    const started = T0 + MINUTE;
    const running = apply(memberScenario(), groupCall('StartDiskReplicaGroup', 'cn-shanghai'), started);
    expect(running.pairs['pair-1']).toMatchObject({ status: 'normal', replicatingSince: started });
    const later = started + 3_600_000;
    expect(progress(running, later).bounds?.RecoverPoint?.min).toBe(
      Math.floor(later / 1000) - (900 + SYNC_SLACK_S),
    );
  });
});

describe('PAIR.RECOVER_POINT.WITHIN_RPO in listings', () => {
  const listPairs = ebsCall('DescribeDiskReplicaPairs', { RegionId: 'cn-shanghai' });
  const listGroups = ebsCall('DescribeDiskReplicaGroups', { RegionId: 'cn-shanghai' });
  const window = 900 + SYNC_SLACK_S;

  it('a replicating pair’s row holds LastRecoverPoint to the floor RecoverPoint is held to, by its ID', () => {
    const started = T0 + MINUTE;
    const normal = apply(pairScenario(), startPairCall(), started);
    expect(asSuccess(allowedOutcomes(normal, listPairs, started + 60_000)).listing?.bounds).toBeUndefined();
    const later = started + (window + 600) * 1000;
    const listed = asSuccess(allowedOutcomes(normal, listPairs, later));
    expect(listed.rules).toContain('PAIR.RECOVER_POINT.WITHIN_RPO');
    expect(listed.listing?.bounds).toEqual({
      'pair-1': { LastRecoverPoint: progress(normal, later).bounds?.RecoverPoint },
    });
    const stopped = apply(normal, stopPairCall(), later);
    expect(asSuccess(allowedOutcomes(stopped, listPairs, later + 3_600_000)).listing?.bounds).toBeUndefined();
  });

  it('a started group’s row too, on the group RPO', () => {
    const started = T0 + MINUTE;
    const running = apply(memberScenario(), groupCall('StartDiskReplicaGroup', 'cn-shanghai'), started);
    const later = started + 3_600_000;
    const listed = asSuccess(allowedOutcomes(running, listGroups, later));
    expect(listed.rules).toContain('PAIR.RECOVER_POINT.WITHIN_RPO');
    expect(listed.listing?.bounds?.['pg-1']?.LastRecoverPoint?.min).toBe(Math.floor(later / 1000) - window);
  });
});

describe('calls while a pair is on its way', () => {
  it('PAIR.START.FROM_CREATED_OR_STOPPED: a second Start during the initial sync is refused with OperationDenied.InvalidStatus alone', () => {
    const e = asRefusal(allowedOutcomes(initialSyncing(), startPairCall(), T0 + MINUTE));
    expect(codesOf(e)).toEqual(['OperationDenied.InvalidStatus']);
  });

  it('PAIR.STOP.FROM_SYNCING_STATES: a Stop during the initial sync is accepted; a second Stop while stopping is refused', () => {
    const stop = asSuccess(allowedOutcomes(initialSyncing(), stopPairCall(), T0 + MINUTE));
    expect(stop.transient).toEqual(['stopping']);
    const stopping = stop.next({});
    expect(stopping.pairs['pair-1']?.status).toBe('stopping');
    expect(codesOf(allowedOutcomes(stopping, stopPairCall(), T0 + MINUTE))).toEqual([
      'OperationDenied.InvalidStatus',
    ]);
  });

  it('PAIR.DELETE.ALLOWED_STATUSES and PAIR.MODIFY.IN_CREATED_OR_STOPPED: no Delete or Modify while a pair is creating or stopping', () => {
    let disks = initialState(defaultWorld());
    disks = withDisk(disks, { id: 'd-p', region: 'cn-shanghai' });
    disks = withDisk(disks, { id: 'd-s', region: 'cn-beijing' });
    const create = ebsCall('CreateDiskReplicaPair', createPairParams());
    const creating = asSuccess(allowedOutcomes(disks, create, T0)).next({ ReplicaPairId: 'pair-1' });
    expect(creating.pairs['pair-1']?.status).toBe('creating');
    const stopping = asSuccess(allowedOutcomes(initialSyncing(), stopPairCall(), T0 + MINUTE)).next({});
    const modify = ebsCall('ModifyDiskReplicaPair', {
      RegionId: 'cn-shanghai',
      ReplicaPairId: 'pair-1',
      PairName: 'renamed',
    });
    const del = ebsCall('DeleteDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: 'pair-1' });
    for (const state of [creating, stopping])
      for (const call of [modify, del])
        expect(codesOf(allowedOutcomes(state, call, T0 + MINUTE)), call.action).toEqual([
          'OperationDenied.InvalidStatus',
        ]);
  });
});
