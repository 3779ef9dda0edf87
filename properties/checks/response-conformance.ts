import { fieldRules, REQUEST_ID_RULE } from './attribution';
import { type Check, type CheckContext, type CheckFailure, failure, show } from './check';
import { judgedByFieldRule, judgeOnce } from './response-fields';

/** A success matches the operation's documented response schema. */
export const response_schema_conformance: Check = (ctx) => {
  const { answer, operation } = ctx;
  if (answer.kind === 'undecodable')
    return failure(
      'response_schema_conformance',
      'schema',
      ctx,
      `the ${operation.action} answer does not decode`,
    );
  if (answer.kind !== 'success') return undefined;
  // A value outside a documented list is a finding of its own (undocumented_values), and a value
  // of the wrong form the field rule's (response_field_conformance): neither is this check's.
  const issue = judgeOnce(operation, answer.body).issues.find(
    (i) => !judgedByFieldRule(operation, answer.body, i.path),
  );
  if (!issue) return undefined;
  const found = failure(
    'response_schema_conformance',
    'schema',
    ctx,
    `the ${operation.action} response does not match its documented schema at ${issue.path}`,
    `${issue.path}: ${issue.message}`,
    show(at(answer.body, issue.path === '(body)' ? [] : issue.path.split('.'))),
  );
  // A body that is no object at all promises nothing narrower: every rule of the call.
  return issue.path === '(body)' ? found : { ...found, rules: fieldRules(found.rules, issue.path) };
};

/**
 * The values of a success outside a documented value list (a new status, a new resource type):
 * the field with row indices as `*`, the value, and what the docs list. Not a registered check:
 * the session reports them as findings, and as a nonconformance only when the run is strict.
 */
export function undocumented_values(
  ctx: Pick<CheckContext, 'answer' | 'operation'>,
): { field: string; value: string; documented: readonly string[] }[] {
  if (ctx.answer.kind !== 'success') return [];
  return judgeOnce(ctx.operation, ctx.answer.body).undocumented.map((u) => ({
    field: u.path.replace(/\.\d+(?=\.|$)/g, '.*'),
    value: u.value,
    documented: u.documented,
  }));
}

/** An error body carries RequestId and Code, as every RPC gateway error does. */
export const error_shape_conformance: Check = (ctx) => {
  const { answer } = ctx;
  if (answer.kind !== 'error') return undefined;
  const { RequestId, Code } = answer.body;
  const hasRequestId = typeof RequestId === 'string' && RequestId !== '';
  if (hasRequestId && typeof Code === 'string') return undefined;
  const found = failure(
    'error_shape_conformance',
    'schema',
    ctx,
    'the error body lacks RequestId or Code',
    '{RequestId, Code, Message}',
    show(answer.body),
  );
  // A missing RequestId breaks the protocol's rule; a missing Code leaves the refusal's code
  // unjudged, so it breaks the rules that decided the refusal.
  if (!hasRequestId && typeof Code === 'string') return { ...found, rules: [REQUEST_ID_RULE] };
  return hasRequestId ? found : { ...found, rules: [REQUEST_ID_RULE, ...found.rules] };
};

/** The model marks a call replayed with a ClientToken it has seen with the same parameters by this rule. */
export const REPLAY_RULE = 'TOKEN.SAME_PARAMS_SAME_RESULT';

/**
 * Fields the model names: present, absent, or equal to a value (echoed IDs, the new pair's
 * status...). Each failure names the rule that promises its field; a replay's values are the
 * first call's, so another value there breaks the replay rule.
 */
export const response_facts_conformance: Check = (ctx) => {
  const { answer, expectation } = ctx;
  if (answer.kind !== 'success' || expectation.kind !== 'success') return undefined;
  for (const field of expectation.present)
    if (atField(answer.body, field) === undefined)
      return namedFor(
        field,
        failure(
          'response_facts_conformance',
          'schema',
          ctx,
          `the ${ctx.operation.action} response lacks ${field}`,
          `${field} present`,
          'absent',
        ),
      );
  for (const field of expectation.absent)
    if (atField(answer.body, field) !== undefined)
      return namedFor(
        field,
        failure(
          'response_facts_conformance',
          'schema',
          ctx,
          `the ${ctx.operation.action} response carries ${field}`,
          `no ${field}`,
          show(atField(answer.body, field)),
        ),
      );
  for (const [field, value] of Object.entries(expectation.facts)) {
    // On a shared target, counts include resources other runs own.
    if (field === 'TotalCount' && !ctx.isolated) continue;
    const got = atField(answer.body, field);
    if (got !== value && show(got) !== show(value))
      return namedFor(
        field,
        failure(
          'response_facts_conformance',
          'state',
          ctx,
          `${ctx.operation.action} answered ${field}=${show(got)}`,
          `${field}=${show(value)}`,
          `${field}=${show(got)}`,
        ),
        expectation.rules.includes(REPLAY_RULE),
      );
  }
  return undefined;
};

/**
 * A facts failure named by the rule that promises its field; a replay's values are the first
 * call's, so another value there (`replayValue`) breaks the replay rule. Module-level rather than
 * a closure per call: the check runs on every success.
 */
const namedFor = (field: string, f: CheckFailure, replayValue = false): CheckFailure => ({
  ...f,
  rules: replayValue && field !== 'RequestId' ? [REPLAY_RULE] : fieldRules(f.rules, field),
});

/** The value at a dotted field path (`Disks.Disk`); a plain name (most of them) is read without splitting it. */
function atField(body: unknown, field: string): unknown {
  if (field.includes('.')) return at(body, field.split('.'));
  return body && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined;
}

export function at(body: unknown, path: readonly PropertyKey[]): unknown {
  let here: unknown = body;
  for (const key of path)
    here = here && typeof here === 'object' ? (here as Record<PropertyKey, unknown>)[key] : undefined;
  return here;
}
