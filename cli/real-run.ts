/**
 * The life of `run --target real` around the engine: credentials, the journal, the plan printed
 * before the first resource is made, progress while it runs, a stop on a cap or a signal, and the
 * sweep that removes everything the run created, whatever way it ended. The target and the sweep
 * emit their exchanges on the run's events; the inventory the caps read subscribes there.
 */
import { resolve } from 'node:path';
import { checkedCredentials, homeRegion } from '../adapters/aliyun-profile';
import type { CredentialSource } from '../adapters/credentials';
import { createHttpTarget } from '../adapters/http-target';
import { type Journal, openJournal, readJournal } from '../adapters/journal';
import { namePrefixOf, newRunId, RUN_TAG_KEY } from '../adapters/namespace';
import type { Caps } from '../adapters/real-guard';
import { Inventory } from '../adapters/real-inventory';
import { createRealTarget, type RealTarget } from '../adapters/real-target';
import { describeFound, isEmpty, type SweepResult, sweep } from '../adapters/sweep';
import { type Found, whyFailed } from '../adapters/sweep-discover';
import type { Target } from '../adapters/target';
import type { RunOptions } from '../properties/engine';
import type { RunEvents } from '../properties/events';
import type { RealRunRecord, SweptResource } from '../reports/run-record';
import { capsOf, type RealFlags } from './commands/real-flags';
import type { ProgressSnapshot } from './progress';
import { withTargetEvents } from './run-suite';
import { EXIT, UsageError } from './usage-error';

export interface RealRun {
  /** The real target, its exchanges on the run's events (the inventory listens there). */
  readonly target: RealTarget;
  /**
   * Prints the regions the account offers (DescribeRegions through the run's target: its first
   * exchange, so subscribe a cassette before). On failure nothing was created: it releases the
   * target and the journal and throws a usage error.
   */
  showRegions(): Promise<void>;
  /** Engine options the real run adds (stop on a cap, settle time, lanes). */
  readonly engine: Pick<RunOptions, 'stopped' | 'session' | 'concurrency'>;
  /** What a second signal prints before the run is abandoned: how to clean up after it. */
  readonly abandon: string;
  /** The progress line's figures: calls against the cap, live resources, the wall budget. */
  progress(sequences: number, sequenceTotal: number): ProgressSnapshot;
  /** Sweeps the run's resources (once) and resolves to the exit status, given the verdict's. */
  finish(status: number): Promise<number>;
  /** What the run created and held, and (after `finish`) what its cleanup removed and left. */
  record(): RealRunRecord;
}

type Out = { write(text: string): unknown; readonly isTTY?: boolean };

/** Credentials for the run: configuration mistakes are usage errors, before any request. */
async function credentialsFor(flags: RealFlags): Promise<CredentialSource> {
  try {
    return await checkedCredentials(flags.profile !== undefined ? { profile: flags.profile } : {});
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'TARGET_CONFIG')
      throw new UsageError(err.message);
    throw err;
  }
}

const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;

function plan(lines: {
  runId: string;
  source: string;
  endpoint: string;
  region: string | undefined;
  journal: string;
  caps: Caps;
  resourceGroups: readonly string[];
}) {
  const { caps } = lines;
  return [
    `real run ${lines.runId}`,
    `  endpoint: ${lines.endpoint}`,
    `  region for calls naming none: ${lines.region ?? '(none: the central endpoint)'}`,
    `  credentials: ${lines.source} (asked again before every request: expiring tokens are refreshed)`,
    `  creates: data disks (mostly ESSD PL0/PL1, 10-40 GiB), replica pairs and groups between the regions below`,
    `  namespace: tag ${RUN_TAG_KEY}=${lines.runId}, names ${namePrefixOf(lines.runId)}; nothing else is read, changed or deleted`,
    `  resource groups: ${lines.resourceGroups.join(', ') || '(none given: no call names one)'}`,
    `  cost model: pay-as-you-go only (never PREPAY unless --allow-prepay), smallest ESSD sizes, deleted at the end`,
    `  caps: ${caps.disks} disks, ${caps.pairs} pairs, ${caps.groups} groups, ${caps.gib} GiB alive at once; ${caps.calls} API calls, ${minutes(caps.wallMs)} in all`,
    `  journal: ${lines.journal}`,
  ];
}

/** DescribeRegions (ear) through the run's own target, so the plan shows what the account offers. */
async function regionsLine(target: RealTarget): Promise<string[]> {
  const exchange = await target.send({
    product: 'ebs',
    version: '2021-07-30',
    action: 'DescribeRegions',
    params: { ResourceType: 'ear' },
  });
  const o = exchange.outcome;
  if (o.kind !== 'success')
    throw new UsageError(`cannot plan the run: DescribeRegions failed: ${whyFailed(o)}`);
  const regions = Array.isArray(o.body.Regions) ? (o.body.Regions as Record<string, unknown>[]) : [];
  return regions.map((r) => {
    const zones = Array.isArray(r.Zones)
      ? (r.Zones as Record<string, unknown>[]).map((z) => String(z.ZoneId))
      : [];
    return `  region ${String(r.RegionId)}: zones ${zones.join(', ') || '(none)'}`;
  });
}

export async function openRealRun(
  flags: RealFlags & { reportDir: string; runs: number; concurrency?: number },
  events: RunEvents,
  out: Out = process.stdout,
): Promise<RealRun> {
  const credentials = await credentialsFor(flags);
  const region = homeRegion(flags.region, flags.profile);
  const runId = newRunId();
  const journalPath = resolve(flags.journal ?? `${flags.reportDir}/journal.jsonl`);
  const journal: Journal = openJournal(journalPath, runId);
  journal.write({ t: 'run', ...(flags.endpoint ? { endpoint: flags.endpoint } : {}) });
  const caps = capsOf(flags);
  // What is alive is learnt from the run's exchanges, its cleanup's included; the caps read it.
  const inventory = new Inventory();
  events.on('exchange', (e) => inventory.record(e.exchange));
  let target: RealTarget;
  try {
    target = withTargetEvents(
      createRealTarget({
        ...(flags.endpoint ? { endpoint: flags.endpoint } : {}),
        credentials,
        ...(region ? { region } : {}),
        runId,
        journal,
        caps,
        inventory,
        ...(flags.allowPrepay ? { allowPrepay: true } : {}),
        ...(flags.resourceGroup ? { resourceGroups: flags.resourceGroup } : {}),
      }),
      events,
    );
  } catch (e) {
    journal.close();
    if (e instanceof Error && 'code' in e && e.code === 'TARGET_CONFIG') throw new UsageError(e.message);
    throw e;
  }
  const endpoint = flags.endpoint ?? '{ecs,ebs}.{region}.aliyuncs.com';
  const source = credentials.describe();
  const resourceGroups = flags.resourceGroup ?? [];
  out.write(
    `${plan({ runId, source, endpoint, region, journal: journalPath, caps, resourceGroups }).join('\n')}\n`,
  );
  const showRegions = async () => {
    try {
      out.write(`${(await regionsLine(target)).join('\n')}\n`);
    } catch (e) {
      // Nothing was created yet: release the connection pool and the journal, or the process lingers.
      await target.close?.();
      journal.close();
      throw e;
    }
  };

  let finished: Promise<number> | undefined;
  let cleanup: RealRunRecord['cleanup'] | undefined;
  const context = { runId, journalPath, journal, credentials, region, flags, out, events };
  const finish = async (status: number): Promise<number> => {
    try {
      const swept = await cleanUp(status, context);
      cleanup = swept.cleanup;
      return swept.status;
    } finally {
      journal.close();
    }
  };

  return {
    target,
    showRegions,
    abandon: `abandoning; clean up with: ebs-conformance sweep --journal ${journalPath}`,
    progress: (sequences, sequenceTotal) => {
      const s = target.status();
      return {
        calls: s.usage.calls,
        callCap: s.caps.calls,
        sequences,
        sequenceTotal,
        pending: s.pending,
        live: { disks: s.live.disk, pairs: s.live.pair, groups: s.live.group },
        elapsedMs: s.elapsedMs,
        budgetMs: s.caps.wallMs,
        stopped: s.stopped,
      };
    },
    engine: {
      stopped: () => target.status().stopped,
      session: { settleTimeoutMs: (flags.settleMinutes ?? 10) * 60_000 },
      // Sequences wait on transitions most of the time: two lanes use that waiting.
      concurrency: flags.concurrency ?? 2,
    },
    finish: (status) => {
      finished ??= finish(status);
      return finished;
    },
    record: () => {
      const s = target.status();
      return {
        runId,
        caps: {
          disks: caps.disks,
          pairs: caps.pairs,
          groups: caps.groups,
          gib: caps.gib,
          calls: caps.calls,
          minutes: caps.wallMs / 60_000,
        },
        calls: s.usage.calls,
        ...(s.stopped ? { stopped: s.stopped } : {}),
        created: s.created,
        peakLive: s.peak,
        cleanup: cleanup ?? { result: 'failed', removed: [], left: [], calls: 0, error: 'no cleanup ran' },
      };
    },
  };
}

/** Calls that name no region go to the home region's endpoints (`--region`). */
export function withHomeRegion(target: Target, region: string | undefined): Target {
  if (!region) return target;
  return { ...target, send: (call) => target.send(call.region === undefined ? { ...call, region } : call) };
}

/** The resources of a sweep's view, one row each, for the run record. */
function rows(found: Found): SweptResource[] {
  return [
    ...found.groups.map((g) => ({ kind: 'group' as const, id: g.id, region: g.source, status: g.status })),
    ...found.pairs.map((p) => ({ kind: 'pair' as const, id: p.id, region: p.source, status: p.status })),
    ...found.disks.map((d) => ({ kind: 'disk' as const, id: d.id, region: d.region, status: d.status })),
  ];
}

/** What the sweep removed (seen first, gone at the end) and what it left, with IDs. */
function cleanupRecord(result: SweepResult): Pick<RealRunRecord['cleanup'], 'removed' | 'left' | 'calls'> {
  const left = rows(result.leftovers);
  const still = new Set(left.map((r) => r.id));
  return { removed: rows(result.found).filter((r) => !still.has(r.id)), left, calls: result.actions.length };
}

interface CleanUpContext {
  readonly runId: string;
  readonly journalPath: string;
  readonly journal: Journal;
  readonly credentials: CredentialSource;
  readonly region: string | undefined;
  readonly flags: RealFlags;
  readonly out: Out;
  /** The run's events: the sweep's exchanges go there too (the cassette, the inventory). */
  readonly events: RunEvents;
}

type Swept = { status: number; cleanup: RealRunRecord['cleanup'] };

/**
 * Sweeps the run's resources with a client of its own (no caps) and the run's credential source
 * (a token that expires during a long sweep is refreshed): a clean account, or exit 3.
 */
async function cleanUp(status: number, c: CleanUpContext): Promise<Swept> {
  const { flags, out } = c;
  const again = `ebs-conformance sweep --run ${c.runId} --journal ${c.journalPath}`;
  const http = createHttpTarget({
    ...(flags.endpoint ? { baseUrl: flags.endpoint } : {}),
    credentials: c.credentials,
  });
  const sweeper = withTargetEvents(withHomeRegion(http, c.region), c.events);
  const failed = status === EXIT.conformant ? EXIT.inconclusive : status;
  try {
    out.write(`cleanup: sweeping run ${c.runId}\n`);
    const result = await sweep({
      target: sweeper,
      runs: [c.runId],
      journalEntries: readJournal(c.journalPath),
      journal: c.journal,
      timeoutMs: (flags.settleMinutes ?? 10) * 60_000 * 3,
    });
    const cleanup = cleanupRecord(result);
    if (!isEmpty(result.leftovers)) {
      out.write(`cleanup incomplete: ${describeFound(result.leftovers)} left; run: ${again}\n`);
      return { status: failed, cleanup: { result: 'incomplete', ...cleanup, again } };
    }
    out.write(
      `cleanup: removed ${describeFound(result.found)} (${result.actions.length} calls); nothing left\n`,
    );
    return { status, cleanup: { result: 'clean', ...cleanup } };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    out.write(`cleanup failed: ${error}; run: ${again}\n`);
    return { status: failed, cleanup: { result: 'failed', removed: [], left: [], calls: 0, error, again } };
  } finally {
    await http.close?.();
  }
}
