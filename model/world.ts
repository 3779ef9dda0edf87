import type { InstanceStatus } from '../api';

/**
 * The world a run starts from: regions, zones and instances as the target reports them
 * (DescribeRegions `ear`, DescribeZones, DescribeInstances), plus the choices the docs leave open.
 */
export interface ZoneInfo {
  readonly id: string;
  /** Listed by DescribeRegions with ResourceType=ear. */
  readonly asyncReplication: boolean;
}

export interface RegionInfo {
  readonly id: string;
  readonly asyncReplication: boolean;
  readonly zones: readonly ZoneInfo[];
}

export interface InstanceInfo {
  readonly id: string;
  readonly regionId: string;
  readonly zoneId: string;
  readonly status: InstanceStatus;
}

export interface World {
  readonly regions: readonly RegionInfo[];
  readonly instances: readonly InstanceInfo[];
  /**
   * The API page says ESSD only; the Cloud Backup limits page also names ESSD AutoPL. Default: ESSD
   * only (cloud_essd), the stricter reading.
   */
  readonly essdAutoPlReplicable: boolean;
  /**
   * The account is billed (a real one): generated calls buy no subscription (ChargeType PREPAY)
   * there. Absent: a target of our own, where every documented billing choice is generated.
   */
  readonly billed?: boolean;
  /**
   * The resource groups generated calls may place resources in and filter listings by: on a real
   * account, those its user gave the run (`run --resource-group`, none by default), since a
   * resource group is the account's and never the run's to make. Absent: the generator's own.
   */
  readonly resourceGroups?: readonly string[];
}

const ZONE_LETTERS = ['a', 'b'] as const;

function replicatedRegion(id: string, letters: readonly string[] = ZONE_LETTERS): RegionInfo {
  return {
    id,
    asyncReplication: true,
    zones: letters.map((l) => ({ id: `${id}-${l}`, asyncReplication: true })),
  };
}

/** The test world: four regions with async replication (two zones each) and one without. */
export function defaultWorld(overrides: Partial<Omit<World, 'regions' | 'instances'>> = {}): World {
  const regions: RegionInfo[] = [
    replicatedRegion('cn-shanghai'),
    replicatedRegion('cn-beijing'),
    replicatedRegion('cn-heyuan'),
    replicatedRegion('cn-chengdu'),
    { id: 'cn-qingdao', asyncReplication: false, zones: [{ id: 'cn-qingdao-b', asyncReplication: false }] },
  ];
  const instances = regions.flatMap((r) =>
    r.zones.map((z) => ({ id: `i-${z.id}-1`, regionId: r.id, zoneId: z.id, status: 'Running' as const })),
  );
  return { regions, instances, essdAutoPlReplicable: false, ...overrides };
}

export const findRegion = (world: World, regionId: unknown): RegionInfo | undefined =>
  world.regions.find((r) => r.id === regionId);

export const findZone = (world: World, regionId: unknown, zoneId: unknown): ZoneInfo | undefined =>
  findRegion(world, regionId)?.zones.find((z) => z.id === zoneId);

/** Both the region and the zone take part in async replication. */
export function replicates(world: World, regionId: string, zoneId: string): boolean {
  const region = findRegion(world, regionId);
  return region?.asyncReplication === true && findZone(world, regionId, zoneId)?.asyncReplication === true;
}

/** A region as DescribeRegions lists it (the fields the world needs). */
export interface ListedRegion {
  readonly RegionId: string;
  readonly Zones: readonly { readonly ZoneId: string; readonly ResourceTypes: readonly string[] }[];
}

/**
 * The world a target reports: regions and zones from DescribeRegions (without ResourceType, so
 * every zone is listed with the features it offers) and the instances found in them.
 */
export function worldFromRegions(
  regions: readonly ListedRegion[],
  instances: readonly InstanceInfo[],
  options: Partial<Pick<World, 'essdAutoPlReplicable'>> = {},
): World {
  return {
    regions: regions.map((r) => {
      const zones = r.Zones.map((z) => ({ id: z.ZoneId, asyncReplication: z.ResourceTypes.includes('ear') }));
      return { id: r.RegionId, asyncReplication: zones.some((z) => z.asyncReplication), zones };
    }),
    instances,
    essdAutoPlReplicable: options.essdAutoPlReplicable ?? false,
  };
}
