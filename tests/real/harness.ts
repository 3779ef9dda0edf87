/**
 * What the real-target tests share: the CLI as a child process (so kill -9 is a real kill), and a
 * look at everything an emulator account holds, asked over its own API.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHttpTarget } from '../../adapters/http-target';
import { discover, replicationRegions } from '../../adapters/sweep-discover';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = resolve(ROOT, 'bin/ebs-conformance.mjs');

/** The emulator's default key: the real target takes credentials from the environment only. */
export const EMULATOR_ENV = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'testAccessKeyId',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'testAccessKeySecret',
  // Nothing may leak in from the machine running the tests.
  ALIBABA_CLOUD_SECURITY_TOKEN: '',
  EBS_CONFORMANCE_ALLOW_REAL: '',
};

export interface CliProcess {
  readonly child: ChildProcess;
  stdout(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
}

export function startCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...EMULATOR_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, stdout: () => out, exited };
}

export async function runCliToEnd(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const cli = startCli(args, env);
  const code = await cli.exited;
  return { code, output: cli.stdout() };
}

const LISTINGS = [
  { product: 'ecs', version: '2014-05-26', action: 'DescribeDisks', rows: (b: Body) => b.Disks?.Disk },
  {
    product: 'ebs',
    version: '2021-07-30',
    action: 'DescribeDiskReplicaPairs',
    rows: (b: Body) => b.ReplicaPairs,
  },
  {
    product: 'ebs',
    version: '2021-07-30',
    action: 'DescribeDiskReplicaGroups',
    rows: (b: Body) => b.ReplicaGroups,
  },
] as const;
type Body = { Disks?: { Disk?: Row[] }; ReplicaPairs?: Row[]; ReplicaGroups?: Row[] };
type Row = { Status?: string };

/**
 * What the emulator account holds, in every replication region: everything listed with no filter
 * (the emulator starts empty, so all of it is the runs'), and what carries the run tag.
 */
export async function accountContents(url: string) {
  const target = createHttpTarget({
    baseUrl: url,
    credentials: { accessKeyId: 'testAccessKeyId', accessKeySecret: 'testAccessKeySecret' },
  });
  try {
    const regions = await replicationRegions(target);
    let listed = 0;
    for (const RegionId of regions)
      for (const { rows, ...call } of LISTINGS) {
        const o = (await target.send({ ...call, params: { RegionId } })).outcome;
        if (o.kind !== 'success') throw new Error(`${call.action} failed in ${RegionId}`);
        listed += (rows(o.body as Body) ?? []).filter((r) => r.Status !== 'deleted').length;
      }
    const tagged = await discover(target, regions, { tagValues: 'all', ids: {} });
    return { listed, tagged: tagged.groups.length + tagged.pairs.length + tagged.disks.length };
  } finally {
    await target.close?.();
  }
}
