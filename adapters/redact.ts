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

/** The signature values a request carries (V1 `Signature` parameter, V3 Authorization). */
export function signaturesOf(req: HttpRequest): string[] {
  const out: string[] = [];
  const v3 = /Signature=([0-9a-f]+)/.exec(req.headers.authorization ?? '')?.[1];
  if (v3) out.push(v3);
  const q = req.url.indexOf('?');
  for (const text of [q < 0 ? '' : req.url.slice(q + 1), req.body]) {
    const v1 = /(?:^|&)Signature=([^&]*)/.exec(text)?.[1];
    if (v1) out.push(decodeURIComponent(v1));
  }
  return out;
}

/** A secret as it may appear in text: raw, percent-encoded, and encoded twice (a V1 string to sign). */
function secretForms(values: readonly (string | undefined)[]): string[] {
  // Each form once: a hex signature or a plain secret encodes to itself, and every form is
  // searched for in every body.
  const forms = new Set<string>();
  for (const s of values)
    if (typeof s === 'string' && s.length > 0) {
      const once = percentEncode(s);
      forms.add(s).add(once).add(percentEncode(once));
    }
  return [...forms];
}

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
    return new SecretScrubber(this.masked, this.ids, [...this.secrets, ...secretForms(signaturesOf(req))]);
  }

  request(req: HttpRequest): RecordedRequest {
    const q = req.url.indexOf('?');
    const url = q < 0 ? req.url : `${req.url.slice(0, q + 1)}${this.#params(req.url.slice(q + 1))}`;
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

  #params(encoded: string): string {
    return encoded
      .replace(HIDDEN_PARAMS, (_m, sep: string, name: string) => `${sep}${name}=${REDACTED}`)
      .replace(KEY_PARAM, (_m, sep: string) => `${sep}AccessKeyId=${this.masked}`);
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

  #headers(h: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of Object.keys(h)) out[k] = this.#header(k.toLowerCase(), h[k] as string);
    return out;
  }
}

export function createRedactor(credentials: Credentials, extraSecrets: readonly string[] = []): Redactor {
  return new SecretScrubber(
    maskAccessKeyId(credentials.accessKeyId),
    [...new Set([credentials.accessKeyId, percentEncode(credentials.accessKeyId)])],
    secretForms([credentials.accessKeySecret, credentials.securityToken, ...extraSecrets]),
  );
}
