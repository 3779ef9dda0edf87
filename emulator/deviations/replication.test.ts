import { describe, expect, it } from 'vitest';
import { deviateService } from '../protocol/deviation';
import { createPair, makeService } from '../service/test-support';
import { faultProfile } from '.';

// The replication profiles bend what the plain service answers, and only that: shown on the
// service with and without the deviation over one state.

const TRANSITION = 1000;
const SH = 'cn-shanghai';

function started(profile: string) {
  const h = makeService(TRANSITION);
  const deviated = deviateService(h.service, faultProfile(profile).create());
  const { pairId } = createPair(h);
  h.settle();
  h.ebs('StartDiskReplicaPair', { RegionId: SH, ReplicaPairId: pairId });
  const params = { RegionId: SH, ReplicaPairId: pairId };
  let n = 0;
  const through = (action: string, p: Record<string, unknown>) =>
    deviated.handle({
      product: 'ebs',
      version: '2021-07-30',
      action,
      params: p,
      requestId: `r-${++n}`,
      accessKeyId: 'test-ak',
    });
  return { h, params, through, pairId };
}

describe('replication profiles', () => {
  it('progress-falls-between-passes: Progress rises to 98 over the first half of the initial sync, then starts again', async () => {
    const { h, params, through } = started('progress-falls-between-passes');
    const seen: number[] = [];
    for (const at of [300, 300, 300]) {
      h.clock.advance(at);
      expect(h.ebs('DescribeDiskReplicaPairProgress', params).Progress).toBe(seen.length * 30 + 30);
      seen.push((await through('DescribeDiskReplicaPairProgress', params)).Progress as number);
    }
    expect(seen).toEqual([60, 20, 80]);
    h.clock.advance(TRANSITION);
    expect((await through('DescribeDiskReplicaPairProgress', params)).Progress).toBe(100);
  });

  it('recover-point-frozen: the recovery point stays at the first sync while the plain one advances every RPO', async () => {
    const { h, params, through, pairId } = started('recover-point-frozen');
    h.clock.advance(TRANSITION);
    const first = (await through('DescribeDiskReplicaPairProgress', params)).RecoverPoint as number;
    expect(first).toBe(h.ebs('DescribeDiskReplicaPairProgress', params).RecoverPoint);
    h.clock.advance(3 * 900_000);
    const plain = h.ebs('DescribeDiskReplicaPairProgress', params).RecoverPoint as number;
    expect(plain).toBeGreaterThanOrEqual(first + 2 * 900);
    expect((await through('DescribeDiskReplicaPairProgress', params)).RecoverPoint).toBe(first);
    const listing = await through('DescribeDiskReplicaPairs', { RegionId: SH, PairIds: [pairId] });
    expect((listing.ReplicaPairs as Record<string, unknown>[])[0]?.LastRecoverPoint).toBe(first);
  });
});
