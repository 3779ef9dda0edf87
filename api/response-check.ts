import type { z } from 'zod';

/**
 * A success body's schema compiled to a plain test that answers whether the schema surely accepts
 * it: zod's parse was most of what judging an answer cost, and nearly every answer conforms. It
 * answers true only where zod accepts (api/response-check.test.ts holds it to that on every
 * operation's answers and on broken ones); false means "ask zod", which then names the issues.
 * The kinds and checks the response schemas use are compiled; any other (a refinement, a
 * transform, a format it does not know) compiles to "ask zod" for the whole body.
 */
export type SureTest = (v: unknown) => boolean;

const ASK_ZOD: SureTest = () => false;

const compiled = new WeakMap<object, SureTest>();

export function sureTest(schema: z.ZodType): SureTest {
  let test = compiled.get(schema);
  if (!test) {
    test = compile(schema) ?? ASK_ZOD;
    compiled.set(schema, test);
  }
  return test;
}

/** Whether `schema` surely accepts `body` (false: only zod can tell). */
export const surelyAccepts = (schema: z.ZodType, body: unknown): boolean => sureTest(schema)(body);

/** zod's own definition of a schema or a check: read, never changed. */
type Def = { readonly type?: string; readonly check?: string } & Readonly<Record<string, unknown>>;
type Node = { readonly _zod: { readonly def: Def } };

const defOf = (s: unknown): Def => (s as Node)._zod.def;

/** The test of one schema node, or undefined where it holds something this does not know. */
function compile(schema: unknown): SureTest | undefined {
  const def = defOf(schema);
  const checks = (def.checks as readonly unknown[] | undefined) ?? [];
  switch (def.type) {
    case 'string':
      return withChecks((v) => typeof v === 'string', checks, stringCheck);
    case 'number':
      return withChecks((v) => typeof v === 'number' && Number.isFinite(v), checks, numberCheck);
    case 'boolean':
      return checks.length === 0 ? (v) => typeof v === 'boolean' : undefined;
    case 'enum': {
      const values = new Set<unknown>(Object.values(def.entries as object));
      return checks.length === 0 ? (v) => values.has(v) : undefined;
    }
    case 'literal': {
      const values = new Set<unknown>(def.values as readonly unknown[]);
      return checks.length === 0 ? (v) => values.has(v) : undefined;
    }
    case 'optional': {
      const inner = compile(def.innerType);
      return inner && checks.length === 0 ? (v) => v === undefined || inner(v) : undefined;
    }
    case 'union': {
      const options = (def.options as readonly unknown[]).map(compile);
      if (checks.length > 0 || options.some((o) => o === undefined)) return undefined;
      const known = options as SureTest[];
      return (v) => {
        for (const o of known) if (o(v)) return true;
        return false;
      };
    }
    case 'array': {
      const element = compile(def.element);
      if (!element) return undefined;
      return withChecks(
        (v) => Array.isArray(v) && v.every(element),
        checks,
        (c) => lengthCheck(c, (v) => (v as unknown[]).length),
      );
    }
    case 'object':
      return checks.length === 0 ? objectTest(def) : undefined;
    default:
      return undefined;
  }
}

/** An object whose other keys zod strips or passes (a strict object's refuse them: zod's to say). */
function objectTest(def: Def): SureTest | undefined {
  const catchall = def.catchall === undefined ? undefined : defOf(def.catchall).type;
  if (catchall !== undefined && catchall !== 'unknown') return undefined;
  const fields: [string, SureTest][] = [];
  for (const [key, field] of Object.entries(def.shape as Readonly<Record<string, unknown>>)) {
    const test = compile(field);
    if (!test) return undefined;
    fields.push([key, test]);
  }
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const o = v as Readonly<Record<string, unknown>>;
    for (const [key, test] of fields) if (!test(o[key])) return false;
    return true;
  };
}

/** The base test with each check's; undefined when one check is of a kind not compiled. */
function withChecks(
  base: SureTest,
  checks: readonly unknown[],
  compileCheck: (c: Def) => SureTest | undefined,
): SureTest | undefined {
  const tests: SureTest[] = [];
  for (const c of checks) {
    const test = compileCheck(defOf(c));
    if (!test) return undefined;
    tests.push(test);
  }
  if (tests.length === 0) return base;
  // Loops rather than `every` with a closure: this runs for every field of every answer.
  return (v) => {
    if (!base(v)) return false;
    for (const t of tests) if (!t(v)) return false;
    return true;
  };
}

function lengthCheck(c: Def, length: (v: unknown) => number): SureTest | undefined {
  if (c.check === 'min_length') return (v) => length(v) >= (c.minimum as number);
  if (c.check === 'max_length') return (v) => length(v) <= (c.maximum as number);
  if (c.check === 'length_equals') return (v) => length(v) === (c.length as number);
  return undefined;
}

function stringCheck(c: Def): SureTest | undefined {
  if (c.check === 'string_format' && c.format === 'regex') {
    const pattern = c.pattern as RegExp;
    return (v) => {
      pattern.lastIndex = 0;
      return pattern.test(v as string);
    };
  }
  return lengthCheck(c, (v) => (v as string).length);
}

function numberCheck(c: Def): SureTest | undefined {
  if (c.check === 'number_format') return c.format === 'safeint' ? (v) => Number.isSafeInteger(v) : undefined;
  const bound = c.value as number;
  if (typeof bound !== 'number') return undefined;
  if (c.check === 'greater_than')
    return c.inclusive ? (v) => (v as number) >= bound : (v) => (v as number) > bound;
  if (c.check === 'less_than')
    return c.inclusive ? (v) => (v as number) <= bound : (v) => (v as number) < bound;
  return undefined;
}
