import { describe, expect, it } from 'vitest';
import { type Operation, operationKey, takesClientToken } from '../operation';
import { EBS_REQUEST_CASES } from './__fixtures__/ebs-requests';
import { ECS_REQUEST_CASES } from './__fixtures__/ecs-requests';
import { CreateDisk, DescribeDisks } from './ecs-disks';
import { DescribeInstances } from './ecs-instances';
import { LegacyCreateDiskReplicaPair } from './ecs-legacy-pairs';
import { OPERATIONS } from './index';

const CASES = [...EBS_REQUEST_CASES, ...ECS_REQUEST_CASES];

const TOKEN_64 = `${'Ab0-_'.repeat(12)}XYZW`;
const CLIENT_TOKEN_VIOLATIONS = [
  ['ClientToken', `${TOKEN_64}x`],
  ['ClientToken', 'tökén-1'],
  ['ClientToken', '令牌'],
] as const;

const label = (value: unknown) => {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value ?? null);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

describe('request cases', () => {
  it('cover every operation exactly once', () => {
    const covered = CASES.map((c) => operationKey(c.op)).sort();
    expect(covered).toEqual(OPERATIONS.map(operationKey).sort());
  });
});

describe.each(CASES.map((c) => [operationKey(c.op), c] as const))('%s request', (_key, c) => {
  const wire = takesClientToken(c.op) ? { ...c.wire, ClientToken: TOKEN_64 } : c.wire;

  it('parses a valid wire request to typed values', () => {
    const result = c.op.request.safeParse(wire);
    expect(result.error).toBeUndefined();
    expect(result.data).toMatchObject(c.parsed);
  });

  it('marks exactly the documented parameters required', () => {
    const required = c.op.params.filter((p) => p.required).map((p) => p.name);
    expect(required.sort()).toEqual([...c.required].sort());
  });

  it('declares each parameter once', () => {
    const names = c.op.params.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(c.required.map((name) => [name]))('rejects a request without %s', (name) => {
    const { [name]: _dropped, ...rest } = wire;
    const result = c.op.request.safeParse(rest);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toContain(name);
  });

  const violations = takesClientToken(c.op) ? [...c.invalid, ...CLIENT_TOKEN_VIOLATIONS] : c.invalid;
  it.each(violations.map(([name, value]) => [name, label(value), value]))(
    'rejects %s=%s',
    (name, _l, value) => {
      const result = c.op.request.safeParse({ ...wire, [name]: value });
      expect(result.success).toBe(false);
      // Rejected for that parameter, not for something else in the request.
      expect([...new Set(result.error?.issues.map((i) => i.path[0]))]).toEqual([name]);
    },
  );
});

describe('documented values at the edges', () => {
  it('accepts an empty DiskIds array (it lists nothing) and exactly 100 IDs', () => {
    expect(DescribeDisks.request.parse({ RegionId: 'r', DiskIds: '[]' }).DiskIds).toEqual([]);
    const hundred = JSON.stringify(Array.from({ length: 100 }, (_, i) => `d-${i}`));
    expect(DescribeDisks.request.safeParse({ RegionId: 'r', DiskIds: hundred }).success).toBe(true);
  });

  it('accepts typed values as well as wire strings', () => {
    const typed = DescribeDisks.request.safeParse({
      RegionId: 'r',
      DiskIds: ['d-1'],
      PageSize: 10,
      Portable: true,
    });
    expect(typed.data).toMatchObject({ DiskIds: ['d-1'], PageSize: 10, Portable: true });
  });

  it('accepts every documented DescribeDisks status filter, including All', () => {
    for (const Status of ['All', 'In_use', 'Available', 'Attaching', 'Detaching', 'Creating', 'ReIniting']) {
      expect(DescribeDisks.request.safeParse({ RegionId: 'r', Status }).success, Status).toBe(true);
    }
  });
});

describe('specific error codes the docs name for bad or missing values', () => {
  const codeOf = (op: Operation, name: string) => op.params.find((p) => p.name === name);

  const rows: readonly (readonly [Operation, string, string])[] = [
    [CreateDisk, 'DiskName', 'InvalidDiskName.Malformed'],
    [CreateDisk, 'Description', 'InvalidDescription.Malformed'],
    [CreateDisk, 'DiskCategory', 'InvalidDiskCategory.ValueNotSupported'],
    [CreateDisk, 'Size', 'InvalidSize.ValueNotSupported'],
    [CreateDisk, 'PerformanceLevel', 'InvalidPerformanceLevel.Malformed'],
    [DescribeDisks, 'DiskType', 'InvalidDiskType.ValueNotSupported'],
    [DescribeDisks, 'Category', 'InvalidCategory.ValueNotSupported'],
    [DescribeDisks, 'Status', 'InvalidStatus.ValueNotSupported'],
    [DescribeDisks, 'DiskIds', 'InvalidParameter.DiskIds'],
    [DescribeInstances, 'InstanceIds', 'InvalidInstanceIds.Malformed'],
  ];
  it.each(rows.map(([op, name, code]) => [op.action, name, code, op] as const))(
    '%s %s -> %s, a code the operation documents',
    (_action, name, code, op) => {
      expect(codeOf(op, name)?.invalidCode).toBe(code);
      expect(op.errors.map((e) => e.code)).toContain(code);
    },
  );

  it('the legacy CreateDiskReplicaPair reports every missing parameter as IncompleteParamter', () => {
    const required = LegacyCreateDiskReplicaPair.params.filter((p) => p.required);
    expect(required).toHaveLength(5);
    for (const p of required) expect(p.missingCode, p.name).toBe('IncompleteParamter');
  });

  it('DescribeDisks reports a missing RegionId with its own documented code', () => {
    expect(codeOf(DescribeDisks, 'RegionId')?.missingCode).toBe('MissingParamter.RegionId');
  });
});
