import fc from 'fast-check';
import type { Variant } from '../../adapters/target';
import type { Disk, Group, ModelState, Pair } from '../../model';
import { destinationOf, sourceOf } from '../../model';
import type { Plan } from '../command';
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

/**
 * Which region a call on a pair or group is made in: one of its sites, another replication region,
 * or now and then a region without async replication (PROTO.EAR_REGION).
 */
export type Side = 'source' | 'destination' | 'elsewhere' | 'unreplicated';
export const side: fc.Arbitrary<Side> = fc.oneof(
  { weight: 16, arbitrary: fc.constantFrom<Side>('source', 'destination', 'destination', 'elsewhere') },
  { weight: 1, arbitrary: fc.constant<Side>('unreplicated') },
);

export function regionFor(s: ModelState, r: Pair | Group, where: Side): string {
  if (where === 'source') return sourceOf(r).regionId;
  if (where === 'destination') return destinationOf(r).regionId;
  if (where === 'unreplicated') return REGION_WITHOUT_REPLICATION;
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
    paramsIn: fc.constantFrom('query', 'query', 'body', 'split'),
  })
  .map((v) => v as Partial<Variant>);

/** A small pool of tokens, so that reuse (same or other parameters) happens by itself. */
export const clientToken: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 12, arbitrary: fc.constant(undefined) },
  // TOK-A differs from tok-a in case only: another token (TOKEN.CASE_SENSITIVE).
  { weight: 2, arbitrary: fc.constantFrom('tok-a', 'tok-b', 'tok-c', 'TOK-A') },
  // The documented maximum, and one past it (TOKEN.FORMAT).
  { weight: 1, arbitrary: fc.constantFrom('k'.repeat(64), 'k'.repeat(65)) },
);

/**
 * A token for a create that is likely resent: often one of its own, so that a resend tests
 * idempotency (TOKEN.SAME_PARAMS_SAME_RESULT) rather than a clash with an earlier call.
 */
export const createToken: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 2, arbitrary: clientToken },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 999_999 }).map((n) => `once-${n}`) },
);

/** true about once in `n` draws; shrinks to false. */
export const rarely = (n: number): fc.Arbitrary<boolean> => fc.nat(n - 1).map((x) => x === n - 1);

/** How a mutating call is sent: with a token or none, retried with it sometimes, in a variant. */
export const sending = { token: clientToken, retry: rarely(6), variant };

/** A status to prefer when picking a resource, or none. */
export const preferred = (statuses: readonly string[]) =>
  fc.option(fc.constantFrom(...statuses), { nil: undefined });

export const withToken = (params: Record<string, unknown>, token: string | undefined) =>
  token === undefined ? params : { ...params, ClientToken: token };

/** An ID of the right shape that names nothing. */
export const UNKNOWN = { pair: 'pair-cn-unknown000000', group: 'pg-unknown000000', disk: 'd-unknown000000' };

/** How a call names its resource: rightly, by an unknown or malformed ID, or not at all. */
export type IdFlaw = 'none' | 'unknown' | 'malformed' | 'missing';
export const idFlaw: fc.Arbitrary<IdFlaw> = fc.oneof(
  { weight: 24, arbitrary: fc.constant<IdFlaw>('none') },
  { weight: 1, arbitrary: fc.constantFrom<IdFlaw>('unknown', 'malformed', 'missing') },
);

/** The ID parameter as the flaw makes it (`{}` when the parameter is left out). */
export function idParam(name: string, id: string, kind: keyof typeof UNKNOWN, flaw: IdFlaw) {
  if (flaw === 'missing') return {};
  if (flaw === 'unknown') return { [name]: UNKNOWN[kind] };
  // Longer than any ID may be (at most 64 characters).
  if (flaw === 'malformed') return { [name]: `${id}-${'z'.repeat(64)}` };
  return { [name]: id };
}

/**
 * The resource at a generated position, among those in `status` when the generator asked for
 * one and there are some: so that every operation meets every status often.
 */
export function pickIn<T extends { readonly status: string }>(
  items: readonly T[],
  position: number,
  status: string | undefined,
): T | undefined {
  const inStatus = status === undefined ? [] : items.filter((x) => x.status === status);
  return nth(inStatus.length > 0 ? inStatus : items, position);
}

export const label = (action: string, ...parts: (string | undefined | false)[]) =>
  `${action}(${parts.filter(Boolean).join(', ')})`;

/** `#n` of a resource, stable for a replay: its position among the live ones. */
export const ref = (prefix: string, items: readonly { id: string }[], id: string) =>
  `${prefix}#${items.findIndex((x) => x.id === id)}`;

/** The same plan, sent the way a generated variant says. */
export const withVariant =
  (v: Partial<Variant>) =>
  (plan: Plan): Plan =>
  (s) => {
    const planned = plan(s);
    return planned && { ...planned, variant: v };
  };
