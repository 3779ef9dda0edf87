import Ecs, * as $Ecs from '@alicloud/ecs20140526';
import OpenApi, { $OpenApiUtil, OpenApiUtil } from '@alicloud/openapi-core';
import RPCClient from '@alicloud/pop-core';
import * as $dara from '@darabonba/typescript';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from '../../emulator/protocol';

export { $Ecs };

export interface Keys {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string;
}

export const DEFAULT_KEYS: Keys = {
  accessKeyId: DEFAULT_ACCESS_KEY_ID,
  accessKeySecret: DEFAULT_ACCESS_KEY_SECRET,
};

/** darabonba config for `127.0.0.1:PORT` over plain HTTP (no scheme in the endpoint). */
const darabonbaConfig = (port: number, keys: Keys, v2 = false) =>
  new $OpenApiUtil.Config({
    ...keys,
    endpoint: `127.0.0.1:${port}`,
    protocol: 'http',
    ...(v2 ? { signatureAlgorithm: 'v2' } : {}),
  });

/** The ECS product SDK: V3 signature, parameters in the query. */
export const ecsClient = (port: number, keys: Keys = DEFAULT_KEYS) => new Ecs(darabonbaConfig(port, keys));

export type Dialect = 'v3' | 'v3-body' | 'v1-darabonba' | 'pop-get' | 'pop-post';

/** Calls any action through one of the official clients; resolves to the parsed body. */
export async function callAs(
  dialect: Dialect,
  port: number,
  action: string,
  version: string,
  params: Record<string, unknown>,
  keys: Keys = DEFAULT_KEYS,
): Promise<Record<string, unknown>> {
  if (dialect === 'pop-get' || dialect === 'pop-post') {
    const pop = new RPCClient({ ...keys, endpoint: `http://127.0.0.1:${port}`, apiVersion: version });
    return pop.request(action, params, { method: dialect === 'pop-get' ? 'GET' : 'POST' });
  }
  const client = new OpenApi(darabonbaConfig(port, keys, dialect === 'v1-darabonba'));
  const flat = OpenApiUtil.query(params);
  const res = await client.callApi(
    new $OpenApiUtil.Params({
      action,
      version,
      protocol: 'HTTPS',
      pathname: '/',
      method: 'POST',
      authType: 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      bodyType: 'json',
    }),
    new $OpenApiUtil.OpenApiRequest(dialect === 'v3-body' ? { body: flat } : { query: flat }),
    new $dara.RuntimeOptions({}),
  );
  return res.body as Record<string, unknown>;
}

/** The error an SDK threw, reduced to what all of them carry. */
export async function sdkError(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return { code: String(err.code), message: String(err.message) };
  }
  throw new Error('the call succeeded');
}
