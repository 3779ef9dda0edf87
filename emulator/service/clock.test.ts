import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandler } from '../protocol/handler';
import { signV1 } from '../protocol/test-client';
import { manualClock, realClock } from './clock';
import { createDisk, describePair, makeService } from './test-support';

afterEach(() => vi.useRealTimers());

describe('a real clock faster than the wall (--clock-rate)', () => {
  it('runs rate times as fast as the wall from the moment it is made', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const clock = realClock(300);
    vi.advanceTimersByTime(3_000);
    expect(clock.now()).toBe(1_000_000 + 900_000);
    expect(clock.advance(1)).toBe(false);
  });

  it('resumes from a later saved time and goes on at its rate; never goes back', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const clock = realClock(10);
    clock.resume?.(5_000_000);
    vi.advanceTimersByTime(100);
    expect(clock.now()).toBe(5_001_000);
    clock.resume?.(0);
    expect(clock.now()).toBe(5_001_000);
    const wall = realClock();
    wall.resume?.(9_000_000);
    expect(wall.now()).toBe(1_000_100);
  });

  it('moves transitions and the periodic syncs: one 900 s RPO passes in 3 s of wall time at rate 300', () => {
    vi.useFakeTimers({ now: Date.parse('2026-01-01T00:00:00Z') });
    const h = makeService(45_000, { clock: realClock(300) });
    const disks = [
      createDisk(h, 'cn-shanghai', 'cn-shanghai-b'),
      createDisk(h, 'cn-beijing', 'cn-beijing-f'),
    ];
    // 45 s of the emulator's time, 150 ms of the wall's.
    expect(
      h.ecs('DescribeDisks', { RegionId: 'cn-shanghai', DiskIds: JSON.stringify([disks[0]]) }),
    ).toMatchObject({
      Disks: { Disk: [{ Status: 'Creating' }] },
    });
    vi.advanceTimersByTime(150);
    const pairId = h.ebs('CreateDiskReplicaPair', {
      RegionId: 'cn-shanghai',
      SourceZoneId: 'cn-shanghai-b',
      DiskId: disks[0],
      DestinationRegionId: 'cn-beijing',
      DestinationZoneId: 'cn-beijing-f',
      DestinationDiskId: disks[1],
    }).ReplicaPairId as string;
    vi.advanceTimersByTime(150);
    h.ebs('StartDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: pairId });
    expect(describePair(h, pairId)?.Status).toBe('initial_syncing');
    vi.advanceTimersByTime(150);
    const first = describePair(h, pairId)?.LastRecoverPoint as number;
    expect(describePair(h, pairId)?.Status).toBe('normal');
    vi.advanceTimersByTime(3_000);
    expect(describePair(h, pairId)?.LastRecoverPoint).toBe(first + 900);
  });
});

describe('the Date header', () => {
  it('states the time the service judged the call at, not when the answer left', async () => {
    vi.useFakeTimers({ now: Date.parse('2031-05-06T07:08:09Z') });
    const clock = realClock(300);
    const handler = createHandler(
      {
        handle: () => {
          clock.now();
          // The process waits a second for a core before it sends: 300 s on this clock.
          vi.advanceTimersByTime(1_000);
          return {};
        },
        clock,
        reset: () => undefined,
        snapshot: () => ({}),
      },
      { now: () => Date.now() },
    );
    const res = await handler(
      signV1({ action: 'DescribeRegions', version: '2021-07-30', params: { RegionId: 'cn-hangzhou' } }),
    );
    expect(res.headers.date).toBe('Tue, 06 May 2031 07:08:09 GMT');
  });

  it('states the service clock, after the answer was made', async () => {
    const clock = manualClock(Date.parse('2031-05-06T07:08:09.500Z'));
    const handler = createHandler(
      { handle: () => ({}), clock, reset: () => undefined, snapshot: () => ({}) },
      { now: () => Date.now() },
    );
    const res = await handler(
      signV1({
        action: 'DescribeRegions',
        version: '2021-07-30',
        params: { RegionId: 'cn-hangzhou' },
        now: Date.now(),
      }),
    );
    expect(res.headers.date).toBe('Tue, 06 May 2031 07:08:09 GMT');
  });
});
