/**
 * Helpers that put disks and pairs into a given state through the documented API, so a test of
 * a user's runbook starts from "a pair that is replicating" or "a pair that has failed over"
 * in one line: `await ebs.pairIn('failovered')`. Each step is the call a user would make, in
 * the region the docs require, waiting until the pair leaves its transient status.
 */
import type { DiskStatus, PairStatus } from '../api';
import type { EbsClient } from './client';
import type { Site, World } from './world';

/** The settled states a pair can be put in; `reprotected` is `stopped` with the direction reversed. */
export type PairState = 'created' | 'normal' | 'stopped' | 'failovered' | 'reprotected';

export interface PairHandle {
  readonly pairId: string;
  /** Where the pair was created: its primary disk and the instance it may be attached to. */
  readonly primary: Site & { readonly diskId: string };
  readonly secondary: Site & { readonly diskId: string };
}

export interface PairOptions {
  readonly primary?: Site;
  readonly secondary?: Site;
  readonly name?: string;
  /** Attach the primary disk to the primary site's instance, as a disk in use would be. */
  readonly attachPrimary?: boolean;
}

export interface Scenarios {
  /** A new 40 GiB ESSD in the site's zone (default: the world's primary site). */
  disk(site?: Site, options?: { readonly sizeGiB?: number }): Promise<string>;
  /** Two new disks and a pair between them, in `created`. */
  pair(options?: PairOptions): Promise<PairHandle>;
  /** A new pair driven to `state` through the API. */
  pairIn(state: PairState, options?: PairOptions): Promise<PairHandle>;
  /** The pair's status as its primary region lists it. */
  pairStatus(pair: PairHandle): Promise<PairStatus>;
  /** Polls until the pair shows `status`; fails on a failed or invalid status, or after `maxPolls`. */
  waitForPair(pair: PairHandle, status: PairStatus, maxPolls?: number): Promise<void>;
}

export interface ScenarioContext {
  readonly client: EbsClient;
  readonly world: World;
  /** Lets emulated time pass between polls (advances a manual clock, or sleeps). */
  readonly pass: (ms: number) => Promise<void>;
  /** How long transient statuses last, so a poll waits no longer than needed. */
  readonly transitionMs: number;
}

const STUCK = /_failed$|^invalid$|^deleted$/;
let pairCount = 0;

export function scenarios({ client, world, pass, transitionMs }: ScenarioContext): Scenarios {
  /** Polls `check` until it holds, letting transitionMs pass in between. */
  async function until(what: string, check: () => Promise<string | true>, maxPolls = 50) {
    for (let poll = 0; ; poll++) {
      const seen = await check();
      if (seen === true) return;
      if (poll >= maxPolls) throw new Error(`${what}: still ${seen}`);
      await pass(Math.max(transitionMs, 1));
    }
  }

  async function waitForDisk(site: Site, diskId: string, status: DiskStatus) {
    await until(`disk ${diskId} waiting for ${status}`, async () => {
      const res = await client.call('DescribeDisks', { RegionId: site.regionId, DiskIds: [diskId] });
      const seen = res.Disks.Disk[0]?.Status ?? 'missing';
      return seen === status || seen;
    });
  }

  async function disk(site: Site = world.primary, options: { sizeGiB?: number } = {}) {
    const res = await client.call('CreateDisk', {
      RegionId: site.regionId,
      ZoneId: site.zoneId,
      DiskCategory: 'cloud_essd',
      Size: options.sizeGiB ?? 40,
    });
    await waitForDisk(site, res.DiskId, 'Available');
    return res.DiskId;
  }

  async function pairStatus(pair: PairHandle): Promise<PairStatus> {
    const res = await client.call('DescribeDiskReplicaPairs', {
      RegionId: pair.primary.regionId,
      PairIds: [pair.pairId],
    });
    const found = res.ReplicaPairs.find((p) => p.ReplicaPairId === pair.pairId);
    if (!found) throw new Error(`pair ${pair.pairId} is not listed in ${pair.primary.regionId}`);
    return found.Status;
  }

  async function waitForPair(pair: PairHandle, status: PairStatus, maxPolls = 50) {
    await until(
      `pair ${pair.pairId} waiting for ${status}`,
      async () => {
        const seen = await pairStatus(pair);
        if (STUCK.test(seen)) throw new Error(`pair ${pair.pairId} shows ${seen}, waiting for ${status}`);
        return seen === status || seen;
      },
      maxPolls,
    );
  }

  async function pair(options: PairOptions = {}): Promise<PairHandle> {
    const primary = options.primary ?? world.primary;
    const secondary = options.secondary ?? world.secondary;
    const [primaryDisk, standbyDisk] = [await disk(primary), await disk(secondary)];
    pairCount += 1;
    const created = await client.call('CreateDiskReplicaPair', {
      RegionId: primary.regionId,
      SourceZoneId: primary.zoneId,
      DiskId: primaryDisk,
      DestinationRegionId: secondary.regionId,
      DestinationZoneId: secondary.zoneId,
      DestinationDiskId: standbyDisk,
      PairName: options.name ?? `pair-${pairCount}`,
    });
    const handle: PairHandle = {
      pairId: created.ReplicaPairId,
      primary: { ...primary, diskId: primaryDisk },
      secondary: { ...secondary, diskId: standbyDisk },
    };
    if (options.attachPrimary) {
      await client.call(
        'AttachDisk',
        { InstanceId: primary.instanceId, DiskId: primaryDisk },
        { region: primary.regionId },
      );
      await waitForDisk(primary, primaryDisk, 'In_use');
    }
    await waitForPair(handle, 'created');
    return handle;
  }

  async function pairIn(state: PairState, options: PairOptions = {}): Promise<PairHandle> {
    const p = await pair(options);
    if (state === 'created') return p;
    const at = (site: Site) => ({ RegionId: site.regionId, ReplicaPairId: p.pairId });
    await client.call('StartDiskReplicaPair', at(p.primary));
    await waitForPair(p, 'normal');
    if (state === 'normal') return p;
    if (state === 'stopped') {
      await client.call('StopDiskReplicaPair', at(p.primary));
      await waitForPair(p, 'stopped');
      return p;
    }
    await client.call('FailoverDiskReplicaPair', at(p.secondary));
    await waitForPair(p, 'failovered');
    if (state === 'failovered') return p;
    if (options.attachPrimary) {
      await client.call(
        'DetachDisk',
        { InstanceId: p.primary.instanceId, DiskId: p.primary.diskId },
        { region: p.primary.regionId },
      );
      await waitForDisk(p.primary, p.primary.diskId, 'Available');
    }
    await client.call('ReprotectDiskReplicaPair', { ...at(p.secondary), ReverseReplicate: true });
    await waitForPair(p, 'stopped');
    return p;
  }

  return { disk, pair, pairIn, pairStatus, waitForPair };
}
