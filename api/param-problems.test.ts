import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPERATIONS, OPERATIONS_BY_NAME, type Param, problemsOf, requestProblems } from '.';
import { samplesOf, validSample } from './rules/param-samples';
import { constraintsOf } from './rules/params';

// The compiled check answers for zod on the calls the typed parse leaves to it: every problem the
// request schema finds (which parameter, whether a list was too long, which tag fields) and none
// where it accepts. The model judges a refusal by exactly these, so any difference fails here.
// Values: the edge samples the run's parameter sweeps send (api/rules/param-samples.ts), their
// wire forms, and values of every other kind.

const odd = fc.oneof(
  fc.string({ maxLength: 140 }),
  fc.constantFrom('', 'a', 'true', 'false', '1', '-0', '007', '1.5', '1e3', ' 1', '9007199254740993'),
  fc.constantFrom('[1,2]', '[""]', '["a",1]', '{"length":99}', 'not json', 'a,,b', ' , '),
  fc.integer({ min: -5, max: 40_000 }),
  fc.constantFrom(1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, -0),
  fc.boolean(),
  fc.constantFrom(null, {}, [], [null], [[]]),
  fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null)), { maxLength: 12 }),
);

/** Tags of every form: good, with a bad key or value, without a key, not objects at all, too many. */
const tagItem = fc.oneof(
  fc.record(
    {
      Key: fc.oneof(fc.string({ maxLength: 130 }), fc.constantFrom('k', 'aliyun:x', 'x'.repeat(129), 1)),
      Value: fc.oneof(fc.string({ maxLength: 130 }), fc.constantFrom('v', 'x'.repeat(129), undefined, 2)),
      Extra: fc.string({ maxLength: 2 }),
    },
    { requiredKeys: [] },
  ),
  fc.constantFrom(null, 'k', 3, ['k']),
);
const tags = fc.array(tagItem, { maxLength: 22 });

/** A list's items as the run holds them, and as they travel: comma-separated or one JSON array. */
const listForms = (n: number) =>
  fc.array(fc.oneof(fc.constantFrom('id-1', 'd-2', '', ' x'), fc.integer({ min: 0, max: 3 })), {
    minLength: Math.max(0, n - 2),
    maxLength: n + 2,
  });
const wired = (list: fc.Arbitrary<unknown[]>) =>
  fc.oneof(
    list,
    list.map((l) => l.join(',')),
    list.map((l) => JSON.stringify(l)),
  );

function valuesOf(p: Param): fc.Arbitrary<unknown> {
  const k = p.kind;
  const edges = constraintsOf(p)
    .filter((c) => c !== 'REQUIRED')
    .flatMap((c) => {
      const s = samplesOf(p, c);
      return [...s.fits, ...s.breaks];
    });
  const near = [validSample(p), ...edges, ...edges.filter((v) => typeof v === 'number').map(String)];
  const own =
    k.type === 'tags'
      ? [tags]
      : 'maxItems' in k
        ? [wired(listForms(k.maxItems)), wired(listForms(3))]
        : [fc.constantFrom(...near)];
  return fc.oneof(
    { arbitrary: fc.constantFrom(...near), weight: 6 },
    ...own.map((arbitrary) => ({ arbitrary, weight: 4 })),
    { arbitrary: odd, weight: 2 },
  );
}

describe('compiled request problems', () => {
  it.each(OPERATIONS.map((op) => [op.action, op] as const))('%s: the same problems as zod', (_, op) => {
    // A valid call with a few parameters drawn from everywhere: calls with many parameters
    // are then accepted often enough, and each refusal has few causes.
    const valid: Record<string, fc.Arbitrary<unknown>> = Object.fromEntries(
      op.params.map((p) => {
        const fits = constraintsOf(p).flatMap((c) => (c === 'REQUIRED' ? [] : samplesOf(p, c).fits));
        return [p.name, fc.constantFrom(validSample(p), ...fits)];
      }),
    );
    const drawn: Record<string, fc.Arbitrary<unknown>> = Object.fromEntries([
      ...op.params.map((p) => [p.name, valuesOf(p)]),
      ['Undocumented', odd],
    ]);
    const names = [...op.params.map((p) => p.name), 'Undocumented'];
    const optional = op.params.filter((p) => !p.required).map((p) => p.name);
    const params = fc
      .tuple(
        fc.record(valid),
        fc.subarray(optional),
        fc.record(drawn),
        fc.subarray(names, { maxLength: Math.min(3, names.length) }),
      )
      .map(([base, kept, values, changed]) => {
        const own: Record<string, unknown> = {};
        for (const [name, v] of Object.entries(base))
          if (kept.includes(name) || !optional.includes(name)) own[name] = v;
        for (const name of changed) if (values[name] !== undefined) own[name] = values[name];
        return own;
      });
    let refused = 0;
    fc.assert(
      fc.property(params, (own) => {
        const parsed = op.request.safeParse(own);
        const expected = parsed.success ? [] : problemsOf(parsed.error.issues);
        expect(requestProblems(op.params, own)).toEqual(expected);
        if (!parsed.success) refused++;
      }),
      { numRuns: 300 },
    );
    // The property said something: zod refused calls, and accepted some.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(300);
  });

  // Cases the model's rules turn on, named so that a regression says which.
  const tagOp = OPERATIONS_BY_NAME.TagResources;
  const tagKind = tagOp.params.find((p) => p.name === 'Tag')?.kind;
  const max = tagKind?.type === 'tags' ? tagKind.maxItems : 0;
  it.each([
    ['too many tags', Array.from({ length: max + 1 }, (_, i) => ({ Key: `k${i}`, Value: 1 }))],
    ['a bad value only', [{ Key: 'k', Value: 'x'.repeat(129) }]],
    ['a bad key and value', [{ Key: '', Value: 'x'.repeat(129) }]],
    ['an item that is no object', ['k']],
  ])('TagResources, %s', (_, Tag) => {
    const own = { ...Object.fromEntries(tagOp.params.map((p) => [p.name, validSample(p)])), Tag };
    const parsed = tagOp.request.safeParse(own);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(requestProblems(tagOp.params, own)).toEqual(problemsOf(parsed.error.issues));
  });
});
