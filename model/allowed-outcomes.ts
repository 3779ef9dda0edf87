import { findOperation, findRule, isExempt, isTransientCode, type Operation, operationKey } from '../api';
import type { Call } from './call';
import type { Ctx, Decision, Handler } from './context';
import * as disks from './disks';
import * as drills from './drills';
import { type Expectation, type Observed, observe, successWith, withRules } from './expectation';
import * as groupMembers from './group-members';
import * as groups from './groups';
import * as legacy from './legacy';
import * as pairCreate from './pair-create';
import * as pairs from './pairs';
import * as diskViews from './projections/disks';
import * as groupViews from './projections/groups';
import * as pairViews from './projections/pairs';
import * as regions from './projections/regions';
import { afterRefusal, keepRefused } from './refused-tokens';
import type { ModelState } from './state';
import * as tags from './tags';
import { acrossActions, bindToken, replayed } from './tokens';
import { formRules, validate, validateFor } from './validate';

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

/** Each operation's decision (null: none), looked up once: its key is a new string every time it is built. */
const decisionOfOp = new WeakMap<Operation, Decision | null>();
function decisionOf(op: Operation): Decision | undefined {
  let d = decisionOfOp.get(op);
  if (d === undefined) {
    d = DECISIONS.get(operationKey(op)) ?? null;
    decisionOfOp.set(op, d);
  }
  return d ?? undefined;
}

/**
 * What the target may answer to `call` in `state` at `now` (epoch ms): a success with the next
 * state, or the error codes of a refusal, with the rule IDs that decided. Pure and total.
 */
export function allowedOutcomes(state: ModelState, call: Call, now: number): Expectation {
  const found = findOperation(call.product, call.version, call.action);
  const decision = found && decisionOf(found);
  const paramRule = decision?.paramRule;
  const validated = found ? validateFor(found, call, paramRule) : validate(call);
  if (!validated.ok) return validated.refusal;
  const { op, params } = validated;
  const ctx: Ctx = { state, call, op, params, now };
  const replay = replayed(ctx);
  if (replay) return replay;
  const own = (decision?.handler ?? handlerOf(op))(ctx);
  const e = bindToken(ctx, acrossActions(ctx, afterRefusal(ctx, own)));
  if (e.kind !== 'success') return e;
  // An accepted call also names PROTO.ID_FORMAT where it hands out or lists IDs, then the
  // derived parameter rules it met at their edge (api/rules/params.ts) and the written rules of
  // its parameters and region it passed (some its decision names too): one copy of the success,
  // and none where it names them all already.
  const rules = withRules(
    e.rules,
    ID_FORMAT_ACTIONS.has(op.action) ? ID_FORMAT_RULE : NONE,
    validated.edges,
    formRules(op, params, paramRule),
    EAR_ACTIONS.has(op.action) ? EAR_RULE : NONE,
  );
  return rules === e.rules ? e : successWith(e, { rules });
}

/**
 * The state after the target refused `call` with `code`: a refused call's ClientToken is held, as
 * a target may keep it (model/refused-tokens.ts). A call the model finds malformed binds nothing.
 */
export function afterRefused(state: ModelState, call: Call, code: string): ModelState {
  const found = findOperation(call.product, call.version, call.action);
  if (!found?.mutating) return state;
  const validated = validateFor(found, call, decisionOf(found)?.paramRule);
  if (!validated.ok) return state;
  return keepRefused({ state, call, op: validated.op, params: validated.params, now: 0 }, code);
}

const NONE: readonly string[] = [];

/** The replication calls refused outside async-replication regions: an accepted one passed that check. */
const EAR_ACTIONS = new Set(findRule('PROTO.EAR_REGION')?.operations ?? []);
const EAR_RULE = ['PROTO.EAR_REGION'];

/** The calls that hand out or list IDs answer them with their prefixes (the schema checks it). */
const ID_FORMAT_ACTIONS = new Set(findRule('PROTO.ID_FORMAT')?.operations ?? []);
const ID_FORMAT_RULE = ['PROTO.ID_FORMAT'];

/** The state after the target answered: a success binds the observed IDs, a refusal changes nothing. */
export function commit(state: ModelState, call: Call, now: number, observed: Observed = {}): ModelState {
  const e = allowedOutcomes(state, call, now);
  return e.kind === 'success' ? e.next(observed) : state;
}
