/**
 * The operations the typed client can call, by name, with their request and response types.
 * The types come from api/ (inferred from the same zod schemas that validate the wire), so a
 * user's code, the emulator and the conformance checks share one reading of the documentation.
 * The legacy ECS CreateDiskReplicaPair is called by its spec name, `LegacyCreateDiskReplicaPair`,
 * because the EBS operation of the same action name is the one people mean.
 */
import * as spec from '../api';

/** Request and response types per callable name. */
export interface ApiTypes {
  DescribeRegions: { request: spec.DescribeRegionsRequest; response: spec.DescribeRegionsResponse };
  CreateDiskReplicaPair: {
    request: spec.CreateDiskReplicaPairRequest;
    response: spec.CreateDiskReplicaPairResponse;
  };
  ModifyDiskReplicaPair: { request: spec.ModifyDiskReplicaPairRequest; response: spec.RequestIdOnlyResponse };
  StartDiskReplicaPair: { request: spec.StartDiskReplicaPairRequest; response: spec.RequestIdOnlyResponse };
  StopDiskReplicaPair: { request: spec.StopDiskReplicaPairRequest; response: spec.RequestIdOnlyResponse };
  FailoverDiskReplicaPair: {
    request: spec.FailoverDiskReplicaPairRequest;
    response: spec.RequestIdOnlyResponse;
  };
  ReprotectDiskReplicaPair: {
    request: spec.ReprotectDiskReplicaPairRequest;
    response: spec.RequestIdOnlyResponse;
  };
  DeleteDiskReplicaPair: { request: spec.DeleteDiskReplicaPairRequest; response: spec.RequestIdOnlyResponse };
  DescribeDiskReplicaPairs: {
    request: spec.DescribeDiskReplicaPairsRequest;
    response: spec.DescribeDiskReplicaPairsResponse;
  };
  DescribeDiskReplicaPairProgress: {
    request: spec.DescribeDiskReplicaPairProgressRequest;
    response: spec.DescribeDiskReplicaPairProgressResponse;
  };
  AddDiskReplicaPair: { request: spec.AddDiskReplicaPairRequest; response: spec.RequestIdOnlyResponse };
  RemoveDiskReplicaPair: { request: spec.RemoveDiskReplicaPairRequest; response: spec.RequestIdOnlyResponse };
  CreateDiskReplicaGroup: {
    request: spec.CreateDiskReplicaGroupRequest;
    response: spec.CreateDiskReplicaGroupResponse;
  };
  DescribeDiskReplicaGroups: {
    request: spec.DescribeDiskReplicaGroupsRequest;
    response: spec.DescribeDiskReplicaGroupsResponse;
  };
  ModifyDiskReplicaGroup: {
    request: spec.ModifyDiskReplicaGroupRequest;
    response: spec.RequestIdOnlyResponse;
  };
  StartDiskReplicaGroup: { request: spec.StartDiskReplicaGroupRequest; response: spec.RequestIdOnlyResponse };
  StopDiskReplicaGroup: { request: spec.StopDiskReplicaGroupRequest; response: spec.RequestIdOnlyResponse };
  FailoverDiskReplicaGroup: {
    request: spec.FailoverDiskReplicaGroupRequest;
    response: spec.RequestIdOnlyResponse;
  };
  ReprotectDiskReplicaGroup: {
    request: spec.ReprotectDiskReplicaGroupRequest;
    response: spec.RequestIdOnlyResponse;
  };
  DeleteDiskReplicaGroup: {
    request: spec.DeleteDiskReplicaGroupRequest;
    response: spec.RequestIdOnlyResponse;
  };
  StartPairDrill: { request: spec.StartPairDrillRequest; response: spec.StartDrillResponse };
  DescribePairDrills: { request: spec.DescribePairDrillsRequest; response: spec.DescribePairDrillsResponse };
  ClearPairDrill: { request: spec.ClearPairDrillRequest; response: spec.RequestIdOnlyResponse };
  StartReplicaGroupDrill: { request: spec.StartReplicaGroupDrillRequest; response: spec.StartDrillResponse };
  DescribeReplicaGroupDrills: {
    request: spec.DescribeReplicaGroupDrillsRequest;
    response: spec.DescribeReplicaGroupDrillsResponse;
  };
  ClearReplicaGroupDrill: {
    request: spec.ClearReplicaGroupDrillRequest;
    response: spec.RequestIdOnlyResponse;
  };
  TagResources: { request: spec.TagResourcesRequest; response: spec.RequestIdOnlyResponse };
  UntagResources: { request: spec.UntagResourcesRequest; response: spec.RequestIdOnlyResponse };
  ListTagResources: { request: spec.ListTagResourcesRequest; response: spec.ListTagResourcesResponse };
  CreateDisk: { request: spec.CreateDiskRequest; response: spec.CreateDiskResponse };
  DescribeDisks: { request: spec.DescribeDisksRequest; response: spec.DescribeDisksResponse };
  AttachDisk: { request: spec.AttachDiskRequest; response: spec.RequestIdOnlyResponse };
  DetachDisk: { request: spec.DetachDiskRequest; response: spec.RequestIdOnlyResponse };
  DeleteDisk: { request: spec.DeleteDiskRequest; response: spec.RequestIdOnlyResponse };
  DescribeInstances: { request: spec.DescribeInstancesRequest; response: spec.DescribeInstancesResponse };
  LegacyCreateDiskReplicaPair: {
    request: spec.LegacyCreateDiskReplicaPairRequest;
    response: spec.LegacyCreateDiskReplicaPairResponse;
  };
}

export type ApiName = keyof ApiTypes;
export type RequestFor<N extends ApiName> = ApiTypes[N]['request'];
export type ResponseFor<N extends ApiName> = ApiTypes[N]['response'];

/** The runtime side of ApiTypes: `satisfies` keeps the two key sets identical. */
export const API_OPERATIONS = {
  DescribeRegions: spec.DescribeRegions,
  CreateDiskReplicaPair: spec.CreateDiskReplicaPair,
  ModifyDiskReplicaPair: spec.ModifyDiskReplicaPair,
  StartDiskReplicaPair: spec.StartDiskReplicaPair,
  StopDiskReplicaPair: spec.StopDiskReplicaPair,
  FailoverDiskReplicaPair: spec.FailoverDiskReplicaPair,
  ReprotectDiskReplicaPair: spec.ReprotectDiskReplicaPair,
  DeleteDiskReplicaPair: spec.DeleteDiskReplicaPair,
  DescribeDiskReplicaPairs: spec.DescribeDiskReplicaPairs,
  DescribeDiskReplicaPairProgress: spec.DescribeDiskReplicaPairProgress,
  AddDiskReplicaPair: spec.AddDiskReplicaPair,
  RemoveDiskReplicaPair: spec.RemoveDiskReplicaPair,
  CreateDiskReplicaGroup: spec.CreateDiskReplicaGroup,
  DescribeDiskReplicaGroups: spec.DescribeDiskReplicaGroups,
  ModifyDiskReplicaGroup: spec.ModifyDiskReplicaGroup,
  StartDiskReplicaGroup: spec.StartDiskReplicaGroup,
  StopDiskReplicaGroup: spec.StopDiskReplicaGroup,
  FailoverDiskReplicaGroup: spec.FailoverDiskReplicaGroup,
  ReprotectDiskReplicaGroup: spec.ReprotectDiskReplicaGroup,
  DeleteDiskReplicaGroup: spec.DeleteDiskReplicaGroup,
  StartPairDrill: spec.StartPairDrill,
  DescribePairDrills: spec.DescribePairDrills,
  ClearPairDrill: spec.ClearPairDrill,
  StartReplicaGroupDrill: spec.StartReplicaGroupDrill,
  DescribeReplicaGroupDrills: spec.DescribeReplicaGroupDrills,
  ClearReplicaGroupDrill: spec.ClearReplicaGroupDrill,
  TagResources: spec.TagResources,
  UntagResources: spec.UntagResources,
  ListTagResources: spec.ListTagResources,
  CreateDisk: spec.CreateDisk,
  DescribeDisks: spec.DescribeDisks,
  AttachDisk: spec.AttachDisk,
  DetachDisk: spec.DetachDisk,
  DeleteDisk: spec.DeleteDisk,
  DescribeInstances: spec.DescribeInstances,
  LegacyCreateDiskReplicaPair: spec.LegacyCreateDiskReplicaPair,
} as const satisfies Record<ApiName, spec.Operation>;
