import { findOperation, isTooManyItems, type Operation, type RequestIssue, typedParse, UNSURE } from '../api';
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
  (name) =>
    PAGING.has(name) ? ruleId : undefined;

function ruleForParam(
  op: Operation,
  name: string,
  issues: readonly RequestIssue[] = [],
  own: ParamRule | undefined = undefined,
): string {
  const ownRule = own?.(name, issues);
  if (ownRule) return ownRule;
  if (name === 'Description') return op.product === 'ebs' ? DESCRIPTION_RULE : 'PROTO.INVALID_VALUE';
  return PARAM_RULES[name] ?? 'PROTO.INVALID_VALUE';
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

type TypedParse = (own: Record<string, unknown>) => Record<string, unknown> | undefined;
const typedParsers = new WeakMap<Operation, TypedParse>();

/**
 * Generated calls hold typed values the schema accepts unchanged, and most calls of a run are
 * such: parsed by `typedParse`, compiled once per operation, they skip zod (40% of a model
 * transition). The answer is what the schema answers: its keys in the schema's order, then the
 * undocumented ones. Whatever the check is unsure of (undefined: wire strings, null, anything
 * invalid) goes to the schema, which also names what is wrong.
 */
export function typedParams(
  op: Operation,
  own: Record<string, unknown>,
): Record<string, unknown> | undefined {
  let parse = typedParsers.get(op);
  if (!parse) {
    const parsers = op.params.map((p) => [p.name, p.required, typedParse(p)] as const);
    const known = new Set(op.params.map((p) => p.name));
    parse = (input) => {
      const out: Record<string, unknown> = {};
      for (const [name, required, parse] of parsers) {
        if (!(name in input)) {
          if (required) return undefined;
          continue;
        }
        const v = parse(input[name]);
        if (v === UNSURE) return undefined;
        out[name] = v;
      }
      for (const name in input) if (!known.has(name)) out[name] = input[name];
      return out;
    };
    typedParsers.set(op, parse);
  }
  return parse(own);
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
  const own: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(call.params)) if (!COMMON_PARAMS.has(k)) own[k] = v;

  const missing = op.params.filter((p) => p.required && isMissing(own[p.name]));
  if (missing.length > 0) {
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

  const typed = typedParams(op, own);
  if (typed) return { ok: true, op, params: typed, edges: edgeRules(op, typed) };
  const parsed = op.request.safeParse(own);
  if (parsed.success) return { ok: true, op, params: parsed.data, edges: edgeRules(op, parsed.data) };
  const names = new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')));
  const issuesOf = (name: string) => parsed.error.issues.filter((i) => String(i.path[0] ?? '') === name);
  const violations: Violation[] = [...names].map((name) => {
    const p = op.params.find((x) => x.name === name);
    const rule = ruleForParam(op, name, issuesOf(name), paramRule);
    // Too many items where the docs name the code for that: that code, and only it.
    const counted = p?.countCode !== undefined && issuesOf(name).some(isTooManyItems);
    const codes = counted ? [p.countCode as string] : ['InvalidParameter', `InvalidParameter.${name}`];
    if (p?.invalidCode && !counted) codes.push(p.invalidCode);
    if (legacyPairAction(op)) codes.push('InvalidParamter');
    return { rule, errors: allowed(op, ...codes), undocumented: false };
  });
  const derived = [...names].flatMap((name) => brokenRules(op, name, own[name]));
  return { ok: false, refusal: refuse(violations, ['PROTO.INVALID_VALUE', ...derived]) };
}
