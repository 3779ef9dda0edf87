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
  // The service checks the status first: a pair not failed over is accepted with its primary
  // disk still attached too.
  ruleIds: ['PAIR.REPROTECT.REQUIRES_FAILOVERED', 'PAIR.REPROTECT.PRIMARY_DETACHED'],
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

export const deleteRefusalForbidden: FaultProfile = {
  name: 'delete-refusal-forbidden',
  description:
    'DeleteDiskReplicaPair called outside the primary region, or on a group member, refuses with the authorization code Forbidden (403) instead of a state or placement refusal',
  kind: 'authorization-code-for-refusal',
  operation: 'DeleteDiskReplicaPair',
  ruleIds: ['PAIR.DELETE.IN_PRIMARY_REGION', 'GROUP.MEMBER_FOLLOWS_GROUP'],
  // The docs name no code for these two: the emulator says OperationDenied, this profile Forbidden.
  create: onRefusal('DeleteDiskReplicaPair', 'OperationDenied', () => {
    throw new ServiceError('Forbidden', 'User is not authorized to operate.', 403);
  }),
};

const PRIMARY = 'OperationDenied.OperateNotAllowedForPrimary';
const STANDBY = 'OperationDenied.OperateNotAllowedForStandby';
const SITED = ['FailoverDiskReplicaPair', 'ReprotectDiskReplicaPair'];

export const siteCodesSwapped: FaultProfile = {
  name: 'wrong-site-codes-swapped',
  description:
    'FailoverDiskReplicaPair and ReprotectDiskReplicaPair called in the primary region refuse with OperationDenied.OperateNotAllowedForStandby, the code meant for the other site, instead of ...ForPrimary',
  kind: 'wrong-site-codes-swapped',
  operation: 'FailoverDiskReplicaPair',
  alsoOperations: ['ReprotectDiskReplicaPair'],
  ruleIds: ['PAIR.FAILOVER.IN_SECONDARY_REGION', 'PAIR.REPROTECT.IN_SECONDARY_REGION'],
  create: () => ({
    async around(call, next) {
      try {
        return await next(call);
      } catch (err) {
        if (!(err instanceof ServiceError) || !SITED.some((a) => isEbs(call, a))) throw err;
        if (err.code === PRIMARY) throw new ServiceError(STANDBY, err.message, err.httpStatus);
        if (err.code === STANDBY) throw new ServiceError(PRIMARY, err.message, err.httpStatus);
        throw err;
      }
    },
  }),
};

/** The statuses a pair passes through on its way somewhere (the list; syncing recurs and is left out). */
const ON_THE_WAY = [
  'creating',
  'initial_syncing',
  'manual_syncing',
  'stopping',
  'failovering',
  'reprotecting',
  'deleting',
];
const PAIR_CHANGES = [
  'StartDiskReplicaPair',
  'StopDiskReplicaPair',
  'ModifyDiskReplicaPair',
  'FailoverDiskReplicaPair',
  'ReprotectDiskReplicaPair',
  'DeleteDiskReplicaPair',
];

export const transientRefusalAccepted: FaultProfile = {
  name: 'transient-refusals-accepted',
  description:
    'A pair call refused for the status while the pair is in a transient status (creating, initial_syncing, stopping, failovering, ...) answers 200 and does nothing instead of OperationDenied.InvalidStatus',
  kind: 'transient-refusal-accepted',
  operation: 'StartDiskReplicaPair',
  alsoOperations: PAIR_CHANGES.filter((a) => a !== 'StartDiskReplicaPair'),
  ruleIds: [
    'PAIR.START.FROM_CREATED_OR_STOPPED',
    'PAIR.STOP.FROM_SYNCING_STATES',
    'PAIR.MODIFY.IN_CREATED_OR_STOPPED',
    'PAIR.FAILOVER.NOT_INVALID',
    'PAIR.REPROTECT.REQUIRES_FAILOVERED',
    'PAIR.DELETE.ALLOWED_STATUSES',
  ],
  // Where the docs leave the refusal open (a Failover before the first sync), the accepted call
  // shows only on the read after it: the pair never moves, so the Failover never settles.
  observedIn: {
    operation: 'DescribeDiskReplicaPairs',
    alsoOperations: PAIR_CHANGES,
    ruleIds: ['PROTO.DESCRIBE_IS_PROJECTION', 'PAIR.FAILOVER.SETTLES_FAILOVERED'],
  },
  create: () => ({
    async around(call, next) {
      try {
        return await next(call);
      } catch (err) {
        if (!(err instanceof ServiceError) || err.code !== INVALID_STATUS) throw err;
        if (!PAIR_CHANGES.some((a) => isEbs(call, a))) throw err;
        const row = await readCalledPair(next, call);
        if (row && ON_THE_WAY.includes(String(row.Status))) return {};
        throw err;
      }
    },
  }),
};

/** The legacy dialect's documented (misspelled) code for a missing parameter, as the gateway encodes it. */
const INCOMPLETE = /IncompleteParamter/g;

export const legacyMissingParameter: FaultProfile = {
  name: 'legacy-missing-parameter',
  description:
    'The legacy ECS CreateDiskReplicaPair refuses a call without a required parameter with MissingParameter, the common ECS code, instead of its documented IncompleteParamter',
  kind: 'undocumented-error-code',
  operation: 'CreateDiskReplicaPair',
  // Each of these states IncompleteParamter: the dialect's codes, and each required parameter's.
  ruleIds: [
    'LEGACY.CREATE.REQUIRED_PARAMS',
    'PROTO.LEGACY_ERRORS',
    ...['REGION_ID', 'DISK_ID', 'DESTINATION_REGION_ID', 'DESTINATION_DISK_ID', 'PAIR_NAME'].map(
      (p) => `PARAM.ECS.CREATE_DISK_REPLICA_PAIR.${p}.REQUIRED`,
    ),
  ],
  create: () => ({
    encoded(action, response) {
      if (action !== 'CreateDiskReplicaPair' || response.status !== 400) return response;
      return { ...response, body: response.body.replace(INCOMPLETE, 'MissingParameter') };
    },
  }),
};

export const REFUSAL_PROFILES = [
  wrongErrorCode,
  httpStatusShifted,
  reprotectAccepted,
  failoverInPrimary,
  deleteRefusalForbidden,
  siteCodesSwapped,
  transientRefusalAccepted,
  legacyMissingParameter,
];
