/**
 * The seeded world as a test sees it: learnt through the API (EBS DescribeRegions for the zones
 * that offer async replication, ECS DescribeInstances for the machines), never read from the
 * emulator's internals, so the same code describes a real account's world too.
 */
import type { EbsClient } from './client';

export interface WorldZone {
  readonly regionId: string;
  readonly zoneId: string;
  /** The zone offers async replication (DescribeRegions ResourceType `ear`). */
  readonly replication: boolean;
  /** Running instances of the zone. */
  readonly instanceIds: readonly string[];
}

export interface WorldRegion {
  readonly regionId: string;
  readonly zones: readonly WorldZone[];
}

/** A zone with an instance where a replicated disk can live and be attached. */
export interface Site {
  readonly regionId: string;
  readonly zoneId: string;
  readonly instanceId: string;
}

export interface World {
  readonly regions: readonly WorldRegion[];
  /** Two replication sites in two different regions: where a pair's disks go by default. */
  readonly primary: Site;
  readonly secondary: Site;
  /** Every zone that offers replication and has an instance, as a site. */
  readonly sites: readonly Site[];
}

async function instancesOf(client: EbsClient, regionId: string): Promise<{ id: string; zoneId: string }[]> {
  const found: { id: string; zoneId: string }[] = [];
  for (let page = 1; ; page++) {
    const res = await client.call('DescribeInstances', {
      RegionId: regionId,
      Status: 'Running',
      PageNumber: page,
      PageSize: 100,
    });
    found.push(...res.Instances.Instance.map((i) => ({ id: i.InstanceId, zoneId: i.ZoneId })));
    if (res.Instances.Instance.length < 100) return found;
  }
}

export async function learnWorld(client: EbsClient): Promise<World> {
  const { Regions } = await client.call('DescribeRegions', {});
  const regions: WorldRegion[] = [];
  for (const region of Regions) {
    const instances = await instancesOf(client, region.RegionId);
    regions.push({
      regionId: region.RegionId,
      zones: region.Zones.map((zone) => ({
        regionId: region.RegionId,
        zoneId: zone.ZoneId,
        replication: zone.ResourceTypes.includes('ear'),
        instanceIds: instances.filter((i) => i.zoneId === zone.ZoneId).map((i) => i.id),
      })),
    });
  }
  const sites: Site[] = regions.flatMap((r) =>
    r.zones
      .filter((z) => z.replication && z.instanceIds.length > 0)
      .map((z) => ({ regionId: z.regionId, zoneId: z.zoneId, instanceId: z.instanceIds[0] as string })),
  );
  const primary = sites[0];
  const secondary = sites.find((s) => primary && s.regionId !== primary.regionId);
  if (!primary || !secondary)
    throw new Error('the target offers no two regions with replication zones and running instances');
  return { regions, primary, secondary, sites };
}
