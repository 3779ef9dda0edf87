import {
  findOperation,
  type Operation,
  type Param,
  type ParamProblem,
  problemsOf,
  requestProblems,
  typedRequest,
} from '../api';
import { type Call, COMMON_PARAMS } from './call';
import type { ParamRule } from './context';
import { allowed, type Refusal, refuse, type Violation } from './expectation';
import { brokenRules, edgeRules, requiredRule } from './param-rules';

/** Parameters whose malformed values a documented rule of their own covers. */
const PARAM_RULES: Readonly<Record<string, string>> = {
  RPO: 'PAIR.RPO_ONLY_900',
  PairName: 'PAIR.CREATE.NAME_FORMAT',
  GroupName: 'GROUP.NAME_FORMAT',
  ClientToken: 'TOKEN.FORMAT',
  PairIds: 'PAIR.DESCRIBE.PAIR_IDS',
  MaxResults: 'PAIR.DESCRIBE.TOKEN_PAGING',
  NextToken: 'PAIR.DESCRIBE.TOKEN_PAGING',
  PageNumber: 'PAIR.DESCRIBE.NUMBERED_PAGING',
  PageSize: 'PAIR.DESCRIBE.NUMBERED_PAGING',
  Size: 'DISK.CREATE.SIZE_RANGE',
};

/** The EBS pages document one description format for pairs and groups. */
const DESCRIPTION_RULE = 'PAIR.CREATE.DESCRIPTION_FORMAT';

const PAGING = new Set(['MaxResults', 'NextToken', 'PageNumber', 'PageSize']);

/** A listing that documents its paging limits as a rule of its own. */
export const pagingRule =
  (ruleId: string): ParamRule =>
  ({ name }) =>
    PAGING.has(name) ? ruleId : undefined;

function ruleForParam(op: Operation, problem: ParamProblem, own: ParamRule | undefined): string {
  const { name } = problem;
  const ownRule = own?.(problem);
  if (ownRule) return ownRule;
  if (name === 'Description') return op.product === 'ebs' ? DESCRIPTION_RULE : 'PROTO.INVALID_VALUE';
  return PARAM_RULES[name] ?? 'PROTO.INVALID_VALUE';
}

/**
 * The written rules of a call's parameters that an accepted call met: each given parameter whose
 * malformed values a rule of its own refuses (a name, a description, a token, a paging bound)
 * names that rule when the call is accepted, so both of its cases are judged.
 */
export function formRules(
  op: Operation,
  params: Readonly<Record<string, unknown>>,
  own?: ParamRule,
): readonly string[] {
  // Most calls give no such parameter: nothing allocated for them.
  let out: string[] | undefined;
  for (const { name, rule } of ruledParams(op, own)) {
    if (isMissing(params[name])) continue;
    if (!out) out = [rule];
    else if (!out.includes(rule)) out.push(rule);
  }
  return out ?? NO_RULES;
}

const NO_RULES: readonly string[] = [];

/** The parameters of an operation with a written rule of their own, found once per operation. */
const ruled = new WeakMap<Operation, { own?: ParamRule; list: { name: string; rule: string }[] }>();
function ruledParams(op: Operation, own?: ParamRule): readonly { name: string; rule: string }[] {
  const known = ruled.get(op);
  if (known && known.own === own) return known.list;
  const list = op.params
    // The rule a malformed value of it would break, of whatever form.
    .map((p) => ({ name: p.name, rule: ruleForParam(op, { name: p.name, tooMany: false, fields: [] }, own) }))
    .filter((r) => r.rule !== 'PROTO.INVALID_VALUE');
  ruled.set(op, own ? { own, list } : { list });
  return list;
}

export type Validated =
  | {
      readonly ok: true;
      readonly op: Operation;
      readonly params: Readonly<Record<string, unknown>>;
      /** The derived parameter rules the call meets at their edge (model/param-rules.ts). */
      readonly edges: readonly string[];
    }
  | { readonly ok: false; readonly refusal: Refusal };

const isMissing = (v: unknown) => v === undefined || v === null || v === '';

/** Legacy replica-pair actions of ECS 2014-05-26 answer a missing field with IncompleteParamter. */
const legacyPairAction = (op: Operation) => op.product === 'ecs' && /ReplicaPair/.test(op.action);

const requiredParams = new WeakMap<Operation, readonly Param[]>();
function requiredOf(op: Operation): readonly Param[] {
  let list = requiredParams.get(op);
  if (!list) {
    list = op.params.filter((p) => p.required);
    requiredParams.set(op, list);
  }
  return list;
}

/**
 * The operation's own parameters: the call's without the common ones. Only zod's path needs
 * them apart: every other step reads the call by the operation's parameter names, which no
 * common parameter shares (model/validate.test.ts holds the catalogue to that).
 */
function ownParams(params: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const own: Record<string, unknown> = {};
  for (const k of Object.keys(params)) if (!COMMON_PARAMS.has(k)) own[k] = params[k];
  return own;
}

/**
 * The gateway's part: the operation exists and its parameters match the documented schema.
 * PROTO.UNKNOWN_ACTION, PROTO.MISSING_REQUIRED, PROTO.INVALID_VALUE, or the rule the operation's
 * family names for a malformed parameter (`paramRule`, from its decision).
 */
export function validate(call: Call, paramRule?: ParamRule): Validated {
  const op = findOperation(call.product, call.version, call.action);
  if (!op) {
    const v: Violation = {
      rule: 'PROTO.UNKNOWN_ACTION',
      errors: allowed(undefined, 'InvalidApi.NotFound'),
      undocumented: false,
    };
    return { ok: false, refusal: refuse([v]) };
  }
  return validateFor(op, call, paramRule);
}

/** The parameters of `call` against `op`'s documented schema (the operation already found). */
export function validateFor(op: Operation, call: Pick<Call, 'params'>, paramRule?: ParamRule): Validated {
  const { params } = call;
  // Generated calls hold typed values the schema accepts unchanged, and most calls of a run are
  // such: `typedRequest` answers them without zod (40% of a model transition). It declines a
  // call whose required parameter is absent, null or '' (none is then missing).
  const typed = typedRequest(op.params, COMMON_PARAMS)(params);
  if (typed) return { ok: true, op, params: typed, edges: edgeRules(op, typed) };

  const required = requiredOf(op);
  if (required.some((p) => isMissing(params[p.name]))) {
    const missing = required.filter((p) => isMissing(params[p.name]));
    const legacy = legacyPairAction(op);
    const violations = missing.map(
      (p): Violation => ({
        rule: legacy ? 'LEGACY.CREATE.REQUIRED_PARAMS' : 'PROTO.MISSING_REQUIRED',
        // The legacy dialect is held to its own page: IncompleteParamter, never the modern
        // gateway's MissingParameter (issue 12: judged as strictly as the EBS calls).
        errors: legacy
          ? allowed(op, 'IncompleteParamter')
          : allowed(op, 'MissingParameter', `Missing${p.name}`, ...(p.missingCode ? [p.missingCode] : [])),
        undocumented: false,
      }),
    );
    const derived = missing.flatMap((p) => requiredRule(op, p.name) ?? []);
    const extra = legacy ? ['PROTO.MISSING_REQUIRED', 'PROTO.LEGACY_ERRORS', ...derived] : derived;
    return { ok: false, refusal: refuse(violations, extra) };
  }

  // The compiled check names what zod would find wrong with nearly all the rest (its error path
  // was 10% of a transition); zod decides the few it finds nothing wrong with.
  let problems = requestProblems(op.params, params);
  if (problems.length === 0) {
    const parsed = op.request.safeParse(ownParams(params));
    if (parsed.success) return { ok: true, op, params: parsed.data, edges: edgeRules(op, parsed.data) };
    problems = problemsOf(parsed.error.issues);
  }
  const legacy = legacyPairAction(op);
  const violations = problems.map((problem): Violation => {
    const { name } = problem;
    const p = op.params.find((x) => x.name === name);
    const rule = ruleForParam(op, problem, paramRule);
    // Too many items where the docs name the code for that: that code, and only it.
    const counted = p?.countCode !== undefined && problem.tooMany;
    const codes = counted ? [p.countCode as string] : ['InvalidParameter', `InvalidParameter.${name}`];
    if (p?.invalidCode && !counted) codes.push(p.invalidCode);
    if (legacy) codes.push('InvalidParamter');
    return { rule, errors: allowed(op, ...codes), undocumented: false };
  });
  const derived = problems.flatMap(({ name }) => brokenRules(op, name, params[name]));
  return { ok: false, refusal: refuse(violations, ['PROTO.INVALID_VALUE', ...derived]) };
}
