import type { Product } from '../api';
import { TargetError } from './target';

/**
 * Where a call goes. Real regions: `{product}.{region}.aliyuncs.com`; a call that names no region
 * goes to `{product}.aliyuncs.com` (ECS's documented default host; the one the EBS SDK falls back
 * to). An override
 * (an emulator, a proxy, a recorder) serves every product and region from one base URL.
 */
export interface EndpointResolver {
  /** The origin (`scheme://host[:port]`) for a call. */
  originFor(product: Product, region: string | undefined): string;
}

export function realEndpoints(scheme: 'https' | 'http' = 'https'): EndpointResolver {
  return {
    originFor(product, region) {
      if (region) return `${scheme}://${product}.${region}.aliyuncs.com`;
      return `${scheme}://${product}.aliyuncs.com`;
    },
  };
}

export function fixedEndpoint(baseUrl: string): EndpointResolver {
  const origin = normalizeBaseUrl(baseUrl);
  return { originFor: () => origin };
}

/** `http://127.0.0.1:8080/` -> `http://127.0.0.1:8080`. RPC paths are always `/`, so a path is refused. */
export function normalizeBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TargetError('TARGET_CONFIG', `not an absolute URL: ${baseUrl}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TargetError('TARGET_CONFIG', `endpoint must be http or https: ${baseUrl}`);
  if (url.pathname !== '/' || url.search || url.hash)
    throw new TargetError('TARGET_CONFIG', `endpoint must have no path: ${baseUrl}`);
  return url.origin;
}

/** The region a call is routed by: its RegionId, else the call's explicit region. */
export function routingRegion(
  params: Readonly<Record<string, unknown>>,
  region: string | undefined,
): string | undefined {
  const id = params.RegionId;
  return typeof id === 'string' && id !== '' ? id : region;
}
