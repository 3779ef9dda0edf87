/**
 * The HTTP client every socket and in-process target shares: resolve the endpoint, flatten the
 * parameters, sign, send through a transport, decode, and retry transient failures with
 * exponential backoff and full jitter. A retry re-signs (fresh nonce and timestamp) but reuses
 * the SAME parameters, so a ClientToken stays the same and a retry can never create twice.
 */
import { type Operation, findOperation as specFindOperation } from '../api';
import { randomUuid } from '../api/protocol/uuid';
import { type Credentials, type CredentialsInput, isCredentialSource } from './credentials';
import { type Decoded, decodeResponse } from './decode';
import {
  type EndpointResolver,
  fixedEndpoint,
  normalizeBaseUrl,
  realEndpoints,
  routingRegion,
} from './endpoints';
import { createRedactor, type Redactor } from './redact';
import { backoffDelay, DEFAULT_RETRY, type RetryPolicy, transientReason } from './retry';
import { effectiveVariant, signRequest } from './signing';
import {
  type ApiCall,
  DEFAULT_VARIANT,
  type Exchange,
  type RetriedAttempt,
  resolveVariant,
  type Target,
  type TargetCapabilities,
  TargetError,
  type Variant,
} from './target';
import {
  type HttpRequest,
  type HttpResponse,
  type Transport,
  TransportError,
  undiciTransport,
} from './transport';
import { toWireParams } from './wire-params';

export interface HttpTargetOptions {
  /** One base URL for every product and region; without it, the real regional endpoints. */
  readonly baseUrl?: string;
  /** Fixed credentials, or a source asked before each request is signed (tokens that expire). */
  readonly credentials: CredentialsInput;
  /** Defaults to undici pools, which this target then owns and closes. */
  readonly transport?: Transport;
  /** Per attempt. */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly defaultVariant?: Partial<Variant>;
  readonly capabilities?: Partial<TargetCapabilities>;
  /** Seams for tests: the signing clock (epoch ms), nonces, backoff sleep and jitter. */
  readonly clock?: () => number;
  readonly nonce?: () => string;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly findOperation?: (product: string, version: string, action: string) => Operation | undefined;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

export const NO_CAPABILITIES: TargetCapabilities = {
  reset: false,
  clockControl: false,
  admin: false,
  costsMoney: false,
  parallelSafe: false,
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Signing =
  | { readonly credentials: Credentials; readonly redactor: Redactor }
  | { readonly refused: string };

/**
 * The credentials to sign with and the redactor that scrubs them. Fixed credentials are resolved
 * once (no await on the hot path); a source is asked before every attempt, and each set it hands
 * out gets a redactor of its own, so a refreshed token is scrubbed like the first one.
 */
function credentialsSigner(input: CredentialsInput): {
  readonly fixed?: Signing;
  current(): Promise<Signing>;
} {
  if (!isCredentialSource(input)) {
    const fixed = { credentials: input, redactor: createRedactor(input) };
    return { fixed, current: async () => fixed };
  }
  const seen = new Map<string, Signing>();
  return {
    async current() {
      let credentials: Credentials;
      try {
        credentials = await input.credentials();
      } catch (err) {
        // The source's own message names what failed (a profile, an STS call), never a secret.
        return { refused: `credentials: ${err instanceof Error ? err.message : String(err)}` };
      }
      const key = [credentials.accessKeyId, credentials.accessKeySecret, credentials.securityToken].join(
        '\n',
      );
      let signing = seen.get(key);
      if (!signing) {
        signing = { credentials, redactor: createRedactor(credentials) };
        seen.set(key, signing);
      }
      return signing;
    },
  };
}

export function createHttpTarget(options: HttpTargetOptions): Target {
  const endpoints: EndpointResolver = options.baseUrl ? fixedEndpoint(options.baseUrl) : realEndpoints();
  const ownedTransport = options.transport ? undefined : undiciTransport();
  const transport: Transport = options.transport ?? (ownedTransport as Transport);
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const defaultVariant: Variant = resolveVariant(DEFAULT_VARIANT, options.defaultVariant);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const clock = options.clock ?? Date.now;
  const nonce = options.nonce ?? randomUuid;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const lookup = options.findOperation ?? specFindOperation;
  const signer = credentialsSigner(options.credentials);
  let closed = false;

  async function send(call: ApiCall): Promise<Exchange> {
    if (closed) throw new TargetError('TARGET_CLOSED', 'the target is closed');
    const op = lookup(call.product, call.version, call.action);
    const variant = effectiveVariant(resolveVariant(defaultVariant, call.variant));
    const params = toWireParams(op, call.params);
    const origin = endpoints.originFor(call.product, routingRegion(call.params, call.region));
    const startedAt = clock();
    const t0 = performance.now();
    const retried: RetriedAttempt[] = [];
    for (let attempt = 1; ; attempt++) {
      const signing = signer.fixed ?? (await signer.current());
      if ('refused' in signing)
        return {
          call,
          variant,
          request: { method: variant.method, url: `${origin}/`, headers: {}, body: '' },
          outcome: { kind: 'failure', reason: 'refused', message: signing.refused },
          startedAt,
          durationMs: performance.now() - t0,
          attempts: attempt - 1,
          retried,
        };
      const { credentials, redactor } = signing;
      let request: HttpRequest;
      try {
        const signed = signRequest({
          action: call.action,
          version: call.version,
          params,
          variant,
          credentials,
          origin,
          now: clock(),
          nonce: nonce(),
        });
        // Field by field: a spread copy with a field added takes V8 (Node 20) its slow path.
        request = {
          method: signed.method,
          url: signed.url,
          headers: signed.headers,
          body: signed.body,
          timeoutMs,
        };
      } catch (err) {
        // Strict percent-encoding refuses text that is not valid UTF-16 (a lone surrogate).
        if (!(err instanceof URIError)) throw err;
        return {
          call,
          variant,
          request: { method: variant.method, url: `${origin}/`, headers: {}, body: '' },
          outcome: {
            kind: 'failure',
            reason: 'unencodable',
            message: 'a parameter is not valid Unicode text',
          },
          startedAt,
          durationMs: performance.now() - t0,
          attempts: 0,
          retried,
        };
      }
      let response: HttpResponse | undefined;
      let result: Decoded;
      // Servers echo requests (SignatureDoesNotMatch quotes what it signed): scrub this signature too.
      const scrub = redactor.forRequest(request);
      try {
        response = scrub.response(await transport(request));
        result = decodeResponse(response, op?.response);
      } catch (err) {
        if (!(err instanceof TransportError)) throw err;
        result = { outcome: { kind: 'failure', reason: err.code, message: scrub.text(err.message) } };
      }
      const { outcome } = result;
      const reason = transientReason(outcome, response?.status);
      if (reason && attempt < policy.maxAttempts) {
        const delayMs = backoffDelay(attempt, policy, random);
        retried.push({
          attempt,
          reason,
          ...(response ? { httpStatus: response.status } : {}),
          ...(outcome.kind === 'error' ? { code: outcome.code } : {}),
          delayMs,
        });
        await sleep(delayMs);
        continue;
      }
      return {
        call,
        variant,
        request: scrub.request(request),
        ...(response ? { response } : {}),
        ...('decoded' in result ? { decoded: result.decoded } : {}),
        outcome,
        startedAt,
        durationMs: performance.now() - t0,
        attempts: attempt,
        retried,
      };
    }
  }

  return {
    kind: 'http',
    capabilities: { ...NO_CAPABILITIES, ...options.capabilities },
    endpoint: options.baseUrl ? normalizeBaseUrl(options.baseUrl) : undefined,
    send,
    async close() {
      closed = true;
      await ownedTransport?.close();
    },
  };
}
