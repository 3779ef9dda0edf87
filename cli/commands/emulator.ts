import { InvalidArgumentError, Option } from 'commander';
import {
  parseReadingChoice,
  ReadingChoiceError,
  type ReadingChoices,
  type ReadingId,
  readingTexts,
} from '../../api';
import {
  DEFAULT_EMULATOR_READINGS,
  DEFAULT_TRANSITION_MS,
  emulatorReadings,
  FAULT_PROFILES,
  faultProfile,
  StateFileError,
  StateLockedError,
  startEmulator,
  UnknownFaultProfileError,
} from '../../emulator';
import type { Register } from '../main';
import { UsageError } from '../usage-error';

interface EmulatorFlags {
  port: number;
  host: string;
  state?: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  transitionMs: number;
  clock?: 'manual' | 'real';
  clockRate: number;
  faultProfile?: string;
  listFaultProfiles?: boolean;
  reading: string[];
}

/** The profile's name, checked before anything starts: an unknown one is a usage error naming them all. */
export function checkFaultProfile(name: string): string {
  try {
    return faultProfile(name).name;
  } catch (err) {
    if (err instanceof UnknownFaultProfileError) throw new UsageError(err.message);
    throw err;
  }
}

/** One line per profile: name, the operation it bends, the rules it breaks, what it does. */
export const faultProfileTable = (): string =>
  FAULT_PROFILES.map(
    (p) => `${p.name}\t${p.operation}\t${p.ruleIds.join(',') || '-'}\t${p.description}`,
  ).join('\n');

/** `--reading ID=VALUE`, repeatable: checked as given, so a typo is a usage error naming the choices. */
function collectReading(text: string, previous: string[]): string[] {
  try {
    parseReadingChoice(text);
  } catch (err) {
    if (err instanceof ReadingChoiceError) throw new InvalidArgumentError(err.message);
    throw err;
  }
  return [...previous, text];
}

/** The non-default readings, for the start-up note on stderr. */
function chosenReadings(texts: readonly string[]): string {
  const chosen = emulatorReadings(texts);
  return readingTexts(
    Object.fromEntries(
      Object.entries(chosen).filter(([id, v]) => DEFAULT_EMULATOR_READINGS[id as ReadingId] !== v),
    ),
  ).join(', ');
}

const integer = (name: string, min: number, max: number) => (text: string) => {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) {
    throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}.`);
  }
  return n;
};

/**
 * Resolves on the first SIGINT or SIGTERM. The listeners stay installed until the process
 * ends: removing the last one restores the default action, and a signal then still in flight
 * would kill the process (exit 143) in the middle of closing.
 */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.on('SIGINT', resolve);
    process.on('SIGTERM', resolve);
  });
}

async function run(flags: EmulatorFlags): Promise<void> {
  if (flags.listFaultProfiles) {
    process.stdout.write(`${faultProfileTable()}\n`);
    return;
  }
  const profile = flags.faultProfile === undefined ? undefined : checkFaultProfile(flags.faultProfile);
  let readings: ReadingChoices;
  try {
    readings = emulatorReadings(flags.reading);
  } catch (err) {
    // Two different values for one reading: each text alone was valid.
    if (err instanceof ReadingChoiceError) throw new UsageError(err.message);
    throw err;
  }
  if (flags.clockRate !== 1 && flags.clock === 'manual')
    throw new UsageError('--clock-rate runs the real clock faster; a manual clock moves only when told');
  const accessKeyId = flags.accessKeyId ?? process.env.ALIBABA_CLOUD_ACCESS_KEY_ID;
  const accessKeySecret = flags.accessKeySecret ?? process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
  if ((accessKeyId === undefined) !== (accessKeySecret === undefined)) {
    throw new UsageError(
      'give both the access key id and its secret, or neither (flags or ALIBABA_CLOUD_* variables)',
    );
  }
  // Listen for signals before announcing, so a signal right after the line is never missed.
  const signalled = untilSignal();
  const emulator = await startEmulator({
    host: flags.host,
    port: flags.port,
    transitionMs: flags.transitionMs,
    ...(flags.clock === undefined ? {} : { clock: flags.clock }),
    ...(flags.clockRate === 1 ? {} : { clockRate: flags.clockRate }),
    ...(flags.state === undefined ? {} : { stateFile: flags.state }),
    ...(profile === undefined ? {} : { faultProfile: profile }),
    readings,
    ...(accessKeyId === undefined ? {} : { accessKeyId, accessKeySecret }),
    gateway: { logError: (line) => process.stderr.write(`ebs-conformance emulator: ${line}\n`) },
  }).catch((err: unknown) => {
    if (err instanceof StateFileError || err instanceof StateLockedError) throw new UsageError(err.message);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      throw new UsageError(`cannot listen on ${flags.host}:${flags.port} (${code})`);
    }
    throw err;
  });
  process.stdout.write(`listening on ${emulator.url}\n`);
  if (profile) process.stderr.write(`ebs-conformance emulator: fault profile ${profile} is on\n`);
  if (flags.clockRate !== 1)
    process.stderr.write(
      `ebs-conformance emulator: the clock runs ${flags.clockRate} times faster than the wall\n`,
    );
  const readingNote = chosenReadings(flags.reading);
  if (readingNote) process.stderr.write(`ebs-conformance emulator: playing readings ${readingNote}\n`);
  await signalled;
  // The service saves state synchronously on every acknowledged call: closing is all that is left.
  await emulator.close();
}

export const registerEmulator: Register = (program, done) => {
  program
    .command('emulator')
    .description('run the local Alibaba Cloud RPC emulator for ECS disks and EBS replication')
    .option('--port <n>', 'port to listen on; 0 = any free port', integer('--port', 0, 65535), 0)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--state <file>', 'persist state in this file and reload it at start')
    .option('--access-key-id <id>', 'access key id callers sign with (default testAccessKeyId)')
    .option('--access-key-secret <secret>', 'its secret (default testAccessKeySecret)')
    .option(
      '--transition-ms <n>',
      'how long transient statuses last; 0 = immediate',
      integer('--transition-ms', 0, 86_400_000),
      DEFAULT_TRANSITION_MS,
    )
    .addOption(
      new Option('--clock <mode>', 'manual: time moves only via POST /_emulator/clock').choices([
        'manual',
        'real',
      ]),
    )
    .option(
      '--clock-rate <n>',
      'the real clock runs N times faster than the wall (transitions, syncs, answer times, Date)',
      integer('--clock-rate', 1, 100_000),
      1,
    )
    .option(
      '--fault-profile <name>',
      'depart from the documentation as this named profile says (testing the harness)',
    )
    .option('--list-fault-profiles', 'print the fault profiles and exit')
    .option(
      '--reading <ID=VALUE>',
      'answer in this alternative where the docs allow several (repeatable; `spec --json` lists them)',
      collectReading,
      [],
    )
    .action(async (flags: EmulatorFlags) => {
      await run(flags);
      done(0);
    });
};
