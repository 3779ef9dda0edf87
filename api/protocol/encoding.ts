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

/** `name=value` pairs sorted by name (byte order) then value, strictly encoded, joined with `&` (`except`: a name left out). */
export function canonicalQuery(params: Readonly<Record<string, string>>, except?: string): string {
  const keys = sortNames(Object.keys(params));
  let out = '';
  for (const k of keys) {
    if (k === except) continue;
    out += `${out === '' ? '' : '&'}${percentEncode(k)}=${percentEncode(params[k] ?? '')}`;
  }
  return out;
}

/**
 * `names` sorted in place by UTF-16 code units (the byte order of ASCII names). Both signatures sort a
 * request's few parameter and header names on both ends of every call: Array.prototype.sort
 * allocates its merge state each time (about a kilobyte), an insertion sort of a short list
 * nothing. A long list (a hostile request's headers) still gets the O(n log n) sort.
 */
export function sortNames(names: string[]): string[] {
  // The default sort compares UTF-16 code units, as `<` does, without calling back into JS.
  if (names.length > 24) return names.sort();
  for (let i = 1; i < names.length; i++) {
    const name = names[i] as string;
    let j = i - 1;
    for (; j >= 0 && (names[j] as string) > name; j--) names[j + 1] = names[j] as string;
    names[j + 1] = name;
  }
  return names;
}

/** Whether `names` is already in byte order, so that it needs no sorted copy. */
export function inByteOrder(names: readonly string[]): boolean {
  for (let i = 1; i < names.length; i++) if ((names[i - 1] as string) > (names[i] as string)) return false;
  return true;
}

/** UTC `yyyy-MM-ddTHH:mm:ssZ`, the timestamp format of both signature versions. */
export function isoSeconds(epochMs: number): string {
  // Every request is signed with the time and most fall in the same second as the one before.
  const second = Math.floor(epochMs / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return lastText;
}
let lastSecond = Number.NaN;
let lastText = '';
