/**
 * `ebs-conformance sweep`: removes what real runs left behind (a crash, a kill -9, a lost
 * machine), found by the run tag and the journal. Safe to repeat and to interrupt: each pass asks
 * the account what is still there. Exit 0 when nothing is left, 3 when something is.
 */
import { resolve } from 'node:path';
import { checkedCredentials, homeRegion } from '../../adapters/aliyun-profile';
import { createHttpTarget } from '../../adapters/http-target';
import { type Journal, openJournal, outstanding, readJournal } from '../../adapters/journal';
import { describeFound, isEmpty, sweep } from '../../adapters/sweep';
import { SweepError } from '../../adapters/sweep-discover';
import type { Target } from '../../adapters/target';
import { TargetError } from '../../adapters/target';
import type { Register } from '../main';
import { withHomeRegion } from '../real-run';
import { EXIT, UsageError } from '../usage-error';
import { integer } from './run';

interface SweepFlags {
  run?: string;
  allTagged?: boolean;
  dryRun?: boolean;
  journal?: string;
  endpoint?: string;
  profile?: string;
  region?: string;
  timeoutMinutes: number;
}

function runsOf(flags: SweepFlags, journalRuns: readonly string[]): readonly string[] | 'all' {
  if (flags.allTagged && flags.run) throw new UsageError('give --run ID or --all-tagged, not both');
  if (flags.allTagged) return 'all';
  if (flags.run) return [flags.run];
  if (!flags.journal) throw new UsageError('say what to sweep: --run ID, --all-tagged, or --journal FILE');
  if (journalRuns.length === 0) throw new UsageError(`${flags.journal} names no run`);
  return journalRuns;
}

async function runSweep(flags: SweepFlags): Promise<number> {
  const journalPath = flags.journal ? resolve(flags.journal) : undefined;
  const entries = journalPath ? readJournal(journalPath) : [];
  const runs = runsOf(flags, outstanding(entries).runIds);
  let target: Target;
  try {
    // A source, not a snapshot: a token that expires during a long sweep is refreshed.
    const credentials = await checkedCredentials(
      flags.profile !== undefined ? { profile: flags.profile } : {},
    );
    target = withHomeRegion(
      createHttpTarget({ ...(flags.endpoint ? { baseUrl: flags.endpoint } : {}), credentials }),
      homeRegion(flags.region, flags.profile),
    );
  } catch (err) {
    if (err instanceof TargetError) throw new UsageError(err.message);
    throw err;
  }
  // `gone` lines go to the journal the sweep read, under the run it names first.
  const journal: Journal | undefined =
    journalPath && !flags.dryRun && runs !== 'all' && runs[0] ? openJournal(journalPath, runs[0]) : undefined;
  try {
    const result = await sweep({
      target,
      runs,
      journalEntries: entries,
      ...(journal ? { journal } : {}),
      dryRun: flags.dryRun === true,
      timeoutMs: flags.timeoutMinutes * 60_000,
      log: (line) => process.stdout.write(`sweep: ${line}\n`),
    });
    if (flags.dryRun) return EXIT.conformant;
    const left = result.leftovers;
    if (isEmpty(left)) {
      process.stdout.write(`sweep: nothing left (${describeFound(result.found)} removed)\n`);
      return EXIT.conformant;
    }
    process.stdout.write(`sweep: ${describeFound(left)} still there; run sweep again\n`);
    return EXIT.inconclusive;
  } catch (err) {
    if (err instanceof SweepError) {
      process.stderr.write(`ebs-conformance: sweep: ${err.message}\n`);
      return EXIT.inconclusive;
    }
    throw err;
  } finally {
    journal?.close();
    await target.close?.();
  }
}

export const registerSweep: Register = (program, done) => {
  program
    .command('sweep')
    .description('remove what real runs left behind, in dependency order (found by run tag and journal)')
    .option('--run <id>', 'the run whose resources to remove (its tag value)')
    .option('--all-tagged', 'every resource carrying the ebs-conformance-run tag, whatever the run')
    .option('--dry-run', 'list what would be removed and the first calls, change nothing')
    .option('--journal <file>', 'a run journal: its runs, and resources it names by ID')
    .option('--endpoint <url>', 'one base URL instead of the regional endpoints (an emulator)')
    .option(
      '--profile <name>',
      'aliyun CLI profile to take credentials from (default: the credential chain, as run --target real)',
    )
    .option('--region <id>', 'region whose endpoints get the calls that name none (as run --target real)')
    .option('--timeout-minutes <n>', 'give up after this long', integer('--timeout-minutes', 1), 30)
    .action(async (flags: SweepFlags) => done(await runSweep(flags)));
};
