import { type ServiceBody, ServiceError } from '../service/api';
import type { FaultProfile } from './profile';
import { isEbs } from './support';

/**
 * A service that reads the documentation one way and then the other within one run, as two
 * versions behind one endpoint during a rolling update would. Each call alone passes under one
 * of the reading's alternatives; only the two answers together are wrong.
 */

export const createPairRegionSwitches: FaultProfile = {
  name: 'create-pair-region-switches',
  description:
    "CreateDiskReplicaPair accepts a RegionId naming the primary disk's region for the first pair, then refuses it (OperationDenied): the reading create-pair-region answered both ways in one run",
  kind: 'reading-switched',
  operation: 'CreateDiskReplicaPair',
  ruleIds: ['PAIR.CREATE.LOCATION_MATCHES_DISKS'],
  create: () => {
    // Not forgotten on a reset: the switch is the service's, not the sequence's.
    let served = 0;
    return {
      async around(call, next): Promise<ServiceBody> {
        const atPrimary =
          isEbs(call, 'CreateDiskReplicaPair') && call.params.RegionId !== call.params.DestinationRegionId;
        if (!atPrimary) return next(call);
        if (served > 0)
          throw new ServiceError('OperationDenied', 'RegionId must name the destination region.', 403);
        const body = await next(call);
        served += 1;
        return body;
      },
    };
  },
};

export const READING_PROFILES = [createPairRegionSwitches];
