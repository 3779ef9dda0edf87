import { DESCRIPTION_PATTERN, GROUP_NAME_PATTERN, NAME_PATTERN } from '../operations/common';
import type { Param } from '../param';
import type { ConstraintKind } from './params';

/**
 * Values at the edge of each documented constraint: those that fit it (at a bound where it has
 * one) and those that break it (just past each bound, or outside the form). The parametrized
 * model test and the parameter-variant generator both draw from here, so what the run sends is
 * what the test proves the model refuses or accepts.
 *
 * Every value that breaks one constraint fits the parameter's others where it can (a length
 * probe is made of letters, so it also has the name form).
 */
export interface Samples {
  readonly fits: readonly unknown[];
  readonly breaks: readonly unknown[];
}

/** Forms the catalogue's patterns document, each with values inside and outside it. */
const FORMS = new Map<RegExp, Samples>([
  // 2-128 characters, a letter first, no http(s):// prefix; letters, digits, ":", "_", ".", "-".
  [
    NAME_PATTERN,
    { fits: ['ab', `a${'b:_.-1'.repeat(22)}`.slice(0, 128)], breaks: ['1ab', 'a', 'http://ab', 'a b'] },
  ],
  // As names, without the period.
  [GROUP_NAME_PATTERN, { fits: ['ab', 'g-1_2:3'], breaks: ['1ab', 'a.b', 'https://ab', 'a b'] }],
  // 2-256 characters, no http(s):// prefix.
  [
    DESCRIPTION_PATTERN,
    { fits: ['ab', `d ${'x'.repeat(254)}`], breaks: ['a', 'http://ab', 'x'.repeat(257)] },
  ],
]);

/** A printable-ASCII form (ClientToken). */
const ASCII: Samples = { fits: ['tok-~ !'], breaks: ['tok-é', 'tok\u0001'] };

/** A value that fits every constraint of the parameter: what a valid call holds there. */
export function validSample(p: Param): unknown {
  const k = p.kind;
  switch (k.type) {
    case 'string': {
      if (k.enum) return k.enum[0];
      if (k.pattern) return FORMS.get(k.pattern)?.fits[0];
      return 'x'.repeat(Math.max(k.minLength ?? 1, 4)).slice(0, k.maxLength ?? 4);
    }
    case 'integer':
      return k.enum ? k.enum[0] : (k.min ?? k.max ?? 1);
    case 'boolean':
      return true;
    case 'tags':
      return [{ Key: 'k1', Value: 'v1' }];
    default:
      return ['id-1'];
  }
}

const items = (p: Param, n: number): unknown[] =>
  p.kind.type === 'tags'
    ? Array.from({ length: n }, (_, i) => ({ Key: `k${i + 1}`, Value: `v${i + 1}` }))
    : Array.from({ length: n }, (_, i) => `id-${i + 1}`);

/** A whole number the enum does not hold, next to its values. */
function outsideOf(values: readonly number[]): number {
  let n = Math.max(...values) + 1;
  while (values.includes(n)) n++;
  return n;
}

/** The values at the edge of one documented constraint of `p`. */
export function samplesOf(p: Param, c: ConstraintKind): Samples {
  const k = p.kind;
  switch (c) {
    case 'REQUIRED':
      return { fits: [validSample(p)], breaks: [undefined] };
    case 'ENUM':
      if (k.type === 'integer' && k.enum) return { fits: [...k.enum], breaks: [outsideOf(k.enum), 'x'] };
      if (k.type === 'string' && k.enum)
        return {
          fits: [...k.enum],
          breaks: [`${k.enum[0]}-unlisted`, (k.enum[0] ?? '').toUpperCase() + 'X'],
        };
      break;
    case 'INTEGER':
      return { fits: [validSample(p)], breaks: ['one', '1.5'] };
    case 'BOOLEAN':
      return { fits: [true, false], breaks: ['yes', 2] };
    case 'RANGE':
      if (k.type === 'integer') {
        const fits = [k.min, k.max].filter((v): v is number => v !== undefined);
        const breaks = [
          ...(k.min !== undefined ? [k.min - 1] : []),
          ...(k.max !== undefined ? [k.max + 1] : []),
        ];
        return { fits, breaks };
      }
      break;
    case 'LENGTH':
      if (k.type === 'string') {
        const letter = k.ascii ? 'k' : 'a';
        const min = (k.minLength ?? 0) > 1 ? (k.minLength as number) : undefined;
        const fits = [
          ...(min ? [letter.repeat(min)] : []),
          ...(k.maxLength ? [letter.repeat(k.maxLength)] : []),
        ];
        const breaks = [
          ...(min ? [letter.repeat(min - 1)] : []),
          ...(k.maxLength ? [letter.repeat(k.maxLength + 1)] : []),
        ];
        return { fits, breaks };
      }
      break;
    case 'FORMAT':
      if (k.type === 'string') {
        if (k.pattern) {
          const form = FORMS.get(k.pattern);
          if (form) return form;
        } else if (k.ascii) return ASCII;
      }
      break;
    case 'MAX_ITEMS':
      if ('maxItems' in k) return { fits: [items(p, k.maxItems)], breaks: [items(p, k.maxItems + 1)] };
      break;
  }
  throw new Error(`no samples for ${p.name} ${c}: describe its form in api/rules/param-samples.ts`);
}
