/**
 * The percent-encoding both signature versions use: unreserved `A-Z a-z 0-9 - _ . ~` kept,
 * everything else `%XY` over UTF-8, space as `%20`, never `+`.
 */
export function percentEncode(value: string): string {
  // Fast paths: both signature checks encode every parameter of every request, and most values
  // (IDs, regions, timestamps' digits) need no encoding or none of the extra replacements.
  if (UNRESERVED_ONLY.test(value)) return value;
  const encoded = encodeURIComponent(value);
  return SUB_DELIMS.test(encoded)
    ? encoded.replace(SUB_DELIMS_G, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    : encoded;
}

const UNRESERVED_ONLY = /^[A-Za-z0-9\-_.~]*$/;
/** What encodeURIComponent leaves alone but the RPC rule encodes. */
const SUB_DELIMS = /[!'()*]/;
const SUB_DELIMS_G = /[!'()*]/g;

/** `name=value` pairs sorted by name (byte order) then value, strictly encoded, joined with `&`. */
export function canonicalQuery(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .sort(byteOrder)
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k] ?? '')}`)
    .join('&');
}

export const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** UTC `yyyy-MM-ddTHH:mm:ssZ`, the timestamp format of both signature versions. */
export const isoSeconds = (epochMs: number) => new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
