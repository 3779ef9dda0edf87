/**
 * Builds a signed request from wire-string parameters. Pure: the clock reading and the nonce are
 * inputs, so a retry re-signs with fresh ones while a test pins them. Parameters are written
 * with the same strict encoding the signature uses, so what is signed is exactly what is sent.
 */
import { canonicalQuery, isoSeconds, percentEncode } from '../api/protocol/encoding';
import { v1Signature, v1StringToSign, v1StringToSignOfQuery } from '../api/protocol/signature-v1';
import {
  EMPTY_BODY_SHA256,
  headersToSign,
  sha256Hex,
  v3Authorization,
  v3CanonicalRequest,
  v3Signature,
  v3StringToSign,
} from '../api/protocol/signature-v3';
import type { Credentials } from './credentials';
import type { Variant } from './target';
import type { HttpRequest } from './transport';

export interface SigningInput {
  readonly action: string;
  readonly version: string;
  /** Business parameters, already flattened to wire strings. */
  readonly params: Readonly<Record<string, string>>;
  readonly variant: Variant;
  readonly credentials: Credentials;
  /** `http://127.0.0.1:8080`, `https://ebs.cn-hangzhou.aliyuncs.com`. */
  readonly origin: string;
  /** Epoch ms of this attempt. */
  readonly now: number;
  readonly nonce: string;
}

const FORM = 'application/x-www-form-urlencoded';

/** GET has no body, so its parameters are always in the query. */
export const effectiveVariant = (v: Variant): Variant =>
  v.method === 'GET' && v.paramsIn !== 'query' ? { ...v, paramsIn: 'query' } : v;

const acceptHeader = (v: Variant) => (v.format === 'XML' ? 'application/xml' : 'application/json');

/** The Host the V3 signature covers, as a socket derives it (URL parsing is dear on every request). */
const hosts = new Map<string, string>();
function hostOf(origin: string): string {
  let host = hosts.get(origin);
  if (host === undefined) {
    host = new URL(origin).host;
    hosts.set(origin, host);
  }
  return host;
}

const TRAILING_SLASHES = /\/+$/;
const urlWith = (origin: string, query: string) =>
  `${origin.endsWith('/') ? origin.replace(TRAILING_SLASHES, '') : origin}/${query ? `?${query}` : ''}`;

export function signRequest(input: SigningInput): HttpRequest {
  return input.variant.signature === 'v1' ? signV1(input) : signV3(input);
}

function signV1(input: SigningInput): HttpRequest {
  const variant = effectiveVariant(input.variant);
  const { credentials: c } = input;
  const common: Record<string, string> = {
    AccessKeyId: c.accessKeyId,
    Action: input.action,
    Format: variant.format,
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: input.nonce,
    SignatureVersion: '1.0',
    Timestamp: isoSeconds(input.now),
    Version: input.version,
  };
  if (c.securityToken) common.SecurityToken = c.securityToken;
  // The signature covers the union of query and body, wherever each parameter travels.
  const all = { ...input.params, ...common };
  // Encoded once for signing and sending, unless a parameter named Signature (which the
  // signature leaves out) makes the two texts differ.
  const allQuery = canonicalQuery(all);
  const stringToSign =
    'Signature' in all
      ? v1StringToSign(variant.method, all)
      : v1StringToSignOfQuery(variant.method, allQuery);
  const signature = `Signature=${percentEncode(v1Signature(c.accessKeySecret, stringToSign))}`;
  const headers: Record<string, string> = { accept: acceptHeader(variant) };
  const join = (a: string, b: string) => (a && b ? `${a}&${b}` : a || b);
  switch (variant.paramsIn) {
    case 'query':
      return {
        method: variant.method,
        url: urlWith(input.origin, join(allQuery, signature)),
        headers,
        body: '',
      };
    case 'body':
      return {
        method: variant.method,
        url: urlWith(input.origin, ''),
        headers: { ...headers, 'content-type': FORM },
        body: join(allQuery, signature),
      };
    case 'split': {
      const body = canonicalQuery(input.params);
      return {
        method: variant.method,
        url: urlWith(input.origin, join(canonicalQuery(common), signature)),
        headers: body ? { ...headers, 'content-type': FORM } : headers,
        body,
      };
    }
  }
}

function signV3(input: SigningInput): HttpRequest {
  const variant = effectiveVariant(input.variant);
  const { credentials: c } = input;
  const inQuery = variant.paramsIn === 'query';
  const query = inQuery ? input.params : {};
  // Encoded once: the same text is signed and sent.
  const encodedQuery = inQuery ? canonicalQuery(query) : '';
  const body = inQuery ? '' : canonicalQuery(input.params);
  const headers: Record<string, string> = {
    host: hostOf(input.origin),
    'x-acs-action': input.action,
    'x-acs-version': input.version,
    'x-acs-date': isoSeconds(input.now),
    'x-acs-signature-nonce': input.nonce,
    'x-acs-content-sha256': body ? sha256Hex(body) : EMPTY_BODY_SHA256,
  };
  if (body) headers['content-type'] = FORM;
  if (c.securityToken) {
    headers['x-acs-security-token'] = c.securityToken;
    headers['x-acs-accesskey-id'] = c.accessKeyId;
  }
  const signedHeaders = headersToSign(headers);
  const canonical = v3CanonicalRequest({
    method: variant.method,
    query,
    headers,
    signedHeaders,
    payloadHash: headers['x-acs-content-sha256'] as string,
    encodedQuery,
  });
  const signature = v3Signature(c.accessKeySecret, v3StringToSign(canonical));
  // Added to a copy made by Object.assign, not a spread: V8 (Node 20) adds to a spread copy on a
  // slow path, about a microsecond per request.
  const sent: Record<string, string> = Object.assign({}, headers);
  sent.accept = acceptHeader(variant);
  sent.authorization = v3Authorization(c.accessKeyId, signedHeaders, signature);
  return { method: variant.method, url: urlWith(input.origin, encodedQuery), headers: sent, body };
}
