import { findRule, isExempt, isTransientCode, type Operation, operationKey } from '../api';
import type { Call } from './call';
import type { Ctx, Decision, Handler } from './context';
import * as disks from './disks';
import * as drills from './drills';
import { type Expectation, type Observed, observe } from './expectation';
import * as groupMembers from './group-members';
import * as groups from './groups';
import * as legacy from './legacy';
import * as pairCreate from './pair-create';
import * as pairs from './pairs';
import * as diskViews from './projections/disks';
import * as groupViews from './projections/groups';
import * as pairViews from './projections/pairs';
import * as regions from './projections/regions';
import type { ModelState } from './state';
import * as tags from './tags';
import { bindToken, replayed } from './tokens';
import { validate } from './validate';

/**
 * The model's families, each listing its own decisions: a new operation is one entry in its
 * family's `DECISIONS`, a new family one line here.
 */
const FAMILIES: readonly { readonly DECISIONS: readonly Decision[] }[] = [
  pairCreate,
  pairs,
  pairViews,
  groups,
  groupMembers,
  groupViews,
  regions,
  drills,
  tags,
  disks,
  diskViews,
  legacy,
];

/** One decision per modelled operation, keyed `product:version:action`. */
const DECISIONS: ReadonlyMap<string, Decision> = new Map(
  FAMILIES.flatMap((f) => f.DECISIONS).map((d) => [operationKey(d.op), d]),
);

/**
 * An operation exempt from the model (api/layers.ts: DescribeInstances, read only to learn the
 * world): any documented answer satisfies it. Nothing else falls back to this silently.
 */
const unmodelled: Handler = (ctx) =>
  observe(ctx.state, { rules: [], also: ctx.op.errors.filter((e) => !isTransientCode(e.code)) });

const keyOf = (call: Pick<Call, 'product' | 'version' | 'action'>) =>
  `${call.product}:${call.version}:${call.action}`;

export const isModelled = (call: Pick<Call, 'product' | 'version' | 'action'>) => DECISIONS.has(keyOf(call));

function handlerOf(op: Operation): Handler {
  const decision = DECISIONS.get(operationKey(op));
  if (decision) return decision.handler;
  if (isExempt(op, 'model')) return unmodelled;
  throw new Error(
    `${operationKey(op)} has no model decision: add it to the DECISIONS of its model family (model/<family>.ts), or an exemption saying why in api/layers.ts`,
  );
}

/**
 * What the target may answer to `call` in `state` at `now` (epoch ms): a success with the next
 * state, or the error codes of a refusal, with the rule IDs that decided. Pure and total.
 */
export function allowedOutcomes(state: ModelState, call: Call, now: number): Expectation {
  const validated = validate(call, DECISIONS.get(keyOf(call))?.paramRule);
  if (!validated.ok) return validated.refusal;
  const ctx: Ctx = { state, call, op: validated.op, params: validated.params, now };
  const replay = replayed(ctx);
  if (replay) return replay;
  const handler = handlerOf(validated.op);
  return withGatewayRules(validated.op, validated.edges, bindToken(ctx, handler(ctx)));
}

/** The calls that hand out or list IDs answer them with their prefixes (the schema checks it). */
const ID_FORMAT_ACTIONS = new Set(findRule('PROTO.ID_FORMAT')?.operations ?? []);

/**
 * An accepted call also names PROTO.ID_FORMAT where it hands out or lists IDs, then the derived
 * parameter rules it met at their edge (api/rules/params.ts): one copy of the success for both.
 */
function withGatewayRules(op: Operation, edges: readonly string[], e: Expectation): Expectation {
  if (e.kind !== 'success') return e;
  const idFormat = ID_FORMAT_ACTIONS.has(op.action);
  if (!idFormat && edges.length === 0) return e;
  return { ...e, rules: idFormat ? [...e.rules, 'PROTO.ID_FORMAT', ...edges] : [...e.rules, ...edges] };
}

/** The state after the target answered: a success binds the observed IDs, a refusal changes nothing. */
export function commit(state: ModelState, call: Call, now: number, observed: Observed = {}): ModelState {
  const e = allowedOutcomes(state, call, now);
  return e.kind === 'success' ? e.next(observed) : state;
}
