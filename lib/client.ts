/**
 * `ebs-conformance/client`: the harness's own HTTP client (signing V1/V3, JSON or XML, retries of
 * throttling and 5xx with backoff, secrets scrubbed from every message) behind a typed call:
 * `client.call('DescribeDiskReplicaPairs', { RegionId })` takes the documented request type and
 * resolves to a response checked against the documented zod schema. Refusals reject with
 * ApiError (the service answered), anything else with ClientError (no usable answer).
 */
import { type Credentials, credentialsFromEnv, EMULATOR_CREDENTIALS } from '../adapters/credentials';
import { createHttpTarget } from '../adapters/http-target';
import type { RetryPolicy } from '../adapters/retry';
import type { Exchange, FailureReason, Variant } from '../adapters/target';
import { fetchTransport, type Transport, undiciTransport } from '../adapters/transport';
import { API_OPERATIONS, type ApiName, type RequestFor, type ResponseFor } from './operations';

export type { Credentials } from '../adapters/credentials';
export type { RetryPolicy } from '../adapters/retry';
export type { Exchange, Variant } from '../adapters/target';
export * from './operations';
export { type PairHandle, type PairOptions, type PairState, type Scenarios, scenarios } from './scenarios';
export { learnWorld, type Site, type World, type WorldRegion, type WorldZone } from './world';

export interface ClientOptions {
  /**
   * One base URL for every product and region (an emulator, a proxy). Without it, calls go to
   * the real endpoints: `https://{ebs|ecs}.{RegionId}.aliyuncs.com`.
   */
  readonly endpoint?: string;
  /**
   * Default: ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET / _SECURITY_TOKEN; with an endpoint and no
   * environment, the emulator's default key.
   */
  readonly credentials?: Credentials;
  /** Attempts (first included) and backoff for throttling, 5xx, timeouts and network errors. */
  readonly retry?: Partial<RetryPolicy>;
  /** Per attempt, default 10 s. */
  readonly timeoutMs?: number;
  /** Signature version, method, format and parameter placement (default V3, POST, JSON). */
  readonly variant?: Partial<Variant>;
  /**
   * `fetch` (default) goes through the global fetch, which msw intercepts; `undici` keeps a
   * socket pool per origin (faster under load; close the client when done).
   */
  readonly transport?: 'fetch' | 'undici';
}

export interface CallOptions {
  /** Routes calls that take no RegionId (AttachDisk, DetachDisk, DeleteDisk) to a regional endpoint. */
  readonly region?: string;
  readonly variant?: Partial<Variant>;
}

export interface EbsClient {
  /** One documented call; rejects with ApiError or ClientError. */
  call<N extends ApiName>(name: N, params: RequestFor<N>, options?: CallOptions): Promise<ResponseFor<N>>;
  /** The same call as a whole exchange (request and response, secrets removed), never rejecting on answers. */
  exchange<N extends ApiName>(name: N, params: RequestFor<N>, options?: CallOptions): Promise<Exchange>;
  close(): Promise<void>;
}

/** The service refused the call: a documented (or at least well-formed) error answer. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly action: string,
    readonly code: string,
    readonly httpStatus: number,
    message: string,
    readonly requestId: string | undefined,
  ) {
    super(`${action}: ${code} (HTTP ${httpStatus}): ${message}`);
  }
}

/** No usable answer: network, timeout, an undecodable body, or a body that breaks the documented schema. */
export class ClientError extends Error {
  override readonly name = 'ClientError';
  constructor(
    readonly action: string,
    readonly reason: FailureReason | 'schema',
    message: string,
  ) {
    super(`${action}: ${reason}: ${message}`);
  }
}

function resolveCredentials(options: ClientOptions): Credentials {
  if (options.credentials) return options.credentials;
  // Only a client pointed at an explicit endpoint may fall back to the emulator's default key.
  const found = credentialsFromEnv(process.env, options.endpoint ? EMULATOR_CREDENTIALS : undefined);
  if (!found.ok) throw new Error(found.message);
  return found.credentials;
}

export function createClient(options: ClientOptions = {}): EbsClient {
  const transport: Transport & { close?: () => Promise<void> } =
    options.transport === 'undici' ? undiciTransport() : fetchTransport();
  const http = createHttpTarget({
    credentials: resolveCredentials(options),
    transport,
    ...(options.endpoint === undefined ? {} : { baseUrl: options.endpoint }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.variant === undefined ? {} : { defaultVariant: options.variant }),
  });

  function exchange<N extends ApiName>(name: N, params: RequestFor<N>, callOptions: CallOptions = {}) {
    const op = API_OPERATIONS[name];
    return http.send({
      product: op.product,
      version: op.version,
      action: op.action,
      params,
      ...(callOptions.region === undefined ? {} : { region: callOptions.region }),
      ...(callOptions.variant === undefined ? {} : { variant: callOptions.variant }),
    });
  }

  async function call<N extends ApiName>(
    name: N,
    params: RequestFor<N>,
    callOptions?: CallOptions,
  ): Promise<ResponseFor<N>> {
    const { outcome } = await exchange(name, params, callOptions);
    const action = API_OPERATIONS[name].action;
    if (outcome.kind === 'error')
      throw new ApiError(action, outcome.code, outcome.httpStatus, outcome.message, outcome.requestId);
    if (outcome.kind === 'failure') throw new ClientError(action, outcome.reason, outcome.message);
    const checked = API_OPERATIONS[name].response.safeParse(outcome.body);
    if (!checked.success) {
      const where = checked.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
      throw new ClientError(action, 'schema', where.join('; '));
    }
    return checked.data as ResponseFor<N>;
  }

  return {
    call,
    exchange,
    async close() {
      await http.close?.();
      await transport.close?.();
    },
  };
}
