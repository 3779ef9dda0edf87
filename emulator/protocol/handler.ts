import { setTimeout as sleep } from 'node:timers/promises';
import type { Operation } from '../../api/operation';
import { randomUpperUuid } from '../../api/protocol/uuid';
import {
  type ClientTokenGate,
  type EmulatorControl,
  type EmulatorService,
  type ServiceCall,
  ServiceError,
} from '../service/api';
import { ADMIN_PREFIX, handleAdmin } from './admin';
import { Authenticator } from './authenticate';
import { type GatewayConfig, gatewayConfig } from './config';
import { deviateService } from './deviation';
import { encodeError, encodeSuccess, type Format, requestedFormat } from './encode';
import { type FaultEffect, FaultTable } from './faults';
import { internalError, resolveError } from './gateway-errors';
import { parseRequest } from './params';
import { routeOperation } from './route';
import { validateParams } from './validate';
import { headerValue, type WireHandler, type WireRequest, type WireResponse } from './wire';

/**
 * `at` as an HTTP date. The text names whole seconds, so answers within one second share it:
 * formatting a Date costs more than the rest of the stamp, and a busy emulator answers thousands
 * of calls a second.
 */
function httpDateOfSecond(): (at: number) => string {
  let second = Number.NaN;
  let text = '';
  return (at) => {
    const s = Math.floor(at / 1000);
    if (s !== second) {
      second = s;
      text = new Date(at).toUTCString();
    }
    return text;
  };
}

export interface GatewayHandler extends WireHandler {
  /** The fault rules, for in-process users that do not go through `/_emulator/faults`. */
  readonly faults: FaultTable;
}

/**
 * THE entry point of the emulator's protocol shell: one request in, one response out, whatever
 * the transport. It parses, routes by Action and Version, authenticates, validates, applies
 * faults, calls the service and encodes, and never throws: an unexpected exception becomes
 * InternalError (500) without a stack trace, and the next request is served as usual.
 *
 * RPC is served on path `/` only, as the real gateway does (V3 even signs the path as `/`);
 * other paths answer InvalidApi.NotFound, except the unsigned admin endpoints under `/_emulator/`.
 */
export function createHandler(
  inner: EmulatorService & EmulatorControl & Partial<ClientTokenGate>,
  overrides: Partial<GatewayConfig> = {},
): GatewayHandler {
  const config = gatewayConfig(overrides);
  const { deviation } = config;
  // A fault profile's deviation sits in front of the service; off (undefined) by default.
  const service = deviation ? deviateService(inner, deviation) : inner;
  const auth = new Authenticator(config);
  const faults = new FaultTable();
  const admin = {
    control: service,
    faults,
    resetGateway: () => auth.reset(),
    ...(deviation ? { deviation } : {}),
  };

  /** A delayed call keeps its ClientToken busy meanwhile, so a retry sees LastTokenProcessing. */
  async function suffer(fault: FaultEffect, call: ServiceCall): Promise<void> {
    if (fault.delayMs > 0) {
      const release = service.holdClientToken?.(call);
      try {
        await sleep(fault.delayMs);
      } finally {
        release?.();
      }
    }
    if (fault.error) throw fault.error;
  }

  /**
   * An answer carries the service's time in its Date header, as an HTTP server states its own
   * (RFC 9110, 6.6.1): on a manual or fast clock it is the time the answer's own times are on,
   * so a client judging them need not know how this clock stands to its own. It is the latest
   * time the service read while answering (no time in the body is later), not when the answer
   * left: on a clock 300 times the wall's, 100 ms waiting for a core would be 30 s.
   */
  const httpDate = httpDateOfSecond();
  const dated = (out: WireResponse): WireResponse => {
    const at = inner.clock.lastRead?.() ?? inner.clock.now();
    // Built field by field: V8 (Node 20) takes its slow path for a spread copy with a field added.
    const headers: Record<string, string> = Object.assign({}, out.headers);
    headers.date = httpDate(at);
    return { status: out.status, headers, body: out.body };
  };

  async function serve(req: WireRequest): Promise<WireResponse> {
    const requestId = randomUpperUuid();
    let format: Format | undefined;
    let op: Operation | undefined;
    try {
      const parsed = parseRequest(req);
      if (
        parsed.path.startsWith(ADMIN_PREFIX) &&
        (parsed.path.length === ADMIN_PREFIX.length || parsed.path[ADMIN_PREFIX.length] === '/')
      ) {
        return handleAdmin(admin, { ...req, method: parsed.method }, parsed.path);
      }
      format = requestedFormat(parsed.params.Format);
      if (parsed.method !== 'GET' && parsed.method !== 'POST')
        throw new ServiceError('UnsupportedHTTPMethod');
      if (parsed.path !== '/' && parsed.path !== '') throw new ServiceError('InvalidApi.NotFound');
      // V3 carries an Authorization header and names the API in headers; V1 in parameters.
      // (pop-core sends x-acs-action on V1 requests too, so the header alone decides nothing.)
      const authorization = headerValue(req.headers, 'authorization');
      const v3 = authorization !== undefined;
      op = v3
        ? routeOperation(headerValue(req.headers, 'x-acs-action'), headerValue(req.headers, 'x-acs-version'))
        : routeOperation(parsed.params.Action, parsed.params.Version);
      const accessKeyId = v3 ? auth.v3(parsed, req.headers, authorization) : auth.v1(parsed);
      const call = {
        product: op.product,
        version: op.version,
        action: op.action,
        params: validateParams(op, parsed.params),
        requestId,
        accessKeyId,
      };
      const fault = faults.next(op.action);
      if (fault) await suffer(fault, call);
      const body = await service.handle(call);
      // The V1 default is XML, as the gateway's; V3 clients send no Format and expect JSON.
      const out = encodeSuccess(format ?? (v3 ? 'JSON' : 'XML'), op.action, requestId, body);
      return deviation?.encoded ? deviation.encoded(op.action, out) : out;
    } catch (err) {
      // A URIError is text no encoder can carry (a lone surrogate handed in by an in-process caller).
      const known =
        err instanceof URIError
          ? new ServiceError('InvalidParameter', 'The request holds characters that cannot be encoded.')
          : err;
      let resolved = known instanceof ServiceError ? resolveError(known, op) : undefined;
      if (!resolved) {
        config.logError(`request ${requestId}: ${err instanceof Error ? err.message : String(err)}`);
        resolved = internalError();
      }
      const hostId = headerValue(req.headers, 'host') ?? `${op?.product ?? 'ecs'}.aliyuncs.com`;
      const out = encodeError(format === 'XML' ? 'XML' : 'JSON', resolved, requestId, hostId);
      return op && deviation?.encoded ? deviation.encoded(op.action, out) : out;
    }
  }
  const handle = async (req: WireRequest) => {
    // Read once first, so an answer the service never saw (a bad signature) is dated now.
    inner.clock.now();
    return dated(await serve(req));
  };
  return Object.assign(handle, { faults });
}
