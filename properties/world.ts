import type { Exchange, Target } from '../adapters/target';
import { DescribeRegionsResponse } from '../api/operations/ebs-responses';
import { DescribeInstancesResponse } from '../api/operations/ecs-responses';
import type { InstanceInfo, RegionInfo, World } from '../model';

/** A region the docs never list for async replication: the target for negative region cases. */
export const REGION_WITHOUT_REPLICATION = 'cn-qingdao';

export class WorldDiscoveryError extends Error {
  override readonly name = 'WorldDiscoveryError';
}

function body(exchange: Exchange, what: string): unknown {
  const o = exchange.outcome;
  if (o.kind === 'success') return o.body;
  const why =
    o.kind === 'error' ? `${o.code} (HTTP ${o.httpStatus}): ${o.message}` : `${o.reason}: ${o.message}`;
  throw new WorldDiscoveryError(`cannot learn the world: ${what} failed: ${why}`);
}

/**
 * Learns the world from the API itself, never from an emulator's seed: the regions and zones
 * DescribeRegions lists for async replication (`ear`), and the running instances of each.
 */
export async function learnWorld(target: Target): Promise<World> {
  const regionsCall = { product: 'ebs', version: '2021-07-30', action: 'DescribeRegions' } as const;
  const ear = DescribeRegionsResponse.parse(
    body(await target.send({ ...regionsCall, params: { ResourceType: 'ear' } }), 'DescribeRegions(ear)'),
  );
  const regions: RegionInfo[] = ear.Regions.map((r) => ({
    id: r.RegionId,
    asyncReplication: true,
    zones: r.Zones.map((z) => ({ id: z.ZoneId, asyncReplication: true })),
  }));
  if (!regions.some((r) => r.id === REGION_WITHOUT_REPLICATION))
    regions.push({ id: REGION_WITHOUT_REPLICATION, asyncReplication: false, zones: [] });
  const instances: InstanceInfo[] = [];
  // On a billed account the instances belong to someone else: the run neither lists them nor
  // attaches its disks to them, so its world has none (attach and detach are then never drawn).
  const ownsInstances = !target.capabilities.costsMoney;
  for (const region of regions.filter((r) => r.asyncReplication && ownsInstances)) {
    const answer = await target.send({
      product: 'ecs',
      version: '2014-05-26',
      action: 'DescribeInstances',
      params: { RegionId: region.id, PageSize: 100 },
    });
    const listed = DescribeInstancesResponse.parse(body(answer, `DescribeInstances(${region.id})`));
    for (const i of listed.Instances.Instance)
      instances.push({ id: i.InstanceId, regionId: i.RegionId, zoneId: i.ZoneId, status: i.Status });
  }
  if (regions.filter((r) => r.asyncReplication).length < 2)
    throw new WorldDiscoveryError(
      'cannot learn the world: fewer than two regions support async replication (ear)',
    );
  return { regions, instances, sameRegionCrossZone: true, essdAutoPlReplicable: false };
}
