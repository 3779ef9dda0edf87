import { randomBytes } from 'node:crypto';
import { stringify } from 'node:querystring';
import { isoSeconds, percentEncode } from '../../api/protocol/encoding';
import { v1Signature, v1StringToSign } from '../../api/protocol/signature-v1';
import {
  EMPTY_BODY_SHA256,
  headersToSign,
  sha256Hex,
  v3Authorization,
  v3CanonicalRequest,
  v3Signature,
  v3StringToSign,
} from '../../api/protocol/signature-v3';
import { type Credential, DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET } from './config';
import type { WireRequest } from './wire';

/**
 * Builds signed WireRequests the way the official SDKs lay them out, for the gateway's own
 * tests and for in-process users who want to call the handler without an HTTP client.
 */
export interface SignOptions {
  readonly action: string;
  readonly version: string;
  /** Operation parameters, already flattened to wire strings. */
  readonly params?: Readonly<Record<string, string>>;
  readonly credential?: Credential;
  readonly now?: number;
  readonly nonce?: string;
  readonly host?: string;
}

const DEFAULT_CREDENTIAL: Credential = {
  accessKeyId: DEFAULT_ACCESS_KEY_ID,
  accessKeySecret: DEFAULT_ACCESS_KEY_SECRET,
};

const FORM = 'application/x-www-form-urlencoded';
const strictForm = (params: Readonly<Record<string, string>>) =>
  Object.entries(params)
    .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
    .join('&');

/**
 * V1 layouts seen on the wire: `query` (pop-core GET, strictly encoded), `body` (pop-core POST,
 * everything in the form body), `split` (darabonba `signatureAlgorithm: 'v2'`: common parameters
 * and Signature in the query, business parameters in the body), `node-query` (everything in a
 * query built by node:querystring, which leaves `*!'()` raw).
 */
export type V1Layout = 'query' | 'body' | 'split' | 'node-query';

export interface V1Options extends SignOptions {
  readonly method?: 'GET' | 'POST';
  readonly layout?: V1Layout;
  readonly format?: string;
  /** Extra common parameters (or overrides: `{SignatureMethod: 'HMAC-SHA256'}`). */
  readonly common?: Readonly<Record<string, string>>;
}

export function signV1(o: V1Options): WireRequest {
  const credential = o.credential ?? DEFAULT_CREDENTIAL;
  const common: Record<string, string> = {
    Action: o.action,
    Version: o.version,
    AccessKeyId: credential.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: o.nonce ?? randomBytes(16).toString('hex'),
    Timestamp: isoSeconds(o.now ?? Date.now()),
    ...(o.format === undefined ? {} : { Format: o.format }),
    ...(credential.securityToken === undefined ? {} : { SecurityToken: credential.securityToken }),
    ...o.common,
  };
  const business = o.params ?? {};
  const method = o.method ?? (o.layout === 'body' || o.layout === 'split' ? 'POST' : 'GET');
  const Signature = v1Signature(
    credential.accessKeySecret,
    v1StringToSign(method, { ...common, ...business }),
  );
  const headers = { host: o.host ?? '127.0.0.1', ...(method === 'POST' ? { 'content-type': FORM } : {}) };
  switch (o.layout ?? 'query') {
    case 'body':
      return { method, url: '/', headers, body: strictForm({ ...common, ...business, Signature }) };
    case 'split':
      return {
        method,
        url: `/?${strictForm({ ...common, Signature })}`,
        headers,
        body: strictForm(business),
      };
    case 'node-query':
      return { method, url: `/?${stringify({ ...common, ...business, Signature })}`, headers, body: '' };
    default:
      return { method, url: `/?${strictForm({ ...common, ...business, Signature })}`, headers, body: '' };
  }
}

export interface V3Options extends SignOptions {
  readonly method?: 'GET' | 'POST';
  /** Send the parameters as a form body instead of the query (the generic client's `body:`). */
  readonly inBody?: boolean;
  /** Extra headers to send (and sign, when they are signable). */
  readonly headers?: Readonly<Record<string, string>>;
}

export function signV3(o: V3Options): WireRequest {
  const credential = o.credential ?? DEFAULT_CREDENTIAL;
  const method = o.method ?? 'POST';
  const params = o.params ?? {};
  const query = o.inBody ? {} : params;
  const body = o.inBody ? strictForm(params) : '';
  const headers: Record<string, string> = {
    host: o.host ?? '127.0.0.1',
    'x-acs-action': o.action,
    'x-acs-version': o.version,
    'x-acs-date': isoSeconds(o.now ?? Date.now()),
    'x-acs-signature-nonce': o.nonce ?? randomBytes(32).toString('hex'),
    'x-acs-content-sha256': body === '' ? EMPTY_BODY_SHA256 : sha256Hex(body),
    accept: 'application/json',
    ...(o.inBody ? { 'content-type': FORM } : {}),
    ...(credential.securityToken === undefined
      ? {}
      : { 'x-acs-security-token': credential.securityToken, 'x-acs-accesskey-id': credential.accessKeyId }),
    ...o.headers,
  };
  const signedHeaders = headersToSign(headers);
  const stringToSign = v3StringToSign(
    v3CanonicalRequest({
      method,
      query,
      headers,
      signedHeaders,
      payloadHash: headers['x-acs-content-sha256'] ?? '',
    }),
  );
  headers.authorization = v3Authorization(
    credential.accessKeyId,
    signedHeaders,
    v3Signature(credential.accessKeySecret, stringToSign),
  );
  const queryText = strictForm(query);
  return { method, url: queryText === '' ? '/' : `/?${queryText}`, headers, body };
}
