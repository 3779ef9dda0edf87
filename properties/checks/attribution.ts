import { fieldOfPath } from '../../api/rules/responses';

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
 * The rules that promise a field of a success, by `product:Action field` (a `[]` path for the
 * rows of a listing, the row itself standing for each of its fields): a field missing, present
 * where it must not be, of the wrong shape or with another value than the model's breaks these.
 * Several candidates where the model names one of them depending on the state (a drill's DrillId).
 */
const FIELD_RULES: Readonly<Record<string, readonly string[]>> = {
  'ebs:CreateDiskReplicaPair ReplicaPairId': ['PAIR.CREATE.STARTS_CREATED'],
  'ebs:CreateDiskReplicaPair OrderId': ['PAIR.CREATE.PREPAY_NEEDS_PERIOD'],
  'ecs:CreateDiskReplicaPair PairId': ['LEGACY.CREATE.RETURNS_PAIR_ID'],
  'ecs:CreateDiskReplicaPair ReplicaPairId': ['LEGACY.CREATE.RETURNS_PAIR_ID'],
  'ebs:CreateDiskReplicaGroup ReplicaGroupId': ['GROUP.CREATE.SETTLES_CREATED'],
  'ecs:CreateDisk DiskId': ['DISK.CREATE.DEFAULTS'],
  'ebs:StartPairDrill DrillId': ['DRILL.PAIR.START.WHILE_REPLICATING', 'DRILL.PAIR.START.OTHER_STATUSES'],
  'ebs:StartReplicaGroupDrill DrillId': [
    'DRILL.GROUP.START.WHILE_REPLICATING',
    'DRILL.GROUP.START.OTHER_STATUSES',
  ],
  'ebs:DescribeDiskReplicaPairProgress Progress': ['PAIR.PROGRESS.FULL_ONCE_NORMAL'],
  'ebs:DescribeDiskReplicaPairProgress RecoverPoint': ['PAIR.PROGRESS.RECOVER_POINT_AFTER_START'],
  'ebs:DescribeDiskReplicaPairs ReplicaPairs[]': ['PAIR.DESCRIBE.FIELDS'],
  'ebs:DescribeDiskReplicaGroups ReplicaGroups[].PairIds': ['GROUP.DESCRIBE.MEMBERS'],
  'ebs:DescribeDiskReplicaGroups ReplicaGroups[].PairNumber': ['GROUP.DESCRIBE.MEMBERS'],
  'ecs:DescribeDisks Disks.Disk[]': ['DISK.DESCRIBE.FIELDS'],
  'ebs:DescribePairDrills Drills[]': ['DRILL.PAIR.DESCRIBE.FIELDS'],
  'ebs:DescribeReplicaGroupDrills Drills[]': ['DRILL.GROUP.DESCRIBE.FIELDS'],
};
export const FIELD_RULE_KEYS: readonly string[] = Object.keys(FIELD_RULES);

/**
 * The rules a field of a success breaks when it is missing, unwanted, malformed or another value
 * than the model's: RequestId and Code the protocol's, a paging field the listing's paging rules,
 * any other the rule that promises it (FIELD_RULES, the nearest enclosing path first).
 */
export function fieldRules(
  op: { readonly product: string; readonly action: string },
  named: readonly string[],
  path: string,
): string[] {
  if (path === 'RequestId' || path === 'Code') return narrowed(named, (r) => r === REQUEST_ID_RULE);
  if (path === 'NextToken' && named.includes(NEXT_TOKEN_RULE)) return [NEXT_TOKEN_RULE];
  if (PAGING_FIELDS.has(path)) return pagingRules(named);
  const segments = fieldOfPath(path).split('.');
  for (let n = segments.length; n > 0; n--) {
    const field = segments.slice(0, n).join('.');
    const promised =
      FIELD_RULES[`${op.product}:${op.action} ${field}`] ??
      FIELD_RULES[`${op.product}:${op.action} ${field}[]`];
    if (promised) return narrowed(named, (r) => promised.includes(r));
  }
  return [...named];
}

/** A call repeated with its ClientToken answers as the first did (api/rules/tokens.ts). */
const REPLAY_RULE = 'TOKEN.SAME_PARAMS_SAME_RESULT';
/** The signature's own parameters are no part of a token's comparison. */
const SIGNATURE_PARAMS_RULE = 'TOKEN.SIGNATURE_PARAMS_IGNORED';
/** The code a service answers when it compared a token's parameters and found them different. */
const MISMATCH_CODE = 'IdempotentParameterMismatch';

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

/**
 * A refusal answered with a wrong code or status breaks the conditions that refused it. Where a
 * parameter's own rule (PARAM.*) is among them, the generic protocol rule is not: it allows the
 * common codes "or the code the parameter documents", and the parameter's rule states that code.
 * Two conditions refused at once stay named together: the docs give no order in which a service
 * checks them, so an answer wrong for both cannot be laid at one.
 */
export function refusalRules(named: readonly string[]): string[] {
  const specific = named.some((r) => r.startsWith('PARAM.'));
  return specific ? narrowed(named, (r) => !GENERIC_PARAMETER_RULES.has(r)) : [...named];
}
