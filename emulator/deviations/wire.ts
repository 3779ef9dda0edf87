import type { FaultProfile } from './profile';
import { isEbs, rewriting } from './support';

/** Deviations in the answer's envelope: the common fields and the dialect's field names. */

/** The RequestId field of a success body, JSON (`"RequestId":"..."`) or XML (`<RequestId>...</RequestId>`). */
const REQUEST_ID_FIELD = /"RequestId":"[^"]*",?|<RequestId>[^<]*<\/RequestId>/;

export const requestIdMissing: FaultProfile = {
  name: 'start-without-request-id',
  description: 'A successful StartDiskReplicaPair answers a body without RequestId (the header still has it)',
  kind: 'request-id-missing',
  operation: 'StartDiskReplicaPair',
  ruleIds: ['PROTO.SUCCESS_HAS_REQUEST_ID'],
  create: () => ({
    encoded(action, response) {
      if (action !== 'StartDiskReplicaPair' || response.status !== 200) return response;
      return { ...response, body: response.body.replace(REQUEST_ID_FIELD, '') };
    },
  }),
};

/** The other dialect's name for the new pair's ID: EBS 2021-07-30 says ReplicaPairId, ECS 2014-05-26 PairId. */
const SWAPPED: Readonly<Record<string, string>> = { ebs: 'PairId', ecs: 'ReplicaPairId' };

export const dialectsSwapped: FaultProfile = {
  name: 'create-pair-dialects-swapped',
  description:
    "CreateDiskReplicaPair answers the other API version's field: PairId from EBS 2021-07-30, ReplicaPairId from ECS 2014-05-26",
  kind: 'dialect-field-renamed',
  operation: 'CreateDiskReplicaPair',
  ruleIds: ['PAIR.CREATE.STARTS_CREATED', 'LEGACY.CREATE.RETURNS_PAIR_ID'],
  create: rewriting(
    (call) => call.action === 'CreateDiskReplicaPair',
    ({ ReplicaPairId, PairId, ...rest }, call) => ({
      ...rest,
      [SWAPPED[call.product] ?? 'PairId']: ReplicaPairId ?? PairId,
    }),
  ),
};

export const groupIdPrefix: FaultProfile = {
  name: 'group-id-wrong-prefix',
  description:
    'CreateDiskReplicaGroup answers the new group as rg-... instead of pg-... (the group is still found under its pg- ID)',
  kind: 'id-prefix-wrong',
  operation: 'CreateDiskReplicaGroup',
  ruleIds: ['PROTO.ID_FORMAT'],
  create: rewriting(
    (call) => isEbs(call, 'CreateDiskReplicaGroup'),
    (body) => ({ ...body, ReplicaGroupId: String(body.ReplicaGroupId).replace(/^pg-/, 'rg-') }),
  ),
};

export const WIRE_PROFILES = [requestIdMissing, dialectsSwapped, groupIdPrefix];
