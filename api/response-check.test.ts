import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OPERATIONS } from '.';
import { EBS_DRILL_TAG_RESPONSE_CASES } from './operations/__fixtures__/ebs-drill-tag-responses';
import { EBS_RESPONSE_CASES } from './operations/__fixtures__/ebs-responses';
import { ECS_RESPONSE_CASES } from './operations/__fixtures__/ecs-responses';
import { surelyAccepts } from './response-check';

// The compiled test answers for zod on whether a success body conforms: a body it accepts that
// zod refuses would let a broken answer pass unjudged. It answers exactly as zod on the kinds it
// compiles, so it is held to equality: also on every documented example, which keeps each
// operation's answers off zod's path (the point of it). Bodies: the documented examples with one
// field, at any depth, left out or given a value of another kind, form or range.

const CASES = [...EBS_RESPONSE_CASES, ...EBS_DRILL_TAG_RESPONSE_CASES, ...ECS_RESPONSE_CASES];

const conforms = (schema: z.ZodType, body: unknown) => schema.safeParse(body).success;

const ODD: readonly unknown[] = [
  undefined,
  null,
  '',
  'x',
  'pair-',
  'pair-1',
  'pg-1',
  'd-1',
  ' pair-1',
  '2026-01-01T00:00:00Z',
  '2026-01-01T00:00Z',
  '2026-01-01 00:00:00',
  'normal',
  'NORMAL',
  'production',
  'PL1',
  'true',
  '12',
  0,
  -0,
  -1,
  1,
  1.5,
  100,
  101,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  [],
  [null],
  ['x'],
  {},
  { TagKey: 'k', TagValue: 'v' },
  { TagKey: 1 },
];

type Json = Record<string, unknown>;

/** Every path to a value in the body, the body itself excluded. */
function pathsOf(value: unknown, at: readonly (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((k) => [[...at, k], ...pathsOf((value as Json)[k as string], [...at, k])]);
}

function changed(example: Json, path: readonly (string | number)[], to: unknown, drop: boolean): Json {
  const copy = structuredClone(example);
  let here = copy as Json;
  for (const k of path.slice(0, -1)) here = here[k as string] as Json;
  const last = path.at(-1) as string;
  if (drop && !Array.isArray(here)) delete here[last];
  else here[last] = to;
  return copy;
}

describe('surelyAccepts', () => {
  it('accepts every documented example, of every operation that has one', () => {
    for (const c of CASES) {
      expect(conforms(c.op.response, c.example), c.op.action).toBe(true);
      expect(surelyAccepts(c.op.response, c.example), c.op.action).toBe(true);
    }
    for (const op of OPERATIONS)
      expect(surelyAccepts(op.response, { RequestId: 'r-1' }), op.action).toBe(
        conforms(op.response, { RequestId: 'r-1' }),
      );
  });

  it('answers as zod on examples with one field left out or changed', () => {
    const body = fc.constantFrom(...CASES).chain((c) => {
      const paths = pathsOf(c.example);
      return fc.record({
        c: fc.constant(c),
        path: fc.constantFrom(...paths),
        to: fc.oneof(fc.constantFrom(...ODD), fc.string({ maxLength: 4 }), fc.integer()),
        drop: fc.boolean(),
      });
    });
    fc.assert(
      fc.property(body, ({ c, path, to, drop }) => {
        const b = changed(c.example, path, to, drop);
        expect(surelyAccepts(c.op.response, b)).toBe(conforms(c.op.response, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('answers as zod on whole bodies of any kind', () => {
    const schemas = fc.constantFrom(...OPERATIONS.map((op) => op.response));
    fc.assert(
      fc.property(schemas, fc.oneof(fc.constantFrom(...ODD), fc.anything()), (schema, b) => {
        expect(surelyAccepts(schema, b)).toBe(conforms(schema, b));
      }),
      { numRuns: 500 },
    );
  });

  it('answers as zod for each kind and check it compiles, beyond those the catalogue uses', () => {
    const kinds: z.ZodType[] = [
      z.number(),
      z.number().min(-0.5).max(0.5),
      z.number().gt(-1).lt(1),
      z.string().length(1),
      z.string().max(2).regex(/x/g),
      z.array(z.number()).min(1).max(1),
      z.union([z.literal(0), z.enum(['x', 'true'])]).optional(),
      z.looseObject({ a: z.boolean().optional() }),
    ];
    const values = [...ODD, -0.5, -0.25, 0.5, 0.75, 'xx', 'xxx', [1, 2], [1.5]];
    for (const schema of kinds)
      for (const v of values) expect(surelyAccepts(schema, v), String(v)).toBe(conforms(schema, v));
  });

  it('leaves to zod what it does not compile', () => {
    const refined = z.object({ n: z.number().refine((n) => n !== 3) });
    expect(surelyAccepts(refined, { n: 1 })).toBe(false);
    expect(conforms(refined, { n: 1 })).toBe(true);
    const strict = z.strictObject({ n: z.number() });
    expect(surelyAccepts(strict, { n: 1 })).toBe(false);
  });
});
