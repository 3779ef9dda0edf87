import { describe, expect, it } from 'vitest';
import { createHandler } from '../protocol/handler';
import { signV1 } from '../protocol/test-client';
import { manualClock } from '../service/clock';
import { createEmulatorService } from '../service/service';
import { FaultProfileSwitch } from './switch';

// One emulator, profile after profile: a reset naming a profile swaps the deviation, on a
// freshly seeded world; an emulator started without a profile keeps answering as documented.

function gateway(profile?: string) {
  const handler = createHandler(
    createEmulatorService({ transitionMs: 0, clock: manualClock(Date.now()) }),
    profile ? { deviation: new FaultProfileSwitch(profile) } : {},
  );
  const reset = async (body?: unknown) => {
    const res = await handler({
      method: 'POST',
      url: '/_emulator/reset',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? '' : JSON.stringify(body),
    });
    return { status: res.status, json: JSON.parse(res.body) as Record<string, unknown> };
  };
  /** TotalCount of an empty region's disks: 0 as documented, 1 under disk-total-count-off-by-one. */
  const totalCount = async () => {
    const res = await handler(
      signV1({
        action: 'DescribeDisks',
        version: '2014-05-26',
        params: { Format: 'JSON', RegionId: 'cn-shanghai', PageNumber: '1', PageSize: '10' },
      }),
    );
    return (JSON.parse(res.body) as { TotalCount: number }).TotalCount;
  };
  return { reset, totalCount };
}

describe('FaultProfileSwitch behind POST /_emulator/reset', () => {
  it('swaps the profile on a reset that names one, and keeps it over plain resets', async () => {
    const g = gateway('disk-total-count-off-by-one');
    expect(await g.totalCount()).toBe(1);
    expect(await g.reset({ faultProfile: 'rpo-missing' })).toEqual({
      status: 200,
      json: { status: 'reset', faultProfile: 'rpo-missing', now: expect.any(Number) },
    });
    expect(await g.totalCount()).toBe(0);
    expect((await g.reset({ faultProfile: 'disk-total-count-off-by-one' })).status).toBe(200);
    expect((await g.reset()).status).toBe(200);
    expect(await g.totalCount()).toBe(1);
  });

  it('refuses an unknown profile with 400 naming the known ones, and leaves the current one on', async () => {
    const g = gateway('disk-total-count-off-by-one');
    const refused = await g.reset({ faultProfile: 'no-such-profile' });
    expect(refused.status).toBe(400);
    expect(String(refused.json.Message)).toMatch(/unknown fault profile "no-such-profile".*rpo-missing/);
    expect(await g.totalCount()).toBe(1);
  });

  it('an emulator started without a profile takes none (409) and a malformed body is a 400', async () => {
    const g = gateway();
    expect((await g.reset({ faultProfile: 'disk-total-count-off-by-one' })).json.Code).toBe(
      'FaultProfileFixed',
    );
    expect(await g.totalCount()).toBe(0);
    expect((await g.reset({ profile: 'x' })).status).toBe(400);
    expect((await g.reset()).status).toBe(200);
  });
});
