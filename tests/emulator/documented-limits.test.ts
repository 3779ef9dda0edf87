import { describe, expect, it } from 'vitest';
import { type Operation, operationKey } from '../../api';
import { constraintsOf, judgedOperations } from '../../api/rules/params';
import { ServiceError } from '../../emulator/service/api';
import { ROUTES } from '../../emulator/service/dispatch';
import { checkDocumentedLimits, type PageLimits } from '../../emulator/service/documented-limits';

// Two readings of the same pages: the catalogue (api/operations, which the model validates with and
// the PARAM.* rules derive from) and the emulator's own table. Each constraint of the kinds the
// table holds must read the same in both; a difference is a mistake in one of them, shown here
// instead of shared silently.
const key = (op: Operation) => `${op.product}:${op.action}`;
const show = (v: unknown) => JSON.stringify(v);

type Statement = [constraint: string, value: string];

function catalogueSays(op: Operation): Statement[] {
  const out: Statement[] = [];
  for (const p of op.params)
    for (const c of constraintsOf(p)) {
      const k = p.kind;
      if (c === 'REQUIRED') out.push([`${p.name} required`, 'yes']);
      if (c === 'ENUM' && 'enum' in k) out.push([`${p.name} one of`, show([...(k.enum ?? [])].sort())]);
      if (c === 'RANGE' && k.type === 'integer') out.push([`${p.name} range`, show([k.min, k.max ?? null])]);
      if (c === 'MAX_ITEMS' && 'maxItems' in k) out.push([`${p.name} at most`, show(k.maxItems)]);
      if (c === 'LENGTH' && k.type === 'string')
        out.push([`${p.name} length`, show([k.minLength ?? 0, k.maxLength])]);
    }
  return out;
}

function emulatorSays(l: PageLimits): Statement[] {
  return [
    ...(l.required ?? []).map((n): Statement => [`${n} required`, 'yes']),
    ...Object.entries(l.oneOf ?? {}).map(([n, v]): Statement => [`${n} one of`, show([...v].sort())]),
    ...Object.entries(l.range ?? {}).map(([n, r]): Statement => [`${n} range`, show([r.min, r.max ?? null])]),
    ...Object.entries(l.atMost ?? {}).map(([n, m]): Statement => [`${n} at most`, show(m)]),
    ...Object.entries(l.length ?? {}).map(([n, r]): Statement => [`${n} length`, show([r.min, r.max])]),
  ];
}

/**
 * Where the two readings differ on purpose, and why. Lengths the emulator's table does not state
 * (ClientToken, names) are checked by the emulator's handlers, not by the table.
 */
const KNOWN: Readonly<Record<string, string>> = {};

describe('the emulator’s own reading of the parameter limits agrees with the catalogue', () => {
  const ops = judgedOperations();
  it.each(ops.map((op) => [key(op), op] as const))('%s', (_, op) => {
    const table = ROUTES.get(operationKey(op))?.limits ?? {};
    const theirs = new Map(catalogueSays(op));
    const ours = new Map(emulatorSays(table));
    const differences: string[] = [];
    for (const [what, value] of theirs) {
      if (what.endsWith(' length') && !ours.has(what)) continue;
      if (ours.get(what) !== value && !KNOWN[`${key(op)} ${what}`])
        differences.push(`${what}: catalogue ${value}, emulator ${ours.get(what) ?? '(nothing)'}`);
    }
    for (const [what, value] of ours)
      if (!theirs.has(what) && !KNOWN[`${key(op)} ${what}`])
        differences.push(`${what}: emulator ${value}, catalogue (nothing)`);
    expect(differences).toEqual([]);
  });

  it('every route the model judges states the limits of its page', () => {
    expect(ops.filter((op) => !ROUTES.get(operationKey(op))?.limits).map(key)).toEqual([]);
  });
});

describe('the emulator refuses by its own table', () => {
  const code = (k: string, p: Record<string, unknown>) => {
    const [product, action] = k.split(':');
    const route = [...ROUTES.values()].find(
      (r) => r.key.startsWith(`${product}:`) && r.key.endsWith(`:${action}`),
    );
    try {
      checkDocumentedLimits(route?.limits, p);
      return 'accepted';
    } catch (err) {
      return err instanceof ServiceError ? err.code : String(err);
    }
  };
  it('a missing required parameter, with the code its page names', () => {
    expect(code('ebs:StartDiskReplicaPair', { RegionId: 'cn-shanghai' })).toBe('MissingParameter');
    expect(
      code('ecs:CreateDiskReplicaPair', {
        RegionId: 'r',
        DiskId: 'd-1',
        DestinationRegionId: 'r2',
        DestinationDiskId: 'd-2',
      }),
    ).toBe('IncompleteParamter');
    expect(code('ebs:TagResources', { RegionId: 'r', ResourceId: ['pair-1'], Tag: [{ Key: 'k' }] })).toBe(
      'MissingParameter.ResourceType',
    );
  });
  it('a value outside its list, a range or an item count, at and past each bound', () => {
    const base = { RegionId: 'cn-shanghai' };
    expect(code('ebs:DescribeDiskReplicaPairs', { ...base, MaxResults: 500 })).toBe('accepted');
    expect(code('ebs:DescribeDiskReplicaPairs', { ...base, MaxResults: 501 })).toBe('InvalidParameter');
    expect(code('ebs:DescribeDiskReplicaPairs', { ...base, Site: 'primary' })).toBe('InvalidParameter');
    expect(code('ecs:DescribeDisks', { ...base, DiskIds: Array(100).fill('d-1') })).toBe('accepted');
    expect(code('ecs:DescribeDisks', { ...base, DiskIds: Array(101).fill('d-1') })).toBe(
      'InvalidDiskIds.Malformed',
    );
    const tag = { ...base, ResourceType: 'diskreplicapair', ResourceId: ['pair-1'] };
    expect(code('ebs:TagResources', { ...tag, Tag: Array(21).fill({ Key: 'k' }) })).toBe('NumberExceed.Tags');
    expect(code('ebs:TagResources', { ...tag, ResourceType: 'disk', Tag: [{ Key: 'k' }] })).toBe(
      'InvalidResourceType.NotFound',
    );
    expect(
      code('ebs:CreateDiskReplicaGroup', {
        ...base,
        SourceZoneId: 'a',
        DestinationRegionId: 'b',
        DestinationZoneId: 'c',
        GroupName: 'g',
      }),
    ).toBe('InvalidParameter');
  });
});
