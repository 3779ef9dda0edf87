import { type Operation, type Param, type ParamKind, paramProblem } from '../api';
import { type ConstraintKind, constraintsOf, paramRuleId } from '../api/rules/params';

/**
 * Which derived parameter rules (api/rules/params.ts) a call meets: the constraints a refused
 * call's values break, and the constraints an accepted call holds a value at the edge of. The
 * refusal itself is the request schema's; this only names the documented constraint behind it.
 */

/** The kind that holds one documented constraint of `p` and no other. */
export function constraintKind(p: Param, c: Exclude<ConstraintKind, 'REQUIRED' | 'MAX_ITEMS'>): ParamKind {
  const k = p.kind;
  switch (c) {
    case 'ENUM':
      return k.type === 'integer' && k.enum ? { type: 'integer', enum: k.enum } : k;
    case 'INTEGER':
      return { type: 'integer' };
    case 'BOOLEAN':
      return { type: 'boolean' };
    case 'RANGE': {
      const { min, max } = k as IntegerKind;
      return {
        type: 'integer',
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
      };
    }
    case 'LENGTH': {
      const { minLength, maxLength } = k as StringKind;
      return {
        type: 'string',
        ...(minLength !== undefined ? { minLength } : {}),
        ...(maxLength !== undefined ? { maxLength } : {}),
      };
    }
    case 'FORMAT': {
      const { pattern, ascii } = k as StringKind;
      return { type: 'string', ...(pattern ? { pattern } : {}), ...(ascii ? { ascii } : {}) };
    }
  }
}

/**
 * Whether a value keeps to one documented constraint alone: the request schema of that
 * constraint accepts it, as the compiled check answers for it (api/param-problems.ts).
 */
function keepsTo(p: Param, c: Exclude<ConstraintKind, 'REQUIRED'>): (v: unknown) => boolean {
  if (c === 'MAX_ITEMS') {
    const check = paramProblem(p);
    return (v) => check(v)?.tooMany !== true;
  }
  const accepts = (kind: ParamKind) => {
    const check = paramProblem({ ...p, kind });
    return (v: unknown) => check(v) === undefined;
  };
  const fits = accepts(constraintKind(p, c));
  switch (c) {
    case 'RANGE': {
      // A value that is no integer at all breaks INTEGER, not the range.
      const isInteger = accepts({ type: 'integer' });
      return (v) => !isInteger(v) || fits(v);
    }
    case 'LENGTH':
    case 'FORMAT':
      return (v) => typeof v !== 'string' || fits(v);
    default:
      return fits;
  }
}

type IntegerKind = Extract<ParamKind, { type: 'integer' }>;
type StringKind = Extract<ParamKind, { type: 'string' }>;

/** Whether an accepted (parsed) value sits where the constraint is decided: at a bound, or present. */
function atEdge(p: Param, c: ConstraintKind): (v: unknown) => boolean {
  const k = p.kind;
  switch (c) {
    case 'RANGE': {
      const { min, max } = k as { min?: number; max?: number };
      return (v) => v === min || v === max;
    }
    case 'LENGTH': {
      const { minLength = 0, maxLength } = k as { minLength?: number; maxLength?: number };
      return (v) =>
        typeof v === 'string' && (v.length === maxLength || (minLength > 1 && v.length === minLength));
    }
    case 'MAX_ITEMS': {
      const { maxItems } = k as { maxItems: number };
      return (v) => Array.isArray(v) && v.length === maxItems;
    }
    default:
      return () => true;
  }
}

interface Compiled {
  /** Per parameter: its derived rules with the test of a refused value. */
  readonly broken: ReadonlyMap<string, readonly { id: string; keeps: (v: unknown) => boolean }[]>;
  /** Per parameter, in the catalogue's order: its derived rules with the test of a value at their edge. */
  readonly edges: ReadonlyMap<string, readonly { id: string; at: (v: unknown) => boolean }[]>;
  readonly required: ReadonlyMap<string, string>;
}

const compiled = new WeakMap<Operation, Compiled>();

function compile(op: Operation): Compiled {
  let c = compiled.get(op);
  if (c) return c;
  const broken = new Map<string, { id: string; keeps: (v: unknown) => boolean }[]>();
  const edges = new Map<string, { id: string; at: (v: unknown) => boolean }[]>();
  const required = new Map<string, string>();
  for (const p of op.params) {
    for (const kind of constraintsOf(p)) {
      const id = paramRuleId(op, p.name, kind);
      edges.set(p.name, [...(edges.get(p.name) ?? []), { id, at: atEdge(p, kind) }]);
      if (kind === 'REQUIRED') required.set(p.name, id);
      else broken.set(p.name, [...(broken.get(p.name) ?? []), { id, keeps: keepsTo(p, kind) }]);
    }
  }
  c = { broken, edges, required };
  compiled.set(op, c);
  return c;
}

/** The REQUIRED rule of a parameter the call left out. */
export const requiredRule = (op: Operation, name: string): string | undefined =>
  compile(op).required.get(name);

/** The derived rules a refused value of `name` breaks. */
export function brokenRules(op: Operation, name: string, value: unknown): string[] {
  return (compile(op).broken.get(name) ?? []).filter((r) => !r.keeps(value)).map((r) => r.id);
}

/**
 * The derived rules an accepted call (its parsed parameters) meets at their edge, in the
 * catalogue's order: parsed parameters come in the schema's order, so the call's few keys are
 * walked rather than every documented parameter looked up in it.
 */
export function edgeRules(op: Operation, params: Readonly<Record<string, unknown>>): readonly string[] {
  let out: string[] | undefined;
  const { edges } = compile(op);
  for (const name of Object.keys(params)) {
    const own = edges.get(name);
    if (own === undefined) continue;
    const v = params[name];
    if (v === undefined) continue;
    for (const e of own) {
      if (!e.at(v)) continue;
      out ??= [];
      out.push(e.id);
    }
  }
  return out ?? NO_EDGES;
}

const NO_EDGES: readonly string[] = [];
