import * as api from '../../api';
import { type Operation, operationKey } from '../../api';
import type { OperationFn } from './context';
import * as disks from './disks';
import * as groupViews from './group-views';
import * as groups from './groups';
import * as instances from './instances';
import * as legacy from './legacy-pairs';
import * as pairViews from './pair-views';
import * as pairs from './pairs';
import * as regions from './regions';

/**
 * `${product}:${version}:${action}` -> the function of the same name, which receives the
 * operation's parsed request. The key and `mutating` (whether the call takes part in idempotency
 * and is persisted) come from the catalogue entry, so they cannot disagree with it.
 */
export interface Route {
  readonly fn: OperationFn;
  readonly mutating: boolean;
}

const route = <O extends Operation>(op: O, fn: OperationFn<O>) =>
  [operationKey(op), { fn: fn as OperationFn, mutating: op.mutating }] as const;

export const ROUTES: ReadonlyMap<string, Route> = new Map([
  route(api.DescribeRegions, regions.DescribeRegions),
  route(api.DescribeDiskReplicaPairs, pairViews.DescribeDiskReplicaPairs),
  route(api.DescribeDiskReplicaPairProgress, pairViews.DescribeDiskReplicaPairProgress),
  route(api.DescribeDiskReplicaGroups, groupViews.DescribeDiskReplicaGroups),
  route(api.CreateDiskReplicaPair, pairs.CreateDiskReplicaPair),
  route(api.ModifyDiskReplicaPair, pairs.ModifyDiskReplicaPair),
  route(api.StartDiskReplicaPair, pairs.StartDiskReplicaPair),
  route(api.StopDiskReplicaPair, pairs.StopDiskReplicaPair),
  route(api.FailoverDiskReplicaPair, pairs.FailoverDiskReplicaPair),
  route(api.ReprotectDiskReplicaPair, pairs.ReprotectDiskReplicaPair),
  route(api.DeleteDiskReplicaPair, pairs.DeleteDiskReplicaPair),
  route(api.CreateDiskReplicaGroup, groups.CreateDiskReplicaGroup),
  route(api.AddDiskReplicaPair, groups.AddDiskReplicaPair),
  route(api.RemoveDiskReplicaPair, groups.RemoveDiskReplicaPair),
  route(api.ModifyDiskReplicaGroup, groups.ModifyDiskReplicaGroup),
  route(api.StartDiskReplicaGroup, groups.StartDiskReplicaGroup),
  route(api.StopDiskReplicaGroup, groups.StopDiskReplicaGroup),
  route(api.FailoverDiskReplicaGroup, groups.FailoverDiskReplicaGroup),
  route(api.ReprotectDiskReplicaGroup, groups.ReprotectDiskReplicaGroup),
  route(api.DeleteDiskReplicaGroup, groups.DeleteDiskReplicaGroup),
  route(api.DescribeDisks, disks.DescribeDisks),
  route(api.DescribeInstances, instances.DescribeInstances),
  route(api.CreateDisk, disks.CreateDisk),
  route(api.AttachDisk, disks.AttachDisk),
  route(api.DetachDisk, disks.DetachDisk),
  route(api.DeleteDisk, disks.DeleteDisk),
  route(api.LegacyCreateDiskReplicaPair, legacy.CreateDiskReplicaPair),
]);
