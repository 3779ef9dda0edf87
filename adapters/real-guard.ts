/**
 * The rails a run against a real account stays between, checked before a call leaves the
 * machine: it names only resources this run created (or IDs made up to probe NotFound), it
 * never buys a subscription unless allowed, and it stays within its caps. A refusal is a reason
 * (text); the caller turns it into an outcome that halts the sequence as inconclusive.
 */
import { RESOURCES, type ResourceDef, resourceOfParam, startedBy } from '../api/resources';
import type { ResourceKind } from './journal';

export interface Caps {
  readonly disks: number;
  readonly pairs: number;
  readonly groups: number;
  /** Total size of the disks created, GiB. */
  readonly gib: number;
  /** Requests sent, retries included. */
  readonly calls: number;
  readonly wallMs: number;
}

/** A night's worth of the suite at a few dollars at most: small pay-as-you-go ESSDs, short-lived. */
export const DEFAULT_REAL_CAPS: Caps = {
  disks: 12,
  pairs: 6,
  groups: 3,
  gib: 400,
  calls: 3000,
  wallMs: 60 * 60_000,
};

/**
 * Values that name nothing anyone owns: IDs the property commands make up to probe NotFound
 * (`d-unknown000000`), and `-` (DescribeDiskReplicaPairs: the pairs in no group).
 */
const isProbe = (id: string) => id === '-' || /unknown/i.test(id);

/**
 * One of the run's own IDs made longer (a parameter sweep's probe past the documented length):
 * IDs of a kind have one length, so no resource of anyone else's is named so.
 */
const lengthened = (id: string, owned: ReadonlySet<string>) =>
  [...owned].some((own) => id.length > own.length && id.startsWith(own));

function listed(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return value === undefined ? [] : [String(value)];
  const text = value.trim();
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // Not JSON: a malformed list is a probe of the parameter's format, judged by the target.
    }
  }
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Why the call may not be sent, or undefined when it may. Every parameter that names a resource
 * (api/resources.ts, or any other `...Id`/`...Ids` parameter) may name only what this run created:
 * whatever the parameter is called and whichever kind it names, one ID or a list of them. A
 * resource group is the account's, never the run's: only those the user gave the run may be named.
 */
export function ownershipProblem(
  params: Readonly<Record<string, unknown>>,
  owned: ReadonlySet<string>,
  resourceGroups: ReadonlySet<string> = new Set(),
): string | undefined {
  for (const [name, value] of Object.entries(params)) {
    const kind = resourceOfParam(name);
    if (kind === undefined) continue;
    const allowed = kind === 'resource-group' ? resourceGroups : owned;
    const foreign = listed(value).find((id) => !allowed.has(id) && !isProbe(id) && !lengthened(id, allowed));
    if (foreign === undefined) continue;
    if (kind === 'resource-group')
      return `guard: ${name} ${foreign} is not a resource group this run was given (--resource-group)`;
    const def: ResourceDef | undefined = kind === 'unknown' ? undefined : RESOURCES[kind];
    if (def?.create) return `guard: ${name} ${foreign} was not created by this run`;
    if (def?.startedBy) return `guard: ${name} ${foreign} was not started by this run`;
    return `guard: ${name} ${foreign} names a resource this run did not create`;
  }
  return undefined;
}

/**
 * The ID a successful call starts, which the run owns from then on although no create made it:
 * a drill (api/resources.ts: startedBy), so that its Describe and Clear may name it.
 */
export function startedId(product: string, action: string, body: Readonly<Record<string, unknown>>) {
  const started = startedBy(product, action);
  const id = started && body[started.idField];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

export function prepayProblem(params: Readonly<Record<string, unknown>>): string | undefined {
  for (const name of ['ChargeType', 'InstanceChargeType'])
    if (String(params[name] ?? '').toUpperCase() === 'PREPAY')
      return `guard: ${name}=PREPAY buys a subscription; give --allow-prepay to permit it`;
  return undefined;
}

/** Creates sent (whether they succeeded or not) and calls sent, over the whole run. */
export interface Usage {
  disks: number;
  pairs: number;
  groups: number;
  gib: number;
  calls: number;
}

export const noUsage = (): Usage => ({ disks: 0, pairs: 0, groups: 0, gib: 0, calls: 0 });

/**
 * What the run holds on the account at a moment: resources created and not yet deleted, plus
 * creates in flight (a lane's create may land while another lane's is being checked). This, not
 * what was ever created, is what the resource caps bound: a deleted resource frees its share.
 */
export type Footprint = Omit<Usage, 'calls'>;

/** The cap a call would cross (it is counted only if sent), or undefined. */
export function capProblem(
  caps: Caps,
  live: Readonly<Footprint>,
  calls: number,
  elapsedMs: number,
  creates: ResourceKind | undefined,
  sizeGiB: number,
): string | undefined {
  if (elapsedMs >= caps.wallMs) return `cap reached: wall time ${Math.round(caps.wallMs / 1000)} s`;
  if (calls >= caps.calls) return `cap reached: ${caps.calls} API calls`;
  if (creates === 'disk' && live.disks >= caps.disks) return `cap reached: ${caps.disks} disks live`;
  if (creates === 'disk' && live.gib + sizeGiB > caps.gib)
    return `cap reached: ${caps.gib} GiB of disks live (${live.gib} live, ${sizeGiB} more asked)`;
  if ((creates === 'pair' || creates === 'legacy-pair') && live.pairs >= caps.pairs)
    return `cap reached: ${caps.pairs} pairs live`;
  if (creates === 'group' && live.groups >= caps.groups) return `cap reached: ${caps.groups} groups live`;
  return undefined;
}

/** Adds (sign 1) or takes back (sign -1) one call's creation to a tally. */
export function count(tally: Footprint, creates: ResourceKind | undefined, sizeGiB: number, sign = 1): void {
  if (creates === 'disk') {
    tally.disks += sign;
    tally.gib += sign * sizeGiB;
  }
  if (creates === 'pair' || creates === 'legacy-pair') tally.pairs += sign;
  if (creates === 'group') tally.groups += sign;
}
