/**
 * XML bodies decoded to the same shape as JSON. XML cannot say "this is a list of one" or "this
 * is a number", so the operation's zod response schema says it: a lone `<ReplicaPairs>` becomes a
 * one-element array, `<Disks><Disk>` an ECS wrapper holding an array, `<TotalCount>3</…>` a number.
 * Without a schema every leaf stays a string and nothing becomes a list unless it repeats.
 */
import { XMLParser } from 'fast-xml-parser';
import type { z } from 'zod';

// Leaf values stay strings (parseTagValue: false) so a name like "0123" is never turned into a
// number; only the schema decides.
const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: true,
});

/** The root element's name and content (`DescribeDisksResponse`, `Error`); throws on malformed XML. */
export function parseXmlDocument(text: string): { root: string; content: unknown } {
  const doc = parser.parse(text, true) as Record<string, unknown>;
  const roots = Object.keys(doc);
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  const root = roots[0] as string;
  return { root, content: doc[root] };
}

interface Def {
  readonly type: string;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly element?: z.ZodType;
  readonly shape?: Record<string, z.ZodType>;
  readonly options?: readonly z.ZodType[];
  readonly valueType?: z.ZodType;
  readonly values?: readonly unknown[];
  readonly getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Peels wrappers that do not change what the wire carries. */
function core(schema: z.ZodType): Def {
  let def = defOf(schema);
  for (;;) {
    if (def.innerType) def = defOf(def.innerType);
    else if (def.type === 'pipe' && def.in) def = defOf(def.in);
    else if (def.type === 'lazy' && def.getter) def = defOf(def.getter());
    else return def;
  }
}

const isOptional = (schema: z.ZodType) => {
  const t = defOf(schema).type;
  return t === 'optional' || t === 'default' || t === 'prefault';
};

function toNumber(value: unknown): unknown {
  if (typeof value !== 'string' || value.trim() === '') return value;
  const n = Number(value);
  return Number.isFinite(n) ? n : value;
}

function toBoolean(value: unknown): unknown {
  return value === 'true' ? true : value === 'false' ? false : value;
}

/** Reshapes parsed XML content after a zod schema. Never throws; what it cannot place it keeps. */
export function shapeLike(schema: z.ZodType, value: unknown): unknown {
  const def = core(schema);
  switch (def.type) {
    case 'array': {
      const element = def.element as z.ZodType;
      const elementIsObject = core(element).type === 'object';
      const items = Array.isArray(value)
        ? value
        : value === undefined || (value === '' && elementIsObject)
          ? []
          : [value];
      return items.map((item) => shapeLike(element, item));
    }
    case 'object':
      return shapeObject(def.shape ?? {}, value);
    case 'number':
    case 'int':
      return toNumber(value);
    case 'boolean':
      return toBoolean(value);
    case 'literal': {
      const first = def.values?.[0];
      return typeof first === 'number'
        ? toNumber(value)
        : typeof first === 'boolean'
          ? toBoolean(value)
          : value;
    }
    case 'record':
      return isRecord(value) && def.valueType
        ? Object.fromEntries(
            Object.entries(value).map(([k, v]) => [k, shapeLike(def.valueType as z.ZodType, v)]),
          )
        : value;
    case 'union':
      for (const option of def.options ?? []) {
        const shaped = shapeLike(option, value);
        if (option.safeParse(shaped).success) return shaped;
      }
      return value;
    default:
      return value;
  }
}

/**
 * The optional lists an object decoded from XML lacks: each may have been an empty list, which
 * XML cannot tell from no list at all (JSON can). A non-enumerable symbol key: what compares,
 * copies or records a body (equality, JSON, `Object.keys`) never sees it; the checks read it
 * on the body itself.
 */
export const XML_UNTOLD_LISTS: unique symbol = Symbol('ebs-conformance.xml-untold-lists');

/** Whether `field` of an object decoded from XML was absent where an empty list looks the same. */
export const maybeEmptyList = (object: object, field: string): boolean =>
  (object as { [XML_UNTOLD_LISTS]?: readonly string[] })[XML_UNTOLD_LISTS]?.includes(field) === true;

function shapeObject(shape: Record<string, z.ZodType>, value: unknown): unknown {
  // An empty element (`<Disks/>`) parses to ''; for an object schema it is an empty object.
  const source = value === '' ? {} : value;
  if (!isRecord(source)) return value;
  const out: Record<string, unknown> = { ...source };
  // Most objects lack no list: the array is made only for one that does.
  let untold: string[] | undefined;
  for (const [key, field] of Object.entries(shape)) {
    if (key in source) out[key] = shapeLike(field, source[key]);
    else if (core(field).type === 'array') {
      // An empty list has no element at all in XML; JSON shows it as []. Only a required list can
      // be filled in without guessing; an optional one is marked as untold.
      if (!isOptional(field)) out[key] = [];
      else if (untold) untold.push(key);
      else untold = [key];
    }
  }
  if (untold) Object.defineProperty(out, XML_UNTOLD_LISTS, { value: untold });
  return out;
}
