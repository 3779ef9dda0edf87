import { ebsDoc } from '../operations/common';
import { type Rule, rule } from '../rule';
import { because, type CodeAccount, LISTING_DENIED, rules } from './code-account';

const START_PAIR = 'StartPairDrill';
const DESCRIBE_PAIR = 'DescribePairDrills';
const CLEAR_PAIR = 'ClearPairDrill';
const START_GROUP = 'StartReplicaGroupDrill';
const DESCRIBE_GROUP = 'DescribeReplicaGroupDrills';
const CLEAR_GROUP = 'ClearReplicaGroupDrill';

/**
 * The rules of one kind of drill (pair or group): the two pages say the same sentences about
 * their own resource, so each sentence becomes one rule per kind.
 */
function drillRules(kind: 'PAIR' | 'GROUP', start: string, describe: string, clear: string): Rule[] {
  const what = kind === 'PAIR' ? 'pair' : 'replica group';
  return [
    rule(
      `DRILL.${kind}.START.IN_SECONDARY_REGION`,
      [start],
      `A ${what} drill starts only in the region of the current secondary site; from the primary region it is refused with OperationDenied.StartDrillShouldOnDestRegion.`,
      ebsDoc(start),
      'Request parameters: RegionId; Error codes: OperationDenied.StartDrillShouldOnDestRegion',
    ),
    rule(
      `DRILL.${kind}.START.NEEDS_RECOVER_POINT`,
      [start],
      `A drill clones the last recovery point, so a ${what} that has never completed a sync is refused with OperationDenied.RecoverPointNotFound.`,
      ebsDoc(start),
      'Description; Error codes: OperationDenied.RecoverPointNotFound',
    ),
    rule(
      `DRILL.${kind}.START.WHILE_REPLICATING`,
      [start],
      `A ${what} that is replicating (normal or syncing) with a recovery point accepts a drill, answers its DrillId, and keeps replicating: its status does not change.`,
      ebsDoc(start),
      'Summary; Response parameters: DrillId',
    ),
    rule(
      `DRILL.${kind}.START.OTHER_STATUSES`,
      [start],
      `The docs name no ${what} status a drill needs besides a recovery point: a ${what} that is not replicating (stopped, failovered, invalid) may be accepted or refused with OperationDenied.`,
      ebsDoc(start),
      'Summary (no status list)',
    ),
    rule(
      `DRILL.${kind}.START.EXECUTES`,
      [start, describe],
      `A started drill is listed as executing and settles in executed, with a drill disk in the secondary's zone and the recovery point it holds.`,
      ebsDoc(describe),
      'Response parameters: Status, DrillDiskId, DrillDiskStatus, RecoverPoint',
    ),
    rule(
      `DRILL.${kind}.START.ONE_AT_A_TIME`,
      [start],
      `The docs do not say whether a ${what} may hold two drills that have not been cleared; a second start may be accepted or refused with OperationDenied.`,
      ebsDoc(start),
      'Description (undocumented)',
    ),
    rule(
      `DRILL.${kind}.UNKNOWN`,
      [start, describe, clear],
      `A drill call naming a ${what} that does not exist, or one seen from a region that holds neither of its sites, is refused with NoSuchResource.`,
      ebsDoc(describe),
      'Error codes: NoSuchResource',
    ),
    rule(
      `DRILL.${kind}.DESCRIBE.FIELDS`,
      [describe],
      `${describe} lists every drill of the ${what} that has not been cleared, with its DrillId, Status and StartAt${kind === 'GROUP' ? ', its GroupId and one PairsInfo entry per member pair' : ''}.`,
      ebsDoc(describe),
      'Response parameters: Drills',
    ),
    rule(
      `DRILL.${kind}.DESCRIBE.EITHER_REGION`,
      [describe],
      `Drills are listed from the region of either site of the ${what}.`,
      ebsDoc(describe),
      'Request parameters: RegionId',
    ),
    rule(
      `DRILL.${kind}.DESCRIBE.DRILL_ID_FILTER`,
      [describe],
      'With DrillId, only that drill is listed (none when it is not a drill of the resource).',
      ebsDoc(describe),
      'Request parameters: DrillId',
    ),
    rule(
      `DRILL.${kind}.DESCRIBE.PAGING`,
      [describe],
      'Drills page by NextToken with MaxResults 1-500 (default 10), or by PageNumber with PageSize 1-100; a value out of range is refused.',
      ebsDoc(describe),
      'Request parameters: MaxResults, NextToken, PageNumber, PageSize',
    ),
    rule(
      `DRILL.${kind}.CLEAR.REMOVES`,
      [clear, describe],
      `Clearing an executed drill deletes its drill disk${kind === 'GROUP' ? 's' : ''}: the drill shows clearing, then is no longer listed.`,
      ebsDoc(clear),
      'Summary',
    ),
    rule(
      `DRILL.${kind}.CLEAR.UNKNOWN_DRILL`,
      [clear],
      `Clearing a DrillId that is not a live drill of the ${what} is refused with NoSuchResource.`,
      ebsDoc(clear),
      'Request parameters: DrillId; Error codes: NoSuchResource',
    ),
  ];
}

/** Disaster-recovery drills (EBS 2021-07-30): a clone of the secondary, replication untouched. */
export const DRILL_RULES: readonly Rule[] = [
  ...drillRules('PAIR', START_PAIR, DESCRIBE_PAIR, CLEAR_PAIR),
  ...drillRules('GROUP', START_GROUP, DESCRIBE_GROUP, CLEAR_GROUP),
];

/** The documented error codes of these operations, accounted for (api/rules/error-codes.ts). */
export const DRILL_CODE_ACCOUNTS: Readonly<Record<string, Readonly<Record<string, CodeAccount>>>> = {
  [`ebs:${START_PAIR}`]: {
    NoSuchResource: rules('DRILL.PAIR.UNKNOWN'),
    OperationDenied: rules('DRILL.PAIR.START.OTHER_STATUSES', 'DRILL.PAIR.START.ONE_AT_A_TIME'),
  },
  [`ebs:${DESCRIBE_PAIR}`]: {
    NoSuchResource: rules('DRILL.PAIR.UNKNOWN'),
    OperationDenied: LISTING_DENIED,
  },
  [`ebs:${CLEAR_PAIR}`]: {
    NoSuchResource: rules('DRILL.PAIR.UNKNOWN', 'DRILL.PAIR.CLEAR.UNKNOWN_DRILL'),
    OperationDenied: because('no-condition', 'the docs refuse clearing a live drill in no status'),
  },
  [`ebs:${START_GROUP}`]: {
    NoSuchResource: rules('DRILL.GROUP.UNKNOWN'),
    OperationDenied: rules('DRILL.GROUP.START.OTHER_STATUSES', 'DRILL.GROUP.START.ONE_AT_A_TIME'),
  },
  [`ebs:${DESCRIBE_GROUP}`]: {
    NoSuchResource: rules('DRILL.GROUP.UNKNOWN'),
    OperationDenied: LISTING_DENIED,
  },
  [`ebs:${CLEAR_GROUP}`]: {
    NoSuchResource: rules('DRILL.GROUP.UNKNOWN', 'DRILL.GROUP.CLEAR.UNKNOWN_DRILL'),
    OperationDenied: because('no-condition', 'the docs refuse clearing a live drill in no status'),
  },
};

/** The calls of each kind of drill, for the documented state machine (api/state-machines.ts). */
export const DRILL_CALLS = {
  PAIR: { start: START_PAIR, clear: CLEAR_PAIR, list: DESCRIBE_PAIR },
  GROUP: { start: START_GROUP, clear: CLEAR_GROUP, list: DESCRIBE_GROUP },
} as const;
