import type { Deviation } from './deviation';

/** What the gateway knows besides the service: who may call, and how strict the clock checks are. */
export interface Credential {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** Set for an STS key: every call must carry this token. */
  readonly securityToken?: string;
}

export interface GatewayConfig {
  readonly credentials: readonly Credential[];
  /** Largest accepted |now - Timestamp|; nonces are remembered for twice this long. */
  readonly timestampWindowMs: number;
  /** At most this many nonces are remembered; the oldest are forgotten first. */
  readonly maxRememberedNonces: number;
  /** The wall clock for Timestamp checks; never the service's virtual clock. */
  readonly now: () => number;
  /** Where unexpected exceptions are reported (the caller only sees InternalError). */
  readonly logError: (message: string) => void;
  /** A fault profile's departure from the documentation (emulator/deviations); none by default. */
  readonly deviation?: Deviation;
}

export const DEFAULT_ACCESS_KEY_ID = 'testAccessKeyId';
export const DEFAULT_ACCESS_KEY_SECRET = 'testAccessKeySecret';

/** An STS triple for tests of the SecurityToken path. */
export const DEFAULT_STS_CREDENTIAL: Credential = {
  accessKeyId: 'STS.testAccessKeyId',
  accessKeySecret: 'testStsAccessKeySecret',
  securityToken: 'testSecurityToken',
};

export const DEFAULT_CREDENTIALS: readonly Credential[] = [
  { accessKeyId: DEFAULT_ACCESS_KEY_ID, accessKeySecret: DEFAULT_ACCESS_KEY_SECRET },
  DEFAULT_STS_CREDENTIAL,
];

export const FIFTEEN_MINUTES_MS = 15 * 60 * 1000;

export function gatewayConfig(overrides: Partial<GatewayConfig> = {}): GatewayConfig {
  return {
    credentials: DEFAULT_CREDENTIALS,
    timestampWindowMs: FIFTEEN_MINUTES_MS,
    maxRememberedNonces: 1_000_000,
    now: Date.now,
    logError: () => {},
    ...overrides,
  };
}
