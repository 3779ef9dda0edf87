/**
 * The flags of `run --target real`: the opt-in, where credentials come from, the journal, and the
 * caps. Checked before anything touches the network: a run against a billed account that was not
 * asked for explicitly ends here with exit status 2.
 */
import type { Command } from 'commander';
import { type Caps, DEFAULT_REAL_CAPS } from '../../adapters/real-guard';
import { UsageError } from '../usage-error';
import { integer } from './run';

/** Setting this to 1 is the same opt-in as --allow-real-resources (for CI secrets). */
export const ALLOW_REAL_ENV = 'EBS_CONFORMANCE_ALLOW_REAL';

export interface RealFlags {
  target: string;
  endpoint?: string;
  allowRealResources?: boolean;
  allowPrepay?: boolean;
  profile?: string;
  region?: string;
  journal?: string;
  /** `--resource-group`, repeatable: the account's resource groups the run may put what it creates in. */
  resourceGroup?: string[];
  maxDisks?: number;
  maxPairs?: number;
  maxGroups?: number;
  maxGib?: number;
  maxCalls?: number;
  maxMinutes?: number;
  settleMinutes?: number;
}

const REAL_ONLY = [
  'allowPrepay',
  'profile',
  'region',
  'journal',
  'resourceGroup',
  'maxDisks',
  'maxPairs',
  'maxGroups',
  'maxGib',
  'maxCalls',
  'maxMinutes',
] as const;

const flagName = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Refuses the real flags elsewhere, and a real run without the opt-in. */
export function checkRealFlags(flags: RealFlags, env: Readonly<Record<string, string | undefined>>): void {
  if (flags.target !== 'real') {
    const stray = REAL_ONLY.find((k) => flags[k] !== undefined);
    if (stray) throw new UsageError(`${flagName(stray)} is only for --target real`);
    return;
  }
  const notGroup = flags.resourceGroup?.find((id) => !/^rg-[a-z0-9]+$/i.test(id));
  if (notGroup !== undefined)
    throw new UsageError(`--resource-group ${notGroup} is not a resource group ID (rg-...)`);
  if (!flags.allowRealResources && env[ALLOW_REAL_ENV] !== '1')
    throw new UsageError(
      `--target real creates billable disks and replication pairs in a real account; ` +
        `add --allow-real-resources (or set ${ALLOW_REAL_ENV}=1) to proceed`,
    );
}

export function capsOf(flags: RealFlags): Caps {
  return {
    disks: flags.maxDisks ?? DEFAULT_REAL_CAPS.disks,
    pairs: flags.maxPairs ?? DEFAULT_REAL_CAPS.pairs,
    groups: flags.maxGroups ?? DEFAULT_REAL_CAPS.groups,
    gib: flags.maxGib ?? DEFAULT_REAL_CAPS.gib,
    calls: flags.maxCalls ?? DEFAULT_REAL_CAPS.calls,
    wallMs: flags.maxMinutes !== undefined ? flags.maxMinutes * 60_000 : DEFAULT_REAL_CAPS.wallMs,
  };
}

export function addRealOptions(command: Command): Command {
  const d = DEFAULT_REAL_CAPS;
  return command
    .option(
      '--allow-real-resources',
      `--target real: consent to create billable resources (or ${ALLOW_REAL_ENV}=1)`,
    )
    .option('--allow-prepay', '--target real: allow subscription (PREPAY) purchases; never done otherwise')
    .option(
      '--profile <name>',
      '--target real: aliyun CLI profile (~/.aliyun/config.json, any mode) to take credentials from; default: the credential chain (environment, OIDC, ALIBABA_CLOUD_PROFILE or the current profile, ECS RAM role)',
    )
    .option(
      '--region <id>',
      "--target real: region whose endpoints get the calls that name none (DescribeRegions); default ALIBABA_CLOUD_REGION_ID, else the profile's region_id",
    )
    .option('--journal <file>', '--target real: resource journal (default REPORT_DIR/journal.jsonl)')
    .option(
      '--resource-group <id>',
      '--target real, repeatable: a resource group of the account the run may put what it creates in and filter listings by (the generator uses two); default none, and no call names one',
      (id: string, ids: string[] = []) => [...ids, id],
    )
    .option(
      '--max-disks <n>',
      `--target real: most disks to create (default ${d.disks})`,
      integer('--max-disks', 0),
    )
    .option('--max-pairs <n>', `--target real: most pairs (default ${d.pairs})`, integer('--max-pairs', 0))
    .option(
      '--max-groups <n>',
      `--target real: most groups (default ${d.groups})`,
      integer('--max-groups', 0),
    )
    .option('--max-gib <n>', `--target real: most GiB of disks (default ${d.gib})`, integer('--max-gib', 0))
    .option(
      '--max-calls <n>',
      `--target real: most API calls (default ${d.calls})`,
      integer('--max-calls', 1),
    )
    .option(
      '--max-minutes <n>',
      `--target real: wall-time budget (default ${d.wallMs / 60_000})`,
      integer('--max-minutes', 1),
    )
    .option(
      '--settle-minutes <n>',
      '--target real or endpoint: how long one transition may take to settle on a clock of its own (default 10 for real, 2 for endpoint)',
      integer('--settle-minutes', 1),
    );
}
