import { unescape as lenientUnescape } from 'node:querystring';
import { headerValue, type WireRequest } from './wire';

/** Decoded parameters of one request: strings only, never the raw wire text. */
export type Params = Record<string, string>;

export interface ParsedRequest {
  readonly method: string;
  readonly path: string;
  /** The query alone: V3 signs only these. */
  readonly query: Params;
  /** Query and form body merged (the body wins on a conflicting name): V1 signs these. */
  readonly params: Params;
  /** The body bytes as sent: V3 hashes them. */
  readonly body: Uint8Array | string;
}

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** `+` is a space; a malformed `%` sequence is kept as text rather than failing the request. */
function decodeComponent(text: string): string {
  const plain = text.includes('+') ? text.replace(PLUS, ' ') : text;
  if (!plain.includes('%')) return plain;
  try {
    return decodeURIComponent(plain);
  } catch {
    return lenientUnescape(plain);
  }
}

const PLUS = /\+/g;

/**
 * Decodes `a=1&b=x%20y`. Hand-rolled because it runs on every request and node:querystring
 * costs several times more; lenient as querystring is (the signature check then refuses what
 * does not add up, with a readable error). A repeated name keeps its last value.
 */
function decodeForm(text: string): Params {
  const out: Params = {};
  if (text === '') return out;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('&', start);
    if (end < 0) end = text.length;
    if (end > start) {
      const eq = text.indexOf('=', start);
      const split = eq < 0 || eq > end ? end : eq;
      setParam(
        out,
        decodeComponent(text.slice(start, split)),
        split === end ? '' : decodeComponent(text.slice(split + 1, end)),
      );
    }
    start = end + 1;
  }
  return out;
}

/**
 * A plain object, not one without a prototype: V8 keeps those as hash tables, dearer to build,
 * read and list on every request. A parameter named `__proto__` is defined, not assigned, so it
 * stays a parameter like any other (assigning it would try to replace the prototype).
 */
function setParam(out: Params, name: string, value: string): void {
  if (name === '__proto__')
    Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  else out[name] = value;
}

/** Splits `/path?query` (or an absolute URL) into its path and query text. */
function splitUrl(url: string): { path: string; queryText: string } {
  let start = 0;
  if (url.charCodeAt(0) !== 47 /* '/' */) {
    const scheme = url.indexOf('://');
    const slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
    if (slash < 0) {
      const q = url.indexOf('?', scheme < 0 ? 0 : scheme + 3);
      return { path: '/', queryText: q < 0 ? '' : url.slice(q + 1) };
    }
    start = slash;
  }
  const q = url.indexOf('?', start);
  const hash = url.indexOf('#', start);
  const end = hash < 0 ? url.length : hash;
  if (q < 0 || q > end) return { path: url.slice(start, end), queryText: '' };
  return { path: url.slice(start, q), queryText: url.slice(q + 1, end) };
}

export function pathOf(url: string): string {
  return splitUrl(url).path;
}

function bodyText(body: Uint8Array | string): string {
  if (typeof body === 'string') return body;
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
}

/** The query's parameters, then the body's over them. */
function mergeParams(query: Params, body: Params): Params {
  const out: Params = {};
  for (const from of [query, body]) for (const k of Object.keys(from)) setParam(out, k, from[k] as string);
  return out;
}

export function parseRequest(req: WireRequest): ParsedRequest {
  const { path, queryText } = splitUrl(req.url);
  const query = decodeForm(queryText);
  const contentType = headerValue(req.headers, 'content-type');
  const hasForm = req.body.length > 0 && contentType?.toLowerCase().startsWith(FORM_CONTENT_TYPE) === true;
  const params = hasForm ? mergeParams(query, decodeForm(bodyText(req.body))) : query;
  return { method: req.method.toUpperCase(), path, query, params, body: req.body };
}
