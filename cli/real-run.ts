/**
 * The life of `run --target real` around the engine: credentials, the journal, the plan printed
 * before the first resource is made, progress while it runs, a stop on a cap or a signal, and the
 * sweep that removes everything the run created, whatever way it ended.
 */
import { resolve } from 'node:path';
import { realCredentials } from '../adapters/aliyun-profile';
import type { Credentials } from '../adapters/credentials';
import { createHttpTarget } from '../adapters/http-target';
import { type Journal, openJournal, readJournal } from '../adapters/journal';
import { namePrefixOf, newRunId, RUN_TAG_KEY } from '../adapters/namespace';
import type { Caps } from '../adapters/real-guard';
import { createRealTarget, type RealTarget } from '../adapters/real-target';
import { describeFound, isEmpty, sweep } from '../adapters/sweep';
import { whyFailed } from '../adapters/sweep-discover';
import type { RunOptions } from '../properties/engine';
import { capsOf, type RealFlags } from './commands/real-flags';
import type { ProgressSnapshot } from './progress';
import { EXIT, UsageError } from './usage-error';

export interface RealRun {
  readonly target: RealTarget;
  /** Engine options the real run adds (stop on a cap, settle time, lanes). */
  readonly engine: Pick<RunOptions, 'stopped' | 'session' | 'concurrency'>;
  /** What a second signal prints before the run is abandoned: how to clean up after it. */
  readonly abandon: string;
  /** The progress line's figures: calls against the cap, live resources, the wall budget. */
  progress(sequences: number, sequenceTotal: number): ProgressSnapshot;
  /** Sweeps the run's resources (once) and resolves to the exit status, given the verdict's. */
  finish(status: number): Promise<number>;
}

type Out = { write(text: string): unknown; readonly isTTY?: boolean };

/** Credentials for the run: configuration mistakes are usage errors, before any request. */
function credentialsFor(flags: RealFlags): { credentials: Credentials; source: string } {
  try {
    return realCredentials({ ...(flags.profile !== undefined ? { profile: flags.profile } : {}) });
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'TARGET_CONFIG')
      throw new UsageError(err.message);
    throw err;
  }
}

const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;

function plan(lines: { runId: string; source: string; endpoint: string; journal: string; caps: Caps }) {
  const { caps } = lines;
  return [
    `real run ${lines.runId}`,
    `  endpoint: ${lines.endpoint}`,
    `  credentials: ${lines.source}`,
    `  creates: data disks (mostly ESSD PL0/PL1, 10-40 GiB), replica pairs and groups between the regions below`,
    `  namespace: tag ${RUN_TAG_KEY}=${lines.runId}, names ${namePrefixOf(lines.runId)}; nothing else is read, changed or deleted`,
    `  cost model: pay-as-you-go only (never PREPAY unless --allow-prepay), smallest ESSD sizes, deleted at the end`,
    `  caps: ${caps.disks} disks, ${caps.pairs} pairs, ${caps.groups} groups, ${caps.gib} GiB, ${caps.calls} API calls, ${minutes(caps.wallMs)}`,
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
  out: Out = process.stdout,
): Promise<RealRun> {
  const { credentials, source } = credentialsFor(flags);
  const runId = newRunId();
  const journalPath = resolve(flags.journal ?? `${flags.reportDir}/journal.jsonl`);
  const journal: Journal = openJournal(journalPath, runId);
  journal.write({ t: 'run', ...(flags.endpoint ? { endpoint: flags.endpoint } : {}) });
  const caps = capsOf(flags);
  let target: RealTarget;
  try {
    target = createRealTarget({
      ...(flags.endpoint ? { endpoint: flags.endpoint } : {}),
      credentials,
      runId,
      journal,
      caps,
      ...(flags.allowPrepay ? { allowPrepay: true } : {}),
    });
  } catch (e) {
    journal.close();
    if (e instanceof Error && 'code' in e && e.code === 'TARGET_CONFIG') throw new UsageError(e.message);
    throw e;
  }
  const endpoint = flags.endpoint ?? '{ecs,ebs}.{region}.aliyuncs.com';
  out.write(`${plan({ runId, source, endpoint, journal: journalPath, caps }).join('\n')}\n`);
  try {
    out.write(`${(await regionsLine(target)).join('\n')}\n`);
  } catch (e) {
    // Nothing was created yet: release the connection pool and the journal, or the process lingers.
    await target.close?.();
    journal.close();
    throw e;
  }

  let finished: Promise<number> | undefined;
  const finish = async (status: number): Promise<number> => {
    try {
      return await cleanUp(status, { runId, journalPath, journal, credentials, flags, out });
    } finally {
      journal.close();
    }
  };

  return {
    target,
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
  };
}

interface CleanUpContext {
  readonly runId: string;
  readonly journalPath: string;
  readonly journal: Journal;
  readonly credentials: Credentials;
  readonly flags: RealFlags;
  readonly out: Out;
}

/** Sweeps the run's resources with a client of its own (no caps): a clean account or exit 3. */
async function cleanUp(status: number, c: CleanUpContext): Promise<number> {
  const { flags, out } = c;
  const again = `run: ebs-conformance sweep --run ${c.runId} --journal ${c.journalPath}`;
  const sweeper = createHttpTarget({
    ...(flags.endpoint ? { baseUrl: flags.endpoint } : {}),
    credentials: c.credentials,
  });
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
    if (!isEmpty(result.leftovers)) {
      out.write(`cleanup incomplete: ${describeFound(result.leftovers)} left; ${again}\n`);
      return failed;
    }
    out.write(
      `cleanup: removed ${describeFound(result.found)} (${result.actions.length} calls); nothing left\n`,
    );
    return status;
  } catch (e) {
    out.write(`cleanup failed: ${e instanceof Error ? e.message : String(e)}; ${again}\n`);
    return failed;
  } finally {
    await sweeper.close?.();
  }
}
