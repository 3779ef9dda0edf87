/**
 * The HTTP client at one base URL (`--endpoint URL`): an emulator someone else runs, a proxy, a
 * recording server. It probes `GET /_emulator/health` to report whether admin endpoints exist,
 * but never resets or moves the clock of a service it does not own.
 */
import { adminClient } from './admin-client';
import type { Credentials } from './credentials';
import { normalizeBaseUrl } from './endpoints';
import { createHttpTarget, type HttpTargetOptions } from './http-target';
import type { Target } from './target';
import { type ClosableTransport, type Transport, undiciTransport } from './transport';

export interface EndpointTargetOptions extends Omit<HttpTargetOptions, 'baseUrl' | 'capabilities'> {
  readonly endpoint: string;
  readonly credentials: Credentials;
  /** How long the admin probe may take. */
  readonly probeTimeoutMs?: number;
}

export interface EndpointTarget extends Target {
  readonly kind: 'endpoint';
}

export async function createEndpointTarget(options: EndpointTargetOptions): Promise<EndpointTarget> {
  const origin = normalizeBaseUrl(options.endpoint);
  const owned = options.transport ? undefined : undiciTransport();
  const transport: Transport = options.transport ?? (owned as ClosableTransport);
  const admin = await adminClient(origin, transport).healthy(options.probeTimeoutMs);
  const http = createHttpTarget({ ...options, baseUrl: origin, transport });
  return {
    kind: 'endpoint',
    endpoint: origin,
    capabilities: { reset: false, clockControl: false, admin, costsMoney: false, parallelSafe: false },
    send: (call) => http.send(call),
    async close() {
      await http.close?.();
      await owned?.close();
    },
  };
}
