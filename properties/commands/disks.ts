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

/** CreateDisk: mostly ESSD of two sizes, so that matching pairs are common; some other categories. */
const createDisk = fc
  .record({
    region: fc.nat(),
    zone: fc.nat(),
    size: fc.constantFrom(20, 20, 20, 40, 40, 10),
    category: fc.constantFrom('cloud_essd', 'cloud_essd', 'cloud_essd', 'cloud_essd', 'cloud_efficiency'),
    pl: fc.constantFrom('PL1', 'PL1', 'PL1', 'PL0'),
    encrypted: rarely(12),
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
        const params = withToken(
          {
            RegionId: region.id,
            ZoneId: zone.id,
            Size: size,
            DiskCategory: g.category,
            ...(g.category === 'cloud_essd' ? { PerformanceLevel: g.pl } : {}),
            ...(g.encrypted ? { Encrypted: true } : {}),
          },
          token,
        );
        const what = `${g.category}${g.category === 'cloud_essd' ? `/${g.pl}` : ''} ${size}GiB${g.encrypted ? ' encrypted' : ''}`;
        return {
          call: { ...ECS, action: 'CreateDisk', params },
          variant: g.variant,
          label: label('CreateDisk', zone.id, what, token),
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

const attachDisk = fc
  .record({
    disk: fc.nat(),
    sameZone: fc.boolean(),
    instance: fc.nat(),
    activeSecondary: fc.boolean(),
    variant,
  })
  .map(
    (g) =>
      new CallCommand('AttachDisk', g, (s) => {
        const list = disks(s);
        const locked = g.activeSecondary ? lockedSecondaries(s) : [];
        const disk = nth(locked.length > 0 ? locked : list, g.disk);
        if (!disk) return undefined;
        const candidates = Object.values(s.instances).filter(
          (i) => (i.zoneId === disk.zoneId) === g.sameZone,
        );
        const instance = nth(candidates, g.instance);
        if (!instance) return undefined;
        return {
          call: { ...ECS, action: 'AttachDisk', params: { DiskId: disk.id, InstanceId: instance.id } },
          region: disk.regionId,
          variant: g.variant,
          label: label(
            'AttachDisk',
            ref('disk', list, disk.id),
            locked.includes(disk) && 'secondary of an active pair',
            g.sameZone ? 'instance in its zone' : 'instance in another zone',
          ),
        };
      }),
  );

const detachDisk = fc.record({ disk: fc.nat(), anyDisk: rarely(5), variant }).map(
  (g) =>
    new CallCommand('DetachDisk', g, (s) => {
      const list = disks(s);
      const disk = nth(g.anyDisk ? list : list.filter((d) => d.instanceId), g.disk);
      if (!disk) return undefined;
      const instanceId =
        disk.instanceId ?? Object.values(s.instances).find((i) => i.zoneId === disk.zoneId)?.id;
      if (!instanceId) return undefined;
      return {
        call: { ...ECS, action: 'DetachDisk', params: { DiskId: disk.id, InstanceId: instanceId } },
        region: disk.regionId,
        variant: g.variant,
        label: label('DetachDisk', ref('disk', list, disk.id), diskStatus(disk)),
      };
    }),
);

const deleteDisk = fc.record({ disk: fc.nat(), unknown: rarely(6), variant }).map(
  (g) =>
    new CallCommand('DeleteDisk', g, (s) => {
      const list = disks(s);
      const disk = g.unknown ? undefined : nth(list, g.disk);
      if (!disk && !g.unknown) return undefined;
      return {
        call: { ...ECS, action: 'DeleteDisk', params: { DiskId: disk?.id ?? UNKNOWN.disk } },
        region: disk?.regionId ?? replicationRegions(s)[0]?.id,
        variant: g.variant,
        label: label('DeleteDisk', disk ? ref('disk', list, disk.id) : 'unknown disk'),
      };
    }),
);

const describeDisks = fc
  .record({
    region: fc.nat(),
    pageSize: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
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
        };
        return {
          call: { ...ECS, action: 'DescribeDisks', params },
          variant: g.variant,
          label: label('DescribeDisks', region.id, g.pageSize ? `PageSize=${g.pageSize}` : undefined),
        };
      }),
  );

/** Where a couple of disks goes: two replication regions (by position) and a zone in each. */
export interface CoupleSpec {
  readonly from: number;
  readonly to: number;
  readonly zone: number;
  readonly size: number;
}

/** One ESSD of a couple: `which` 0 in the source region, 1 in the destination region. */
export function coupleDisk(g: CoupleSpec, which: 0 | 1): Plan {
  return (s) => {
    const regions = replicationRegions(s);
    const from = nth(regions, g.from);
    const to = nth(
      regions.filter((r) => r.id !== from?.id),
      g.to,
    );
    const region = which === 0 ? from : to;
    const zone = region && nth(region.zones, g.zone);
    if (!region || !zone) return undefined;
    const params = {
      RegionId: region.id,
      ZoneId: zone.id,
      Size: g.size,
      DiskCategory: 'cloud_essd',
      PerformanceLevel: 'PL1',
    };
    return {
      call: { ...ECS, action: 'CreateDisk', params },
      label: label('CreateDisk', zone.id, `cloud_essd/PL1 ${g.size}GiB`),
    };
  };
}

/**
 * Two identical ESSDs in two replication regions: the material of a valid pair, in one command so
 * that short sequences reach the pair life cycle.
 */
const createDiskCouple = fc
  .record({ from: fc.nat(), to: fc.nat(), zone: fc.nat(), size: fc.constantFrom(20, 40), variant })
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
