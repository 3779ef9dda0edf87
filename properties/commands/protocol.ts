import fc from 'fast-check';
import { CallCommand } from '../command';
import { DRILL_ACTIONS } from './drills';
import { EBS, ECS, label, nth, replicationRegions, variant } from './toolkit';

// Calls the gateway refuses before any operation sees them (PROTO.UNKNOWN_ACTION).

/**
 * Actions neither product serves, as a client gets them wrong: a singular where the API has a
 * plural, an action of the other product, a case slip, a drill action that does not exist.
 */
const UNSERVED = [
  { ...EBS, action: 'DescribeDiskReplicaPair' },
  { ...EBS, action: 'DescribeDisks' },
  { ...EBS, action: 'startDiskReplicaPair' },
  { ...EBS, action: 'FailoverPairDrill' },
  { ...ECS, action: 'StartDiskReplicaPair' },
  { ...ECS, action: 'DescribeReplicaPairDrill' },
  // The drill and tag calls document InvalidApi.NotFound too: a drill action under the other
  // product's version, a tag action with a case slip.
  { ...ECS, action: DRILL_ACTIONS.group.start },
  { ...EBS, action: 'untagResources' },
] as const;

const unknownAction = fc.record({ which: fc.nat(), from: fc.nat(), variant }).map(
  (g) =>
    new CallCommand('UnknownAction', g, (s) => {
      const target = nth(UNSERVED, g.which);
      const region = nth(replicationRegions(s), g.from);
      if (!target || !region) return undefined;
      return {
        call: { ...target, params: { RegionId: region.id } },
        variant: g.variant,
        label: label(`${target.action}@${target.version}`, region.id),
      };
    }),
);

export const PROTOCOL_COMMANDS = { unknownAction };

export const PROTOCOL_WEIGHTS = { unknownAction: 1 } satisfies Record<keyof typeof PROTOCOL_COMMANDS, number>;
