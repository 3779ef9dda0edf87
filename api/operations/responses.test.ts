import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { operationKey } from '../operation';
import { EBS_DRILL_TAG_RESPONSE_CASES } from './__fixtures__/ebs-drill-tag-responses';
import { EBS_RESPONSE_CASES } from './__fixtures__/ebs-responses';
import { ECS_RESPONSE_CASES } from './__fixtures__/ecs-responses';
import type { ResponseCase } from './__fixtures__/response-case';
import { RequestIdOnly } from './common';
import { DescribeDiskReplicaPairProgress, DescribeDiskReplicaPairs } from './ebs-pairs';
import { DescribeDisks } from './ecs-disks';
import { OPERATIONS } from './index';

const written = [...EBS_RESPONSE_CASES, ...EBS_DRILL_TAG_RESPONSE_CASES, ...ECS_RESPONSE_CASES];
const writtenKeys = new Set(written.map((c) => operationKey(c.op)));
// Every other operation answers with a RequestId only.
const requestIdOnly: ResponseCase[] = OPERATIONS.filter((op) => !writtenKeys.has(operationKey(op))).map(
  (op) => ({
    op,
    example: { RequestId: 'C123F94F-4E38-19AE-942A-A8D6F44F0450' },
    required: { '': ['RequestId'] },
  }),
);
const CASES = [...written, ...requestIdOnly];

type Json = Record<string, unknown>;
const at = (body: unknown, path: string): Json =>
  (path === '' ? body : path.split('.').reduce<unknown>((o, k) => (o as Json)[k], body)) as Json;

/** A value of the same field with another JSON type. */
const wrongType = (v: unknown): unknown => {
  if (typeof v === 'string') return 42;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return Array.isArray(v) ? 'list' : ['object'];
};

function mutated(example: Json, path: string, change: (obj: Json) => void): Json {
  const copy = structuredClone(example);
  change(at(copy, path));
  return copy;
}

describe('response cases', () => {
  it('cover every operation, and only the RequestId-only ones are generated', () => {
    expect(CASES.map((c) => operationKey(c.op)).sort()).toEqual(OPERATIONS.map(operationKey).sort());
    for (const c of requestIdOnly) expect(c.op.response, c.op.action).toBe(RequestIdOnly);
  });
});

describe.each(CASES.map((c) => [operationKey(c.op), c] as const))('%s response', (_key, c) => {
  const parsed = c.op.response.safeParse(c.example);

  it('accepts the documented example', () => {
    expect(parsed.error).toBeUndefined();
  });

  const fields = Object.entries(c.required).flatMap(([path, required]) =>
    Object.keys(at(c.example, path)).map(
      (field) => [path || '(body)', field, required.includes(field), path] as const,
    ),
  );

  it.each(fields)('%s: without %s, required=%s', (_label, field, isRequired, path) => {
    const body = mutated(c.example, path, (obj) => delete obj[field]);
    expect(c.op.response.safeParse(body).success).toBe(!isRequired);
  });

  // Fields the schema does not know are dropped by it, so only known fields are type-checked.
  const known = fields.filter(([, field, , path]) => parsed.success && field in at(parsed.data, path));
  it.each(known)('%s: rejects %s of the wrong type', (_label, field, _r, path) => {
    const body = mutated(c.example, path, (obj) => {
      obj[field] = wrongType(obj[field]);
    });
    expect(c.op.response.safeParse(body).success).toBe(false);
  });

  it('lists only fields the example has', () => {
    for (const [path, required] of Object.entries(c.required)) {
      expect(Object.keys(at(c.example, path))).toEqual(expect.arrayContaining([...required]));
    }
  });
});

describe('documented shapes', () => {
  const pairs = EBS_RESPONSE_CASES.find((c) => c.op === DescribeDiskReplicaPairs)!.example;
  const disks = ECS_RESPONSE_CASES.find((c) => c.op === DescribeDisks)!.example;
  const pair = (pairs.ReplicaPairs as Json[])[0]!;
  const disk = (disks.Disks as { Disk: Json[] }).Disk[0]!;

  it('EBS lists are plain arrays and ECS lists are wrapped, not the other way round', () => {
    expect(
      DescribeDiskReplicaPairs.response.safeParse({ ...pairs, ReplicaPairs: { ReplicaPair: [pair] } })
        .success,
    ).toBe(false);
    expect(DescribeDisks.response.safeParse({ ...disks, Disks: [disk] }).success).toBe(false);
  });

  it('EBS pairs use the 2021-07-30 statuses, not the legacy ECS ones', () => {
    for (const Status of ['starting', 'active', 'paused']) {
      const body = { ...pairs, ReplicaPairs: [{ ...pair, Status }] };
      expect(DescribeDiskReplicaPairs.response.safeParse(body).success, Status).toBe(false);
    }
  });

  it('EBS times are Unix seconds and ECS times ISO-8601 strings', () => {
    const isoPair = { ...pairs, ReplicaPairs: [{ ...pair, CreateTime: '2022-04-12T08:09:37Z' }] };
    expect(DescribeDiskReplicaPairs.response.safeParse(isoPair).success).toBe(false);
    for (const CreationTime of ['yesterday', '2021-06-07 06:08:54', 1623046134]) {
      const body = { ...disks, Disks: { Disk: [{ ...disk, CreationTime }] } };
      expect(DescribeDisks.response.safeParse(body).success, String(CreationTime)).toBe(false);
    }
  });

  it('progress is a percentage', () => {
    const body = { RequestId: 'r', Progress: 101 };
    expect(DescribeDiskReplicaPairProgress.response.safeParse(body).success).toBe(false);
  });

  it('no success schema declares a Code field', () => {
    for (const op of OPERATIONS) {
      expect(op.response, op.action).toBeInstanceOf(z.ZodObject);
      expect(Object.keys((op.response as z.ZodObject).shape), op.action).not.toContain('Code');
    }
  });
});
