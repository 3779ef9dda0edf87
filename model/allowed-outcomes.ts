import { findRule, isExempt, isTransientCode, type Operation, operationKey } from '../api';
import type { Call } from './call';
import type { Ctx, Handler } from './context';
import { attachDisk, createDisk, deleteDisk, detachDisk } from './disks';
import {
  clearGroupDrill,
  clearPairDrill,
  describeGroupDrills,
  describePairDrills,
  startGroupDrill,
  startPairDrill,
} from './drills';
import { type Expectation, type Observed, observe } from './expectation';
import { addPair, removePair } from './group-members';
import {
  createGroup,
  deleteGroup,
  failoverGroup,
  modifyGroup,
  reprotectGroup,
  startGroup,
  stopGroup,
} from './groups';
import { createLegacyPair } from './legacy';
import { createPair } from './pair-create';
import { deletePair, failoverPair, modifyPair, reprotectPair, startPair, stopPair } from './pairs';
import { describeDisks } from './projections/disks';
import { describeGroups } from './projections/groups';
import { describePairs, describeProgress } from './projections/pairs';
import { describeRegions } from './projections/regions';
import type { ModelState } from './state';
import { listTagResources, tagResources, untagResources } from './tags';
import { bindToken, replayed } from './tokens';
import { validate } from './validate';

const ebs = (action: string) => `ebs:2021-07-30:${action}`;
const ecs = (action: string) => `ecs:2014-05-26:${action}`;

/** One handler per modelled operation, named like the API. */
const HANDLERS: Readonly<Record<string, Handler>> = {
  [ebs('CreateDiskReplicaPair')]: createPair,
  [ebs('ModifyDiskReplicaPair')]: modifyPair,
  [ebs('StartDiskReplicaPair')]: startPair,
  [ebs('StopDiskReplicaPair')]: stopPair,
  [ebs('FailoverDiskReplicaPair')]: failoverPair,
  [ebs('ReprotectDiskReplicaPair')]: reprotectPair,
  [ebs('DeleteDiskReplicaPair')]: deletePair,
  [ebs('DescribeDiskReplicaPairs')]: describePairs,
  [ebs('DescribeDiskReplicaPairProgress')]: describeProgress,
  [ebs('CreateDiskReplicaGroup')]: createGroup,
  [ebs('ModifyDiskReplicaGroup')]: modifyGroup,
  [ebs('StartDiskReplicaGroup')]: startGroup,
  [ebs('StopDiskReplicaGroup')]: stopGroup,
  [ebs('FailoverDiskReplicaGroup')]: failoverGroup,
  [ebs('ReprotectDiskReplicaGroup')]: reprotectGroup,
  [ebs('DeleteDiskReplicaGroup')]: deleteGroup,
  [ebs('AddDiskReplicaPair')]: addPair,
  [ebs('RemoveDiskReplicaPair')]: removePair,
  [ebs('DescribeDiskReplicaGroups')]: describeGroups,
  [ebs('DescribeRegions')]: describeRegions,
  [ebs('StartPairDrill')]: startPairDrill,
  [ebs('DescribePairDrills')]: describePairDrills,
  [ebs('ClearPairDrill')]: clearPairDrill,
  [ebs('StartReplicaGroupDrill')]: startGroupDrill,
  [ebs('DescribeReplicaGroupDrills')]: describeGroupDrills,
  [ebs('ClearReplicaGroupDrill')]: clearGroupDrill,
  [ebs('TagResources')]: tagResources,
  [ebs('UntagResources')]: untagResources,
  [ebs('ListTagResources')]: listTagResources,
  [ecs('CreateDisk')]: createDisk,
  [ecs('AttachDisk')]: attachDisk,
  [ecs('DetachDisk')]: detachDisk,
  [ecs('DeleteDisk')]: deleteDisk,
  [ecs('DescribeDisks')]: describeDisks,
  [ecs('CreateDiskReplicaPair')]: createLegacyPair,
};

/**
 * An operation exempt from the model (api/layers.ts: DescribeInstances, read only to learn the
 * world): any documented answer satisfies it. Nothing else falls back to this silently.
 */
const unmodelled: Handler = (ctx) =>
  observe(ctx.state, { rules: [], also: ctx.op.errors.filter((e) => !isTransientCode(e.code)) });

export const isModelled = (call: Pick<Call, 'product' | 'version' | 'action'>) =>
  operationKey(call as Parameters<typeof operationKey>[0]) in HANDLERS;

function handlerOf(op: Operation): Handler {
  const handler = HANDLERS[operationKey(op)];
  if (handler) return handler;
  if (isExempt(op, 'model')) return unmodelled;
  throw new Error(
    `${operationKey(op)} has no model decision: add a handler to model/allowed-outcomes.ts, or an exemption saying why in api/layers.ts`,
  );
}

/**
 * What the target may answer to `call` in `state` at `now` (epoch ms): a success with the next
 * state, or the error codes of a refusal, with the rule IDs that decided. Pure and total.
 */
export function allowedOutcomes(state: ModelState, call: Call, now: number): Expectation {
  const validated = validate(call);
  if (!validated.ok) return validated.refusal;
  const ctx: Ctx = { state, call, op: validated.op, params: validated.params, now };
  const replay = replayed(ctx);
  if (replay) return replay;
  const handler = handlerOf(validated.op);
  return withIdFormat(validated.op, bindToken(ctx, handler(ctx)));
}

/** The calls that hand out or list IDs answer them with their prefixes (the schema checks it). */
const ID_FORMAT_ACTIONS = new Set(findRule('PROTO.ID_FORMAT')?.operations ?? []);

const withIdFormat = (op: Operation, e: Expectation): Expectation =>
  e.kind === 'success' && ID_FORMAT_ACTIONS.has(op.action)
    ? { ...e, rules: [...e.rules, 'PROTO.ID_FORMAT'] }
    : e;

/** The state after the target answered: a success binds the observed IDs, a refusal changes nothing. */
export function commit(state: ModelState, call: Call, now: number, observed: Observed = {}): ModelState {
  const e = allowedOutcomes(state, call, now);
  return e.kind === 'success' ? e.next(observed) : state;
}
