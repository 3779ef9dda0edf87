import type { OperationFn } from './context';
import * as disks from './disks';
import * as drills from './drills';
import * as groupViews from './group-views';
import * as groups from './groups';
import * as instances from './instances';
import * as legacy from './legacy-pairs';
import * as pairViews from './pair-views';
import * as pairs from './pairs';
import * as regions from './regions';
import * as tags from './tags';

/**
 * `${product}:${version}:${action}` -> the function of the same name. Listing the functions by
 * shorthand property keeps the name and the action identical by construction. `mutating`
 * decides whether the call takes part in idempotency and is persisted.
 */
export interface Route {
  readonly fn: OperationFn;
  readonly mutating: boolean;
}

const routes = (prefix: string, mutating: boolean, fns: Record<string, OperationFn>) =>
  Object.entries(fns).map(([action, fn]) => [`${prefix}:${action}`, { fn, mutating }] as const);

const EBS = 'ebs:2021-07-30';
const ECS = 'ecs:2014-05-26';

export const ROUTES: ReadonlyMap<string, Route> = new Map([
  ...routes(EBS, false, {
    DescribeRegions: regions.DescribeRegions,
    DescribeDiskReplicaPairs: pairViews.DescribeDiskReplicaPairs,
    DescribeDiskReplicaPairProgress: pairViews.DescribeDiskReplicaPairProgress,
    DescribeDiskReplicaGroups: groupViews.DescribeDiskReplicaGroups,
    DescribePairDrills: drills.DescribePairDrills,
    DescribeReplicaGroupDrills: drills.DescribeReplicaGroupDrills,
    ListTagResources: tags.ListTagResources,
  }),
  ...routes(EBS, true, {
    CreateDiskReplicaPair: pairs.CreateDiskReplicaPair,
    ModifyDiskReplicaPair: pairs.ModifyDiskReplicaPair,
    StartDiskReplicaPair: pairs.StartDiskReplicaPair,
    StopDiskReplicaPair: pairs.StopDiskReplicaPair,
    FailoverDiskReplicaPair: pairs.FailoverDiskReplicaPair,
    ReprotectDiskReplicaPair: pairs.ReprotectDiskReplicaPair,
    DeleteDiskReplicaPair: pairs.DeleteDiskReplicaPair,
    CreateDiskReplicaGroup: groups.CreateDiskReplicaGroup,
    AddDiskReplicaPair: groups.AddDiskReplicaPair,
    RemoveDiskReplicaPair: groups.RemoveDiskReplicaPair,
    ModifyDiskReplicaGroup: groups.ModifyDiskReplicaGroup,
    StartDiskReplicaGroup: groups.StartDiskReplicaGroup,
    StopDiskReplicaGroup: groups.StopDiskReplicaGroup,
    FailoverDiskReplicaGroup: groups.FailoverDiskReplicaGroup,
    ReprotectDiskReplicaGroup: groups.ReprotectDiskReplicaGroup,
    DeleteDiskReplicaGroup: groups.DeleteDiskReplicaGroup,
    StartPairDrill: drills.StartPairDrill,
    ClearPairDrill: drills.ClearPairDrill,
    StartReplicaGroupDrill: drills.StartReplicaGroupDrill,
    ClearReplicaGroupDrill: drills.ClearReplicaGroupDrill,
    TagResources: tags.TagResources,
    UntagResources: tags.UntagResources,
  }),
  ...routes(ECS, false, {
    DescribeDisks: disks.DescribeDisks,
    DescribeInstances: instances.DescribeInstances,
  }),
  ...routes(ECS, true, {
    CreateDisk: disks.CreateDisk,
    AttachDisk: disks.AttachDisk,
    DetachDisk: disks.DetachDisk,
    DeleteDisk: disks.DeleteDisk,
    CreateDiskReplicaPair: legacy.CreateDiskReplicaPair,
  }),
]);
