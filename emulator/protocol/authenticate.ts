import { timingSafeEqual } from 'node:crypto';
import { v1Signature, v1StringToSign } from '../../api/protocol/signature-v1';
import {
  EMPTY_BODY_SHA256,
  parseV3Authorization,
  sha256Hex,
  V3_ALGORITHM,
  v3CanonicalRequest,
  v3Signature,
  v3StringToSign,
} from '../../api/protocol/signature-v3';
import { ServiceError } from '../service/api';
import { checkTimestamp, NonceMemory } from './clock-checks';
import type { Credential, GatewayConfig } from './config';
import { missingParameter } from './gateway-errors';
import type { ParsedRequest } from './params';
import { headerValue, type WireRequest } from './wire';

/** Headers a V3 request must sign when it sends them: without them the signature proves little. */
const V3_MUST_SIGN = ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-content-sha256'];
const V3_MUST_SIGN_IF_SENT = ['x-acs-signature-nonce', 'x-acs-security-token'];

const signatureMismatch = (stringToSign: string) =>
  new ServiceError(
    'SignatureDoesNotMatch',
    `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
  );

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Verifies who signed a request, as the gateway does, and answers the AccessKeyId. Every
 * refusal is a ServiceError with a gateway code; no message ever holds a secret or a signature
 * (the string to sign holds neither).
 */
export class Authenticator {
  readonly #keys: ReadonlyMap<string, Credential>;
  readonly #nonces: NonceMemory;

  constructor(private readonly config: GatewayConfig) {
    this.#keys = new Map(config.credentials.map((c) => [c.accessKeyId, c]));
    this.#nonces = new NonceMemory(2 * config.timestampWindowMs, config.maxRememberedNonces);
  }

  /** Forget every nonce (admin reset). */
  reset(): void {
    this.#nonces.clear();
  }

  /** Signature V1 (HMAC-SHA1): `Signature` and the common parameters in the query or the form body. */
  v1(req: ParsedRequest): string {
    const p = req.params;
    if (p.Signature === undefined) throw new ServiceError('IncompleteSignature');
    const accessKeyId = p.AccessKeyId;
    if (accessKeyId === undefined) throw missingParameter('AccessKeyId');
    if (p.SignatureMethod === undefined) throw missingParameter('SignatureMethod');
    if (p.SignatureMethod !== 'HMAC-SHA1' || (p.SignatureVersion ?? '1.0') !== '1.0') {
      throw new ServiceError('UnsupportedSignatureMethod');
    }
    if (p.SignatureNonce === undefined || p.SignatureNonce === '') throw missingParameter('SignatureNonce');
    if (p.Timestamp === undefined) throw missingParameter('Timestamp');
    const now = this.config.now();
    checkTimestamp(p.Timestamp, now, this.config.timestampWindowMs);
    const credential = this.#credential(accessKeyId, p.SecurityToken);
    // The received text was decoded by the parser; v1StringToSign re-encodes it strictly.
    const stringToSign = v1StringToSign(req.method, p);
    if (!sameText(v1Signature(credential.accessKeySecret, stringToSign), p.Signature)) {
      throw signatureMismatch(stringToSign);
    }
    this.#nonces.use(accessKeyId, p.SignatureNonce, now);
    return accessKeyId;
  }

  /** Signature V3 (ACS3-HMAC-SHA256): `Authorization` header over the query, signed headers and body hash. */
  v3(req: ParsedRequest, headers: WireRequest['headers'], authorization: string): string {
    const space = authorization.indexOf(' ');
    if (authorization.slice(0, space < 0 ? undefined : space) !== V3_ALGORITHM) {
      throw new ServiceError('UnsupportedSignatureMethod');
    }
    const auth = parseV3Authorization(authorization);
    if (!auth) throw new ServiceError('IncompleteSignature');
    const date = headerValue(headers, 'x-acs-date');
    if (date === undefined) throw missingParameter('x-acs-date');
    if (headerValue(headers, 'x-acs-content-sha256') === undefined) {
      throw missingParameter('x-acs-content-sha256');
    }
    // A list of about seven: `includes` costs less than building a Set on every call.
    const signed = auth.signedHeaders;
    for (const h of V3_MUST_SIGN) if (!signed.includes(h)) throw new ServiceError('IncompleteSignature');
    for (const h of V3_MUST_SIGN_IF_SENT) {
      if (headers[h] !== undefined && !signed.includes(h)) throw new ServiceError('IncompleteSignature');
    }
    const now = this.config.now();
    checkTimestamp(date, now, this.config.timestampWindowMs);
    const credential = this.#credential(auth.accessKeyId, headerValue(headers, 'x-acs-security-token'));
    const signedValues: Record<string, string> = {};
    for (const h of auth.signedHeaders) signedValues[h] = headerValue(headers, h) ?? '';
    const stringToSign = v3StringToSign(
      v3CanonicalRequest({
        method: req.method,
        query: req.query,
        headers: signedValues,
        signedHeaders: auth.signedHeaders,
        payloadHash: req.body.length === 0 ? EMPTY_BODY_SHA256 : sha256Hex(req.body),
      }),
    );
    if (!sameText(v3Signature(credential.accessKeySecret, stringToSign), auth.signature)) {
      throw signatureMismatch(stringToSign);
    }
    const nonce = headerValue(headers, 'x-acs-signature-nonce');
    // One doc table marks the V3 nonce optional; replay protection then rests on the date alone.
    if (nonce) this.#nonces.use(auth.accessKeyId, nonce, now);
    return auth.accessKeyId;
  }

  #credential(accessKeyId: string, securityToken: string | undefined): Credential {
    const credential = this.#keys.get(accessKeyId);
    if (!credential) throw new ServiceError('InvalidAccessKeyId.NotFound');
    // An STS key needs its token; a long-term key must not carry one.
    if (credential.securityToken !== securityToken) {
      throw new ServiceError('InvalidSecurityToken.MismatchWithAccessKey');
    }
    return credential;
  }
}
