/**
 * The client side of the harness: one Target interface and the targets behind it. Properties,
 * the CLI and benchmarks pick a target by kind; everything else (signing, decoding, retries,
 * redaction) is shared underneath.
 */
import { type Credentials, credentialsFromEnv, EMULATOR_CREDENTIALS } from './credentials';
import { createDirectTarget, type DirectTargetOptions } from './direct-target';
import { createEmulatorTarget, type EmulatorTargetOptions } from './emulator-target';
import { createEndpointTarget, type EndpointTargetOptions } from './endpoint-target';
import { createMockTarget, type MockTargetOptions } from './mock-target';
import { type Target, TargetError } from './target';

export { type AdminClient, adminClient } from './admin-client';
export {
  type Cassette,
  CassetteError,
  type CassetteEvent,
  type CassetteHeader,
  parseCassette,
  readCassette,
} from './cassette';
export {
  type Credentials,
  type CredentialsResult,
  credentialsFromEnv,
  EMULATOR_CREDENTIALS,
  ENV,
} from './credentials';
export { type Decoded, decodeResponse } from './decode';
export { createDirectTarget, type DirectTarget, type DirectTargetOptions } from './direct-target';
export { createEmulatorTarget, type EmulatorTarget, type EmulatorTargetOptions } from './emulator-target';
export { createEndpointTarget, type EndpointTarget, type EndpointTargetOptions } from './endpoint-target';
export {
  type EndpointResolver,
  fixedEndpoint,
  normalizeBaseUrl,
  realEndpoints,
  routingRegion,
} from './endpoints';
export { createHttpTarget, DEFAULT_TIMEOUT_MS, type HttpTargetOptions } from './http-target';
export {
  createMockTarget,
  type InProcessService,
  type MockTarget,
  type MockTargetOptions,
} from './mock-target';
export { type RecordingOptions, type RecordingTarget, recordingTarget } from './recording-target';
export { createRedactor, maskAccessKeyId, REDACTED, type Redactor } from './redact';
export { CassetteMismatch, createReplayTarget, type ReplayTarget } from './replay-target';
export { backoffDelay, DEFAULT_RETRY, type RetryPolicy, transientReason } from './retry';
export { effectiveVariant, type SigningInput, signRequest } from './signing';
export * from './target';
export {
  type ClosableTransport,
  fetchTransport,
  type HttpRequest,
  type HttpResponse,
  type Transport,
  TransportError,
  undiciTransport,
} from './transport';
export { toWireParams } from './wire-params';

export type CreatableTargetKind = 'direct' | 'mock' | 'emulator' | 'endpoint';

/** Every kind's options in one bag; each kind reads what it needs. */
export type CreateTargetOptions = Partial<
  DirectTargetOptions & MockTargetOptions & EmulatorTargetOptions & EndpointTargetOptions
> & {
  /** Where credentials come from when none are given (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
};

function resolveCredentials(kind: CreatableTargetKind, options: CreateTargetOptions): Credentials {
  if (options.credentials) return options.credentials;
  // Only targets that are (or start) an emulator may fall back to the emulator's default key.
  const result = credentialsFromEnv(
    options.env ?? process.env,
    kind === 'endpoint' ? undefined : EMULATOR_CREDENTIALS,
  );
  if (!result.ok) throw new TargetError('TARGET_CONFIG', result.message);
  return result.credentials;
}

/**
 * Builds a target by kind. Configuration mistakes (no endpoint, half a key pair, a URL with a
 * path) reject with `TargetError` code `TARGET_CONFIG`; an emulator that will not start rejects
 * with `TARGET_START_FAILED` or `TARGET_START_TIMEOUT`.
 */
export async function createTarget(
  kind: CreatableTargetKind,
  options: CreateTargetOptions = {},
): Promise<Target> {
  const credentials = resolveCredentials(kind, options);
  switch (kind) {
    case 'direct':
      return createDirectTarget({ ...options, credentials });
    case 'mock':
      return createMockTarget({ ...options, credentials });
    case 'emulator':
      return createEmulatorTarget({ ...options, credentials });
    case 'endpoint': {
      const { endpoint } = options;
      if (!endpoint)
        throw new TargetError('TARGET_CONFIG', 'the endpoint target needs an endpoint URL (--endpoint URL)');
      return createEndpointTarget({ ...options, endpoint, credentials });
    }
  }
}
