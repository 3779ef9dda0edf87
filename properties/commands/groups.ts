import fc from 'fast-check';
import { destinationOf, sourceOf } from '../../model';
import { CallCommand } from '../command';
import {
  clientToken,
  EBS,
  groups,
  label,
  nth,
  pairs,
  rarely,
  ref,
  regionFor,
  side,
  UNKNOWN,
  variant,
  withToken,
} from './toolkit';

/** A group shaped like an existing pair (so pairs can join it), or occasionally like none. */
const createGroup = fc.record({ pair: fc.nat(), named: fc.boolean(), token: clientToken, variant }).map(
  (g) =>
    new CallCommand('CreateDiskReplicaGroup', g, (s) => {
      const list = pairs(s);
      const pair = nth(list, g.pair);
      if (!pair) return undefined;
      const from = sourceOf(pair);
      const to = destinationOf(pair);
      const params = withToken(
        {
          RegionId: from.regionId,
          SourceZoneId: from.zoneId,
          DestinationRegionId: to.regionId,
          DestinationZoneId: to.zoneId,
          ...(g.named ? { GroupName: 'dr-group' } : {}),
        },
        g.token,
      );
      return {
        call: { ...EBS, action: 'CreateDiskReplicaGroup', params },
        variant: g.variant,
        label: label('CreateDiskReplicaGroup', `like ${ref('pair', list, pair.id)}`, g.token),
      };
    }),
);

/** Add and Remove name a pair and a group. */
function pairAndGroup(action: 'AddDiskReplicaPair' | 'RemoveDiskReplicaPair') {
  return fc.record({ pair: fc.nat(), group: fc.nat(), where: side, token: clientToken, variant }).map(
    (g) =>
      new CallCommand(action, g, (s) => {
        const ps = pairs(s);
        const gs = groups(s);
        const pair = nth(ps, g.pair);
        const group = nth(gs, g.group);
        if (!pair || !group) return undefined;
        const params = withToken(
          { RegionId: regionFor(s, group, g.where), ReplicaGroupId: group.id, ReplicaPairId: pair.id },
          g.token,
        );
        return {
          call: { ...EBS, action, params },
          variant: g.variant,
          label: label(
            action,
            ref('pair', ps, pair.id),
            ref('group', gs, group.id),
            `in ${g.where}`,
            g.token,
          ),
        };
      }),
  );
}

/** Calls on one group: by position, in a chosen region, sometimes on an unknown ID. */
function onGroup(action: string, extra: fc.Arbitrary<Record<string, unknown>>) {
  return fc
    .record({ group: fc.nat(), where: side, unknown: rarely(15), extra, token: clientToken, variant })
    .map(
      (g) =>
        new CallCommand(action, g, (s) => {
          const list = groups(s);
          const group = nth(list, g.group);
          if (!group) return undefined;
          const params = withToken(
            {
              RegionId: regionFor(s, group, g.where),
              ReplicaGroupId: g.unknown ? UNKNOWN.group : group.id,
              ...g.extra,
            },
            g.token,
          );
          const extras = Object.entries(g.extra).map(([k, v]) => `${k}=${String(v)}`);
          return {
            call: { ...EBS, action, params },
            variant: g.variant,
            label: label(
              action,
              g.unknown ? 'unknown group' : ref('group', list, group.id),
              `in ${g.where}`,
              ...extras,
              g.token,
            ),
          };
        }),
    );
}

const none = fc.constant({});

export const GROUP_COMMANDS = {
  createGroup,
  addPair: pairAndGroup('AddDiskReplicaPair'),
  removePair: pairAndGroup('RemoveDiskReplicaPair'),
  startGroup: onGroup('StartDiskReplicaGroup', fc.oneof(none, none, fc.constant({ OneShot: true }))),
  stopGroup: onGroup('StopDiskReplicaGroup', none),
  failoverGroup: onGroup('FailoverDiskReplicaGroup', none),
  reprotectGroup: onGroup(
    'ReprotectDiskReplicaGroup',
    fc.oneof(none, none, fc.constant({ ReverseReplicate: false })),
  ),
  deleteGroup: onGroup('DeleteDiskReplicaGroup', none),
  modifyGroup: onGroup(
    'ModifyDiskReplicaGroup',
    fc.constantFrom({ GroupName: 'renamed' }, { Description: 'new text' }),
  ),
};
