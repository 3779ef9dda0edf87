import {
  decodeCsv,
  decodeJsonArray,
  isTooManyItems,
  type Param,
  type RequestIssue,
  typedParse,
  UNSURE,
} from './param';

/**
 * What a refusal of one parameter says, as far as a judge reads it: the parameter, whether a
 * list held more items than its kind allows (the code some docs name for that), and which item
 * fields were at fault (a tag's `Key` or `Value`; '' for the value or an item as a whole).
 * Both the request schema's issues (`problemsOf`) and the compiled check (`requestProblems`)
 * answer in this form, so a test can hold them equal.
 */
export interface ParamProblem {
  readonly name: string;
  readonly tooMany: boolean;
  /** Sorted, each once. */
  readonly fields: readonly string[];
}

type Found = Omit<ParamProblem, 'name'>;
type Check = (v: unknown) => Found | undefined;

const WHOLE: Found = { tooMany: false, fields: [''] };
const TOO_MANY: Found = { tooMany: true, fields: [''] };

/** The request schema's issues, read as problems: one per parameter, in the order zod found them. */
export function problemsOf(issues: readonly RequestIssue[]): ParamProblem[] {
  const byName = new Map<string, { tooMany: boolean; fields: Set<string> }>();
  for (const issue of issues) {
    const name = String(issue.path[0] ?? '');
    let found = byName.get(name);
    if (!found) {
      found = { tooMany: false, fields: new Set() };
      byName.set(name, found);
    }
    found.tooMany ||= isTooManyItems(issue);
    found.fields.add(String(issue.path[2] ?? ''));
  }
  return [...byName].map(([name, f]) => ({ name, tooMany: f.tooMany, fields: [...f.fields].sort() }));
}

const within = (text: unknown, max: number, pattern: RegExp | undefined, min = 0): boolean => {
  if (typeof text !== 'string' || text.length < min || text.length > max) return false;
  if (!pattern) return true;
  pattern.lastIndex = 0;
  return pattern.test(text);
};

/**
 * zod (4.x) refuses a list past its maximum before it reads one item (its size cap), so that
 * issue comes alone; otherwise each item is judged, and an object item by its own fields.
 */
function tagsCheck(k: Extract<Param['kind'], { type: 'tags' }>): Check {
  return (v) => {
    if (!Array.isArray(v)) return WHOLE;
    if (v.length > k.maxItems) return TOO_MANY;
    let fields: Set<string> | undefined;
    for (const t of v) {
      const at = (field: string) => {
        fields ??= new Set();
        fields.add(field);
      };
      if (typeof t !== 'object' || t === null || Array.isArray(t)) {
        at('');
        continue;
      }
      const { Key, Value } = t as Record<string, unknown>;
      if (!within(Key, 128, k.keyPattern, 1)) at('Key');
      if (Value !== undefined && !within(Value, 128, k.valuePattern)) at('Value');
    }
    return fields ? { tooMany: false, fields: [...fields].sort() } : undefined;
  };
}

/** What a list kind's wire string decodes to, before its items are judged. */
const DECODE: Readonly<Record<'jsonArray' | 'csv' | 'repeated', (text: string) => unknown>> = {
  jsonArray: decodeJsonArray,
  csv: decodeCsv,
  repeated: (text) => [text],
};

/**
 * The typed parse is exact for every other kind (it accepts what the schema accepts); a list
 * refused is too long when the value, or what its wire string decodes to, is an over-long array:
 * the list branch of the schema's union then fails on its size cap alone.
 */
function kindCheck(p: Param): Check {
  const k = p.kind;
  if (k.type === 'tags') return tagsCheck(k);
  const parse = typedParse(p);
  if (k.type !== 'jsonArray' && k.type !== 'csv' && k.type !== 'repeated')
    return (v) => (parse(v) === UNSURE ? WHOLE : undefined);
  const decode = DECODE[k.type];
  return (v) => {
    if (parse(v) !== UNSURE) return undefined;
    const list = typeof v === 'string' ? decode(v) : v;
    return Array.isArray(list) && list.length > k.maxItems ? TOO_MANY : WHOLE;
  };
}

const checks = new WeakMap<Param, Check>();

/** One parameter's compiled check: the problem the request schema finds with a value, or undefined. */
export function paramProblem(p: Param): Check {
  let check = checks.get(p);
  if (!check) {
    check = kindCheck(p);
    checks.set(p, check);
  }
  return check;
}

/**
 * The problems the request schema finds with a call's own parameters, without zod: what
 * `problemsOf(schema.safeParse(own).error.issues)` answers (api/param-problems.test.ts holds
 * them equal), for a call whose required parameters are present. Empty: the schema accepts.
 */
export function requestProblems(
  params: readonly Param[],
  own: Readonly<Record<string, unknown>>,
): ParamProblem[] {
  const out: ParamProblem[] = [];
  for (const p of params) {
    const v = own[p.name];
    if (v === undefined) continue;
    const found = paramProblem(p)(v);
    if (found) out.push({ name: p.name, ...found });
  }
  return out;
}
