import type { Deviation, NextService } from '../protocol/deviation';
import { type ServiceBody, type ServiceCall, ServiceError } from '../service/api';
import type { FaultProfile } from './profile';
import { isEbs, readCalledPair, str } from './support';

/** Deviations in how a call is refused: another code, another status, or no refusal at all. */

const INVALID_STATUS = 'OperationDenied.InvalidStatus';

/**
 * A deviation that acts only where the service refuses `action` with `code`: `instead` decides
 * what the caller gets then (another error, a success, the call made elsewhere).
 */
const onRefusal =
  (
    action: string,
    code: string,
    instead: (err: ServiceError, call: ServiceCall, next: NextService) => Promise<ServiceBody>,
  ) =>
  (): Deviation => ({
    async around(call, next) {
      try {
        return await next(call);
      } catch (err) {
        if (isEbs(call, action) && err instanceof ServiceError && err.code === code)
          return instead(err, call, next);
        throw err;
      }
    },
  });

export const wrongErrorCode: FaultProfile = {
  name: 'start-wrong-error-code',
  description:
    'StartDiskReplicaPair on a pair that is not created or stopped answers IncorrectPairStatus (403) instead of the documented OperationDenied.InvalidStatus',
  kind: 'wrong-error-code',
  operation: 'StartDiskReplicaPair',
  ruleIds: ['PAIR.START.FROM_CREATED_OR_STOPPED'],
  create: onRefusal('StartDiskReplicaPair', INVALID_STATUS, (err) => {
    throw new ServiceError('IncorrectPairStatus', err.message, 403);
  }),
};

export const httpStatusShifted: FaultProfile = {
  name: 'stop-status-400',
  description:
    'StopDiskReplicaPair on a pair that is not syncing refuses with the right code, OperationDenied.InvalidStatus, but HTTP 400 instead of 403',
  kind: 'http-status-shifted',
  operation: 'StopDiskReplicaPair',
  ruleIds: ['PAIR.STOP.FROM_SYNCING_STATES'],
  create: onRefusal('StopDiskReplicaPair', INVALID_STATUS, (err) => {
    throw new ServiceError(err.code, err.message, 400);
  }),
};

export const reprotectAccepted: FaultProfile = {
  name: 'reprotect-any-status',
  description:
    'ReprotectDiskReplicaPair of a pair that was never failed over answers success (and does nothing) instead of OperationDenied.InvalidStatus',
  kind: 'refusal-accepted',
  operation: 'ReprotectDiskReplicaPair',
  ruleIds: ['PAIR.REPROTECT.REQUIRES_FAILOVERED'],
  create: onRefusal('ReprotectDiskReplicaPair', INVALID_STATUS, async () => ({})),
};

export const failoverInPrimary: FaultProfile = {
  name: 'failover-in-primary-region',
  description:
    'FailoverDiskReplicaPair called in the primary region fails the pair over instead of refusing with OperationDenied.OperateNotAllowedForPrimary',
  kind: 'wrong-region-accepted',
  operation: 'FailoverDiskReplicaPair',
  ruleIds: ['PAIR.FAILOVER.IN_SECONDARY_REGION'],
  create: onRefusal(
    'FailoverDiskReplicaPair',
    'OperationDenied.OperateNotAllowedForPrimary',
    async (err, call, next) => {
      // The service as if the caller had been in the secondary region all along.
      const row = await readCalledPair(next, call);
      const secondary = str(row?.DestinationRegion);
      if (!secondary) throw err;
      return next({ ...call, params: { ...call.params, RegionId: secondary } });
    },
  ),
};

export const REFUSAL_PROFILES = [wrongErrorCode, httpStatusShifted, reprotectAccepted, failoverInPrimary];
