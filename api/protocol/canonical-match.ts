import { percentEncode, sortNames } from './encoding';
import type { V3Request } from './signature-v3';

/**
 * Whether `text` is the very canonical request `r` builds, read off the text without building
 * it. In the direct target the gateway checks, in the client's own process, a request the client
 * has just signed: rather than concatenate the same text again (about a kilobyte of heap a
 * call), it compares the request's parts with the client's text where each should stand. The
 * pieces are those v3CanonicalRequest joins, in its order, so the answer is exact either way: a
 * difference anywhere (another request, a tampered one) means the text is built afresh.
 */
export function isCanonicalRequest(text: string, r: V3Request, names: readonly string[]): boolean {
  at = 0;
  if (!eat(text, r.method.toUpperCase()) || !eat(text, '\n/\n') || !queryAt(text, r) || !eat(text, '\n'))
    return false;
  for (const h of names)
    if (!eat(text, h) || !eat(text, ':') || !eat(text, (r.headers[h] ?? '').trim()) || !eat(text, '\n'))
      return false;
  if (!eat(text, '\n')) return false;
  for (let i = 0; i < names.length; i++)
    if ((i > 0 && !eat(text, ';')) || !eat(text, names[i] as string)) return false;
  return eat(text, '\n') && eat(text, r.payloadHash) && at === text.length;
}

// Where the comparison stands in the text: module state, not a closure per call (the check is
// synchronous, so calls cannot interleave).
let at = 0;

function eat(text: string, piece: string): boolean {
  if (!text.startsWith(piece, at)) return false;
  at += piece.length;
  return true;
}

/** canonicalQuery's pairs, sorted and strictly encoded, `&` between them. */
function queryAt(text: string, r: V3Request): boolean {
  if (r.encodedQuery !== undefined) return eat(text, r.encodedQuery);
  const keys = sortNames(Object.keys(r.query));
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (
      (i > 0 && !eat(text, '&')) ||
      !eat(text, percentEncode(k)) ||
      !eat(text, '=') ||
      !eat(text, percentEncode(r.query[k] ?? ''))
    )
      return false;
  }
  return true;
}
