import { describe, expect, it } from 'vitest';
import { findOperation } from '../../api';
import { deviateService } from '../protocol/deviation';
import { createHandler } from '../protocol/handler';
import { signV1 } from '../protocol/test-client';
import { type ServiceBody, ServiceError } from '../service/api';
import { manualClock } from '../service/clock';
import { createEmulatorService } from '../service/service';
import { createPair, makeService, T0 } from '../service/test-support';
import { faultProfile } from '.';

// What each profile really does to the answers, shown on the service directly: a profile the
// harness does not catch yet (see AWAITING_CHECK in properties/detection.ts) must still deviate,
// or "still undetected" would prove nothing.

const TRANSITION = 1000;
const SH = 'cn-shanghai';
const BJ = 'cn-beijing';

/** The emulator's service twice over one state: plain, and behind the profile's deviation. */
function bent(profile: string) {
  const h = makeService(TRANSITION);
  const deviated = deviateService(h.service, faultProfile(profile).create());
  let n = 0;
  const through = async (action: string, params: Record<string, unknown>, product: 'ebs' | 'ecs' = 'ebs') => {
    const version = product === 'ebs' ? '2021-07-30' : '2014-05-26';
    const op = findOperation(product, version, action);
    const typed = op ? op.request.parse(params) : params;
    return deviated.handle({
      product,
      version,
      action,
      params: typed,
      requestId: `d-${++n}`,
      accessKeyId: 'test-ak',
    });
  };
  const { pairId } = createPair(h);
  h.settle();
  return { h, through, pairId };
}

const row = (body: ServiceBody) =>
  (body.ReplicaPairs as Record<string, unknown>[])[0] as Record<string, unknown>;
const listed = (pairId: string) => ({ RegionId: SH, PairIds: [pairId] });

async function refusedWith(call: Promise<unknown>) {
  try {
    await call;
  } catch (err) {
    if (err instanceof ServiceError) return { code: err.code, httpStatus: err.httpStatus };
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('recovery data profiles', () => {
  it('times-in-milliseconds: every time field is the plain one times 1000', async () => {
    const { h, through, pairId } = bent('times-in-milliseconds');
    h.ebs('StartDiskReplicaPair', { RegionId: SH, ReplicaPairId: pairId });
    h.clock.advance(TRANSITION);
    const plain = row(h.ebs('DescribeDiskReplicaPairs', listed(pairId)));
    const shown = row(await through('DescribeDiskReplicaPairs', listed(pairId)));
    expect(shown.CreateTime).toBe((plain.CreateTime as number) * 1000);
    expect(shown.LastRecoverPoint).toBe((plain.LastRecoverPoint as number) * 1000);
    const progress = { RegionId: SH, ReplicaPairId: pairId };
    const plainProgress = h.ebs('DescribeDiskReplicaPairProgress', progress);
    expect((await through('DescribeDiskReplicaPairProgress', progress)).RecoverPoint).toBe(
      (plainProgress.RecoverPoint as number) * 1000,
    );
    expect(Math.abs((shown.CreateTime as number) - T0)).toBeLessThan(60_000);
  });

  it('progress-100-while-initial-syncing and progress-stuck-at-99 bend Progress the way they say', async () => {
    const early = bent('progress-100-while-initial-syncing');
    early.h.ebs('StartDiskReplicaPair', { RegionId: SH, ReplicaPairId: early.pairId });
    early.h.clock.advance(TRANSITION / 2);
    const asked = { RegionId: SH, ReplicaPairId: early.pairId };
    expect(early.h.ebs('DescribeDiskReplicaPairProgress', asked).Progress).toBe(50);
    expect((await early.through('DescribeDiskReplicaPairProgress', asked)).Progress).toBe(100);

    const stuck = bent('progress-stuck-at-99');
    stuck.h.ebs('StartDiskReplicaPair', { RegionId: SH, ReplicaPairId: stuck.pairId });
    stuck.h.clock.advance(TRANSITION);
    const done = { RegionId: SH, ReplicaPairId: stuck.pairId };
    expect(stuck.h.ebs('DescribeDiskReplicaPairProgress', done).Progress).toBe(100);
    expect((await stuck.through('DescribeDiskReplicaPairProgress', done)).Progress).toBe(99);
  });

  it('recover-point-moves-on-stop: after Stop the recovery point shows one RPO later', async () => {
    const { h, through, pairId } = bent('recover-point-moves-on-stop');
    h.ebs('StartDiskReplicaPair', { RegionId: SH, ReplicaPairId: pairId });
    h.clock.advance(TRANSITION);
    const before = row(h.ebs('DescribeDiskReplicaPairs', listed(pairId))).LastRecoverPoint as number;
    await through('StopDiskReplicaPair', { RegionId: SH, ReplicaPairId: pairId });
    h.clock.advance(TRANSITION);
    expect(row(h.ebs('DescribeDiskReplicaPairs', listed(pairId))).LastRecoverPoint).toBe(before);
    expect(row(await through('DescribeDiskReplicaPairs', listed(pairId))).LastRecoverPoint).toBe(
      before + 900,
    );
  });
});

describe('status path profiles', () => {
  it('start-never-normal: a started pair is listed syncing where it is normal', async () => {
    const { h, through, pairId } = bent('start-never-normal');
    await through('StartDiskReplicaPair', { RegionId: SH, ReplicaPairId: pairId });
    h.clock.advance(TRANSITION);
    expect(row(h.ebs('DescribeDiskReplicaPairs', listed(pairId))).Status).toBe('normal');
    expect(row(await through('DescribeDiskReplicaPairs', listed(pairId))).Status).toBe('syncing');
  });
});

describe('refusal profiles', () => {
  it('delete-refusal-forbidden: a Delete outside the primary region is refused as Forbidden 403', async () => {
    const { h, through, pairId } = bent('delete-refusal-forbidden');
    h.ebs('StartDiskReplicaPair', { RegionId: SH, ReplicaPairId: pairId });
    h.clock.advance(TRANSITION);
    h.ebs('StopDiskReplicaPair', { RegionId: SH, ReplicaPairId: pairId });
    h.clock.advance(TRANSITION);
    const elsewhere = { RegionId: BJ, ReplicaPairId: pairId };
    expect(await refusedWith(through('DeleteDiskReplicaPair', elsewhere))).toEqual({
      code: 'Forbidden',
      httpStatus: 403,
    });
  });

  it('wrong-site-codes-swapped: a Failover in the primary region names the standby', async () => {
    const { h, through, pairId } = bent('wrong-site-codes-swapped');
    h.ebs('StartDiskReplicaPair', { RegionId: SH, ReplicaPairId: pairId });
    h.clock.advance(TRANSITION);
    const atPrimary = { RegionId: SH, ReplicaPairId: pairId };
    expect((await refusedWith(through('FailoverDiskReplicaPair', atPrimary))).code).toBe(
      'OperationDenied.OperateNotAllowedForStandby',
    );
  });

  it('transient-refusals-accepted: a second Start during the initial sync answers success', async () => {
    const { h, through, pairId } = bent('transient-refusals-accepted');
    const start = { RegionId: SH, ReplicaPairId: pairId };
    h.ebs('StartDiskReplicaPair', start);
    h.clock.advance(TRANSITION / 2);
    expect(await through('StartDiskReplicaPair', start)).toEqual({});
    // Once settled, the same refusal is answered as documented.
    h.clock.advance(TRANSITION);
    expect((await refusedWith(through('StartDiskReplicaPair', start))).code).toBe(
      'OperationDenied.InvalidStatus',
    );
  });

  it('legacy-missing-parameter: the ECS dialect answers MissingParameter for a missing PairName', async () => {
    const legacyCreate = (profile?: string) =>
      createHandler(
        createEmulatorService({ transitionMs: 0, clock: manualClock(Date.now()) }),
        profile ? { deviation: faultProfile(profile).create() } : {},
      )(
        signV1({
          action: 'CreateDiskReplicaPair',
          version: '2014-05-26',
          params: {
            Format: 'JSON',
            RegionId: SH,
            DiskId: 'd-none',
            DestinationRegionId: BJ,
            DestinationDiskId: 'd-none-either',
          },
        }),
      );
    const code = async (profile?: string) =>
      (JSON.parse((await legacyCreate(profile)).body) as { Code: string }).Code;
    expect(await code()).toBe('IncompleteParamter');
    expect(await code('legacy-missing-parameter')).toBe('MissingParameter');
  });
});
