/**
 * What an Exchange may keep. The secret, the STS token and signatures never leave the client:
 * they are replaced before anything is recorded, and the AccessKeyId is masked (`test****Id`).
 * Named fields are redacted structurally; on top, every literal occurrence of the secret or
 * token (raw or percent-encoded) is scrubbed from all text, because servers echo requests back
 * (SignatureDoesNotMatch quotes the string it signed, which includes SecurityToken).
 */
import { percentEncode } from '../api/protocol/encoding';
import type { Credentials } from './credentials';
import type { RecordedRequest, RecordedResponse } from './target';
import type { HttpRequest, HttpResponse } from './transport';

export const REDACTED = '***';

/** Keeps enough of an AccessKeyId to tell keys apart in a report. */
export function maskAccessKeyId(id: string): string {
  return id.length <= 8 ? '****' : `${id.slice(0, 4)}****${id.slice(-2)}`;
}

const HIDDEN_PARAMS = /(^|&)(Signature|SecurityToken|AccessKeySecret)=[^&]*/g;
const KEY_PARAM = /(^|&)AccessKeyId=([^&]*)/g;

export interface Redactor {
  request(req: HttpRequest): RecordedRequest;
  response(res: HttpResponse): RecordedResponse;
  /** Scrubs secrets and masks the key id in any text (bodies, messages). */
  text(text: string): string;
  /** The same, also scrubbing one request's signature wherever a server echoes it. */
  forRequest(req: HttpRequest): Redactor;
}

const V3_SIGNATURE = /Signature=([0-9a-f]+)/;
const V1_SIGNATURE = /(?:^|&)Signature=([^&]*)/;

/** The signature values a request carries (V1 `Signature` parameter, V3 Authorization). */
export function signaturesOf(req: HttpRequest): string[] {
  const out: string[] = [];
  const v3 = V3_SIGNATURE.exec(req.headers.authorization ?? '')?.[1];
  if (v3) out.push(v3);
  const q = req.url.indexOf('?');
  if (q >= 0) v1Signature(req.url.slice(q + 1), out);
  v1Signature(req.body, out);
  return out;
}

function v1Signature(text: string, out: string[]): void {
  // A V3 request carries none: one scan for the name before the pattern.
  if (!text.includes('Signature=')) return;
  const v1 = V1_SIGNATURE.exec(text)?.[1];
  if (v1) out.push(decodeURIComponent(v1));
}

/** A secret as it may appear in text: raw, percent-encoded, and encoded twice (a V1 string to sign). */
function secretForms(values: readonly (string | undefined)[]): string[] {
  // Each form once, first seen first: a hex signature or a plain secret encodes to itself, and
  // every form is searched for in every body. A list, not a Set: there are one to six.
  const forms: string[] = [];
  for (const s of values)
    if (typeof s === 'string' && s.length > 0) {
      const once = percentEncode(s);
      for (const form of [s, once, percentEncode(once)]) if (!forms.includes(form)) forms.push(form);
    }
  return forms;
}

/** Whether `encoded` (a query or form) may hold a parameter that #params rewrites. */
const mayHoldHidden = (encoded: string) =>
  encoded.includes('Signature=') ||
  encoded.includes('SecurityToken=') ||
  encoded.includes('AccessKeySecret=');

/**
 * A class, not closures: `forRequest` runs on every request, so deriving a redactor must cost no
 * more than encoding that request's own signatures (the credentials' forms are computed once).
 */
class SecretScrubber implements Redactor {
  constructor(
    private readonly masked: string,
    private readonly ids: readonly string[],
    private readonly secrets: readonly string[],
  ) {}

  text(input: string): string {
    let out = input;
    for (const s of this.secrets) if (out.includes(s)) out = out.split(s).join(REDACTED);
    for (const id of this.ids) if (id && out.includes(id)) out = out.split(id).join(this.masked);
    return out;
  }

  forRequest(req: HttpRequest): Redactor {
    const signatures = signaturesOf(req);
    return signatures.length === 0
      ? this
      : new SecretScrubber(this.masked, this.ids, this.secrets.concat(secretForms(signatures)));
  }

  request(req: HttpRequest): RecordedRequest {
    const q = req.url.indexOf('?');
    const query = q < 0 ? '' : req.url.slice(q + 1);
    const params = this.#params(query);
    const url = params === query ? req.url : `${req.url.slice(0, q + 1)}${params}`;
    return {
      method: req.method,
      url: this.text(url),
      headers: this.#headers(req.headers),
      body: this.text(this.#params(req.body)),
    };
  }

  response(res: HttpResponse): RecordedResponse {
    return { status: res.status, headers: this.#headers(res.headers), body: this.text(res.body) };
  }

  /** `encoded` itself when nothing in it is rewritten (a V3 request's query and body). */
  #params(encoded: string): string {
    const hidden = mayHoldHidden(encoded)
      ? encoded.replace(HIDDEN_PARAMS, (_m, sep: string, name: string) => `${sep}${name}=${REDACTED}`)
      : encoded;
    return hidden.includes('AccessKeyId=')
      ? hidden.replace(KEY_PARAM, (_m, sep: string) => `${sep}AccessKeyId=${this.masked}`)
      : hidden;
  }

  #header(name: string, value: string): string {
    if (name === 'authorization')
      return value
        .replace(/Credential=[^,]*/, `Credential=${this.masked}`)
        .replace(/Signature=[^,]*/, `Signature=${REDACTED}`);
    if (name === 'x-acs-security-token') return REDACTED;
    if (name === 'x-acs-accesskey-id') return this.masked;
    return this.text(value);
  }

  /**
   * The headers with every value redacted; the very object when nothing changes (an answer's
   * headers mostly), so a recorded response costs no copy. for-in, not Object.keys: the same own
   * names in the same order, without a list per call.
   */
  #headers(h: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
    let out: Record<string, string> | undefined;
    for (const k in h) {
      if (!Object.hasOwn(h, k)) continue;
      const value = h[k] as string;
      const redacted = this.#header(k.toLowerCase(), value);
      if (out === undefined && redacted === value) continue;
      if (out === undefined) {
        out = {};
        // Every name before this one kept its value.
        for (const before in h) {
          if (before === k) break;
          if (Object.hasOwn(h, before)) out[before] = h[before] as string;
        }
      }
      out[k] = redacted;
    }
    return out ?? h;
  }
}

export function createRedactor(credentials: Credentials, extraSecrets: readonly string[] = []): Redactor {
  return new SecretScrubber(
    maskAccessKeyId(credentials.accessKeyId),
    [...new Set([credentials.accessKeyId, percentEncode(credentials.accessKeyId)])],
    secretForms([credentials.accessKeySecret, credentials.securityToken, ...extraSecrets]),
  );
}
