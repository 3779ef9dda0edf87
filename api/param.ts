import { z } from 'zod';

/**
 * One documented request parameter, as data. The request zod schema of an operation is built
 * from these, so `ebs-conformance spec --json` and validation cannot disagree.
 *
 * Every schema accepts both the typed value a client holds (number, boolean, array) and the
 * string that travels on the wire, and outputs the typed value.
 */
export type ParamKind =
  | {
      type: 'string';
      enum?: readonly string[];
      minLength?: number;
      maxLength?: number;
      pattern?: RegExp;
      ascii?: boolean;
    }
  | { type: 'integer'; min?: number; max?: number; enum?: readonly number[] }
  | { type: 'boolean' }
  /** `Tag.N.Key` / `Tag.N.Value` on the wire, `[{Key, Value}]` typed. */
  | { type: 'tags'; maxItems: number; keyPattern?: RegExp; valuePattern?: RegExp }
  /** A JSON array in one string parameter (`DiskIds=["d-1","d-2"]`). */
  | { type: 'jsonArray'; maxItems: number }
  /** Comma-separated IDs in one string parameter (`PairIds=pair-1,pair-2`). */
  | { type: 'csv'; maxItems: number }
  /** A repeated parameter: `ResourceId.1`, `ResourceId.2` on the wire, `['a', 'b']` typed. */
  | { type: 'repeated'; maxItems: number };

export interface Param {
  readonly name: string;
  readonly required: boolean;
  readonly kind: ParamKind;
  /** What the parameter means, in our words. */
  readonly description: string;
  readonly default?: string | number | boolean;
  /** A documented specific code for a malformed value, when the docs name one. */
  readonly invalidCode?: string;
  /** A documented specific code for a list holding more items than allowed, when the docs name one. */
  readonly countCode?: string;
  /** A documented specific code for a missing value, when the docs name one. */
  readonly missingCode?: string;
  /**
   * Bounds of the kind that no documentation states: the catalogue's own guard (an ID of at most
   * 64 characters). They are enforced like the rest, but no documented rule is derived from them
   * (api/rules/params.ts).
   */
  readonly guard?: readonly ('length' | 'range')[];
}

/** The name and kind keep their literal types, so request types can be derived from a param list. */
export const param = <const N extends string, const K extends ParamKind>(
  name: N,
  kind: K,
  description: string,
  extra: Partial<Omit<Param, 'name' | 'kind' | 'description' | 'required'>> = {},
): Param & { readonly name: N; readonly kind: K; readonly required: false } => ({
  name,
  kind,
  description,
  ...extra,
  required: false,
});

export const required = <P extends Param>(p: P): Omit<P, 'required'> & { readonly required: true } => ({
  ...p,
  required: true,
});

const INTEGER_TEXT = /^-?\d+$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function integerSchema(kind: Extract<ParamKind, { type: 'integer' }>) {
  let n = z.number().int();
  if (kind.min !== undefined) n = n.min(kind.min);
  if (kind.max !== undefined) n = n.max(kind.max);
  const base = z.union([n, z.string().regex(INTEGER_TEXT).transform(Number).pipe(n)]);
  if (!kind.enum) return base;
  const allowed = kind.enum;
  return base.refine((v) => allowed.includes(v), { message: `must be one of ${allowed.join(', ')}` });
}

function stringSchema(kind: Extract<ParamKind, { type: 'string' }>) {
  if (kind.enum) return z.enum(kind.enum as [string, ...string[]]);
  let s = z.string();
  if (kind.minLength !== undefined) s = s.min(kind.minLength);
  if (kind.maxLength !== undefined) s = s.max(kind.maxLength);
  if (kind.pattern) s = s.regex(kind.pattern);
  if (kind.ascii) s = s.regex(PRINTABLE_ASCII, 'must be printable ASCII');
  return s;
}

const booleanSchema = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

function listSchema(maxItems: number, decode: (s: string) => unknown) {
  const list = z.array(z.string().min(1)).max(maxItems);
  return z.union([list, z.string().transform(decode).pipe(list)]);
}

export function decodeJsonArray(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const decodeCsv = (text: string): string[] =>
  text === '' ? [] : text.includes(',') ? text.split(',').map((s) => s.trim()) : [text.trim()];

export function paramSchema(p: Param): z.ZodType {
  const k = p.kind;
  switch (k.type) {
    case 'string':
      return stringSchema(k);
    case 'integer':
      return integerSchema(k);
    case 'boolean':
      return booleanSchema;
    case 'tags': {
      let key = z.string().min(1).max(128);
      let value = z.string().max(128);
      if (k.keyPattern) key = key.regex(k.keyPattern);
      if (k.valuePattern) value = value.regex(k.valuePattern);
      return z.array(z.object({ Key: key, Value: value.optional() })).max(k.maxItems);
    }
    case 'jsonArray':
      return listSchema(k.maxItems, decodeJsonArray);
    case 'csv':
      return listSchema(k.maxItems, decodeCsv);
    case 'repeated':
      // One value without `.N` is a list of one.
      return listSchema(k.maxItems, (text) => [text]);
  }
}

/** What `typedParse` answers when only the zod schema can tell. */
export const UNSURE: unique symbol = Symbol('unsure');

const matches = (pattern: RegExp | undefined, text: string): boolean => {
  if (!pattern) return true;
  pattern.lastIndex = 0;
  return pattern.test(text);
};

const isIdList = (v: unknown, maxItems: number): boolean =>
  Array.isArray(v) && v.length <= maxItems && v.every((s: unknown) => typeof s === 'string' && s.length >= 1);

/**
 * A parser compiled from the same data as `paramSchema`, for the values a run's generators hold
 * and the strings a gateway receives: it answers the schema's output where the schema surely
 * accepts the value (a number or its decimal text in an integer slot, a string in a string slot,
 * `true`/`false`, an ID list typed or as its wire string), and UNSURE for anything else (a value
 * to refuse, `null`, a tag with extra keys), which the zod schema then decides and explains.
 */
export function typedParse(p: Param): (v: unknown) => unknown {
  const k = p.kind;
  const when = (accepts: (v: unknown) => boolean) => (v: unknown) => (accepts(v) ? v : UNSURE);
  switch (k.type) {
    case 'string': {
      if (k.enum) {
        const allowed = new Set<unknown>(k.enum);
        return when((v) => allowed.has(v));
      }
      const { minLength = 0, maxLength = Number.POSITIVE_INFINITY, pattern, ascii } = k;
      return when((v) => {
        if (typeof v !== 'string' || v.length < minLength || v.length > maxLength) return false;
        if (pattern) {
          pattern.lastIndex = 0;
          if (!pattern.test(v)) return false;
        }
        return !ascii || PRINTABLE_ASCII.test(v);
      });
    }
    case 'integer': {
      const { min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY } = k;
      const allowed = k.enum ? new Set<unknown>(k.enum) : undefined;
      return (v) => {
        const n = typeof v === 'string' && INTEGER_TEXT.test(v) ? Number(v) : v;
        return typeof n === 'number' &&
          Number.isSafeInteger(n) &&
          n >= min &&
          n <= max &&
          (!allowed || allowed.has(n))
          ? n
          : UNSURE;
      };
    }
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : UNSURE);
    case 'tags': {
      // zod answers a plain object for any other (a tag without a prototype, as fast-check may
      // draw one): those are copied as zod would, and tags of any other prototype left to it.
      const tag = (t: unknown): unknown => {
        if (typeof t !== 'object' || t === null) return UNSURE;
        const proto = Object.getPrototypeOf(t);
        if (proto !== Object.prototype && proto !== null) return UNSURE;
        let keys = 0;
        for (const _ in t) keys++;
        const { Key, Value } = t as Record<string, unknown>;
        const valued = 'Value' in t;
        if (keys !== (valued ? 2 : 1) || typeof Key !== 'string' || Key.length < 1 || Key.length > 128)
          return UNSURE;
        if (!matches(k.keyPattern, Key)) return UNSURE;
        if (valued && (typeof Value !== 'string' || Value.length > 128 || !matches(k.valuePattern, Value)))
          return UNSURE;
        if (proto === Object.prototype) return t;
        return valued ? { Key, Value } : { Key };
      };
      return (v) => {
        if (!Array.isArray(v) || v.length > k.maxItems) return UNSURE;
        let copy: unknown[] | undefined;
        for (let i = 0; i < v.length; i++) {
          const t = tag(v[i]);
          if (t === UNSURE) return UNSURE;
          if (t !== v[i]) {
            copy ??= v.slice();
            copy[i] = t;
          }
        }
        return copy ?? v;
      };
    }
    case 'repeated':
      // One value without `.N` is a list of one.
      return (v) => (isIdList(v, k.maxItems) ? v : typeof v === 'string' && v !== '' ? [v] : UNSURE);
    case 'jsonArray':
    case 'csv': {
      const decode = k.type === 'csv' ? decodeCsv : decodeJsonArray;
      return (v) => {
        if (isIdList(v, k.maxItems)) return v;
        if (typeof v !== 'string') return UNSURE;
        const list = decode(v);
        return isIdList(list, k.maxItems) ? list : UNSURE;
      };
    }
  }
}

/** A request's parameters as its request schema outputs them, or undefined where only the schema can tell. */
export type TypedRequest = (own: Readonly<Record<string, unknown>>) => Record<string, unknown> | undefined;

const typedRequests = new WeakMap<readonly Param[], Map<ReadonlySet<string> | undefined, TypedRequest>>();

/**
 * `typedParse` over an operation's parameter list, compiled once per list: what `requestSchema`
 * answers (its keys in the schema's order, then the undocumented ones) for the parameters every
 * `typedParse` accepts, without zod (the call itself where it already is that; never to be
 * changed); undefined when one is unsure, or a required one is absent or '' (which gateways call
 * missing). Names in `ignored` (a protocol's common parameters, which
 * no operation documents) are left out of the answer, as a caller leaves them out of what it
 * hands the schema.
 */
export function typedRequest(params: readonly Param[], ignored?: ReadonlySet<string>): TypedRequest {
  let compiled = typedRequests.get(params);
  if (!compiled) {
    compiled = new Map();
    typedRequests.set(params, compiled);
  }
  let parse = compiled.get(ignored);
  if (parse) return parse;
  parse = compileRequest(params, ignored);
  compiled.set(ignored, parse);
  return parse;
}

/** A parameter the call does not hold (a value no parser answers). */
const ABSENT: unique symbol = Symbol('absent');

/**
 * The parser of one list. It walks the call's own keys, not the documented names (an operation
 * documents up to thirty, a call holds a few: looking each name up in every call was a tenth of
 * a model transition), and hands back the call itself when that is already what the schema
 * outputs: every value as typed, keys in the schema's order, nothing to leave out.
 */
function compileRequest(params: readonly Param[], ignored: ReadonlySet<string> | undefined): TypedRequest {
  const names = params.map((p) => p.name);
  const required = params.map((p) => p.required);
  const requiredCount = required.filter(Boolean).length;
  const parsers = params.map(typedParse);
  const index = new Map(names.map((name, i) => [name, i]));
  const skipped = new Set([...names, ...(ignored ?? [])]);
  // The parsed values by parameter, reused from call to call (a parse never re-enters).
  const values: unknown[] = names.map(() => ABSENT);
  // The parameters whose typed value is not the call's (a list from its wire string), reused too.
  const changed: number[] = [];
  const decline = () => {
    values.fill(ABSENT);
    changed.length = 0;
    return undefined;
  };
  return (input) => {
    const proto = Object.getPrototypeOf(input);
    // Documented names a prototype holds are the schema's to read.
    if (proto !== Object.prototype && proto !== null) return undefined;
    const keys = Object.keys(input);
    let ordered = proto === Object.prototype;
    let last = -1;
    let undocumented = false;
    let requiredSeen = 0;
    for (const key of keys) {
      const i = index.get(key);
      if (i === undefined) {
        if (ignored?.has(key)) ordered = false;
        else undocumented = true;
        continue;
      }
      const given = input[key];
      if (required[i]) {
        if (given === '') return decline();
        requiredSeen++;
      }
      const v = (parsers[i] as (v: unknown) => unknown)(given);
      if (v === UNSURE) return decline();
      values[i] = v;
      if (v !== given) changed.push(i);
      if (undocumented || i < last) ordered = false;
      last = i;
    }
    if (requiredSeen < requiredCount) return decline();
    if (ordered) {
      // The call's keys already in the schema's order: the call itself, or a copy of it with
      // the values its parse changed (a copy of one shape, then stores to keys it has).
      let out = input as Record<string, unknown>;
      if (changed.length > 0) {
        out = { ...input };
        for (const i of changed) out[names[i] as string] = values[i];
      }
      decline();
      return out;
    }
    const out: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++)
      if (values[i] !== ABSENT) {
        out[names[i] as string] = values[i];
        values[i] = ABSENT;
      }
    changed.length = 0;
    if (undocumented) for (const key of keys) if (!skipped.has(key)) out[key] = input[key];
    return out;
  };
}

/** The request schema of an operation: every documented parameter, unknown ones passed through. */
export function requestSchema(params: readonly Param[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const p of params) shape[p.name] = p.required ? paramSchema(p) : paramSchema(p).optional();
  return z.looseObject(shape);
}

/** One problem the request schema found with a parameter. */
export type RequestIssue = z.core.$ZodIssue;

/** Whether a request-schema issue is a list holding more items than its kind allows. */
export function isTooManyItems(issue: RequestIssue): boolean {
  if (issue.code === 'too_big' && issue.origin === 'array') return true;
  if (issue.code === 'invalid_union') return issue.errors.some((branch) => branch.some(isTooManyItems));
  return false;
}
