/**
 * The emulator's gateway built in this process over its own service: what the mock (msw) target
 * and the direct target both stand on. Only the way a request reaches `gateway` differs.
 */
import type { ReadingChoices } from '../api';
import {
  createEmulatorService,
  createHandler,
  type EmulatorControl,
  type EmulatorService,
  emulatorReadingsOf,
  faultProfile,
  type GatewayConfig,
  type GatewayHandler,
  manualClock,
  realClock,
} from '../emulator';
import { type Credentials, EMULATOR_CREDENTIALS } from './credentials';
import { type TargetCapabilities, TargetError } from './target';

export type InProcessService = EmulatorService & EmulatorControl;

export interface InProcessOptions {
  /** The service behind the gateway; by default a fresh emulator service built from the options below. */
  readonly service?: InProcessService;
  /** For the default service: how long transient statuses last (default 0: immediate). */
  readonly transitionMs?: number;
  /** For the default service: `manual` time moves only through `advanceClock`. */
  readonly clockMode?: 'real' | 'manual';
  /** For the default service: the seed of resource IDs. */
  readonly idSeed?: number;
  /** For the default service: the alternative to play at some readings (api/readings.ts). */
  readonly readings?: Partial<ReadingChoices>;
  readonly credentials?: Credentials;
  /** Gateway settings (accepted keys, timestamp window); the target's key is always accepted. */
  readonly gateway?: Partial<GatewayConfig>;
  /** A named deviation from the documentation in front of the service (emulator/deviations). */
  readonly faultProfile?: string;
}

export interface InProcessEmulator {
  readonly service: InProcessService;
  readonly gateway: GatewayHandler;
  readonly credentials: Credentials;
  readonly capabilities: TargetCapabilities;
  /** Through the gateway's own admin route, so it forgets its nonces and faults with the state. */
  reset(host: string): Promise<void>;
  advanceClock(ms: number): Promise<void>;
  /** The service's clock, when the harness moves it (see Target.clockNow). */
  readonly clockNow?: () => Promise<number>;
}

export function inProcessEmulator(options: InProcessOptions): InProcessEmulator {
  const credentials = options.credentials ?? EMULATOR_CREDENTIALS;
  const service =
    options.service ??
    createEmulatorService({
      transitionMs: options.transitionMs ?? 0,
      clock: options.clockMode === 'manual' ? manualClock(Date.now()) : realClock(),
      ...(options.idSeed === undefined ? {} : { idSeed: options.idSeed }),
      readings: emulatorReadingsOf(options.readings),
    });
  const deviation =
    options.faultProfile === undefined ? undefined : faultProfile(options.faultProfile).create();
  const gateway = createHandler(service, {
    ...options.gateway,
    ...(deviation ? { deviation } : {}),
    credentials: [credentials, ...(options.gateway?.credentials ?? [])],
  });
  return {
    service,
    gateway,
    credentials,
    capabilities: {
      reset: true,
      clockControl: service.clock.mode === 'manual',
      admin: true,
      costsMoney: false,
      parallelSafe: false,
    },
    async reset(host) {
      const res = await gateway({ method: 'POST', url: '/_emulator/reset', headers: { host }, body: '' });
      if (res.status !== 200)
        throw new TargetError('TARGET_ADMIN_FAILED', `reset answered HTTP ${res.status}`);
    },
    ...(service.clock.mode === 'manual' ? { clockNow: async () => service.clock.now() } : {}),
    async advanceClock(ms) {
      if (!service.clock.advance(ms))
        throw new TargetError(
          'TARGET_UNSUPPORTED',
          'the service runs on the real clock; it cannot be advanced',
        );
    },
  };
}
