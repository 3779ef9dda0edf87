/**
 * A disaster-recovery runbook for one async-replication pair, written against the official SDKs:
 *
 * 1. detect: probe the primary region for the primary disk; only several failed probes in a row
 *    (no answer, or the disk no longer in use) count as a broken primary;
 * 2. fail over in the secondary region (the secondary disk becomes writable);
 * 3. detach the old primary disk from its instance, once the primary region answers again
 *    (reprotect requires it);
 * 4. reprotect with the direction reversed;
 * 5. start replication again, now from the secondary region back to the primary.
 *
 * Every mutation carries a ClientToken of this run, so a retry after an InternalError
 * or a lost answer can never act twice; transient failures are retried with backoff.
 */
import { randomUUID } from 'node:crypto';
import { $Ecs, type EbsCall, ebsClient, ecsClient, isTransient, noRetry, type SdkConfig } from './sdk';

export interface RunbookConfig extends SdkConfig {
  /** How the runbook waits; tests pass one that moves the emulator's clock. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly log?: (line: string) => void;
  /** Failed probes in a row before the primary counts as broken (default 3). */
  readonly probes?: number;
  /** Attempts per call on transient failures (default 5). */
  readonly attempts?: number;
  /** Between polls of a transition (default 5 s) and at most how many polls (default 120). */
  readonly pollMs?: number;
  readonly maxPolls?: number;
  /** Names this run in ClientTokens (default random): retries within a run share their tokens. */
  readonly runId?: string;
}

export interface PairToProtect {
  readonly pairId: string;
  readonly primaryRegionId: string;
  readonly secondaryRegionId: string;
}

export type RunbookResult =
  | { readonly outcome: 'healthy' }
  | { readonly outcome: 'failed-over'; readonly steps: readonly string[]; readonly detachedFrom?: string };

interface PairView {
  readonly Status: string;
  readonly SourceRegion: string;
  readonly SourceDiskId: string;
}

export async function runFailover(pair: PairToProtect, config: RunbookConfig): Promise<RunbookResult> {
  const sleep = config.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const log = config.log ?? (() => {});
  const attempts = config.attempts ?? 5;
  const pollMs = config.pollMs ?? 5_000;
  const primaryEcs = ecsClient(config, pair.primaryRegionId);
  const secondaryEbs = ebsClient(config, pair.secondaryRegionId);
  const steps: string[] = [];

  async function withRetries<T>(what: string, call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (err) {
        if (!isTransient(err) || attempt >= attempts) throw err;
        log(`${what}: transient failure (${(err as { code?: string }).code ?? err}), retrying`);
        await sleep(Math.min(pollMs * 2 ** (attempt - 1), 60_000));
      }
    }
  }

  /** The pair as the secondary region lists it (`Site=backup`: listed by its initial backup site). */
  async function describe(ebs: EbsCall): Promise<PairView> {
    const body = await withRetries('describe', () =>
      ebs('DescribeDiskReplicaPairs', { PairIds: pair.pairId, Site: 'backup' }),
    );
    const found = (body.ReplicaPairs as PairView[] | undefined)?.[0];
    if (!found) throw new Error(`pair ${pair.pairId} is not listed`);
    return found;
  }

  async function pollUntil<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean) {
    for (let poll = 0; ; poll++) {
      const value = await read();
      if (done(value)) return value;
      if (poll >= (config.maxPolls ?? 120)) throw new Error(`${what}: gave up after ${poll} polls`);
      await sleep(pollMs);
    }
  }

  const waitFor = (status: string) =>
    pollUntil(
      `pair ${pair.pairId} reaching ${status}`,
      () => describe(secondaryEbs),
      (view) => {
        if (/_failed$|^invalid$/.test(view.Status)) throw new Error(`pair ${pair.pairId} is ${view.Status}`);
        return view.Status === status;
      },
    );

  async function primaryDisk(diskId: string) {
    const res = await primaryEcs.describeDisksWithOptions(
      new $Ecs.DescribeDisksRequest({ regionId: pair.primaryRegionId, diskIds: JSON.stringify([diskId]) }),
      noRetry(),
    );
    return res.body?.disks?.disk?.[0];
  }

  async function primaryIsBroken(diskId: string): Promise<boolean> {
    const probes = config.probes ?? 3;
    for (let probe = 1; probe <= probes; probe++) {
      try {
        if ((await primaryDisk(diskId))?.status === 'In_use') return false;
        log(`probe ${probe}: primary disk ${diskId} is not in use`);
      } catch (err) {
        log(`probe ${probe}: primary region does not answer (${(err as { code?: string }).code ?? err})`);
      }
      if (probe < probes) await sleep(pollMs);
    }
    return true;
  }

  // 1. detect
  const before = await describe(secondaryEbs);
  if (!(await primaryIsBroken(before.SourceDiskId))) return { outcome: 'healthy' };
  steps.push('detected');

  // 2. fail over where the secondary disk lives
  const runId = config.runId ?? randomUUID();
  const token = (step: string) => `${step}-${runId}`.slice(0, 64);
  await withRetries('failover', () =>
    secondaryEbs('FailoverDiskReplicaPair', { ReplicaPairId: pair.pairId, ClientToken: token('failover') }),
  );
  await waitFor('failovered');
  steps.push('failed over');

  // 3. detach the old primary disk, retrying until its region answers again
  const disk = await withRetries('find primary disk', () => primaryDisk(before.SourceDiskId));
  const detachedFrom = disk?.status === 'In_use' ? disk.instanceId : undefined;
  if (detachedFrom) {
    await withRetries('detach', () =>
      primaryEcs.detachDiskWithOptions(
        new $Ecs.DetachDiskRequest({ instanceId: detachedFrom, diskId: before.SourceDiskId }),
        noRetry(),
      ),
    );
    await pollUntil(
      `disk ${before.SourceDiskId} detaching`,
      () => withRetries('detach', () => primaryDisk(before.SourceDiskId)),
      (d) => d?.status === 'Available',
    );
    steps.push('detached');
  }

  // 4. reprotect, reversing the direction
  await withRetries('reprotect', () =>
    secondaryEbs('ReprotectDiskReplicaPair', {
      ReplicaPairId: pair.pairId,
      ReverseReplicate: true,
      ClientToken: token('reprotect'),
    }),
  );
  await waitFor('stopped');
  steps.push('reprotected');

  // 5. start replicating from the new primary
  await withRetries('start', () =>
    secondaryEbs('StartDiskReplicaPair', { ReplicaPairId: pair.pairId, ClientToken: token('start') }),
  );
  const after = await waitFor('normal');
  if (after.SourceRegion !== pair.secondaryRegionId)
    throw new Error(`pair ${pair.pairId} replicates from ${after.SourceRegion}, not the secondary region`);
  steps.push('started reversed');
  log(`pair ${pair.pairId} now replicates from ${after.SourceRegion}`);
  return { outcome: 'failed-over', steps, ...(detachedFrom ? { detachedFrom } : {}) };
}
