import fc from 'fast-check';
import type { Variant } from '../../adapters/target';
import type { Disk, Group, ModelState, Pair } from '../../model';
import { destinationOf, sourceOf } from '../../model';
import { REGION_WITHOUT_REPLICATION } from '../world';

export const EBS = { product: 'ebs', version: '2021-07-30' } as const;
export const ECS = { product: 'ecs', version: '2014-05-26' } as const;

/** Picks the resource at a generated position: sequences stay valid as they shrink. */
export function nth<T>(items: readonly T[], position: number): T | undefined {
  return items.length === 0 ? undefined : items[position % items.length];
}

export const disks = (s: ModelState): Disk[] => Object.values(s.disks);
export const pairs = (s: ModelState): Pair[] => Object.values(s.pairs);
export const groups = (s: ModelState): Group[] => Object.values(s.groups);
export const replicationRegions = (s: ModelState) => s.world.regions.filter((r) => r.asyncReplication);

/** Which region a call on a pair or group is made in. */
export type Side = 'source' | 'destination' | 'elsewhere';
export const side: fc.Arbitrary<Side> = fc.constantFrom<Side>(
  'source',
  'destination',
  'destination',
  'elsewhere',
);

export function regionFor(s: ModelState, r: Pair | Group, where: Side): string {
  if (where === 'source') return sourceOf(r).regionId;
  if (where === 'destination') return destinationOf(r).regionId;
  const other = replicationRegions(s).find(
    (x) => x.id !== sourceOf(r).regionId && x.id !== destinationOf(r).regionId,
  );
  return other?.id ?? REGION_WITHOUT_REPLICATION;
}

/** What a client may vary without changing the call's meaning. */
export const variant: fc.Arbitrary<Partial<Variant>> = fc
  .record({
    format: fc.constantFrom('JSON', 'JSON', 'JSON', 'XML'),
    signature: fc.constantFrom('v3', 'v3', 'v1'),
    method: fc.constantFrom('POST', 'POST', 'GET'),
  })
  .map((v) => v as Partial<Variant>);

/** A small pool of tokens, so that reuse (same or other parameters) happens by itself. */
export const clientToken: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom('tok-a', 'tok-b', 'tok-c') },
);

export const withToken = (params: Record<string, unknown>, token: string | undefined) =>
  token === undefined ? params : { ...params, ClientToken: token };

/** An ID of the right shape that names nothing. */
export const UNKNOWN = { pair: 'pair-cn-unknown000000', group: 'pg-unknown000000', disk: 'd-unknown000000' };

export const label = (action: string, ...parts: (string | undefined | false)[]) =>
  `${action}(${parts.filter(Boolean).join(', ')})`;

/** `#n` of a resource, stable for a replay: its position among the live ones. */
export const ref = (prefix: string, items: readonly { id: string }[], id: string) =>
  `${prefix}#${items.findIndex((x) => x.id === id)}`;

/** true about once in `n` draws; shrinks to false. */
export const rarely = (n: number): fc.Arbitrary<boolean> => fc.nat(n - 1).map((x) => x === n - 1);
