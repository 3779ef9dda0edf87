import { createHmac } from 'node:crypto';
import { canonicalQuery, percentEncode } from './encoding';
import { keepingLast } from './last-call';

/**
 * Signature V1 (HMAC-SHA1) of the RPC style: every parameter but `Signature`, sorted and
 * encoded, signed with the secret plus `&`.
 */
export function v1StringToSign(method: string, params: Readonly<Record<string, string>>): string {
  return v1StringToSignOfQuery(method, canonicalQuery(params, 'Signature'));
}

/** The same from the canonical query text (`canonicalQuery(params, 'Signature')`), when the caller has it. */
export const v1StringToSignOfQuery = (method: string, query: string): string =>
  `${method.toUpperCase()}&${ENCODED_ROOT}&${percentEncode(query)}`;

const ENCODED_ROOT = percentEncode('/');

export const v1Signature = keepingLast((secret, stringToSign) =>
  createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64'),
);
