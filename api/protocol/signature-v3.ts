import { createHmac, hash } from 'node:crypto';
import { isCanonicalRequest } from './canonical-match';
import { canonicalQuery, inByteOrder, sortNames } from './encoding';
import { keepingLast } from './last-call';

export const V3_ALGORITHM = 'ACS3-HMAC-SHA256';
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

// crypto.hash, one call with no Hash object: a third of createHash's cost on texts this short.
const sha256OfText = keepingLast((_, text) => hash('sha256', text, 'hex'));

export const sha256Hex = (data: string | Uint8Array): string =>
  typeof data === 'string' ? sha256OfText('', data) : hash('sha256', data, 'hex');

export interface V3Request {
  readonly method: string;
  /** Decoded query parameters (never the raw query text). */
  readonly query: Readonly<Record<string, string>>;
  /** Lower-case header names to values. */
  readonly headers: Readonly<Record<string, string>>;
  /** The names of the signed headers, lower case. */
  readonly signedHeaders: readonly string[];
  /** Lower-case hex SHA-256 of the body bytes as sent. */
  readonly payloadHash: string;
  /** `canonicalQuery(query)`, when the caller has it already: a client sends that very text. */
  readonly encodedQuery?: string;
}

/** The headers a client must sign: every `x-acs-*`, plus `host` and `content-type` when present. */
export function headersToSign(headers: Readonly<Record<string, string>>): string[] {
  const names: string[] = [];
  for (const name of Object.keys(headers)) {
    const h = name.toLowerCase();
    if (h.startsWith('x-acs-') || h === 'host' || h === 'content-type') names.push(h);
  }
  return sortNames(names);
}

/** The names in byte order: the list itself when it already is (a client's always is). */
const ordered = (names: readonly string[]): readonly string[] =>
  inByteOrder(names) ? names : sortNames([...names]);

/** The canonical request built last: the direct target's gateway checks the very request. */
let lastCanonical = '';
let lastNonce: string | undefined;

export function v3CanonicalRequest(r: V3Request): string {
  const names = ordered(r.signedHeaders);
  // Read only when the nonce is the last one's: a client's next request carries a new one, which
  // the text could not match (were the nonce not signed, skipping the reading costs a build).
  const nonce = r.headers['x-acs-signature-nonce'];
  if (lastCanonical !== '' && nonce === lastNonce && isCanonicalRequest(lastCanonical, r, names))
    return lastCanonical;
  lastNonce = nonce;
  // Concatenated, not joined from arrays: the text is flattened once, when it is hashed.
  let headers = '';
  for (const h of names) headers += headerLine(h, (r.headers[h] ?? '').trim());
  lastCanonical = `${r.method.toUpperCase()}\n/\n${r.encodedQuery ?? canonicalQuery(r.query)}\n${headers}\n${signedList(names)}\n${r.payloadHash}`;
  return lastCanonical;
}

/*
 * Pieces a client signs again and again, kept while they stay the same: a header's line (the
 * host, action, version, body hash, and the date within a second) and the list of signed names.
 * Each built afresh was a few more strings on every call. At most 64 names are kept: a request
 * to a gateway may sign any headers it likes.
 */
const lineValues = new Map<string, string>();
const lines = new Map<string, string>();

function headerLine(name: string, value: string): string {
  if (lineValues.get(name) === value) return lines.get(name) as string;
  const line = `${name}:${value}\n`;
  if (lineValues.size < 64 || lineValues.has(name)) {
    lineValues.set(name, value);
    lines.set(name, line);
  }
  return line;
}

let lastNames: readonly string[] = [];
let lastSigned = '';

/** The names joined with `;`. */
function signedList(names: readonly string[]): string {
  let same = names.length === lastNames.length;
  for (let i = 0; same && i < names.length; i++) same = names[i] === lastNames[i];
  if (!same) {
    lastNames = [...names];
    lastSigned = names.join(';');
  }
  return lastSigned;
}

// Kept like the digest: the gateway's check of the client's request asks for the same text.
const stringToSignOf = keepingLast((_, canonical) => `${V3_ALGORITHM}\n${sha256Hex(canonical)}`);

export const v3StringToSign = (canonicalRequest: string): string => stringToSignOf('', canonicalRequest);

export const v3Signature = keepingLast((secret, stringToSign) =>
  createHmac('sha256', secret).update(stringToSign, 'utf8').digest('hex'),
);

export const v3Authorization = (accessKeyId: string, signedHeaders: readonly string[], signature: string) =>
  `${V3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${signedList(ordered(signedHeaders))},Signature=${signature}`;

const AUTHORIZATION_PREFIX = `${V3_ALGORITHM} `;

/** Parses `ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..`; undefined when malformed. */
export function parseV3Authorization(
  value: string,
): { accessKeyId: string; signedHeaders: string[]; signature: string } | undefined {
  if (!value.startsWith(AUTHORIZATION_PREFIX)) return undefined;
  // Walked in place, not split into parts and a Map: the gateway parses one on every V3 call.
  // A part without `=` (or starting with it) is ignored; of a name given twice, the last counts.
  let accessKeyId: string | undefined;
  let signed: string | undefined;
  let signature: string | undefined;
  for (let start = AUTHORIZATION_PREFIX.length; start <= value.length; ) {
    let end = value.indexOf(',', start);
    if (end < 0) end = value.length;
    const eq = value.indexOf('=', start);
    if (eq > start && eq < end) {
      const name = value.slice(start, eq).trim();
      const field = value.slice(eq + 1, end).trim();
      if (name === 'Credential') accessKeyId = field;
      else if (name === 'SignedHeaders') signed = field;
      else if (name === 'Signature') signature = field;
    }
    start = end + 1;
  }
  if (!accessKeyId || !signed || !signature) return undefined;
  const signedHeaders = signed.split(';');
  for (let i = 0; i < signedHeaders.length; i++)
    signedHeaders[i] = (signedHeaders[i] as string).toLowerCase();
  return { accessKeyId, signedHeaders, signature };
}
