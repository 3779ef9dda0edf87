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
import { SequenceCleaner, sweepOutcome } from '../adapters/real-cleanup';
import type { Caps } from '../adapters/real-guard';
import { Inventory } from '../adapters/real-inventory';
import { createRealTarget, type RealTarget } from '../adapters/real-target';
import { describeFound, isEmpty, sweep } from '../adapters/sweep';
import { whyFailed } from '../adapters/sweep-discover';
import type { Target } from '../adapters/target';
import type { RunOptions } from '../properties/engine';
import type { RunEvents } from '../properties/events';
import type { RealRunRecord } from '../reports/run-record';
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
  /**
   * Waits for the cleanups between sequences, sweeps the run's resources (once) and resolves to
   * the exit status, given the verdict's.
   */
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

/** A client built from the flags: a configuration mistake (a bad endpoint) is a usage error; the journal is closed. */
function configured<T>(journal: Journal, make: () => T): T {
  try {
    return make();
  } catch (e) {
    journal.close();
    if (e instanceof Error && 'code' in e && e.code === 'TARGET_CONFIG') throw new UsageError(e.message);
    throw e;
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
  // Housekeeping (between sequences, and at the end) has a client of its own: no caps, not judged.
  const housekeeping = configured(journal, () =>
    createHttpTarget({ ...(flags.endpoint ? { baseUrl: flags.endpoint } : {}), credentials }),
  );
  const sweeper = withTargetEvents(withHomeRegion(housekeeping, region), events);
  const settleMs = (flags.settleMinutes ?? 10) * 60_000;
  const cleaner = new SequenceCleaner({
    target: sweeper,
    journal,
    journalPath,
    runId,
    timeoutMs: settleMs * 3,
    log: (line) => out.write(`${line}\n`),
  });
  events.on('sequence-started', () => cleaner.started());
  events.on('sequence-ended', (e) => cleaner.ended(e.lane, e.sequence, e.resources));
  let target: RealTarget;
  try {
    target = configured(journal, () =>
      withTargetEvents(
        createRealTarget({
          ...(flags.endpoint ? { endpoint: flags.endpoint } : {}),
          credentials,
          ...(region ? { region } : {}),
          runId,
          journal,
          caps,
          inventory,
          housekeeping: cleaner,
          ...(flags.allowPrepay ? { allowPrepay: true } : {}),
          ...(flags.resourceGroup ? { resourceGroups: flags.resourceGroup } : {}),
        }),
        events,
      ),
    );
  } catch (e) {
    await housekeeping.close?.();
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
      await housekeeping.close?.();
      journal.close();
      throw e;
    }
  };

  let finished: Promise<number> | undefined;
  let cleanup: RealRunRecord['cleanup'] | undefined;
  const context = { runId, journalPath, journal, sweeper, settleMs, out };
  const finish = async (status: number): Promise<number> => {
    try {
      await cleaner.idle();
      const swept = await cleanUp(status, context);
      cleanup = swept.cleanup;
      return swept.status;
    } finally {
      await housekeeping.close?.();
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
      session: { settleTimeoutMs: settleMs },
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
        betweenSequences: cleaner.summary(),
      };
    },
  };
}

/** Calls that name no region go to the home region's endpoints (`--region`). */
export function withHomeRegion(target: Target, region: string | undefined): Target {
  if (!region) return target;
  return { ...target, send: (call) => target.send(call.region === undefined ? { ...call, region } : call) };
}

interface CleanUpContext {
  readonly runId: string;
  readonly journalPath: string;
  readonly journal: Journal;
  /** The housekeeping client, its exchanges on the run's events (the cassette, the inventory). */
  readonly sweeper: Target;
  readonly settleMs: number;
  readonly out: Out;
}

type Swept = { status: number; cleanup: RealRunRecord['cleanup'] };

/**
 * Sweeps the run's resources with the housekeeping client (no caps) and the run's credential
 * source (a token that expires during a long sweep is refreshed): a clean account, or exit 3.
 */
async function cleanUp(status: number, c: CleanUpContext): Promise<Swept> {
  const { out } = c;
  const again = `ebs-conformance sweep --run ${c.runId} --journal ${c.journalPath}`;
  const failed = status === EXIT.conformant ? EXIT.inconclusive : status;
  try {
    out.write(`cleanup: sweeping run ${c.runId}\n`);
    const result = await sweep({
      target: c.sweeper,
      runs: [c.runId],
      journalEntries: readJournal(c.journalPath),
      journal: c.journal,
      timeoutMs: c.settleMs * 3,
    });
    const cleanup = sweepOutcome(result);
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
  }
}
