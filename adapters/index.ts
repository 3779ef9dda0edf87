/**
 * The client side of the harness: one Target interface and the targets behind it. Properties,
 * the CLI and benchmarks pick a target by kind; everything else (signing, decoding, retries,
 * redaction) is shared underneath.
 */
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
  type CassetteRecorder,
  cassetteRecorder,
  type RecordedTarget,
  type RecordingOptions,
} from './cassette-recorder';
export {
  type CreatableTargetKind,
  type CreateTargetOptions,
  createTarget,
} from './create-target';
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
export { observedTarget, type TargetEvent, type TargetListener } from './observed-target';
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
