import { createClient, learnWorld, type PairHandle, scenarios } from 'ebs-conformance/client';
import { createMswEmulator } from 'ebs-conformance/msw';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runFailover } from './runbook';

// The runbook under msw: the official SDKs call the real endpoint hosts (ecs-cn-hangzhou.aliyuncs.com,
// ebs.cn-shanghai.aliyuncs.com, ...) and msw answers from an in-memory emulator. Transitions take
// a minute of emulated time, and the runbook's sleep moves the emulator's clock, so the whole
// failover runs in milliseconds and every transient status is seen by its polls.
const TRANSITION_MS = 60_000;
const emulator = createMswEmulator({ transitionMs: TRANSITION_MS });
const server = setupServer(...emulator.handlers);
const keys = { accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret };
// The typed client sets the scene through the same handlers (its fetch is intercepted too).
const client = createClient({ credentials: keys });
const pass = async (ms: number) => emulator.clock.advance(ms);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  server.resetHandlers();
  await emulator.reset();
});
afterAll(() => server.close());

async function protectedPair(): Promise<PairHandle> {
  const world = await learnWorld(client);
  const ebs = scenarios({ client, world, pass, transitionMs: TRANSITION_MS });
  return ebs.pairIn('normal', { attachPrimary: true });
}

const planFor = (pair: PairHandle) => ({
  pairId: pair.pairId,
  primaryRegionId: pair.primary.regionId,
  secondaryRegionId: pair.secondary.regionId,
});

/** The primary region's ECS endpoint stops answering for the next `times` requests. */
function primaryRegionDown(pair: PairHandle, times: number): void {
  const isPrimaryEcs = ({ request }: { request: Request }) => {
    const host = new URL(request.url).hostname;
    return host.startsWith('ecs') && host.includes(pair.primary.regionId);
  };
  for (let i = 0; i < times; i++)
    server.use(http.all(isPrimaryEcs, () => HttpResponse.error(), { once: true }));
}

async function pairView(pair: PairHandle) {
  const res = await client.call('DescribeDiskReplicaPairs', {
    RegionId: pair.secondary.regionId,
    PairIds: [pair.pairId],
    Site: 'backup',
  });
  return res.ReplicaPairs[0];
}

describe('the failover runbook under the msw handlers', () => {
  it('leaves a healthy pair alone', async () => {
    const pair = await protectedPair();
    const result = await runFailover(planFor(pair), { ...keys, sleep: pass });
    expect(result).toEqual({ outcome: 'healthy' });
    expect((await pairView(pair))?.Status).toBe('normal');
  });

  it('fails over a broken primary, detaches, reprotects and replicates back', async () => {
    const pair = await protectedPair();
    primaryRegionDown(pair, 3);
    const log: string[] = [];
    const result = await runFailover(planFor(pair), { ...keys, sleep: pass, log: (l) => log.push(l) });

    expect(result).toEqual({
      outcome: 'failed-over',
      steps: ['detected', 'failed over', 'detached', 'reprotected', 'started reversed'],
      detachedFrom: pair.primary.instanceId,
    });
    expect(log.filter((l) => l.includes('does not answer'))).toHaveLength(3);
    expect(await pairView(pair)).toMatchObject({
      Status: 'normal',
      SourceRegion: pair.secondary.regionId,
      SourceDiskId: pair.secondary.diskId,
      DestinationDiskId: pair.primary.diskId,
    });
  });

  it('survives FailoverDiskReplicaPair answering InternalError twice', async () => {
    const pair = await protectedPair();
    primaryRegionDown(pair, 3);
    emulator.faults.next('FailoverDiskReplicaPair', 'InternalError', 2);
    const log: string[] = [];
    const result = await runFailover(planFor(pair), { ...keys, sleep: pass, log: (l) => log.push(l) });

    expect(result.outcome).toBe('failed-over');
    expect(log.filter((l) => l.startsWith('failover: transient failure (InternalError)'))).toHaveLength(2);
    expect(emulator.faults.list()).toEqual([]);
    expect((await pairView(pair))?.SourceRegion).toBe(pair.secondary.regionId);
  });

  it('gives up when the failover keeps failing, leaving the pair untouched', async () => {
    const pair = await protectedPair();
    primaryRegionDown(pair, 3);
    emulator.faults.next('FailoverDiskReplicaPair', 'InternalError', 5);
    await expect(runFailover(planFor(pair), { ...keys, sleep: pass })).rejects.toMatchObject({
      code: 'InternalError',
    });
    expect((await pairView(pair))?.Status).toBe('normal');
  });
});
