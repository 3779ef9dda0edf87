import { isExempt } from '../layers';
import type { Operation } from '../operation';
import { OPERATIONS } from '../operations';
import type { Param } from '../param';
import type { Rule } from '../rule';

/**
 * Rules derived from the catalogue's parameter data (LocalStack style): one per documented
 * constraint of a parameter of a modelled operation. The data in api/operations/** is written from
 * each operation's page, so the rule's source is that page and the parameter; a bound the
 * catalogue keeps only as its own guard (`Param.guard`) yields no rule.
 *
 * The model names these rules when its validation refuses a call for the parameter, and when it
 * accepts one at the constraint's edge (model/param-rules.ts); model/param-rules.test.ts holds
 * every one of them to both.
 */
export type ConstraintKind =
  | 'REQUIRED'
  | 'ENUM'
  | 'INTEGER'
  | 'BOOLEAN'
  | 'RANGE'
  | 'LENGTH'
  | 'FORMAT'
  | 'MAX_ITEMS';

/** Where a rule derived from the catalogue comes from: the operation, and what of it. */
export interface DerivedRule<From> extends Rule {
  readonly derived: {
    readonly product: Operation['product'];
    readonly version: Operation['version'];
    readonly action: string;
  } & From;
}

export type ParamRule = DerivedRule<{ readonly param: string; readonly constraint: ConstraintKind }>;

/** `DescribeDiskReplicaPairs` → `DESCRIBE_DISK_REPLICA_PAIRS`, `KMSKeyId` → `KMS_KEY_ID`. */
export const snake = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toUpperCase();

export const paramRuleId = (
  op: Pick<Operation, 'product' | 'action'>,
  param: string,
  constraint: ConstraintKind,
): string => `PARAM.${op.product.toUpperCase()}.${snake(op.action)}.${snake(param)}.${constraint}`;

const guarded = (p: Param, bound: 'length' | 'range') => p.guard?.includes(bound) ?? false;

/** The documented constraints of one parameter, in a fixed order. */
export function constraintsOf(p: Param): ConstraintKind[] {
  const out: ConstraintKind[] = p.required ? ['REQUIRED'] : [];
  const k = p.kind;
  switch (k.type) {
    case 'string':
      if (k.enum) out.push('ENUM');
      else {
        const bounded = k.maxLength !== undefined || (k.minLength ?? 0) > 1;
        if (bounded && !guarded(p, 'length')) out.push('LENGTH');
        if (k.pattern || k.ascii) out.push('FORMAT');
      }
      break;
    case 'integer':
      if (k.enum) out.push('ENUM');
      else {
        out.push('INTEGER');
        if ((k.min !== undefined || k.max !== undefined) && !guarded(p, 'range')) out.push('RANGE');
      }
      break;
    case 'boolean':
      out.push('BOOLEAN');
      break;
    default:
      out.push('MAX_ITEMS');
  }
  return out;
}

const quoted = (values: readonly (string | number)[]) => values.map((v) => `${v}`).join(', ');

function statement(op: Operation, p: Param, c: ConstraintKind): string {
  const k = p.kind;
  const head = `${op.action}: ${p.name}`;
  switch (c) {
    case 'REQUIRED':
      return `${head} is required; a call without it is refused with a missing-parameter code${p.missingCode ? ` (${p.missingCode})` : ''}, and one with it is not refused for it.`;
    case 'ENUM':
      return `${head} takes only ${quoted('enum' in k && k.enum ? k.enum : [])}; any other value is refused as an invalid parameter, each listed value is accepted.`;
    case 'INTEGER':
      return `${head} is an integer; a value that is not one is refused as an invalid parameter.`;
    case 'BOOLEAN':
      return `${head} is true or false; any other value is refused as an invalid parameter.`;
    case 'RANGE': {
      const { min, max } = k as { min?: number; max?: number };
      const span =
        min !== undefined && max !== undefined
          ? `${min} to ${max}`
          : min !== undefined
            ? `${min} or more`
            : `at most ${max}`;
      return `${head} accepts ${span} (each bound included); a value past a bound is refused as an invalid parameter.`;
    }
    case 'LENGTH': {
      const { minLength, maxLength } = k as { minLength?: number; maxLength?: number };
      const span =
        (minLength ?? 0) > 1 ? `${minLength} to ${maxLength} characters` : `at most ${maxLength} characters`;
      return `${head} is ${span}; a value of that length is accepted, a longer${(minLength ?? 0) > 1 ? ' or shorter' : ''} one refused as an invalid parameter.`;
    }
    case 'FORMAT':
      return `${head} must have its documented form (${p.description.replace(/\.$/, '')}); a value outside it is refused as an invalid parameter.`;
    case 'MAX_ITEMS': {
      const max = (k as { maxItems: number }).maxItems;
      return `${head} holds at most ${max} items; ${max} are accepted, ${max + 1} refused${p.countCode ? ` with ${p.countCode}` : ' as an invalid parameter'}.`;
    }
  }
}

function where(p: Param, c: ConstraintKind): string {
  const k = p.kind;
  const detail: Record<ConstraintKind, () => string> = {
    REQUIRED: () => 'required',
    ENUM: () => `valid values (${quoted('enum' in k && k.enum ? k.enum : [])})`,
    INTEGER: () => 'type integer',
    BOOLEAN: () => 'type boolean',
    RANGE: () => 'valid range',
    LENGTH: () => 'length',
    FORMAT: () => 'format',
    MAX_ITEMS: () => 'maximum number of items',
  };
  return `Request parameters: ${p.name}, ${detail[c]()}`;
}

/** The operations the model judges (DescribeInstances is only read to learn the world). */
export const judgedOperations = (): readonly Operation[] => OPERATIONS.filter((op) => !isExempt(op, 'model'));

export function deriveParamRules(ops: readonly Operation[]): ParamRule[] {
  return ops.flatMap((op) =>
    op.params.flatMap((p) =>
      constraintsOf(p).map(
        (c): ParamRule => ({
          id: paramRuleId(op, p.name, c),
          statement: statement(op, p, c),
          operations: [op.action],
          source: { doc: op.doc, where: where(p, c) },
          derived: {
            product: op.product,
            version: op.version,
            action: op.action,
            param: p.name,
            constraint: c,
          },
        }),
      ),
    ),
  );
}

export const PARAM_RULES: readonly ParamRule[] = deriveParamRules(judgedOperations());
