import type { z } from 'zod';
import type { Operation } from '../operation';
import { findOperation } from '../operations';
import { IsoTime, IsoTimeOrEmpty, UnixSeconds } from '../operations/common';
import { type DerivedRule, judgedOperations, snake } from './params';

/**
 * Rules derived from the catalogue's response schemas, as api/rules/params.ts derives the request
 * ones: one per documented response field whose value has a form the docs state (a listed value,
 * a time, an integer, a range, an ID prefix, a boolean). Plain strings (names, regions) yield none:
 * the docs say nothing of their form beyond being text, and the schema check holds them present.
 *
 * Where a hand-written rule already states a field's form (PROTO.ID_FORMAT, the pair times), the
 * field maps to that rule instead of getting a second name (`COVERED_BY`).
 *
 * A rule holds the field's value when the field is there: a field left out is the schema check's
 * business (response_schema_conformance), a value of the wrong form this family's
 * (properties/checks/response-fields.ts), which names the rule. The same check credits a rule on
 * every success whose body carries the field.
 */
export type ResponseConstraint = 'ENUM' | 'TIME' | 'INTEGER' | 'RANGE' | 'BOOLEAN' | 'ID_PREFIX';

export type ResponseRule = DerivedRule<{
  /** Dotted path, `[]` after a list: `ReplicaPairs[].Status`, `Disks.Disk[].Size`. */
  readonly field: string;
  readonly constraint: ResponseConstraint;
}>;

/** A field of a response and the form its value takes, read off the schema. */
export interface ResponseField {
  readonly field: string;
  readonly constraint: ResponseConstraint;
  readonly detail: string;
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: readonly z.ZodType[];
  entries?: Record<string, string>;
  values?: readonly unknown[];
  checks?: readonly { _zod: { def: Record<string, unknown> } }[];
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

const listed = (values: readonly unknown[]) => values.map((v) => (v === '' ? "'' (empty)" : String(v)));

/** The values a string schema allows, when it is a value list (or a union of them). */
function enumValues(s: z.ZodType): string[] | undefined {
  const d = defOf(s);
  if (d.type === 'enum' && d.entries) return Object.values(d.entries);
  if (d.type === 'literal' && d.values?.every((v) => typeof v === 'string')) return d.values as string[];
  if (d.type === 'union' && d.options) {
    const parts = d.options.map(enumValues);
    if (parts.every((p) => p !== undefined)) return parts.flat() as string[];
  }
  return undefined;
}

function check(d: Def, name: string): Record<string, unknown> | undefined {
  return d.checks?.map((c) => c._zod.def).find((c) => c.check === name);
}

/** The documented form of a leaf, or undefined for a plain string. */
function formOf(s: z.ZodType): Omit<ResponseField, 'field'> | undefined {
  if (s === UnixSeconds) return { constraint: 'TIME', detail: 'a Unix time in seconds' };
  if (s === IsoTime) return { constraint: 'TIME', detail: 'a UTC time in ISO 8601 (yyyy-MM-ddTHH:mm[:ss]Z)' };
  if (s === IsoTimeOrEmpty)
    return {
      constraint: 'TIME',
      detail: "a UTC time in ISO 8601 (yyyy-MM-ddTHH:mm[:ss]Z), or '' when unset",
    };
  const values = enumValues(s);
  if (values) return { constraint: 'ENUM', detail: `one of ${listed(values).join(', ')}` };
  const d = defOf(s);
  if (d.type === 'boolean') return { constraint: 'BOOLEAN', detail: 'true or false' };
  if (d.type === 'number') {
    const above = check(d, 'greater_than');
    const min = above?.value as number | undefined;
    const max = check(d, 'less_than')?.value as number | undefined;
    if (max !== undefined) return { constraint: 'RANGE', detail: `an integer from ${min ?? 0} to ${max}` };
    if (min !== undefined && min > 0) return { constraint: 'RANGE', detail: `an integer of at least ${min}` };
    if (min === 0)
      return {
        constraint: 'INTEGER',
        detail: above?.inclusive ? 'a whole number, never negative' : 'a whole number above 0',
      };
    return { constraint: 'INTEGER', detail: 'an integer' };
  }
  if (d.type === 'string') {
    const pattern = (check(d, 'string_format') ?? check(d, 'regex'))?.pattern;
    const prefix = pattern instanceof RegExp ? /^\^([a-z]+-)\\S\+\$$/.exec(pattern.source)?.[1] : undefined;
    if (prefix) return { constraint: 'ID_PREFIX', detail: `an ID starting ${prefix}` };
  }
  return undefined;
}

/** Every field of a response schema with a documented form, in schema order. */
export function responseFields(schema: z.ZodType, path = ''): ResponseField[] {
  const d = defOf(schema);
  if (d.type === 'optional' && d.innerType) return responseFields(d.innerType, path);
  if (d.type === 'object' && d.shape)
    return Object.entries(d.shape).flatMap(([k, v]) => responseFields(v, path ? `${path}.${k}` : k));
  if (d.type === 'array' && d.element) return responseFields(d.element, `${path}[]`);
  const form = formOf(schema);
  return form && path ? [{ field: path, ...form }] : [];
}

/**
 * Fields whose form a hand-written rule already states: judged under that rule's name. Keyed
 * `action field`; an entry without an action holds for every operation the rule names.
 */
const COVERED_BY: Readonly<Record<string, string>> = {
  'DescribeDiskReplicaPairs ReplicaPairs[].CreateTime': 'PAIR.DESCRIBE.TIMES_IN_SECONDS',
  'DescribeDiskReplicaPairs ReplicaPairs[].LastRecoverPoint': 'PAIR.DESCRIBE.TIMES_IN_SECONDS',
  'DescribeDiskReplicaPairProgress RecoverPoint': 'PAIR.DESCRIBE.TIMES_IN_SECONDS',
  'DescribeDiskReplicaPairProgress Progress': 'PAIR.PROGRESS.FULL_ONCE_NORMAL',
};
/** PROTO.ID_FORMAT states the prefixes of the IDs its operations hand out or list. */
const ID_FORMAT_ACTIONS = new Set([
  'CreateDisk',
  'DescribeDisks',
  'CreateDiskReplicaPair',
  'DescribeDiskReplicaPairs',
  'CreateDiskReplicaGroup',
  'DescribeDiskReplicaGroups',
]);

/** The hand-written rule that already states this field's form, if any. */
export function coveringRule(
  action: string,
  f: Pick<ResponseField, 'field' | 'constraint'>,
): string | undefined {
  if (f.constraint === 'ID_PREFIX' && ID_FORMAT_ACTIONS.has(action)) return 'PROTO.ID_FORMAT';
  return COVERED_BY[`${action} ${f.field}`];
}

export const responseRuleId = (
  op: Pick<Operation, 'product' | 'action'>,
  field: string,
  constraint: ResponseConstraint,
): string =>
  `RESP.${op.product.toUpperCase()}.${snake(op.action)}.${field
    .split('.')
    .map((s) => snake(s.replace('[]', '')))
    .join('.')}.${constraint}`;

/** One field of one operation and the rule that judges it (derived here, or hand-written). */
export interface JudgedField extends ResponseField {
  readonly rule: string;
  /** The path split at dots, `[]` kept on the list segments. */
  readonly segments: readonly string[];
}

/** A judged field as its presence is looked for: each segment's name, and whether it is a list. */
interface FieldProbe {
  readonly rule: string;
  readonly path: readonly { readonly name: string; readonly list: boolean }[];
}

// By the operation object, not a name built per call: judging an answer looks its fields up.
const fieldsByOp = new WeakMap<Operation, readonly JudgedField[]>();
const probesByOp = new WeakMap<Operation, readonly FieldProbe[]>();

/** The judged fields of an operation's success body. */
export function judgedFields(op: Operation): readonly JudgedField[] {
  let fields = fieldsByOp.get(op);
  if (!fields) {
    fields = responseFields(op.response).map((f) => ({
      ...f,
      rule: coveringRule(op.action, f) ?? responseRuleId(op, f.field, f.constraint),
      segments: f.field.split('.'),
    }));
    fieldsByOp.set(op, fields);
  }
  return fields;
}

function probesOf(op: Operation): readonly FieldProbe[] {
  let probes = probesByOp.get(op);
  if (!probes) {
    probes = judgedFields(op).map((f) => ({
      rule: f.rule,
      path: f.segments.map((seg) =>
        seg.endsWith('[]') ? { name: seg.slice(0, -2), list: true } : { name: seg, list: false },
      ),
    }));
    probesByOp.set(op, probes);
  }
  return probes;
}

/** `ReplicaPairs.3.Status` (a judgement's issue path) → `ReplicaPairs[].Status`. */
export const fieldOfPath = (path: string): string => path.replace(/\.(\d+)(?=\.|$)/g, '[]');

/** The rule that judges the value at an issue path of this operation's answer, if any. */
export function ruleAtPath(op: Operation, path: string): string | undefined {
  const field = fieldOfPath(path);
  return judgedFields(op).find((f) => f.field === field)?.rule;
}

function present(body: unknown, path: FieldProbe['path'], i = 0): boolean {
  if (i === path.length) return body !== undefined && body !== null;
  if (!body || typeof body !== 'object') return false;
  const { name, list } = path[i] as FieldProbe['path'][number];
  const here = (body as Record<string, unknown>)[name];
  if (!list) return present(here, path, i + 1);
  if (!Array.isArray(here)) return false;
  for (const row of here) if (present(row, path, i + 1)) return true;
  return false;
}

/**
 * `rules`, then the rule of each field the body carries, each once, in the order of the fields;
 * undefined when the body carries none. Lists and `includes`, not Sets: this runs on every
 * judged success, and the lists are a few names long.
 */
function withJudged(op: Operation, body: unknown, rules: readonly string[]): string[] | undefined {
  let out: string[] | undefined;
  for (const probe of probesOf(op)) {
    if (out?.includes(probe.rule) || !present(body, probe.path)) continue;
    if (!out) {
      out = [];
      for (const rule of rules) if (!out.includes(rule)) out.push(rule);
      if (out.includes(probe.rule)) continue;
    }
    out.push(probe.rule);
  }
  return out;
}

/** The rules whose field this success body carries somewhere: each was judged on this answer. */
export function rulesJudgedIn(op: Operation, body: unknown): string[] {
  return withJudged(op, body, []) ?? [];
}

/**
 * The rules an answer was judged under: the model's, and, for a success it expected, the field
 * rules of every field the body carries (their check judged each of them on this answer).
 */
export function rulesOfAnswer(
  call: { readonly product: string; readonly version: string; readonly action: string },
  expected: { readonly kind: string; readonly rules: readonly string[] },
  outcome: { readonly kind: string; readonly body?: unknown },
): readonly string[] {
  if (expected.kind !== 'success' || outcome.kind !== 'success') return expected.rules;
  const op = findOperation(call.product, call.version, call.action);
  return (op && withJudged(op, outcome.body, expected.rules)) ?? expected.rules;
}

function statement(op: Operation, f: ResponseField): string {
  return `${op.action} answers ${f.field}, whenever it carries it, as ${f.detail}${
    f.constraint === 'ENUM'
      ? '; another string is reported as an undocumented value (a nonconformance under --strict), a value of another type is a nonconformance'
      : '; any other value is a nonconformance'
  }.`;
}

export function deriveResponseRules(ops: readonly Operation[]): ResponseRule[] {
  return ops.flatMap((op) =>
    responseFields(op.response)
      .filter((f) => coveringRule(op.action, f) === undefined)
      .map(
        (f): ResponseRule => ({
          id: responseRuleId(op, f.field, f.constraint),
          statement: statement(op, f),
          operations: [op.action],
          source: { doc: op.doc, where: `Response parameters: ${f.field}` },
          derived: { product: op.product, version: op.version, action: op.action, ...f },
        }),
      ),
  );
}

export const RESPONSE_RULES: readonly ResponseRule[] = deriveResponseRules(judgedOperations());
