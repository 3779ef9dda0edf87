import { judgeResponse, type Operation, type ResponseJudgement } from '../../api';
import { ruleAtPath } from '../../api/rules/responses';
import { type Check, failure, show } from './check';
import { at } from './response-conformance';

/**
 * The form of each documented response field (api/rules/responses.ts): a value present in a
 * success that is not of its field's form fails the field's own rule. A field left out is the
 * schema check's (response_schema_conformance judges the answer's shape and skips what this
 * judges), a listed string outside its list an undocumented value: neither is judged twice.
 */
export const response_field_conformance: Check = (ctx) => {
  const { answer, operation } = ctx;
  if (answer.kind !== 'success') return undefined;
  const issue = fieldIssues(operation, answer.body)[0];
  if (!issue) return undefined;
  return {
    ...failure(
      'response_field_conformance',
      'schema',
      ctx,
      `the ${operation.action} response has ${issue.path} of the wrong form`,
      `${issue.path}: ${issue.message}`,
      show(at(answer.body, issue.path.split('.'))),
    ),
    rules: [issue.rule],
  };
};

/** The judgement of one body, kept while the checks of one answer run (each reads it). */
let last: { op: Operation; body: unknown; judgement: ResponseJudgement } | undefined;

export function judgeOnce(op: Operation, body: unknown): ResponseJudgement {
  if (last?.op === op && last.body === body) return last.judgement;
  const judgement = judgeResponse(op.response, body);
  last = { op, body, judgement };
  return judgement;
}

/** The schema issues of a success that a field rule judges: a value is there, of the wrong form. */
export function fieldIssues(op: Operation, body: unknown): { path: string; message: string; rule: string }[] {
  const out: { path: string; message: string; rule: string }[] = [];
  for (const issue of judgeOnce(op, body).issues) {
    const rule = ruleAtPath(op, issue.path);
    if (rule && at(body, issue.path.split('.')) !== undefined) out.push({ ...issue, rule });
  }
  return out;
}

/** Whether a field rule judges this issue (the schema check then leaves it alone). */
export const judgedByFieldRule = (op: Operation, body: unknown, path: string): boolean =>
  ruleAtPath(op, path) !== undefined && at(body, path.split('.')) !== undefined;

/** The rule of a listed field named as undocumented_values names it (`ReplicaPairs.*.Status`). */
export function listedValueRules(op: Operation, field: string): string[] {
  const rule = ruleAtPath(op, field.replace(/\.\*(?=\.|$)/g, '.0'));
  return rule ? [rule] : [];
}
