import fc from 'fast-check';
import { type Disk, destinationOf, diskStatus, type ModelState } from '../../model';
import { REPLICATING } from '../../model/lifecycle';
import { CallCommand, type Plan, type PlannedCall } from '../command';
import {
  clientToken,
  disks,
  ECS,
  label,
  nth,
  pairs,
  rarely,
  ref,
  replicationRegions,
  UNKNOWN,
  variant,
  withToken,
  withVariant,
} from './toolkit';

/**
 * How a CreateDisk says where the disk goes and how big it is: rightly (a zone, a size), on an
 * instance instead of a zone (DISK.CREATE.WITH_INSTANCE), or each documented way of being wrong:
 * both a zone and an instance or neither (DISK.CREATE.ZONE_OR_INSTANCE), no size and no snapshot
 * (DISK.CREATE.SIZE_OR_SNAPSHOT), a region or zone that does not exist (DISK.CREATE.REGION_EXISTS,
 * DISK.CREATE.ZONE_EXISTS), an instance that does not exist (DISK.UNKNOWN_INSTANCE).
 */
type CreateDiskShape =
  | 'zone'
  | 'onInstance'
  | 'zoneAndInstance'
  | 'neither'
  | 'noSize'
  | 'unknownRegion'
  | 'unknownZone'
  | 'unknownInstance';

const createDiskShape = fc.oneof(
  { weight: 24, arbitrary: fc.constant<CreateDiskShape>('zone') },
  { weight: 3, arbitrary: fc.constant<CreateDiskShape>('onInstance') },
  {
    weight: 12,
    arbitrary: fc.constantFrom<CreateDiskShape>(
      'zoneAndInstance',
      'neither',
      'noSize',
      'unknownRegion',
      'unknownZone',
      'unknownInstance',
    ),
  },
);

/** Where a CreateDisk of that shape puts the disk, as parameters. */
function placement(
  s: ModelState,
  shape: CreateDiskShape,
  regionId: string,
  zoneId: string,
  instance: number,
) {
  const here = Object.values(s.instances).filter((i) => i.regionId === regionId);
  const instanceId = nth(here, instance)?.id;
  switch (shape) {
    case 'onInstance':
      return instanceId && { RegionId: regionId, InstanceId: instanceId };
    case 'zoneAndInstance':
      return instanceId && { RegionId: regionId, ZoneId: zoneId, InstanceId: instanceId };
    case 'neither':
      return { RegionId: regionId };
    case 'unknownRegion':
      return { RegionId: 'cn-unknown', ZoneId: 'cn-unknown-a' };
    case 'unknownZone':
      return { RegionId: regionId, ZoneId: `${regionId}-unknown` };
    case 'unknownInstance':
      return { RegionId: regionId, InstanceId: 'i-unknown000000' };
    default:
      return { RegionId: regionId, ZoneId: zoneId };
  }
}

/**
 * CreateDisk: mostly ESSD of two sizes, so that matching pairs are common; some other categories
 * (ultra disks, ESSD AutoPL), encrypted disks, and the placements above.
 */
const createDisk = fc
  .record({
    region: fc.nat(),
    zone: fc.nat(),
    size: fc.constantFrom(20, 20, 20, 40, 40, 10),
    category: fc.constantFrom(
      'cloud_essd',
      'cloud_essd',
      'cloud_essd',
      'cloud_essd',
      'cloud_efficiency',
      'cloud_auto',
    ),
    pl: fc.constantFrom('PL1', 'PL1', 'PL1', 'PL0'),
    encrypted: rarely(12),
    /** The documented options at their defaults, and on AutoPL its extra IOPS and burst. */
    extras: rarely(4),
    burst: fc.boolean(),
    shape: createDiskShape,
    instance: fc.nat(),
    token: clientToken,
    retry: rarely(4),
    /** Then the same ClientToken with another size: IdempotentParameterMismatch (TOKEN.OTHER_PARAMS_MISMATCH). */
    reuse: rarely(8),
    variant,
  })
  .map((g) => {
    const token = g.reuse ? (g.token ?? 'tok-reused') : g.token;
    const plan =
      (size: number) =>
      (s: ModelState): PlannedCall | undefined => {
        const region = nth(replicationRegions(s), g.region);
        const zone = region && nth(region.zones, g.zone);
        if (!region || !zone) return undefined;
        const where = placement(s, g.shape, region.id, zone.id, g.instance);
        if (!where) return undefined;
        const params = withToken(
          {
            ...where,
            ...(g.shape === 'noSize' ? {} : { Size: size }),
            DiskCategory: g.category,
            ...(g.category === 'cloud_essd' ? { PerformanceLevel: g.pl } : {}),
            ...(g.encrypted ? { Encrypted: true } : {}),
            ...(g.extras ? { MultiAttach: 'Disabled' } : {}),
            ...(g.extras && g.category === 'cloud_auto'
              ? { ProvisionedIops: 100, BurstingEnabled: g.burst }
              : {}),
          },
          token,
        );
        const what = `${g.category}${g.category === 'cloud_essd' ? `/${g.pl}` : ''} ${g.shape === 'noSize' ? 'no size' : `${size}GiB`}${g.encrypted ? ' encrypted' : ''}${g.extras ? ' with options' : ''}`;
        return {
          call: { ...ECS, action: 'CreateDisk', params },
          // A region that does not exist is still sent to one that does.
          region: region.id,
          variant: g.variant,
          label: label(
            'CreateDisk',
            String(where.InstanceId ?? where.ZoneId ?? where.RegionId),
            what,
            g.shape !== 'zone' && g.shape,
            token,
          ),
        };
      };
    const plans = g.reuse ? [plan(g.size), plan(g.size + 20)] : [plan(g.size)];
    return new CallCommand('CreateDisk', g, ...(plans as [Plan, ...Plan[]]));
  });

/** A disk replication is writing to right now: attaching it must be refused (DISK.ATTACH.SECONDARY_LOCKED). */
const lockedSecondaries = (s: ModelState) =>
  pairs(s)
    .filter((p) => REPLICATING.includes(p.status))
    .map((p) => s.disks[destinationOf(p).diskId])
    .filter((d): d is Disk => d !== undefined);

/** A disk or instance an attach or detach names that does not exist (DISK.UNKNOWN_ID, DISK.UNKNOWN_INSTANCE). */
const unknownTarget = fc.oneof(
  { weight: 12, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constantFrom('disk', 'instance') },
);

/**
 * AttachDisk's switches at the values it takes without them (a data disk, kept when its
 * instance is released, not forced), now and then: the call asks the same.
 */
const attachDefaults = fc.option(
  fc
    .subarray(['DeleteWithInstance', 'Bootable', 'Force'] as const, { minLength: 1 })
    .map((names) => Object.fromEntries(names.map((n) => [n, false]))),
  { nil: undefined, freq: 4 },
);

const attachDisk = fc
  .record({
    disk: fc.nat(),
    sameZone: fc.boolean(),
    instance: fc.nat(),
    activeSecondary: fc.boolean(),
    // Now and then a disk already attached (DISK.ATTACH.AVAILABLE refuses it).
    inUse: rarely(4),
    unknown: unknownTarget,
    defaults: attachDefaults,
    variant,
  })
  .map(
    (g) =>
      new CallCommand('AttachDisk', g, (s) => {
        const list = disks(s);
        const locked = g.activeSecondary ? lockedSecondaries(s) : [];
        const attached = g.inUse ? list.filter((d) => d.instanceId !== undefined) : [];
        const pool = locked.length > 0 ? locked : attached.length > 0 ? attached : list;
        const disk = nth(pool, g.disk);
        if (!disk) return undefined;
        const candidates = Object.values(s.instances).filter(
          (i) => (i.zoneId === disk.zoneId) === g.sameZone,
        );
        const instance = nth(candidates, g.instance);
        if (!instance) return undefined;
        const params = {
          DiskId: g.unknown === 'disk' ? UNKNOWN.disk : disk.id,
          InstanceId: g.unknown === 'instance' ? 'i-unknown000000' : instance.id,
          ...g.defaults,
        };
        return {
          call: { ...ECS, action: 'AttachDisk', params },
          region: disk.regionId,
          variant: g.variant,
          label: label(
            'AttachDisk',
            ref('disk', list, disk.id),
            g.unknown && `unknown ${g.unknown}`,
            locked.includes(disk) && 'secondary of an active pair',
            disk.instanceId !== undefined && 'attached already',
            g.sameZone ? 'instance in its zone' : 'instance in another zone',
          ),
        };
      }),
  );

// DeleteWithInstance=false on a detach: what a detached data disk is anyway.
const detachDisk = fc.record({ disk: fc.nat(), anyDisk: rarely(5), kept: rarely(4), variant }).map(
  (g) =>
    new CallCommand('DetachDisk', g, (s) => {
      const list = disks(s);
      const disk = nth(g.anyDisk ? list : list.filter((d) => d.instanceId), g.disk);
      if (!disk) return undefined;
      const instanceId =
        disk.instanceId ?? Object.values(s.instances).find((i) => i.zoneId === disk.zoneId)?.id;
      if (!instanceId) return undefined;
      const params = {
        DiskId: disk.id,
        InstanceId: instanceId,
        ...(g.kept ? { DeleteWithInstance: false } : {}),
      };
      return {
        call: { ...ECS, action: 'DetachDisk', params },
        region: disk.regionId,
        variant: g.variant,
        label: label('DetachDisk', ref('disk', list, disk.id), diskStatus(disk)),
      };
    }),
);

// Now and then an attached disk, when there is one (DISK.DELETE.AVAILABLE refuses it).
const deleteDisk = fc.record({ disk: fc.nat(), unknown: rarely(6), inUse: rarely(3), variant }).map(
  (g) =>
    new CallCommand('DeleteDisk', g, (s) => {
      const list = disks(s);
      const attached = g.inUse ? list.filter((d) => d.instanceId !== undefined) : [];
      const disk = g.unknown ? undefined : nth(attached.length > 0 ? attached : list, g.disk);
      if (!disk && !g.unknown) return undefined;
      return {
        call: { ...ECS, action: 'DeleteDisk', params: { DiskId: disk?.id ?? UNKNOWN.disk } },
        region: disk?.regionId ?? replicationRegions(s)[0]?.id,
        variant: g.variant,
        label: label('DeleteDisk', disk ? ref('disk', list, disk.id) : 'unknown disk'),
      };
    }),
);

/** DescribeDisks filters that are switches on what a disk is: the model answers both values. */
export const DISK_SWITCH_FILTERS = [
  'Portable',
  'DeleteWithInstance',
  'DeleteAutoSnapshot',
  'EnableAutoSnapshot',
  'EnableShared',
  'Encrypted',
] as const;

/**
 * Now and then a filter on what a disk is (its type, billing, whether it is portable, released
 * with its instance, multi-attach, shared, encrypted, under automatic snapshots) at either value, or DryRun
 * false, which lists as without it.
 */
const ATTRIBUTE_FILTERS: readonly Readonly<Record<string, unknown>>[] = [
  ...['all', 'system', 'data'].map((v) => ({ DiskType: v })),
  ...['PrePaid', 'PostPaid'].map((v) => ({ DiskChargeType: v })),
  ...['Enabled', 'Disabled', 'LegacyShared'].map((v) => ({ MultiAttach: v })),
  ...DISK_SWITCH_FILTERS.flatMap((name) => [{ [name]: true }, { [name]: false }]),
  { DryRun: false },
];

const diskAttributeFilter = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom(...ATTRIBUTE_FILTERS) },
);

const describeDisks = fc
  .record({
    region: fc.nat(),
    pageSize: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    filter: diskAttributeFilter,
    variant,
  })
  .map(
    (g) =>
      new CallCommand('DescribeDisks', g, (s) => {
        const region = nth(replicationRegions(s), g.region);
        if (!region) return undefined;
        const params = {
          RegionId: region.id,
          ...(g.pageSize ? { PageSize: g.pageSize, PageNumber: 1 } : {}),
          ...g.filter,
        };
        return {
          call: { ...ECS, action: 'DescribeDisks', params },
          variant: g.variant,
          label: label(
            'DescribeDisks',
            region.id,
            g.pageSize ? `PageSize=${g.pageSize}` : undefined,
            ...Object.entries(g.filter ?? {}).map(([k, v]) => `${k}=${v}`),
          ),
        };
      }),
  );

/**
 * What a couple of disks is made of: two plain ESSDs in two regions (most), two ESSDs in two
 * zones of one region (same-region cross-zone), two encrypted ESSDs, two ESSD AutoPL disks (the
 * reading essd-autopl-pairs), or two disks of a category a pair refuses (ultra disks).
 */
export type CoupleKind = 'plain' | 'sameRegion' | 'encrypted' | 'efficiency' | 'autoPl';

/** Where a couple of disks goes: two replication regions (by position) and a zone in each. */
export interface CoupleSpec {
  readonly from: number;
  readonly to: number;
  readonly zone: number;
  readonly size: number;
  readonly kind?: CoupleKind;
}

const DISK_OF: Record<CoupleKind, Record<string, unknown>> = {
  plain: { DiskCategory: 'cloud_essd', PerformanceLevel: 'PL1' },
  sameRegion: { DiskCategory: 'cloud_essd', PerformanceLevel: 'PL1' },
  encrypted: { DiskCategory: 'cloud_essd', PerformanceLevel: 'PL1', Encrypted: true },
  efficiency: { DiskCategory: 'cloud_efficiency' },
  autoPl: { DiskCategory: 'cloud_auto' },
};

const CATEGORY_SHOWN: Record<CoupleKind, string> = {
  plain: 'cloud_essd/PL1',
  sameRegion: 'cloud_essd/PL1',
  encrypted: 'cloud_essd/PL1',
  efficiency: 'cloud_efficiency',
  autoPl: 'cloud_auto',
};

/** One disk of a couple: `which` 0 at the source site, 1 at the destination site. */
export function coupleDisk(g: CoupleSpec, which: 0 | 1): Plan {
  const kind = g.kind ?? 'plain';
  return (s) => {
    const regions = replicationRegions(s);
    const from = nth(regions, g.from);
    const to =
      kind === 'sameRegion'
        ? from
        : nth(
            regions.filter((r) => r.id !== from?.id),
            g.to,
          );
    const region = which === 0 ? from : to;
    // Same region: the next zone for the secondary, so the two sites differ by zone.
    const zone = region && nth(region.zones, g.zone + (kind === 'sameRegion' ? which : 0));
    if (!region || !zone) return undefined;
    const params = { RegionId: region.id, ZoneId: zone.id, Size: g.size, ...DISK_OF[kind] };
    return {
      call: { ...ECS, action: 'CreateDisk', params },
      label: label(
        'CreateDisk',
        zone.id,
        `${CATEGORY_SHOWN[kind]} ${g.size}GiB`,
        kind === 'encrypted' && 'encrypted',
      ),
    };
  };
}

/** Mostly plain couples; the other kinds often enough that pairs of each are tried. */
export const coupleKind = fc.constantFrom<CoupleKind>(
  'plain',
  'plain',
  'plain',
  'plain',
  'plain',
  'plain',
  'sameRegion',
  'encrypted',
  'efficiency',
  'autoPl',
);

/**
 * Two disks that can form a pair (or, by kind, that test why one cannot): the material of a pair,
 * in one command so that short sequences reach the pair life cycle.
 */
const createDiskCouple = fc
  .record({
    from: fc.nat(),
    to: fc.nat(),
    zone: fc.nat(),
    size: fc.constantFrom(20, 40),
    kind: coupleKind,
    variant,
  })
  .map((g) => {
    const [first, second] = [coupleDisk(g, 0), coupleDisk(g, 1)].map(withVariant(g.variant)) as [Plan, Plan];
    return new CallCommand('CreateDiskCouple', g, first, second);
  });

export const DISK_COMMANDS = {
  createDiskCouple,
  createDisk,
  attachDisk,
  detachDisk,
  deleteDisk,
  describeDisks,
};

/** How often each command is drawn (properties/commands/index.ts gathers the families). */
export const DISK_WEIGHTS = {
  createDiskCouple: 6,
  createDisk: 2,
  attachDisk: 2,
  detachDisk: 3,
  deleteDisk: 1,
  describeDisks: 1,
} satisfies Record<keyof typeof DISK_COMMANDS, number>;

/** The command drawing an ordinary call of each operation, by `product:action` (parameter sweeps start from it). */
export const DISK_BASES = {
  'ecs:CreateDisk': DISK_COMMANDS.createDisk,
  'ecs:AttachDisk': DISK_COMMANDS.attachDisk,
  'ecs:DetachDisk': DISK_COMMANDS.detachDisk,
  'ecs:DeleteDisk': DISK_COMMANDS.deleteDisk,
  'ecs:DescribeDisks': DISK_COMMANDS.describeDisks,
};
