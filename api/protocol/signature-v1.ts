import { createHmac } from 'node:crypto';
import { canonicalQuery, percentEncode } from './encoding';

/**
 * Signature V1 (HMAC-SHA1) of the RPC style: every parameter but `Signature`, sorted and
 * encoded, signed with the secret plus `&`.
 */
export function v1StringToSign(method: string, params: Readonly<Record<string, string>>): string {
  const { Signature: _ignored, ...rest } = params;
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalQuery(rest))}`;
}

export function v1Signature(secret: string, stringToSign: string): string {
  return createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64');
}
