import { createEbsTest, type EmulatorFixture, expect, type PairHandle } from 'ebs-conformance/vitest';
import { describe } from 'vitest';
import { type RunbookConfig, runFailover } from './runbook';

// The runbook under the vitest fixture: the emulator listens on a real socket for this file, and
// the official SDKs reach it over HTTP at `127.0.0.1:PORT` for every product and region. The
// primary region's trouble is injected with the emulator's fault rules; time passes only when the
// runbook sleeps, by moving the emulator's manual clock.
const test = createEbsTest({ transitionMs: 60_000 });

/** The runbook pointed at the fixture's endpoint for every product and region. */
function failover(pair: PairHandle, emulator: EmulatorFixture, extra: Partial<RunbookConfig> = {}) {
  const plan = {
    pairId: pair.pairId,
    primaryRegionId: pair.primary.regionId,
    secondaryRegionId: pair.secondary.regionId,
  };
  return runFailover(plan, {
    ...emulator.sdkConfig,
    endpointFor: () => emulator.sdkConfig.endpoint,
    sleep: async (ms) => emulator.clock.advance(ms),
    ...extra,
  });
}

describe('the failover runbook under the vitest fixture', () => {
  test('fails over a broken primary and survives Failover answering InternalError twice', async ({
    emulator,
    ebs,
  }) => {
    const pair = await ebs.pairIn('normal', { attachPrimary: true });
    // The primary region's ECS answers ServiceUnavailable to the three probes.
    emulator.faults.next('DescribeDisks', 'ServiceUnavailable', 3);
    emulator.faults.next('FailoverDiskReplicaPair', 'InternalError', 2);
    const log: string[] = [];

    const result = await failover(pair, emulator, { log: (line) => log.push(line) });

    expect(result).toEqual({
      outcome: 'failed-over',
      steps: ['detected', 'failed over', 'detached', 'reprotected', 'started reversed'],
      detachedFrom: pair.primary.instanceId,
    });
    expect(log.filter((l) => l.includes('(ServiceUnavailable)'))).toHaveLength(3);
    expect(log.filter((l) => l.startsWith('failover: transient failure (InternalError)'))).toHaveLength(2);
    expect(emulator.faults.list()).toEqual([]);
    const { ReplicaPairs } = await emulator.client.call('DescribeDiskReplicaPairs', {
      RegionId: pair.primary.regionId,
      PairIds: [pair.pairId],
    });
    expect(ReplicaPairs[0]).toMatchObject({
      Status: 'normal',
      SourceRegion: pair.secondary.regionId,
      SourceDiskId: pair.secondary.diskId,
    });
  });

  test('leaves a healthy pair alone, in a world reset since the last test', async ({ emulator, ebs }) => {
    const pair = await ebs.pairIn('normal', { attachPrimary: true });
    const { ReplicaPairs } = await emulator.client.call('DescribeDiskReplicaPairs', {
      RegionId: pair.primary.regionId,
    });
    expect(ReplicaPairs.map((p) => p.ReplicaPairId)).toEqual([pair.pairId]);

    expect(await failover(pair, emulator)).toEqual({ outcome: 'healthy' });
    expect(await ebs.pairStatus(pair)).toBe('normal');
  });
});
