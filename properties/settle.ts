import type { ModelState } from '../model';
import type { PlannedCall } from './command';

const ebs = { product: 'ebs', version: '2021-07-30' } as const;
const ecs = { product: 'ecs', version: '2014-05-26' } as const;

const changed = <T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (id) => JSON.stringify(a[id]) !== JSON.stringify(b[id]),
  );

/**
 * The listings that show whether a change has settled: one Describe per pair, group or disk that
 * the call changed, made where the resource is listed (its production region).
 */
export function settleCalls(before: ModelState, settled: ModelState): PlannedCall[] {
  const calls: PlannedCall[] = [];
  for (const id of changed(before.pairs, settled.pairs)) {
    const pair = settled.pairs[id] ?? before.pairs[id];
    if (!pair) continue;
    const params = { RegionId: pair.primary.regionId, PairIds: id };
    calls.push({
      call: { ...ebs, action: 'DescribeDiskReplicaPairs', params },
      label: `DescribeDiskReplicaPairs(${id})`,
    });
  }
  for (const id of changed(before.groups, settled.groups)) {
    const group = settled.groups[id] ?? before.groups[id];
    if (!group) continue;
    const params = { RegionId: group.primary.regionId, GroupIds: id };
    calls.push({
      call: { ...ebs, action: 'DescribeDiskReplicaGroups', params },
      label: `DescribeDiskReplicaGroups(${id})`,
    });
  }
  // A drill executes or clears by itself: its own listing shows when it has.
  for (const id of changed(before.drills, settled.drills)) {
    const drill = settled.drills[id] ?? before.drills[id];
    const owner = drill && (settled.pairs[drill.ownerId] ?? settled.groups[drill.ownerId]);
    if (!drill || !owner) continue;
    const pair = drill.kind === 'pair';
    const action = pair ? 'DescribePairDrills' : 'DescribeReplicaGroupDrills';
    const params = { RegionId: owner.primary.regionId, [pair ? 'PairId' : 'GroupId']: owner.id, DrillId: id };
    calls.push({ call: { ...ebs, action, params }, label: `${action}(${id})` });
  }
  for (const id of changed(before.disks, settled.disks)) {
    const disk = settled.disks[id] ?? before.disks[id];
    if (!disk) continue;
    const params = { RegionId: disk.regionId, DiskIds: JSON.stringify([id]) };
    calls.push({ call: { ...ecs, action: 'DescribeDisks', params }, label: `DescribeDisks(${id})` });
  }
  return calls;
}
