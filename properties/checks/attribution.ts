import type { Operation } from '../../api';
import { accountRules, codeAccount } from '../../api/rules/error-codes';
import { type CodeMeaning, meaningOf } from '../../model/code-meaning';

/**
 * Which rules a check failure names. The model names every rule that decided a call (its region,
 * its required parameters, RequestId, the status it needed...); a failure names only those its
 * mismatch breaks, so that the vitest suite fails exactly the rules a target breaks. Each helper
 * keeps the named rules its kind of mismatch can break and falls back to all of them only where
 * none of those was named (a call the tables below do not know yet): a failure never names a rule
 * the model did not name for the call.
 */

/** Every answer carries a RequestId, and a success no Code (api/rules/protocol.ts). */
export const REQUEST_ID_RULE = 'PROTO.SUCCESS_HAS_REQUEST_ID';
/** A Describe shows exactly what the accepted calls before it produced. */
export const PROJECTION_RULE = 'PROTO.DESCRIBE_IS_PROJECTION';

/** The named rules among `wanted`; all of `named` when none of them is (the fallback). */
export function narrowed(named: readonly string[], wanted: (rule: string) => boolean): string[] {
  const kept = named.filter(wanted);
  return kept.length > 0 ? kept : [...named];
}

/** The rules that say how a listing pages: its page size, its TotalCount, its pages adding up. */
const PAGING_RULES: ReadonlySet<string> = new Set([
  'PAIR.DESCRIBE.TOKEN_PAGING',
  'PAIR.DESCRIBE.NUMBERED_PAGING',
  'DISK.DESCRIBE.PAGING',
  'DRILL.PAIR.DESCRIBE.PAGING',
  'DRILL.GROUP.DESCRIBE.PAGING',
]);
/** A first page that cannot hold every row carries a NextToken: the NextToken field's own rule. */
const NEXT_TOKEN_RULE = 'PAIR.DESCRIBE.NEXT_TOKEN_WHEN_MORE';
/** The fields of a listing answer that page it rather than show its rows. */
const PAGING_FIELDS: ReadonlySet<string> = new Set([
  'TotalCount',
  'PageNumber',
  'PageSize',
  'NextToken',
  'MaxResults',
]);

/** A page larger than asked, a TotalCount its pages do not add up to, a row twice on a page. */
export const pagingRules = (named: readonly string[]): string[] =>
  narrowed(named, (r) => PAGING_RULES.has(r));

/** A row that differs from the model's, or one the model does not hold: what the listing shows. */
export const projectionRules = (named: readonly string[]): string[] =>
  narrowed(named, (r) => r === PROJECTION_RULE);

/**
 * A row the model holds missing from a page that must hold it: either the state lost it (the
 * listing is no projection of it) or the page dropped it (its paging is wrong); one answer cannot
 * tell which, so both.
 */
export const omissionRules = (named: readonly string[]): string[] =>
  narrowed(named, (r) => r === PROJECTION_RULE || PAGING_RULES.has(r));

/**
 * The rules that promise a field of a success, by the field's name (the answer's own, or a row's):
 * a field missing, present where it must not be, of the wrong form or with another value than the
 * model's breaks those of them the model named for the call. Keyed by field, not by operation:
 * the model's rules pick the operation (a new pair's ReplicaPairId is the EBS create's rule, its
 * absence from a legacy answer the legacy create's), and no operation is listed by hand here.
 */
const FIELD_RULES: Readonly<Record<string, readonly string[]>> = {
  ReplicaPairId: ['PAIR.CREATE.STARTS_CREATED', 'LEGACY.CREATE.RETURNS_PAIR_ID'],
  PairId: ['LEGACY.CREATE.RETURNS_PAIR_ID'],
  OrderId: ['PAIR.CREATE.PREPAY_NEEDS_PERIOD'],
  ReplicaGroupId: ['GROUP.CREATE.SETTLES_CREATED'],
  DiskId: ['DISK.CREATE.DEFAULTS'],
  DrillId: [
    'DRILL.PAIR.START.WHILE_REPLICATING',
    'DRILL.PAIR.START.OTHER_STATUSES',
    'DRILL.GROUP.START.WHILE_REPLICATING',
    'DRILL.GROUP.START.OTHER_STATUSES',
  ],
  Progress: ['PAIR.PROGRESS.FULL_ONCE_NORMAL'],
  RecoverPoint: ['PAIR.PROGRESS.RECOVER_POINT_AFTER_START'],
  PairIds: ['GROUP.DESCRIBE.MEMBERS'],
  PairNumber: ['GROUP.DESCRIBE.MEMBERS'],
};
export const FIELD_RULE_IDS: readonly string[] = [...new Set(Object.values(FIELD_RULES).flat())];

/** A listing states what each of its rows shows in a rule of this name (PAIR.DESCRIBE.FIELDS...). */
const ROW_FIELDS_RULE = /\.DESCRIBE\.FIELDS$/;

/**
 * The rules a field of a success breaks when it is missing, unwanted, malformed or another value
 * than the model's: RequestId and Code the protocol's, a paging field the listing's paging rules,
 * any other the rule that promises it (FIELD_RULES), and a row's field without one its listing's
 * fields rule.
 */
export function fieldRules(named: readonly string[], path: string): string[] {
  if (path === 'RequestId' || path === 'Code') return narrowed(named, (r) => r === REQUEST_ID_RULE);
  if (path === 'NextToken' && named.includes(NEXT_TOKEN_RULE)) return [NEXT_TOKEN_RULE];
  if (PAGING_FIELDS.has(path)) return pagingRules(named);
  const segments = path.split('.');
  const index = segments.findIndex((s) => /^\d+$/.test(s));
  const field = index < 0 ? segments[0] : segments[index + 1];
  const promised = FIELD_RULES[field ?? ''] ?? [];
  const kept = named.filter((r) => promised.includes(r));
  if (kept.length > 0) return kept;
  return index < 0 ? [...named] : narrowed(named, (r) => ROW_FIELDS_RULE.test(r));
}

/** A call repeated with its ClientToken answers as the first did (api/rules/tokens.ts). */
const REPLAY_RULE = 'TOKEN.SAME_PARAMS_SAME_RESULT';
/** The signature's own parameters are no part of a token's comparison. */
const SIGNATURE_PARAMS_RULE = 'TOKEN.SIGNATURE_PARAMS_IGNORED';
/** The code a service answers when it compared a token's parameters and found them different. */
const MISMATCH_CODE = 'IdempotentParameterMismatch';

/** A token already bound, with other parameters (api/rules/tokens.ts). */
const MISMATCH_RULE = 'TOKEN.OTHER_PARAMS_MISMATCH';

/**
 * A call refused for reusing a token with other parameters, answered otherwise, breaks that rule
 * alone: the model also names TOKEN.CASE_SENSITIVE there (the same string is the same token, the
 * rule's other case), but the string was the very one bound, so its letter case decided nothing.
 */
export const mismatchRules = (named: readonly string[]): readonly string[] =>
  named.includes(MISMATCH_RULE) ? [MISMATCH_RULE] : named;

/**
 * A refusal where the documentation accepts the call. A replay refused breaks the replay rule,
 * and, when the refusal says the parameters differ, possibly the rule that the signature's
 * parameters are not compared. Any other call: every rule that could have let it through, that
 * is all it was judged by but what a success's answer shows (RequestId): nothing in a refusal
 * says which condition the target believed broken.
 */
export function refusedAcceptanceRules(named: readonly string[], code: string): string[] {
  if (named.includes(REPLAY_RULE))
    return code === MISMATCH_CODE && named.includes(SIGNATURE_PARAMS_RULE)
      ? [REPLAY_RULE, SIGNATURE_PARAMS_RULE]
      : [REPLAY_RULE];
  return narrowed(named, (r) => r !== REQUEST_ID_RULE);
}

/** The generic refusals of a parameter, each deferring to the code a parameter's own rule states. */
const GENERIC_PARAMETER_RULES: ReadonlySet<string> = new Set([
  'PROTO.MISSING_REQUIRED',
  'PROTO.INVALID_VALUE',
]);

/** Meanings that say which kind of condition a service judged (code-meaning.ts). */
const TELLING: ReadonlySet<CodeMeaning> = new Set(['state', 'placement', 'parameter', 'not-found', 'quota']);

/** The rules a code is answered under on this operation (api/rules/error-codes.ts). */
const rulesOfCode = (op: Pick<Operation, 'product' | 'action'>, code: string): readonly string[] => {
  const account = codeAccount(op, code);
  return account ? accountRules(account) : [];
};

/**
 * A refusal answered with a wrong code or status breaks the conditions that refused it. Where a
 * parameter's own rule (PARAM.*) is among them, the generic protocol rule is not: it allows the
 * common codes "or the code the parameter documents", and the parameter's rule states that code.
 * Of two conditions refused at once, the docs give no order in which a service checks them, but
 * the code can show which one it judged: one the operation documents for one of them, answered
 * wrong here (a site code for the other site); else one whose meaning (a status, a placement...)
 * is the meaning of the codes documented for one of them (IncorrectPairStatus for the status
 * condition, not for an attached standby disk). A code that tells nothing (an authorization code,
 * a bare OperationDenied) names them all; so does a rule no documented code is accounted to (the
 * legacy dialect's codes, a parameter's own rule): it may state the same condition as the one
 * picked, and stays named with it.
 */
export function refusalRules(
  named: readonly string[],
  answered?: { readonly op: Pick<Operation, 'product' | 'action' | 'errors'>; readonly code: string },
): string[] {
  if (named.includes(MISMATCH_RULE)) return [...mismatchRules(named)];
  const specific = named.some((r) => r.startsWith('PARAM.'));
  const conditions = specific ? narrowed(named, (r) => !GENERIC_PARAMETER_RULES.has(r)) : [...named];
  if (!answered || conditions.length < 2) return conditions;
  const { op, code } = answered;
  const placed = new Set(op.errors.flatMap((e) => rulesOfCode(op, e.code)));
  const picking = (picked: readonly string[]) => {
    const kept = conditions.filter((r) => picked.includes(r));
    return kept.length > 0 ? conditions.filter((r) => kept.includes(r) || !placed.has(r)) : undefined;
  };
  const byAccount = picking(rulesOfCode(op, code));
  if (byAccount) return byAccount;
  const meaning = meaningOf(code);
  if (!TELLING.has(meaning)) return conditions;
  const meant = op.errors
    .filter((e) => meaningOf(e.code) === meaning)
    .flatMap((e) => rulesOfCode(op, e.code));
  return picking(meant) ?? conditions;
}
