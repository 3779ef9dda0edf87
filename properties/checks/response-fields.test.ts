import { describe, expect, it } from 'vitest';
import { findRule, type Operation, operationKey } from '../../api';
import { EBS_DRILL_TAG_RESPONSE_CASES } from '../../api/operations/__fixtures__/ebs-drill-tag-responses';
import { EBS_RESPONSE_CASES } from '../../api/operations/__fixtures__/ebs-responses';
import { ECS_RESPONSE_CASES } from '../../api/operations/__fixtures__/ecs-responses';
import { judgedOperations } from '../../api/rules/params';
import {
  type JudgedField,
  judgedFields,
  RESPONSE_RULES,
  type ResponseConstraint,
  rulesJudgedIn,
  rulesOfAnswer,
} from '../../api/rules/responses';
import { initialState } from '../../model';
import { succeed } from '../../model/expectation';
import { defaultWorld } from '../../model/world';
import type { CheckContext } from './check';
import { response_schema_conformance, undocumented_values } from './response-conformance';
import { listedValueRules, response_field_conformance } from './response-fields';

type Json = Record<string, unknown>;
const EXAMPLES = new Map(
  [...EBS_RESPONSE_CASES, ...EBS_DRILL_TAG_RESPONSE_CASES, ...ECS_RESPONSE_CASES].map((c) => [
    operationKey(c.op),
    c.example,
  ]),
);
const state = initialState(defaultWorld());

const ctx = (operation: Operation, body: Json): CheckContext => ({
  operation,
  expectation: succeed({ rules: ['SOME.MODEL.RULE'], next: () => state }),
  answer: { kind: 'success', httpStatus: 200, body },
  isolated: true,
});

/** A copy of `body` with the field set to `value` in the first row of each list on its path. */
function withField(body: Json, f: JudgedField, value: unknown): Json | undefined {
  const copy = structuredClone(body);
  let here: Json = copy;
  const last = f.segments.length - 1;
  for (const [i, seg] of f.segments.entries()) {
    const list = seg.endsWith('[]');
    const key = list ? seg.slice(0, -2) : seg;
    if (i === last && !list) {
      here[key] = value;
      return copy;
    }
    const next = here[key];
    if (list) {
      if (!Array.isArray(next) || next.length === 0) return undefined;
      if (i === last) {
        next[0] = value;
        return copy;
      }
      here = next[0] as Json;
    } else {
      if (!next || typeof next !== 'object') return undefined;
      here = next as Json;
    }
  }
  return undefined;
}

/** A value of the field's kind that breaks its documented form. */
const BROKEN: Record<ResponseConstraint, (f: JudgedField) => unknown> = {
  // A listed field answered with a number: not a string at all, so not an undocumented value.
  ENUM: () => 7,
  TIME: (f) => (f.detail.includes('ISO') ? '2024-05-01 10:00:00' : 1_649_750_977.5),
  INTEGER: () => '10',
  RANGE: () => 101,
  BOOLEAN: () => 'true',
  ID_PREFIX: (f) => (f.detail.includes('pg-') ? 'rg-0001' : 'x-0001'),
};

const cases = judgedOperations().flatMap((op) => {
  const example = EXAMPLES.get(operationKey(op));
  return example
    ? judgedFields(op).map((f) => [`${op.action} ${f.field} (${f.constraint})`, op, example, f] as const)
    : [];
});

describe('response_field_conformance: each field rule fails on an answer that breaks it', () => {
  it('covers every kind of documented form', () => {
    expect(new Set(cases.map(([, , , f]) => f.constraint))).toEqual(
      new Set(['ENUM', 'TIME', 'INTEGER', 'RANGE', 'BOOLEAN', 'ID_PREFIX']),
    );
  });

  it('breaks the field of every derived rule below', () => {
    const broken = new Set(cases.map(([, , , f]) => f.rule));
    expect(RESPONSE_RULES.map((r) => r.id).filter((id) => !broken.has(id))).toEqual([]);
  });

  it.each(cases)('%s', (_, op, example, f) => {
    expect(response_field_conformance(ctx(op, example)), 'the documented example conforms').toBeUndefined();
    const broken = withField(example, f, BROKEN[f.constraint](f));
    expect(broken, `the example of ${op.action} has a row to put ${f.field} in`).toBeDefined();
    const failure = response_field_conformance(ctx(op, broken as Json));
    expect(failure?.rules).toEqual([f.rule]);
    expect(failure?.expected).toContain(f.field.split('.').at(-1)?.replace('[]', ''));
    // Judged once: the schema check leaves a value of the wrong form to the field rule.
    expect(response_schema_conformance(ctx(op, broken as Json))).toBeUndefined();
  });
});

describe('the two schema checks split the answer between them', () => {
  const pairs = judgedOperations().find((o) => o.action === 'DescribeDiskReplicaPairs') as Operation;
  const example = EXAMPLES.get(operationKey(pairs)) as Json;
  const rows = example.ReplicaPairs as Json[];

  it('a field left out is the schema check’s, under the model’s rules', () => {
    const { CreateTime: _, ...row } = rows[0] as Json;
    const body = { ...example, ReplicaPairs: [row] };
    expect(response_field_conformance(ctx(pairs, body))).toBeUndefined();
    expect(response_schema_conformance(ctx(pairs, body))?.rules).toEqual(
      expect.arrayContaining(['SOME.MODEL.RULE']),
    );
  });

  it('a listed field answered with an unlisted string is an undocumented value, not a failure', () => {
    const body = { ...example, ReplicaPairs: [{ ...rows[0], ChargeType: 'SPOT' }] };
    expect(response_field_conformance(ctx(pairs, body))).toBeUndefined();
    expect(response_schema_conformance(ctx(pairs, body))).toBeUndefined();
    expect(undocumented_values(ctx(pairs, body))).toEqual([
      { field: 'ReplicaPairs.*.ChargeType', value: 'SPOT', documented: ['PREPAY', 'POSTPAY'] },
    ]);
    // Under --strict it fails, naming the field's rule.
    expect(listedValueRules(pairs, 'ReplicaPairs.*.ChargeType')).toEqual([
      'RESP.EBS.DESCRIBE_DISK_REPLICA_PAIRS.REPLICA_PAIRS.CHARGE_TYPE.ENUM',
    ]);
  });
});

describe('crediting: a field rule counts as exercised only where the answer carried the field', () => {
  const pairs = judgedOperations().find((o) => o.action === 'DescribeDiskReplicaPairs') as Operation;
  const example = EXAMPLES.get(operationKey(pairs)) as Json;
  const status = 'RESP.EBS.DESCRIBE_DISK_REPLICA_PAIRS.REPLICA_PAIRS.STATUS.ENUM';
  const expired = 'RESP.EBS.DESCRIBE_DISK_REPLICA_PAIRS.REPLICA_PAIRS.EXPIRED_TIME.TIME';

  it('an empty listing credits no row field', () => {
    expect(rulesJudgedIn(pairs, { ...example, ReplicaPairs: [] })).not.toContain(status);
  });
  it('a row credits the fields it carries, and only those', () => {
    const [row] = example.ReplicaPairs as Json[];
    const { ExpiredTime: _, ...withoutExpiry } = row as Json;
    expect(rulesJudgedIn(pairs, { ReplicaPairs: [row] })).toEqual(expect.arrayContaining([status, expired]));
    expect(rulesJudgedIn(pairs, { ReplicaPairs: [withoutExpiry] })).not.toContain(expired);
  });
  it('an answer adds them to the model’s rules only when both expected and answered a success', () => {
    const body = { ReplicaPairs: [(example.ReplicaPairs as Json[])[0]] };
    const call = { product: 'ebs', version: '2021-07-30', action: 'DescribeDiskReplicaPairs' };
    expect(rulesOfAnswer(call, { kind: 'success', rules: ['M'] }, { kind: 'success', body })).toEqual(
      expect.arrayContaining(['M', status]),
    );
    expect(rulesOfAnswer(call, { kind: 'refusal', rules: ['M'] }, { kind: 'success', body })).toEqual(['M']);
    expect(rulesOfAnswer(call, { kind: 'success', rules: ['M'] }, { kind: 'error' })).toEqual(['M']);
  });
});

describe('RESPONSE_RULES', () => {
  it('each derived rule has a source on its operation’s page, and a unique ID', () => {
    const ids = RESPONSE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RESPONSE_RULES) {
      expect(r.source.where).toBe(`Response parameters: ${r.derived.field}`);
      expect(r.source.doc).toMatch(/^https:\/\//);
      expect(findRule(r.id)).toBe(r);
    }
  });
  it('a field a hand-written rule states maps to that rule, never to a second name', () => {
    const covered = judgedOperations()
      .flatMap((op) => judgedFields(op))
      .filter((f) => !f.rule.startsWith('RESP.'));
    expect(covered.map((f) => f.rule)).toEqual(
      expect.arrayContaining([
        'PROTO.ID_FORMAT',
        'PAIR.DESCRIBE.TIMES_IN_SECONDS',
        'PAIR.PROGRESS.FULL_ONCE_NORMAL',
      ]),
    );
    for (const f of covered) expect(findRule(f.rule), f.rule).toBeDefined();
  });
});
