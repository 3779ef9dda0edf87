import type { Exchange, Target } from '../adapters/target';
import { InstanceStatus, RegionResourceType } from '../api/enums';
import type { InstanceInfo, RegionInfo, World, ZoneInfo } from '../model';

/** A region the docs never list for async replication: the target for negative region cases. */
export const REGION_WITHOUT_REPLICATION = 'cn-qingdao';

export class WorldDiscoveryError extends Error {
  override readonly name = 'WorldDiscoveryError';
}

/** What learning the world saw but could not use: one line each, naming the call and the field. */
export type WorldNote = string;

export interface LearnedWorld {
  readonly world: World;
  readonly notes: readonly WorldNote[];
}

function body(exchange: Exchange, what: string): unknown {
  const o = exchange.outcome;
  if (o.kind === 'success') return o.body;
  const why =
    o.kind === 'error' ? `${o.code} (HTTP ${o.httpStatus}): ${o.message}` : `${o.reason}: ${o.message}`;
  throw new WorldDiscoveryError(`cannot learn the world: ${what} failed: ${why}`);
}

type Json = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * The list at `path` of a body, or [] with a note: learning reads only what it needs, field by
 * field, so a missing or odd field costs that item, never the run. Judging the same answers
 * against their schema is the checks' job.
 */
function listAt(value: unknown, path: readonly string[], what: string, notes: WorldNote[]): unknown[] {
  let here = value;
  for (const key of path) here = isObject(here) ? here[key] : undefined;
  if (Array.isArray(here)) return here;
  notes.push(
    `${what}: no ${path.join('.')} list${here === undefined ? '' : ` (got ${typeof here})`}; read as empty`,
  );
  return [];
}

function zoneOf(z: unknown, where: string, notes: WorldNote[]): ZoneInfo | undefined {
  const id = isObject(z) ? text(z.ZoneId) : undefined;
  if (!id) {
    notes.push(`${where}: a zone without ZoneId; skipped`);
    return undefined;
  }
  const types = isObject(z) && Array.isArray(z.ResourceTypes) ? z.ResourceTypes : undefined;
  if (!types) return { id, asyncReplication: true };
  const unknown = types.filter((t) => !RegionResourceType.safeParse(t).success);
  if (unknown.length > 0)
    notes.push(`${where}: zone ${id} lists undocumented resource types ${JSON.stringify(unknown)}; ignored`);
  // Asked with ResourceType=ear, a listed zone offers it unless its own list says otherwise.
  const ear = types.includes('ear');
  if (!ear)
    notes.push(`${where}: zone ${id} is listed without ear in ResourceTypes; not used for replication`);
  return { id, asyncReplication: ear };
}

function regionsOf(answer: unknown, notes: WorldNote[]): RegionInfo[] {
  const what = 'DescribeRegions(ear)';
  if (!isObject(answer) || !text(answer.RequestId)) notes.push(`${what}: the answer has no RequestId`);
  const regions: RegionInfo[] = [];
  listAt(answer, ['Regions'], what, notes).forEach((r, i) => {
    const id = isObject(r) ? text(r.RegionId) : undefined;
    if (!id) {
      notes.push(`${what}: region #${i + 1} has no RegionId; skipped`);
      return;
    }
    const zones = listAt(r, ['Zones'], `${what} ${id}`, notes)
      .map((z) => zoneOf(z, `${what} ${id}`, notes))
      .filter((z): z is ZoneInfo => z !== undefined);
    regions.push({ id, asyncReplication: zones.some((z) => z.asyncReplication), zones });
  });
  return regions;
}

function instancesOf(answer: unknown, regionId: string, notes: WorldNote[]): InstanceInfo[] {
  const what = `DescribeInstances(${regionId})`;
  const found: InstanceInfo[] = [];
  listAt(answer, ['Instances', 'Instance'], what, notes).forEach((i, n) => {
    const id = isObject(i) ? text(i.InstanceId) : undefined;
    const zoneId = isObject(i) ? text(i.ZoneId) : undefined;
    const status = InstanceStatus.safeParse(isObject(i) ? i.Status : undefined);
    if (!id || !zoneId || !status.success) {
      const problem = !id
        ? 'has no InstanceId'
        : !zoneId
          ? 'has no ZoneId'
          : `has the undocumented Status ${JSON.stringify(isObject(i) ? i.Status : undefined)}`;
      notes.push(`${what}: instance ${id ?? `#${n + 1}`} ${problem}; skipped`);
      return;
    }
    found.push({ id, regionId: (isObject(i) && text(i.RegionId)) || regionId, zoneId, status: status.data });
  });
  return found;
}

/**
 * Learns the world from the API itself, never from an emulator's seed: the regions and zones
 * DescribeRegions lists for async replication (`ear`), and the running instances of each. It is
 * tolerant: a field it cannot read costs that region, zone or instance and leaves a note, never
 * the run. It fails only when a call fails or too little is left to test with.
 */
export async function learnWorldNoting(target: Target): Promise<LearnedWorld> {
  const notes: WorldNote[] = [];
  const regionsCall = { product: 'ebs', version: '2021-07-30', action: 'DescribeRegions' } as const;
  const ear = body(
    await target.send({ ...regionsCall, params: { ResourceType: 'ear' } }),
    'DescribeRegions(ear)',
  );
  const regions = regionsOf(ear, notes);
  if (!regions.some((r) => r.id === REGION_WITHOUT_REPLICATION))
    regions.push({ id: REGION_WITHOUT_REPLICATION, asyncReplication: false, zones: [] });
  const instances: InstanceInfo[] = [];
  // On a billed account the instances belong to someone else: the run neither lists them nor
  // attaches its disks to them, so its world has none (attach and detach are then never drawn).
  const ownsInstances = !target.capabilities.costsMoney;
  for (const region of regions.filter((r) => r.asyncReplication && ownsInstances)) {
    const answer = await target.send({
      product: 'ecs',
      version: '2014-05-26',
      action: 'DescribeInstances',
      params: { RegionId: region.id, PageSize: 100 },
    });
    instances.push(...instancesOf(body(answer, `DescribeInstances(${region.id})`), region.id, notes));
  }
  if (regions.filter((r) => r.asyncReplication).length < 2)
    throw new WorldDiscoveryError(
      `cannot learn the world: fewer than two regions support async replication (ear)${notes.length > 0 ? `; ${notes.join('; ')}` : ''}`,
    );
  return {
    world: {
      regions,
      instances,
      essdAutoPlReplicable: false,
      ...(target.capabilities.costsMoney ? { billed: true } : {}),
      ...(target.resourceGroups ? { resourceGroups: [...target.resourceGroups] } : {}),
    },
    notes,
  };
}

/** The world alone (see learnWorldNoting for what could not be used). */
export async function learnWorld(target: Target): Promise<World> {
  return (await learnWorldNoting(target)).world;
}
