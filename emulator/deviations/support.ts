import type { Deviation, NextService } from '../protocol/deviation';
import type { ServiceBody, ServiceCall } from '../service/api';
import { ServiceError } from '../service/api';

/** Small tools the deviations share: which call this is, and reading or rewriting listing rows. */

export type Row = Record<string, unknown>;

/** A deviation that only rewrites the answers of the calls it matches. */
export const rewriting =
  (matches: (call: ServiceCall) => boolean, rewrite: (body: ServiceBody, call: ServiceCall) => ServiceBody) =>
  (): Deviation => ({
    async around(call, next) {
      const body = await next(call);
      return matches(call) ? rewrite(body, call) : body;
    },
  });

export const isEbs = (call: ServiceCall, action: string) => call.product === 'ebs' && call.action === action;
export const isEcs = (call: ServiceCall, action: string) => call.product === 'ecs' && call.action === action;

/** The rows of a listing body at a dotted path (`ReplicaPairs`, `Disks.Disk`); [] when absent. */
export function rowsAt(body: ServiceBody, path: string): Row[] {
  let here: unknown = body;
  for (const key of path.split('.'))
    here = here && typeof here === 'object' ? (here as Record<string, unknown>)[key] : undefined;
  return Array.isArray(here) ? (here as Row[]) : [];
}

/** The body with the rows at `path` replaced by `rewrite(rows)`; every other field as it was. */
export function withRows(body: ServiceBody, path: string, rewrite: (rows: Row[]) => Row[]): ServiceBody {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  if (rest.length === 0) return { ...body, [head]: rewrite(rowsAt(body, head)) };
  const inner = (body[head] ?? {}) as ServiceBody;
  return { ...body, [head]: withRows(inner, rest.join('.'), rewrite) };
}

/** Rewrites every row of a listing one by one. */
export const mapRows = (body: ServiceBody, path: string, rewrite: (row: Row) => Row): ServiceBody =>
  withRows(body, path, (rows) => rows.map(rewrite));

/** One pair as a region lists it for a site, read through the service itself; undefined if not listed. */
export async function readPair(
  next: NextService,
  call: ServiceCall,
  regionId: string,
  pairId: string,
  site: 'production' | 'backup' = 'production',
): Promise<Row | undefined> {
  const read = {
    ...call,
    action: 'DescribeDiskReplicaPairs',
    params: { RegionId: regionId, PairIds: pairId, Site: site },
  };
  try {
    return rowsAt(await next(read), 'ReplicaPairs')[0];
  } catch (err) {
    // A region the pair is not visible from, or one without replication: nothing to learn there.
    if (err instanceof ServiceError) return undefined;
    throw err;
  }
}

/** The pair a call names, as the call's region lists it from either site; undefined if it does not. */
export async function readCalledPair(next: NextService, call: ServiceCall): Promise<Row | undefined> {
  const region = String(call.params.RegionId);
  const pairId = String(call.params.ReplicaPairId);
  return (
    (await readPair(next, call, region, pairId)) ?? (await readPair(next, call, region, pairId, 'backup'))
  );
}

/** The members of a group as the group's own region lists them. */
export async function readMembers(next: NextService, call: ServiceCall, regionId: string, groupId: string) {
  const read = {
    ...call,
    action: 'DescribeDiskReplicaPairs',
    params: { RegionId: regionId, ReplicaGroupId: groupId },
  };
  const both = await Promise.all(
    (['production', 'backup'] as const).map((Site) =>
      next({ ...read, params: { ...read.params, Site } }).then(
        (body) => rowsAt(body, 'ReplicaPairs'),
        () => [] as Row[],
      ),
    ),
  );
  return both.flat();
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** One disk as its region lists it, read through the service itself; undefined if not listed. */
export async function readDisk(
  next: NextService,
  call: ServiceCall,
  regionId: string,
  diskId: string,
): Promise<Row | undefined> {
  const read = {
    ...call,
    product: 'ecs' as const,
    version: '2014-05-26',
    action: 'DescribeDisks',
    params: { RegionId: regionId, DiskIds: [diskId] },
  };
  try {
    return rowsAt(await next(read), 'Disks.Disk')[0];
  } catch (err) {
    if (err instanceof ServiceError) return undefined;
    throw err;
  }
}

/** A pair outside any group: group members move with their group, whose own profiles cover them. */
export const ungrouped = (row: Row | undefined): row is Row => row !== undefined && !str(row.ReplicaGroupId);
