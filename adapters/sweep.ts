/**
 * Removes what runs left on an account, in dependency order: stop groups and pairs, take pairs
 * out of groups, delete groups and pairs, then detach and delete disks. Each pass asks the account
 * what is still there (see sweep-discover.ts) and takes the next step for each resource, waiting
 * out transitions with backoff, so a sweep is idempotent and resumable: interrupt it, run it again,
 * and it carries on from whatever state the account is in.
 */
import { RESOURCES } from '../api/resources';
import type { Journal, JournalEntry } from './journal';
import { outstanding } from './journal';
import {
  discover,
  type Found,
  type FoundDisk,
  type FoundGroup,
  type FoundPair,
  replicationRegions,
  SweepError,
  type Wanted,
  whyFailed,
} from './sweep-discover';
import type { ApiCall, Target } from './target';

const EBS = { product: 'ebs', version: '2021-07-30' } as const;
const ECS = { product: 'ecs', version: '2014-05-26' } as const;
/** What the pair, group and disk calls name their resource (api/resources.ts). */
const PAIR_ID = RESOURCES.pair.delete.idParam;
const GROUP_ID = RESOURCES.group.delete.idParam;
const DISK = RESOURCES.disk.delete;
const DISK_ID = DISK.idParam;

const TRANSIENT = new Set(['creating', 'stopping', 'failovering', 'reprotecting', 'deleting']);
const REPLICATING = new Set(['initial_syncing', 'syncing', 'manual_syncing', 'normal', 'stop_failed']);
const FIRST_POLL_MS = 250;
const MAX_POLL_MS = 10_000;
/** Codes that mean the resource is already gone: the step is done. */
const GONE = /NotFound|NoSuchResource|InvalidDiskId|NotExist/i;

export interface SweepOptions {
  readonly target: Target;
  /** Sweep these runs (tag values), or `all` for every resource carrying the run tag key. */
  readonly runs: readonly string[] | 'all';
  /** Journal entries to take IDs and regions from (resources whose tag never landed). */
  readonly journalEntries?: readonly JournalEntry[];
  /**
   * Only these of the journal's resources, found by ID in the regions the journal names, with no
   * tag listing: one sequence's resources while the run's other sequences keep theirs.
   */
  readonly ids?: ReadonlySet<string>;
  /** Where to record what was seen gone; absent in a dry run. */
  readonly journal?: Journal;
  readonly dryRun?: boolean;
  /** Gives up (leftovers reported) after this long. */
  readonly timeoutMs?: number;
  readonly log?: (line: string) => void;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

export interface SweepResult {
  /** What the first pass found. */
  readonly found: Found;
  /** Calls made to remove things (or that a dry run would make first). */
  readonly actions: readonly string[];
  /** What is still there when the sweep ended (empty on success; everything in a dry run). */
  readonly leftovers: Found;
}

export const isEmpty = (f: Found) => f.groups.length + f.pairs.length + f.disks.length === 0;
export const describeFound = (f: Found) =>
  `${f.groups.length} groups, ${f.pairs.length} pairs, ${f.disks.length} disks`;

/** The next call for each resource that can move now; resources waiting on a transition get none. */
export function nextSteps(found: Found): { label: string; call: ApiCall }[] {
  const steps: { label: string; call: ApiCall }[] = [];
  // A step is labelled by the resource it moves: the pair when it names one, else the group.
  const ebs = (action: string, params: Record<string, unknown>) => ({
    label: `${action}(${String(params[PAIR_ID] ?? params[GROUP_ID])})`,
    call: { ...EBS, action, params },
  });
  for (const g of found.groups) steps.push(...groupSteps(g, ebs));
  for (const p of found.pairs.filter((x) => !x.groupId)) steps.push(...pairSteps(p, ebs));
  // Disks go last: only once no pair or group of the sweep is left to hold them.
  if (found.groups.length + found.pairs.length === 0) steps.push(...found.disks.flatMap(diskSteps));
  return steps;
}

type Ebs = (action: string, params: Record<string, unknown>) => { label: string; call: ApiCall };

function groupSteps(g: FoundGroup, ebs: Ebs) {
  const at = { RegionId: g.source, [GROUP_ID]: g.id };
  if (TRANSIENT.has(g.status)) return [];
  if (REPLICATING.has(g.status)) return [ebs('StopDiskReplicaGroup', at)];
  if (g.status === 'failovered' && g.pairIds.length > 0)
    return [ebs('ReprotectDiskReplicaGroup', { ...at, RegionId: g.destination, ReverseReplicate: false })];
  if (g.pairIds.length > 0)
    return g.pairIds.map((id) => ebs('RemoveDiskReplicaPair', { ...at, [PAIR_ID]: id }));
  return [ebs('DeleteDiskReplicaGroup', at)];
}

function pairSteps(p: FoundPair, ebs: Ebs) {
  const at = { RegionId: p.source, [PAIR_ID]: p.id };
  if (TRANSIENT.has(p.status)) return [];
  if (REPLICATING.has(p.status)) return [ebs('StopDiskReplicaPair', at)];
  return [ebs('DeleteDiskReplicaPair', at)];
}

function diskSteps(d: FoundDisk): { label: string; call: ApiCall }[] {
  if (d.status === 'In_use' && d.instanceId)
    return [
      {
        label: `DetachDisk(${d.id})`,
        call: {
          ...ECS,
          action: 'DetachDisk',
          region: d.region,
          params: { [DISK_ID]: d.id, InstanceId: d.instanceId },
        },
      },
    ];
  if (d.status !== 'Available') return [];
  return [
    {
      label: `${DISK.action}(${d.id})`,
      call: { ...ECS, action: DISK.action, region: d.region, params: { [DISK_ID]: d.id } },
    },
  ];
}

function wantedFrom(options: SweepOptions): { wanted: Wanted; regions: string[] } {
  const { resources } = outstanding(options.journalEntries ?? []);
  const ids: Record<string, { disks: string[]; pairs: string[]; groups: string[] }> = {};
  const { ids: only } = options;
  for (const r of resources) {
    if (options.runs !== 'all' && !options.runs.includes(r.runId)) continue;
    if (only && !only.has(r.id)) continue;
    const bucket = ids[r.region] ?? { disks: [], pairs: [], groups: [] };
    ids[r.region] = bucket;
    if (r.kind === 'disk') bucket.disks.push(r.id);
    if (r.kind === 'pair') bucket.pairs.push(r.id);
    if (r.kind === 'group') bucket.groups.push(r.id);
  }
  return { wanted: { tagValues: only ? [] : options.runs, ids }, regions: Object.keys(ids) };
}

export async function sweep(options: SweepOptions): Promise<SweepResult> {
  const log = options.log ?? (() => {});
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? Date.now;
  const deadline = now() + (options.timeoutMs ?? 30 * 60_000);
  const { wanted, regions: journalRegions } = wantedFrom(options);
  // By ID, the journal's regions are where to look; by tag, every region that could hold one.
  const everywhere = options.ids ? [] : await replicationRegions(options.target);
  const regions = [...new Set([...everywhere, ...journalRegions])];
  const actions: string[] = [];
  // A listing that fails even after the client's retries (throttling that lasts) is asked again.
  const look = async (): Promise<Found> => {
    for (let delay = FIRST_POLL_MS; ; delay = Math.min(delay * 2, MAX_POLL_MS)) {
      try {
        return await discover(options.target, regions, wanted);
      } catch (err) {
        if (!(err instanceof SweepError) || now() + delay > deadline) throw err;
        log(`${err.message}; asking again`);
        await sleep(delay);
      }
    }
  };
  let found = await look();
  const first = found;
  log(`found ${describeFound(found)}`);
  if (options.dryRun) {
    const steps = nextSteps(found).map((s) => s.label);
    for (const s of steps) log(`would call ${s}`);
    return { found, actions: steps, leftovers: found };
  }
  // Back off while nothing moves; poll soon again after a step was accepted (a transition began).
  let delay = FIRST_POLL_MS;
  while (!isEmpty(found)) {
    let moved = false;
    for (const step of nextSteps(found)) {
      const exchange = await options.target.send(step.call);
      const o = exchange.outcome;
      actions.push(step.label);
      moved ||= o.kind === 'success';
      if (o.kind === 'success') log(`${step.label}: accepted`);
      else if (o.kind === 'error' && GONE.test(o.code)) log(`${step.label}: already gone`);
      // Refusals for a status that moved meanwhile are expected: the next pass sees the new one.
      else log(`${step.label}: ${whyFailed(o)}`);
    }
    delay = moved ? FIRST_POLL_MS : Math.min(delay * 2, MAX_POLL_MS);
    if (now() + delay > deadline) break;
    await sleep(delay);
    found = await look();
    if (!isEmpty(found)) log(`still there: ${describeFound(found)}`);
  }
  if (options.journal) recordGone(options.journal, first, found);
  return { found: first, actions, leftovers: found };
}

function recordGone(journal: Journal, before: Found, after: Found): void {
  const still = new Set([...after.groups, ...after.pairs, ...after.disks].map((r) => r.id));
  const kinds = [
    ...before.groups.map((g) => ['group', g.id] as const),
    ...before.pairs.map((p) => ['pair', p.id] as const),
    ...before.disks.map((d) => ['disk', d.id] as const),
  ];
  for (const [kind, id] of kinds) if (!still.has(id)) journal.write({ t: 'gone', kind, id });
}
