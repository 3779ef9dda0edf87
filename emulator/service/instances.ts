import * as api from '../../api';
import { fail, type OperationFn, requireRegion, route } from './context';
import { paginate } from './paging';
import { optList, optString, reqString } from './params';
import { INSTANCES } from './world';

/** ECS DescribeInstances over the seeded instances (they are the same in every account). */
export const DescribeInstances: OperationFn<typeof api.DescribeInstances> = (_ctx, p) => {
  const region = requireRegion(reqString(p, 'RegionId'));
  const zoneId = optString(p, 'ZoneId');
  const ids = optList(p, 'InstanceIds');
  if (ids && ids.length > 100) fail('InvalidInstanceIds.Malformed', 'At most 100 instance IDs may be given.');
  const status = optString(p, 'Status');
  const name = optString(p, 'InstanceName');
  const matches = INSTANCES.filter(
    (i) =>
      i.regionId === region.regionId &&
      (zoneId === undefined || i.zoneId === zoneId) &&
      (ids === undefined || ids.includes(i.instanceId)) &&
      (status === undefined || i.status === status) &&
      (name === undefined || i.instanceName === name),
  );
  const page = paginate(matches, p);
  return {
    ...page.fields,
    Instances: {
      Instance: page.items.map((i) => ({
        InstanceId: i.instanceId,
        InstanceName: i.instanceName,
        RegionId: i.regionId,
        ZoneId: i.zoneId,
        Status: i.status,
        InstanceType: i.instanceType,
        CreationTime: i.creationTime,
      })),
    },
  };
};

export const ROUTES = [route(api.DescribeInstances, DescribeInstances)];
