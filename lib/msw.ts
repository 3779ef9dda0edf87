/**
 * `ebs-conformance/msw`: msw request handlers that answer Alibaba Cloud's ECS and EBS endpoints
 * from an in-memory emulator, so code written with the official SDKs (which msw intercepts in
 * Node: http, https and fetch) runs in a test with no account and no socket. The requests go
 * through the emulator's own gateway: the same signature checks, parameter validation, error
 * bodies and fault rules as the standalone emulator.
 */
import type { HttpHandler } from 'msw';
import { http } from 'msw';
import { mswResponseOf, routedRequestOf } from '../adapters/msw-interceptor';
import type { ReadingChoices } from '../api';
import {
  type Credential,
  createEmulatorService,
  createHandler,
  DEFAULT_ACCESS_KEY_ID,
  DEFAULT_ACCESS_KEY_SECRET,
  type EmulatorControl,
  type EmulatorService,
  emulatorCredentials,
  emulatorReadingsOf,
  type GatewayConfig,
  type GatewayHandler,
  manualClock,
  realClock,
} from '../emulator';
import { type EmulatorControls, emulatorControls } from './controls';

export * from './controls';

export interface MswEmulatorOptions {
  /** How long transient statuses (creating, failovering, ...) last; default 0 (settled at once). */
  readonly transitionMs?: number;
  /** `manual` (default): time moves only through `clock.advance`; `real`: the wall clock. */
  readonly clock?: 'manual' | 'real';
  /** The key the SDK signs with; default testAccessKeyId / testAccessKeySecret. */
  readonly accessKeyId?: string;
  readonly accessKeySecret?: string;
  /** Replaces every accepted key (the STS test triple included). */
  readonly credentials?: readonly Credential[];
  /** Seed of resource IDs, so IDs repeat from run to run. */
  readonly idSeed?: number;
  /**
   * Which request hosts the handlers answer; default `isAlibabaCloudApiHost` (every ECS and
   * EBS endpoint form the SDKs build). Add your own proxy host here.
   */
  readonly matchHost?: (hostname: string) => boolean;
  /** Gateway settings such as the Timestamp window. */
  readonly gateway?: Partial<Omit<GatewayConfig, 'credentials'>>;
  /**
   * Where the docs allow more than one behaviour, the alternative to answer with (see
   * `ebs-conformance spec --json`, `readings`); the rest keep the emulator's default.
   */
  readonly readings?: Partial<ReadingChoices>;
}

export interface MswEmulator extends EmulatorControls {
  /** For `setupServer(...emulator.handlers)` or `server.use(...emulator.handlers)`. */
  readonly handlers: HttpHandler[];
  /** The long-term key the emulator accepts, for the SDK's config. */
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** The emulator's service and gateway, for what the controls do not cover. */
  readonly service: EmulatorService & EmulatorControl;
  readonly gateway: GatewayHandler;
}

/**
 * The hosts the SDKs build for ECS and EBS: `ecs.aliyuncs.com`, `ecs.{region}.aliyuncs.com`,
 * `ecs-cn-hangzhou.aliyuncs.com` (the ECS SDK's endpoint map), `ecs-vpc.{region}.aliyuncs.com`
 * and other network or suffix forms (`{product}-{suffix}-{network}.{region}.aliyuncs.com`,
 * `ecs.cn-qingdao-nebula.aliyuncs.com`), and the same for `ebs`.
 */
const API_HOST = /^(?:ecs|ebs)(?:-[a-z0-9-]+)?(?:\.[a-z0-9-]+)?\.aliyuncs\.com$/;

export function isAlibabaCloudApiHost(hostname: string): boolean {
  return API_HOST.test(hostname.toLowerCase());
}

export function createMswEmulator(options: MswEmulatorOptions = {}): MswEmulator {
  const service = createEmulatorService({
    transitionMs: options.transitionMs ?? 0,
    clock: options.clock === 'real' ? realClock() : manualClock(Date.now()),
    ...(options.idSeed === undefined ? {} : { idSeed: options.idSeed }),
    readings: emulatorReadingsOf(options.readings),
  });
  const gateway = createHandler(service, { ...options.gateway, credentials: emulatorCredentials(options) });
  const matchHost = options.matchHost ?? isAlibabaCloudApiHost;
  const handler = http.all(
    ({ request }) => matchHost(new URL(request.url).hostname),
    async ({ request }) => mswResponseOf(await gateway(await routedRequestOf(request))),
  );
  return {
    ...emulatorControls(service, gateway),
    handlers: [handler],
    accessKeyId: options.credentials?.[0]?.accessKeyId ?? options.accessKeyId ?? DEFAULT_ACCESS_KEY_ID,
    accessKeySecret:
      options.credentials?.[0]?.accessKeySecret ?? options.accessKeySecret ?? DEFAULT_ACCESS_KEY_SECRET,
    service,
    gateway,
  };
}
