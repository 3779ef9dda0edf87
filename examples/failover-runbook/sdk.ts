/**
 * The official SDK clients the runbook uses: @alicloud/ecs20140526 for ECS, and the generic
 * @alicloud/openapi-core client for EBS 2021-07-30 (no EBS SDK package is needed: an RPC call is
 * an action, a version and parameters). One client per region, as a real deployment has them.
 */
import EcsModule from '@alicloud/ecs20140526';
import OpenApiModule, { $OpenApiUtil, OpenApiUtil } from '@alicloud/openapi-core';
import * as $dara from '@darabonba/typescript';

export * as $Ecs from '@alicloud/ecs20140526';

// The SDKs are CommonJS: Node's ESM loader hands over `module.exports` (the class is its
// `default`), while bundlers and vitest hand over the class itself.
const interop = <T>(m: T): T => (m as { default?: T }).default ?? m;
const Ecs = interop(EcsModule);
const OpenApi = interop(OpenApiModule);

export interface SdkConfig {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string;
  /**
   * Replaces the endpoint the SDK derives for a product and region (`127.0.0.1:8080` for an
   * emulator); undefined keeps the SDK's own (`ecs.cn-beijing.aliyuncs.com`, ...).
   */
  readonly endpointFor?: (product: 'ecs' | 'ebs', regionId: string) => string | undefined;
  readonly protocol?: 'http' | 'https';
}

function config(sdk: SdkConfig, product: 'ecs' | 'ebs', regionId: string, fallback?: string) {
  const endpoint = sdk.endpointFor?.(product, regionId) ?? fallback;
  return new $OpenApiUtil.Config({
    accessKeyId: sdk.accessKeyId,
    accessKeySecret: sdk.accessKeySecret,
    ...(sdk.securityToken ? { securityToken: sdk.securityToken } : {}),
    regionId,
    ...(endpoint ? { endpoint } : {}),
    ...(sdk.protocol ? { protocol: sdk.protocol } : {}),
  });
}

export type EcsClient = InstanceType<typeof Ecs>;

export const ecsClient = (sdk: SdkConfig, regionId: string): EcsClient =>
  new Ecs(config(sdk, 'ecs', regionId));

/** No SDK retries: the runbook decides what is worth retrying. */
export const noRetry = () => new $dara.RuntimeOptions({ autoretry: false });

export type EbsCall = (action: string, params: Record<string, unknown>) => Promise<Record<string, unknown>>;

/** EBS RPC calls in one region, through the generic client, signed as the SDKs sign (V3). */
export function ebsClient(sdk: SdkConfig, regionId: string): EbsCall {
  const client = new OpenApi(config(sdk, 'ebs', regionId, `ebs.${regionId}.aliyuncs.com`));
  return async (action, params) => {
    const res = await client.callApi(
      new $OpenApiUtil.Params({
        action,
        version: '2021-07-30',
        protocol: 'HTTPS',
        pathname: '/',
        method: 'POST',
        authType: 'AK',
        style: 'RPC',
        reqBodyType: 'formData',
        bodyType: 'json',
      }),
      new $OpenApiUtil.OpenApiRequest({ query: OpenApiUtil.query({ RegionId: regionId, ...params }) }),
      noRetry(),
    );
    return res.body as Record<string, unknown>;
  };
}

/** What every SDK error carries: the service's code and HTTP status, when there was an answer. */
export function sdkFailure(err: unknown): { code: string; status: number | undefined } {
  const e = err as { code?: unknown; statusCode?: unknown };
  return {
    code: typeof e?.code === 'string' ? e.code : String(err),
    status: typeof e?.statusCode === 'number' ? e.statusCode : undefined,
  };
}

/** Worth another try: no answer at all, throttling, or a server-side failure. */
export function isTransient(err: unknown): boolean {
  const { code, status } = sdkFailure(err);
  return (
    status === undefined || status >= 500 || code.startsWith('Throttling') || code === 'ServiceUnavailable'
  );
}
