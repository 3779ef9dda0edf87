import { idSuffix } from './ids';

/**
 * The seeded world every account sees: regions, zones and instances. It never changes at run
 * time (instances are not created, started or stopped through this emulator), so it is data, not
 * state, and is not persisted.
 */
export type Language = 'zh-CN' | 'en-US' | 'ja';
export type LocalNames = Readonly<Record<Language, string>>;

/** DescribeRegions `ResourceType` values a zone can offer. */
export type ZoneFeature = 'ear' | 'lens' | 'dbsc';

export interface Zone {
  readonly zoneId: string;
  readonly regionId: string;
  readonly names: LocalNames;
  readonly features: readonly ZoneFeature[];
}

export interface Region {
  readonly regionId: string;
  readonly names: LocalNames;
  readonly zones: readonly Zone[];
}

export interface Instance {
  readonly instanceId: string;
  readonly instanceName: string;
  readonly regionId: string;
  readonly zoneId: string;
  readonly status: 'Running' | 'Starting' | 'Stopped';
  readonly instanceType: string;
  readonly creationTime: string;
}

interface RegionSeed {
  readonly id: string;
  readonly names: LocalNames;
  /** [zone letter, offers async replication] */
  readonly zones: readonly (readonly [string, boolean])[];
}

/**
 * The four regions of the seed ReprotectDiskReplicaPair document, plus cn-hangzhou (also with
 * replication, and one zone without it) and cn-qingdao (no replication at all), so that
 * `ResourceType=ear` filtering and the "region does not support replication" refusal both have
 * something to act on.
 */
const REGION_SEEDS: readonly RegionSeed[] = [
  {
    id: 'cn-hangzhou',
    names: { 'zh-CN': '华东1（杭州）', 'en-US': 'China (Hangzhou)', ja: '中国 (杭州)' },
    zones: [
      ['g', true],
      ['h', true],
      ['i', false],
    ],
  },
  {
    id: 'cn-shanghai',
    names: { 'zh-CN': '华东2（上海）', 'en-US': 'China (Shanghai)', ja: '中国 (上海)' },
    zones: [
      ['b', true],
      ['e', true],
      ['f', true],
    ],
  },
  {
    id: 'cn-beijing',
    names: { 'zh-CN': '华北2（北京）', 'en-US': 'China (Beijing)', ja: '中国 (北京)' },
    zones: [
      ['f', true],
      ['g', true],
      ['j', true],
    ],
  },
  {
    id: 'cn-heyuan',
    names: { 'zh-CN': '华南2（河源）', 'en-US': 'China (Heyuan)', ja: '中国 (河源)' },
    zones: [
      ['a', true],
      ['b', true],
    ],
  },
  {
    id: 'cn-chengdu',
    names: { 'zh-CN': '西南1（成都）', 'en-US': 'China (Chengdu)', ja: '中国 (成都)' },
    zones: [
      ['a', true],
      ['b', true],
    ],
  },
  {
    id: 'cn-qingdao',
    names: { 'zh-CN': '华北1（青岛）', 'en-US': 'China (Qingdao)', ja: '中国 (青島)' },
    zones: [
      ['b', false],
      ['c', false],
    ],
  },
];

const ZONE_WORD: LocalNames = { 'zh-CN': '可用区', 'en-US': 'Zone', ja: 'ゾーン' };

function zoneNames(region: LocalNames, letter: string): LocalNames {
  // "China (Shanghai)" -> "Shanghai Zone B"; "华东2（上海）" -> "上海 可用区B".
  const inner = (s: string) => s.match(/[（(]([^）)]+)[）)]/)?.[1] ?? s;
  const up = letter.toUpperCase();
  return {
    'zh-CN': `${inner(region['zh-CN'])} ${ZONE_WORD['zh-CN']}${up}`,
    'en-US': `${inner(region['en-US'])} ${ZONE_WORD['en-US']} ${up}`,
    ja: `${inner(region.ja)} ${ZONE_WORD.ja} ${up}`,
  };
}

export const REGIONS: readonly Region[] = REGION_SEEDS.map((seed) => ({
  regionId: seed.id,
  names: seed.names,
  zones: seed.zones.map(([letter, ear]) => ({
    zoneId: `${seed.id}-${letter}`,
    regionId: seed.id,
    names: zoneNames(seed.names, letter),
    features: ear ? (['ear', 'lens'] as const) : (['lens'] as const),
  })),
}));

/** Instance IDs use a fixed seed: the world is the same whatever the run's `idSeed`. */
const WORLD_SEED = 0x5eed;
const WORLD_CREATED = '2024-01-01T00:00:00Z';

/**
 * Two Running instances in the first zone of each region, one in every other zone; the second
 * zone also has one that stays Starting, which a disk cannot be attached to or detached from
 * (DISK.ATTACH.INSTANCE_STATUS).
 */
export const INSTANCES: readonly Instance[] = REGIONS.flatMap((region, r) =>
  region.zones.flatMap((zone, z) =>
    Array.from({ length: z === 0 || z === 1 ? 2 : 1 }, (_, k) => ({
      instanceId: `i-${idSuffix(WORLD_SEED, r * 100 + z * 10 + k + 1)}`,
      instanceName: `${zone.zoneId}-vm${k + 1}`,
      regionId: region.regionId,
      zoneId: zone.zoneId,
      status: z === 1 && k === 1 ? ('Starting' as const) : ('Running' as const),
      instanceType: 'ecs.g7.large',
      creationTime: WORLD_CREATED,
    })),
  ),
);

const regionById = new Map(REGIONS.map((r) => [r.regionId, r]));
const zoneById = new Map(REGIONS.flatMap((r) => r.zones).map((z) => [z.zoneId, z]));
const instanceById = new Map(INSTANCES.map((i) => [i.instanceId, i]));

export const findRegion = (regionId: string): Region | undefined => regionById.get(regionId);
export const findInstance = (instanceId: string): Instance | undefined => instanceById.get(instanceId);

/** A zone only counts when it is in the named region. */
export function findZone(regionId: string, zoneId: string): Zone | undefined {
  const zone = zoneById.get(zoneId);
  return zone?.regionId === regionId ? zone : undefined;
}

export const supportsReplication = (zone: Zone | undefined): boolean =>
  zone?.features.includes('ear') === true;

export const ebsEndpoint = (regionId: string) => `ebs.${regionId}.aliyuncs.com`;
export const ecsEndpoint = (regionId: string) => `ecs.${regionId}.aliyuncs.com`;
