/**
 * The emulator as a child process, reached over real sockets: `node bin/ebs-conformance.mjs
 * emulator --port 0 ...`, ready once it prints `listening on http://HOST:PORT`. The HTTP client
 * uses undici; reset and the clock go through the `/_emulator/` admin endpoints. `close()` stops
 * the child with SIGTERM (it flushes its state) and SIGKILL after a grace period.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { type ReadingChoices, readingTexts } from '../api';
import { adminClient } from './admin-client';
import { type Credentials, EMULATOR_CREDENTIALS, ENV } from './credentials';
import { createHttpTarget, type HttpTargetOptions } from './http-target';
import { packagePath } from './package-root';
import { type Target, TargetError } from './target';
import { undiciTransport } from './transport';

export interface EmulatorTargetOptions
  extends Omit<HttpTargetOptions, 'baseUrl' | 'transport' | 'credentials' | 'capabilities'> {
  readonly credentials?: Credentials;
  /** How long each transient status lasts in the emulator. */
  readonly transitionMs?: number;
  /** `manual`: virtual time moves only through `advanceClock` (`--clock manual`). */
  readonly clockMode?: 'real' | 'manual';
  /** A real clock this many times faster than the wall (`--clock-rate`). */
  readonly clockRate?: number;
  /** `--fault-profile NAME`: the child departs from the documentation as that profile says. */
  readonly faultProfile?: string;
  /** `--reading ID=VALUE` for each: the alternative the child plays at those readings. */
  readonly readings?: Partial<ReadingChoices>;
  /** Extra arguments for `ebs-conformance emulator` (`--state FILE`). */
  readonly extraArgs?: readonly string[];
  /** Replaces `node bin/ebs-conformance.mjs emulator ...` entirely (tests use a stand-in). */
  readonly command?: { readonly file: string; readonly args: readonly string[] };
  /** How long the first start may take (default: `startTimeoutMs()`, scaled to the load); a retry gets twice that. */
  readonly startTimeoutMs?: number;
  readonly stopGraceMs?: number;
}

/**
 * How long a child may take to print "listening on": 30 s on an idle machine, times how many
 * runnable processes each core has (a checkout newer than its bundle compiles through tsx, and at
 * a load of 28 on 2 cores 90 s was not enough for any child in session 4), at most 10 minutes.
 */
export function startTimeoutMs(load = loadavg()[0] ?? 0, cores = availableParallelism()): number {
  const perCore = Math.max(1, load / Math.max(1, cores));
  return Math.min(600_000, Math.round(30_000 * perCore));
}

const machineLoad = () => `load ${(loadavg()[0] ?? 0).toFixed(1)} on ${availableParallelism()} cores`;

export interface EmulatorTarget extends Target {
  readonly kind: 'emulator';
  readonly pid: number | undefined;
  /**
   * Resets the child and switches it to another fault profile: only for a child started with
   * one (`faultProfile`), which detection then reuses for profile after profile. Resolves to the
   * child's clock (epoch ms): a manual clock keeps the time earlier runs moved it to.
   */
  useFaultProfile(name: string): Promise<number>;
}

const LISTENING = /listening on (https?:\/\/[^\s]+)/;
const STDERR_KEPT = 4_000;

function emulatorCommand(options: EmulatorTargetOptions) {
  if (options.command) return options.command;
  const args = [packagePath('bin', 'ebs-conformance.mjs'), 'emulator', '--port', '0', '--host', '127.0.0.1'];
  args.push('--transition-ms', String(options.transitionMs ?? 0));
  if (options.clockMode === 'manual') args.push('--clock', 'manual');
  if (options.clockRate !== undefined && options.clockRate !== 1)
    args.push('--clock-rate', String(options.clockRate));
  if (options.faultProfile !== undefined) args.push('--fault-profile', options.faultProfile);
  for (const choice of readingTexts(options.readings ?? {})) args.push('--reading', choice);
  return { file: process.execPath, args: [...args, ...(options.extraArgs ?? [])] };
}

/** Resolves with the base URL once the child says it listens; rejects with its stderr if it dies. */
function waitUntilListening(child: ChildProcess, timeoutMs: number, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const done = (err: TargetError | undefined, url?: string) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      if (err) reject(err);
      else resolve(url as string);
    };
    const onData = (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const m = LISTENING.exec(stdout);
      if (m) done(undefined, (m[1] as string).replace(/\/+$/, ''));
    };
    const onExit = (code: number | null, signal: string | null) =>
      done(
        new TargetError(
          'TARGET_START_FAILED',
          `the emulator exited (${signal ?? `code ${code}`}) before listening${stderr() ? `:\n${stderr()}` : ''}`,
        ),
      );
    const onError = (err: Error) =>
      done(new TargetError('TARGET_START_FAILED', `cannot start the emulator: ${err.message}`));
    const timer = setTimeout(
      () =>
        done(
          new TargetError(
            'TARGET_START_TIMEOUT',
            `the emulator did not print "listening on" within ${timeoutMs} ms${stderr() ? `:\n${stderr()}` : ''}`,
          ),
        ),
      timeoutMs,
    );
    child.stdout?.on('data', onData);
    child.on('exit', onExit);
    child.on('error', onError);
  });
}

function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the child. One that does not say it listens in time is started once more, with twice the
 * time (by default, or what the load asks for now if more: the one-minute average lags a burst):
 * a slow start is the machine's, and a second timeout says so, naming the load. A child that
 * exits or cannot be spawned is not retried: that is the emulator's or the command's fault.
 */
export async function createEmulatorTarget(options: EmulatorTargetOptions = {}): Promise<EmulatorTarget> {
  const first = options.startTimeoutMs ?? startTimeoutMs();
  try {
    return await startEmulator(options, first);
  } catch (err) {
    if (!(err instanceof TargetError) || err.code !== 'TARGET_START_TIMEOUT') throw err;
  }
  const given = options.startTimeoutMs !== undefined;
  const second = given ? 2 * first : Math.max(2 * first, startTimeoutMs());
  try {
    return await startEmulator(options, second);
  } catch (err) {
    if (!(err instanceof TargetError) || err.code !== 'TARGET_START_TIMEOUT') throw err;
    throw new TargetError(
      'TARGET_START_TIMEOUT',
      `the emulator did not start within ${first} ms, nor within ${second} ms when tried again: this machine is too busy (${machineLoad()}), which says nothing about the target; run again when it is quieter${err.message.includes(':\n') ? err.message.slice(err.message.indexOf(':\n')) : ''}`,
    );
  }
}

async function startEmulator(options: EmulatorTargetOptions, timeoutMs: number): Promise<EmulatorTarget> {
  const credentials = options.credentials ?? EMULATOR_CREDENTIALS;
  const { file, args } = emulatorCommand(options);
  // Credentials travel in the environment, never on a command line other users can read.
  const child = spawn(file, [...args], {
    env: {
      ...process.env,
      [ENV.accessKeyId]: credentials.accessKeyId,
      [ENV.accessKeySecret]: credentials.accessKeySecret,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEPT);
  });
  // Never leave an orphan emulator behind if the harness exits without closing the target.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const graceMs = options.stopGraceMs ?? 3_000;

  let baseUrl: string;
  try {
    baseUrl = await waitUntilListening(child, timeoutMs, () => stderr.trim());
  } catch (err) {
    process.off('exit', killOnExit);
    await stopChild(child, graceMs);
    throw err;
  }
  child.stdout?.resume(); // keep draining so a chatty child never blocks on a full pipe

  const transport = undiciTransport();
  const http = createHttpTarget({ ...options, baseUrl, credentials, transport });
  const admin = adminClient(baseUrl, transport);
  let closed = false;
  return {
    kind: 'emulator',
    pid: child.pid,
    endpoint: baseUrl,
    capabilities: {
      reset: true,
      clockControl: options.clockMode === 'manual',
      admin: true,
      costsMoney: false,
      parallelSafe: false,
    },
    send: (call) => http.send(call),
    reset: () => admin.reset(),
    useFaultProfile: (name) => admin.switchFaultProfile(name),
    advanceClock: (ms) => admin.advanceClock(ms),
    ...(options.clockMode === 'manual' ? { clockNow: () => admin.clock() } : {}),
    async close() {
      if (closed) return;
      closed = true;
      await http.close?.();
      await transport.close();
      process.off('exit', killOnExit);
      await stopChild(child, graceMs);
    },
  };
}
