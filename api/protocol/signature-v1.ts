import { createHmac } from 'node:crypto';
import { canonicalQuery, percentEncode } from './encoding';

/**
 * Signature V1 (HMAC-SHA1) of the RPC style: every parameter but `Signature`, sorted and
 * encoded, signed with the secret plus `&`.
 */
export function v1StringToSign(method: string, params: Readonly<Record<string, string>>): string {
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalQuery(params, 'Signature'))}`;
}

/** The last signature made, as signature-v3.ts keeps it: the direct target's gateway re-signs the same text. */
let last: { readonly secret: string; readonly text: string; readonly signature: string } | undefined;

export function v1Signature(secret: string, stringToSign: string): string {
  if (last?.text === stringToSign && last.secret === secret) return last.signature;
  const signature = createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64');
  last = { secret, text: stringToSign, signature };
  return signature;
}
