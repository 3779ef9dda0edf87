import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defineOperation,
  findOperation,
  isTooManyItems,
  OPERATIONS,
  type Operation,
  type Param,
  paramProblem,
  paramSchema,
} from '../api';
import { samplesOf, validSample } from '../api/rules/param-samples';
import { constraintsOf, PARAM_RULES, type ParamRule, paramRuleId } from '../api/rules/params';
import { constraintKind } from './param-rules';
import { validateFor } from './validate';

/** A call holding a valid value in every required parameter of `op`. */
function baseCall(op: Operation): Record<string, unknown> {
  return Object.fromEntries(op.params.filter((p) => p.required).map((p) => [p.name, validSample(p)]));
}

const opOf = (r: ParamRule) =>
  findOperation(r.derived.product, r.derived.version, r.derived.action) as Operation;

/**
 * What is wrong with how the model's validation of `op` treats one derived rule: a value past the
 * documented constraint (the catalogue's samples) must be refused naming the rule, a value at its
 * edge accepted naming it.
 */
function problemsWith(op: Operation, r: ParamRule): string[] {
  const documented = opOf(r).params.find((x) => x.name === r.derived.param) as Param;
  const { fits, breaks } = samplesOf(documented, r.derived.constraint);
  const problems: string[] = [];
  for (const value of breaks) {
    const params = { ...baseCall(op), [documented.name]: value };
    if (value === undefined) delete params[documented.name];
    const v = validateFor(op, { params });
    if (v.ok) problems.push(`${JSON.stringify(value)} accepted`);
    else if (!v.refusal.rules.includes(r.id))
      problems.push(`${JSON.stringify(value)} refused without naming it (${v.refusal.rules.join(', ')})`);
  }
  for (const value of fits) {
    const v = validateFor(op, { params: { ...baseCall(op), [documented.name]: value } });
    if (!v.ok) problems.push(`${JSON.stringify(value)} refused (${v.refusal.rules.join(', ')})`);
    else if (!v.edges.includes(r.id)) problems.push(`${JSON.stringify(value)} accepted without naming it`);
  }
  return problems;
}

describe('derived parameter rules (api/rules/params.ts), each refused past its edge and accepted at it', () => {
  it.each(PARAM_RULES.map((r) => [r.id, r] as const))('%s', (_id, r) => {
    expect(problemsWith(opOf(r), r)).toEqual([]);
  });

  it('the check fails when validation ignores a constraint (ClientToken without its length or form)', () => {
    const op = findOperation('ebs', '2021-07-30', 'StartDiskReplicaPair') as Operation;
    const loose = defineOperation({
      ...op,
      params: op.params.map((p) =>
        p.name === 'ClientToken' ? { ...p, kind: { type: 'string' as const } } : p,
      ),
    });
    const lengthRule = PARAM_RULES.find(
      (r) => r.id === paramRuleId(op, 'ClientToken', 'LENGTH'),
    ) as ParamRule;
    const formRule = PARAM_RULES.find((r) => r.id === paramRuleId(op, 'ClientToken', 'FORMAT')) as ParamRule;
    expect(problemsWith(op, lengthRule)).toEqual([]);
    expect(problemsWith(loose, lengthRule)).toContain(`${JSON.stringify('k'.repeat(65))} accepted`);
    expect(problemsWith(loose, formRule)).toContain(`${JSON.stringify('tok-é')} accepted`);
  });

  it('the check fails when a parameter is no longer required, or an enum takes any value', () => {
    const op = findOperation('ebs', '2021-07-30', 'DescribeDiskReplicaPairs') as Operation;
    const loose = defineOperation({
      ...op,
      params: op.params.map((p) =>
        p.name === 'RegionId'
          ? { ...p, required: false }
          : p.name === 'Site'
            ? { ...p, kind: { type: 'string' as const } }
            : p,
      ),
    });
    const required = PARAM_RULES.find((r) => r.id === paramRuleId(op, 'RegionId', 'REQUIRED')) as ParamRule;
    const site = PARAM_RULES.find((r) => r.id === paramRuleId(op, 'Site', 'ENUM')) as ParamRule;
    expect(problemsWith(loose, required)).toContain('undefined accepted');
    expect(problemsWith(loose, site)).toContain(`${JSON.stringify('production-unlisted')} accepted`);
  });

  it('the check fails when a bound moves by one (MaxResults 1-499 instead of 1-500)', () => {
    const op = findOperation('ebs', '2021-07-30', 'DescribeDiskReplicaPairs') as Operation;
    const off = defineOperation({
      ...op,
      params: op.params.map((p) =>
        p.name === 'MaxResults' ? { ...p, kind: { type: 'integer' as const, min: 1, max: 499 } } : p,
      ),
    });
    const range = PARAM_RULES.find((r) => r.id === paramRuleId(op, 'MaxResults', 'RANGE')) as ParamRule;
    expect(problemsWith(off, range)).toEqual([expect.stringMatching(/^500 refused/)]);
  });
});

// Which derived rules a refused value breaks is read from each constraint alone, through the
// compiled check; it must answer as that constraint's zod schema does, on the constraints' own
// edge samples and on values of every other kind.
describe('each constraint alone: the compiled check answers as its schema', () => {
  const odd = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('', 'true', '1', '-0', '1.5', 'x'.repeat(129), '[1]', 'a,b', null, {}, [], [1], ['']),
    fc.integer({ min: -5, max: 40_000 }),
    fc.constantFrom(1.5, Number.NaN, 2 ** 60),
    fc.boolean(),
  );
  const cases = OPERATIONS.flatMap((op) =>
    op.params.flatMap((p) =>
      constraintsOf(p)
        .filter((c) => c !== 'REQUIRED')
        .map((c) => [`${op.action}.${p.name} ${c}`, p, c] as const),
    ),
  );
  it.each(cases)('%s', (_, p, c) => {
    const samples = constraintsOf(p).flatMap((k) => {
      if (k === 'REQUIRED') return [];
      const s = samplesOf(p, k);
      return [...s.fits, ...s.breaks];
    });
    const values = fc.oneof(fc.constantFrom(...samples), odd);
    fc.assert(
      fc.property(values, (v) => {
        if (c === 'MAX_ITEMS') {
          const parsed = paramSchema(p).safeParse(v);
          const keeps = parsed.success || !parsed.error.issues.some(isTooManyItems);
          expect(paramProblem(p)(v)?.tooMany !== true).toBe(keeps);
          return;
        }
        const alone = { ...p, kind: constraintKind(p, c) };
        expect(paramProblem(alone)(v) === undefined).toBe(paramSchema(alone).safeParse(v).success);
      }),
      { numRuns: 60 },
    );
  });
});

describe('edge rules', () => {
  // The parsed call comes in the schema's order whatever order the call's keys had, and the edge
  // rules come in the catalogue's order with it.
  it.each(OPERATIONS.map((op) => [op.action, op] as const))(
    '%s: in the catalogue order, whatever the key order',
    (_, op) => {
      const atEdges = Object.fromEntries(
        op.params.map((p) => {
          const fits = constraintsOf(p).flatMap((c) => (c === 'REQUIRED' ? [] : samplesOf(p, c).fits));
          return [p.name, fits.at(-1) ?? validSample(p)];
        }),
      );
      const ordered = validateFor(op, { params: atEdges });
      const reversed = validateFor(op, { params: Object.fromEntries(Object.entries(atEdges).reverse()) });
      expect(ordered.ok && reversed.ok).toBe(true);
      if (!ordered.ok || !reversed.ok) return;
      expect(reversed.edges).toEqual(ordered.edges);
      const catalogueOrder = [...ordered.edges].sort(
        (a, b) => PARAM_RULES.findIndex((r) => r.id === a) - PARAM_RULES.findIndex((r) => r.id === b),
      );
      expect(ordered.edges).toEqual(catalogueOrder);
    },
  );
});
