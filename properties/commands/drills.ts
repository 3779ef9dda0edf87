import fc from 'fast-check';
import type { Drill, Group, ModelState, Pair } from '../../model';
import { CallCommand } from '../command';
import {
  EBS,
  groups,
  idFlaw,
  idParam,
  label,
  nth,
  pairs,
  pickIn,
  preferred,
  ref,
  regionFor,
  type Side,
  sending,
  side,
  variant,
  withToken,
} from './toolkit';

// Drill calls on pairs and groups: start (mostly where it is accepted), list, clear.

type Kind = 'pair' | 'group';

/** The drill calls of a pair and of a group, and the parameter naming their subject (scenarios.ts drives them too). */
export const DRILL_ACTIONS = {
  pair: { start: 'StartPairDrill', describe: 'DescribePairDrills', clear: 'ClearPairDrill', id: 'PairId' },
  group: {
    start: 'StartReplicaGroupDrill',
    describe: 'DescribeReplicaGroupDrills',
    clear: 'ClearReplicaGroupDrill',
    id: 'GroupId',
  },
} as const;

const ownersOf = (s: ModelState, kind: Kind): (Pair | Group)[] => (kind === 'pair' ? pairs(s) : groups(s));
const drillsOf = (s: ModelState, kind: Kind): Drill[] =>
  Object.values(s.drills).filter((d) => d.kind === kind);

/** Drills start in a replicating resource's secondary region; the rest probe the refusals. */
const startSide: fc.Arbitrary<Side> = fc.constantFrom<Side>(
  'destination',
  'destination',
  'destination',
  'source',
  'elsewhere',
);

function startDrill(kind: Kind) {
  const A = DRILL_ACTIONS[kind];
  return fc
    .record({
      owner: fc.nat(),
      status: preferred(['normal', 'normal', 'normal', 'created', 'stopped', 'failovered', 'invalid']),
      where: startSide,
      id: idFlaw,
      ...sending,
    })
    .map(
      (g) =>
        new CallCommand(A.start, g, (s) => {
          const list = ownersOf(s, kind);
          const owner = pickIn(list, g.owner, g.status);
          if (!owner) return undefined;
          const params = withToken(
            {
              RegionId: regionFor(s, owner, g.where),
              ...idParam(A.id, owner.id, kind === 'pair' ? 'pair' : 'group', g.id),
            },
            g.token,
          );
          return {
            call: { ...EBS, action: A.start, params },
            variant: g.variant,
            label: label(
              A.start,
              g.id === 'none' ? ref(kind, list, owner.id) : `${g.id} ID`,
              `in ${g.where}`,
              g.token,
            ),
          };
        }),
    );
}

/** Page sizes at, inside and past the documented bounds (MaxResults 1-500, PageSize 1-100). */
const drillPaging = fc.oneof(
  fc.constant({}),
  fc.constantFrom(1, 2, 500, 0, 501).map((n) => ({ MaxResults: n })),
  fc.constantFrom(1, 100, 0, 101).map((n) => ({ PageNumber: 1, PageSize: n })),
);

function describeDrills(kind: Kind) {
  const A = DRILL_ACTIONS[kind];
  return fc
    .record({
      owner: fc.nat(),
      where: side,
      byDrill: fc.constantFrom('none', 'none', 'own', 'unknown'),
      pick: fc.nat(),
      paging: drillPaging,
      variant,
    })
    .map(
      (g) =>
        new CallCommand(A.describe, g, (s) => {
          const drilled = drillsOf(s, kind);
          const list = ownersOf(s, kind);
          // Mostly a resource that has drills, so that the rows are judged.
          const withDrills = list.filter((o) => drilled.some((d) => d.ownerId === o.id));
          const owner = nth(withDrills.length > 0 ? withDrills : list, g.owner);
          if (!owner) return undefined;
          const own = drilled.filter((d) => d.ownerId === owner.id);
          const drillId =
            g.byDrill === 'own'
              ? nth(own, g.pick)?.id
              : g.byDrill === 'unknown'
                ? 'drill-unknown000000'
                : undefined;
          const params = {
            RegionId: regionFor(s, owner, g.where),
            [A.id]: owner.id,
            ...(drillId ? { DrillId: drillId } : {}),
            ...g.paging,
          };
          const shown = Object.entries(g.paging).map(([k, v]) => `${k}=${String(v)}`);
          return {
            call: { ...EBS, action: A.describe, params },
            variant: g.variant,
            label: label(
              A.describe,
              ref(kind, list, owner.id),
              `in ${g.where}`,
              drillId && `DrillId=${drillId}`,
              ...shown,
            ),
          };
        }),
    );
}

function clearDrill(kind: Kind) {
  const A = DRILL_ACTIONS[kind];
  return fc.record({ drill: fc.nat(), where: side, unknown: fc.nat(9).map((n) => n === 9), variant }).map(
    (g) =>
      new CallCommand(A.clear, g, (s) => {
        const drill = nth(drillsOf(s, kind), g.drill);
        const list = ownersOf(s, kind);
        const owner = drill ? list.find((o) => o.id === drill.ownerId) : nth(list, g.drill);
        if (!owner) return undefined;
        const drillId = drill && !g.unknown ? drill.id : 'drill-unknown000000';
        const params = { RegionId: regionFor(s, owner, g.where), [A.id]: owner.id, DrillId: drillId };
        return {
          call: { ...EBS, action: A.clear, params },
          variant: g.variant,
          label: label(A.clear, ref(kind, list, owner.id), drillId, `in ${g.where}`),
        };
      }),
  );
}

export const DRILL_COMMANDS = {
  startPairDrill: startDrill('pair'),
  describePairDrills: describeDrills('pair'),
  clearPairDrill: clearDrill('pair'),
  startGroupDrill: startDrill('group'),
  describeGroupDrills: describeDrills('group'),
  clearGroupDrill: clearDrill('group'),
};

/** How often each command is drawn (properties/commands/index.ts gathers the families). */
export const DRILL_WEIGHTS = {
  startPairDrill: 3,
  describePairDrills: 1,
  clearPairDrill: 2,
  startGroupDrill: 2,
  describeGroupDrills: 1,
  clearGroupDrill: 1,
} satisfies Record<keyof typeof DRILL_COMMANDS, number>;

/** The command drawing an ordinary call of each operation, by `product:action` (parameter sweeps start from it). */
export const DRILL_BASES = {
  'ebs:StartPairDrill': DRILL_COMMANDS.startPairDrill,
  'ebs:DescribePairDrills': DRILL_COMMANDS.describePairDrills,
  'ebs:ClearPairDrill': DRILL_COMMANDS.clearPairDrill,
  'ebs:StartReplicaGroupDrill': DRILL_COMMANDS.startGroupDrill,
  'ebs:DescribeReplicaGroupDrills': DRILL_COMMANDS.describeGroupDrills,
  'ebs:ClearReplicaGroupDrill': DRILL_COMMANDS.clearGroupDrill,
};
