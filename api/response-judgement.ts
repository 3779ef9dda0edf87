import type { z } from 'zod';
import { surelyAccepts } from './response-check';

/**
 * Judging a success body against its documented schema, field by field. Two kinds of finding:
 * a schema issue (a field missing, of the wrong type or format: the answer does not match the
 * docs) and an undocumented value (a string outside a documented value list, such as a new
 * status or resource type: the docs are behind the service, or the service is off them). An
 * undocumented value is reported on its own and fails a run only when it is strict; it never
 * makes the rest of the answer unreadable. Unknown extra fields are ignored (objects strip them).
 */
export interface SchemaIssue {
  /** Dotted path of the field (`ReplicaPairs.0.Status`), `(body)` for the whole answer. */
  readonly path: string;
  readonly message: string;
}

export interface UndocumentedValue {
  readonly path: string;
  readonly value: string;
  /** The values the docs list for that field. */
  readonly documented: readonly string[];
}

export interface ResponseJudgement {
  readonly issues: readonly SchemaIssue[];
  readonly undocumented: readonly UndocumentedValue[];
}

type Issue = z.core.$ZodIssue;
type Key = PropertyKey;

const pathText = (path: readonly Key[]) => path.map(String).join('.') || '(body)';

function valueAt(body: unknown, path: readonly Key[]): unknown {
  let here = body;
  for (const key of path)
    here = here && typeof here === 'object' ? (here as Record<Key, unknown>)[key as string] : undefined;
  return here;
}

/**
 * The documented values an issue says a string missed, or undefined when the issue is something
 * else. A union of value lists (`StatusMessage`: a documented message or '') counts when every
 * branch failed only on its list.
 */
function documentedValues(issue: Issue): string[] | undefined {
  if (issue.code === 'invalid_value') {
    return issue.values.every((v) => typeof v === 'string') ? (issue.values as string[]) : undefined;
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const branches = issue.errors.map((branch) =>
      branch.length > 0 && branch.every((i) => i.path.length === 0)
        ? branch.map(documentedValues)
        : [undefined],
    );
    const flat = branches.flat();
    if (flat.some((v) => v === undefined)) return undefined;
    return [...new Set((flat as string[][]).flat())];
  }
  return undefined;
}

/** The last judgement of each answer body: a check and the session's findings both ask for it. */
const judged = new WeakMap<object, { readonly schema: z.ZodType; readonly judgement: ResponseJudgement }>();

export function judgeResponse(schema: z.ZodType, body: unknown): ResponseJudgement {
  if (typeof body !== 'object' || body === null) return judgeAfresh(schema, body);
  const last = judged.get(body);
  if (last?.schema === schema) return last.judgement;
  const judgement = judgeAfresh(schema, body);
  judged.set(body, { schema, judgement });
  return judgement;
}

function judgeAfresh(schema: z.ZodType, body: unknown): ResponseJudgement {
  // Nearly every answer conforms: the compiled test says so without zod, which then judges the rest.
  if (surelyAccepts(schema, body)) return { issues: [], undocumented: [] };
  const parsed = schema.safeParse(body);
  if (parsed.success) return { issues: [], undocumented: [] };
  const issues: SchemaIssue[] = [];
  const undocumented: UndocumentedValue[] = [];
  for (const issue of parsed.error.issues) {
    const path = pathText(issue.path);
    const value = valueAt(body, issue.path);
    const documented = documentedValues(issue);
    if (documented && typeof value === 'string') undocumented.push({ path, value, documented });
    else issues.push({ path, message: issue.message });
  }
  return { issues, undocumented };
}

/** Whether the answer matches its schema; with `strict`, undocumented values count against it too. */
export const conformsToSchema = (j: ResponseJudgement, strict = false): boolean =>
  j.issues.length === 0 && (!strict || j.undocumented.length === 0);
