import type { ReadingChoices } from '../api';
import { FaultProfileSwitch } from './deviations/switch';
import {
  type Credential,
  createHandler,
  DEFAULT_ACCESS_KEY_ID,
  DEFAULT_ACCESS_KEY_SECRET,
  DEFAULT_STS_CREDENTIAL,
  type Deviation,
  type GatewayConfig,
  type GatewayHandler,
  listen,
} from './protocol';
import {
  type Clock,
  createEmulatorService,
  type EmulatorControl,
  type EmulatorService,
  emulatorReadingsOf,
  lockStateFile,
  manualClock,
  realClock,
  type StateLock,
} from './service';

export * from './deviations';
export * from './protocol';
export * from './service';

export interface EmulatorOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** 0 (the default) = any free port. */
  readonly port?: number;
  /** Persist every acknowledged change here, and reload it at start. */
  readonly stateFile?: string;
  /** How long transient statuses last (default 200 ms; 0 = immediate). */
  readonly transitionMs?: number;
  /** `real` (default) follows the wall clock; `manual` moves only via `/_emulator/clock`. */
  readonly clock?: 'real' | 'manual' | Clock;
  /** How many times faster than the wall the real clock runs (default 1; `real` only). */
  readonly clockRate?: number;
  /** The long-term key callers sign with (default testAccessKeyId / testAccessKeySecret). */
  readonly accessKeyId?: string;
  readonly accessKeySecret?: string;
  /** Replaces every key, the STS test triple included. */
  readonly credentials?: readonly Credential[];
  readonly idSeed?: number;
  readonly gateway?: Partial<Omit<GatewayConfig, 'credentials'>>;
  /** A named deviation from the documentation (emulator/deviations); none by default. Unknown names throw. */
  readonly faultProfile?: string;
  /** The alternative to play at some readings (api/readings.ts); the rest keep their default. */
  readonly readings?: Partial<ReadingChoices>;
}

export interface RunningEmulator {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly service: EmulatorService & EmulatorControl;
  readonly handler: GatewayHandler;
  close(): Promise<void>;
}

export const DEFAULT_TRANSITION_MS = 200;

/** The credentials a server accepts: the given (or default) long-term key plus the STS test triple. */
export function emulatorCredentials(
  options: Pick<EmulatorOptions, 'accessKeyId' | 'accessKeySecret' | 'credentials'>,
) {
  return (
    options.credentials ?? [
      {
        accessKeyId: options.accessKeyId ?? DEFAULT_ACCESS_KEY_ID,
        accessKeySecret: options.accessKeySecret ?? DEFAULT_ACCESS_KEY_SECRET,
      },
      DEFAULT_STS_CREDENTIAL,
    ]
  );
}

function clockOf(option: EmulatorOptions['clock'], rate = 1): Clock {
  if (rate !== 1 && option !== undefined && option !== 'real')
    throw new RangeError('a clock rate applies to the real clock only');
  if (option === undefined || option === 'real') return realClock(rate);
  return option === 'manual' ? manualClock(Date.now()) : option;
}

/**
 * Starts the emulator on node:http: the service (state, rules, persistence) behind the gateway
 * (signatures, encoding, validation, faults, admin). A corrupt or foreign state file throws
 * StateFileError before anything listens.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  // A profile's effect behind a switch: a reset may name another (detection reuses the process).
  const deviation =
    options.faultProfile === undefined ? undefined : new FaultProfileSwitch(options.faultProfile);
  // One emulator per state file, taken before the file is read: StateLockedError names the holder.
  const lock = options.stateFile === undefined ? undefined : lockStateFile(options.stateFile);
  try {
    return await serve(options, deviation, lock);
  } catch (err) {
    lock?.release();
    throw err;
  }
}

async function serve(
  options: EmulatorOptions,
  deviation: Deviation | undefined,
  lock: StateLock | undefined,
): Promise<RunningEmulator> {
  const service = createEmulatorService({
    transitionMs: options.transitionMs ?? DEFAULT_TRANSITION_MS,
    clock: clockOf(options.clock, options.clockRate),
    ...(options.stateFile === undefined ? {} : { stateFile: options.stateFile }),
    ...(options.idSeed === undefined ? {} : { idSeed: options.idSeed }),
    readings: emulatorReadingsOf(options.readings),
  });
  const handler = createHandler(service, {
    ...options.gateway,
    ...(deviation ? { deviation } : {}),
    credentials: emulatorCredentials(options),
  });
  const server = await listen(handler, { host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  return {
    ...server,
    close: async () => {
      await server.close();
      lock?.release();
    },
    service,
    handler,
  };
}
