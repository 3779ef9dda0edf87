import type fc from 'fast-check';
import type { ModelBox } from '../command';
import type { RunSession } from '../session';
import { DISK_COMMANDS } from './disks';
import { DRILL_COMMANDS } from './drills';
import { GROUP_COMMANDS } from './groups';
import { LISTING_COMMANDS } from './listings';
import { PAIR_COMMANDS } from './pairs';
import { SCENARIO_COMMANDS } from './scenarios';
import { TAG_COMMANDS } from './tags';
import { VISIBILITY_COMMANDS } from './visibility';
import { WALK_COMMANDS } from './walks';

const C = {
  ...DISK_COMMANDS,
  ...PAIR_COMMANDS,
  ...GROUP_COMMANDS,
  ...LISTING_COMMANDS,
  ...WALK_COMMANDS,
  ...SCENARIO_COMMANDS,
  ...VISIBILITY_COMMANDS,
  ...DRILL_COMMANDS,
  ...TAG_COMMANDS,
};

/**
 * How often each command is drawn. Disk creation and the pair life cycle dominate so that a
 * default run reaches the deep states (failovered, reversed and started again, groups of
 * several pairs, one-shot syncs, invalid pairs); listings and refusals come along.
 */
const WEIGHTS: Readonly<Record<keyof typeof C, number>> = {
  createDiskCouple: 6,
  createDisk: 2,
  attachDisk: 2,
  detachDisk: 3,
  deleteDisk: 1,
  describeDisks: 1,
  createPair: 8,
  createLegacyPair: 1,
  startPair: 5,
  stopPair: 3,
  failoverPair: 4,
  reprotectPair: 4,
  deletePair: 2,
  modifyPair: 2,
  describeProgress: 2,
  createGroup: 2,
  addPair: 3,
  removePair: 3,
  startGroup: 3,
  stopGroup: 3,
  failoverGroup: 3,
  reprotectGroup: 3,
  deleteGroup: 2,
  modifyGroup: 2,
  describePairs: 2,
  describeGroups: 1,
  walkPairs: 1,
  walkGroups: 1,
  walkDisks: 1,
  pairVisibility: 1,
  pairScenario: 5,
  groupScenario: 4,
  drillScenario: 1,
  startPairDrill: 3,
  describePairDrills: 1,
  clearPairDrill: 2,
  startGroupDrill: 2,
  describeGroupDrills: 1,
  clearGroupDrill: 1,
  tagResources: 2,
  untagResources: 1,
  listTagResources: 1,
};

export function weightedCommands(): fc.Arbitrary<fc.AsyncCommand<ModelBox, RunSession>>[] {
  return (Object.keys(WEIGHTS) as (keyof typeof C)[]).flatMap((k) =>
    Array.from({ length: WEIGHTS[k] }, () => C[k] as fc.Arbitrary<fc.AsyncCommand<ModelBox, RunSession>>),
  );
}
