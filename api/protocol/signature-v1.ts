import { createHmac } from 'node:crypto';
import { canonicalQuery, percentEncode } from './encoding';
import { keepingLast } from './last-call';

/**
 * Signature V1 (HMAC-SHA1) of the RPC style: every parameter but `Signature`, sorted and
 * encoded, signed with the secret plus `&`.
 */
export function v1StringToSign(method: string, params: Readonly<Record<string, string>>): string {
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalQuery(params, 'Signature'))}`;
}

export const v1Signature = keepingLast((secret, stringToSign) =>
  createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64'),
);
