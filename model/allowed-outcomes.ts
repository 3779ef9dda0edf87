import * as api from '../api';
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

/** A decision for an operation: the handler receives the operation's parsed, typed request. */
const decide = <O extends Operation>(op: O, handler: Handler<O>) =>
  [operationKey(op), handler as Handler] as const;

/** One handler per modelled operation, named like the API. */
const HANDLERS: ReadonlyMap<string, Handler> = new Map([
  decide(api.CreateDiskReplicaPair, createPair),
  decide(api.ModifyDiskReplicaPair, modifyPair),
  decide(api.StartDiskReplicaPair, startPair),
  decide(api.StopDiskReplicaPair, stopPair),
  decide(api.FailoverDiskReplicaPair, failoverPair),
  decide(api.ReprotectDiskReplicaPair, reprotectPair),
  decide(api.DeleteDiskReplicaPair, deletePair),
  decide(api.DescribeDiskReplicaPairs, describePairs),
  decide(api.DescribeDiskReplicaPairProgress, describeProgress),
  decide(api.CreateDiskReplicaGroup, createGroup),
  decide(api.ModifyDiskReplicaGroup, modifyGroup),
  decide(api.StartDiskReplicaGroup, startGroup),
  decide(api.StopDiskReplicaGroup, stopGroup),
  decide(api.FailoverDiskReplicaGroup, failoverGroup),
  decide(api.ReprotectDiskReplicaGroup, reprotectGroup),
  decide(api.DeleteDiskReplicaGroup, deleteGroup),
  decide(api.AddDiskReplicaPair, addPair),
  decide(api.RemoveDiskReplicaPair, removePair),
  decide(api.DescribeDiskReplicaGroups, describeGroups),
  decide(api.DescribeRegions, describeRegions),
  decide(api.StartPairDrill, startPairDrill),
  decide(api.DescribePairDrills, describePairDrills),
  decide(api.ClearPairDrill, clearPairDrill),
  decide(api.StartReplicaGroupDrill, startGroupDrill),
  decide(api.DescribeReplicaGroupDrills, describeGroupDrills),
  decide(api.ClearReplicaGroupDrill, clearGroupDrill),
  decide(api.TagResources, tagResources),
  decide(api.UntagResources, untagResources),
  decide(api.ListTagResources, listTagResources),
  decide(api.CreateDisk, createDisk),
  decide(api.AttachDisk, attachDisk),
  decide(api.DetachDisk, detachDisk),
  decide(api.DeleteDisk, deleteDisk),
  decide(api.DescribeDisks, describeDisks),
  decide(api.LegacyCreateDiskReplicaPair, createLegacyPair),
]);

/**
 * An operation exempt from the model (api/layers.ts: DescribeInstances, read only to learn the
 * world): any documented answer satisfies it. Nothing else falls back to this silently.
 */
const unmodelled: Handler = (ctx) =>
  observe(ctx.state, { rules: [], also: ctx.op.errors.filter((e) => !isTransientCode(e.code)) });

export const isModelled = (call: Pick<Call, 'product' | 'version' | 'action'>) =>
  HANDLERS.has(operationKey(call as Parameters<typeof operationKey>[0]));

function handlerOf(op: Operation): Handler {
  const handler = HANDLERS.get(operationKey(op));
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
  return withEdges(validated.edges, withIdFormat(validated.op, bindToken(ctx, handler(ctx))));
}

/** An accepted call names the derived parameter rules it met at their edge (api/rules/params.ts). */
const withEdges = (edges: readonly string[], e: Expectation): Expectation =>
  e.kind === 'success' && edges.length > 0 ? { ...e, rules: [...e.rules, ...edges] } : e;

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
