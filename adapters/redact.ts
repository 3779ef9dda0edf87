/**
 * What an Exchange may keep. The secret, the STS token and signatures never leave the client:
 * they are replaced before anything is recorded, and the AccessKeyId is masked (`test****Id`).
 * Named fields are redacted structurally; on top, every literal occurrence of the secret or
 * token (raw or percent-encoded) is scrubbed from all text, because servers echo requests back
 * (SignatureDoesNotMatch quotes the string it signed, which includes SecurityToken).
 */
import { percentEncode } from '../spec/protocol/encoding';
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

export function createRedactor(credentials: Credentials, extraSecrets: readonly string[] = []): Redactor {
  const masked = maskAccessKeyId(credentials.accessKeyId);
  const secrets = [credentials.accessKeySecret, credentials.securityToken, ...extraSecrets]
    .filter((s): s is string => typeof s === 'string' && s.length > 0)
    .flatMap((s) => [s, percentEncode(s), percentEncode(percentEncode(s))]);
  const ids = [credentials.accessKeyId, percentEncode(credentials.accessKeyId)];

  const text = (input: string): string => {
    let out = input;
    for (const s of secrets) if (out.includes(s)) out = out.split(s).join(REDACTED);
    for (const id of ids) if (id && out.includes(id)) out = out.split(id).join(masked);
    return out;
  };

  const params = (encoded: string): string =>
    encoded
      .replace(HIDDEN_PARAMS, (_m, sep: string, name: string) => `${sep}${name}=${REDACTED}`)
      .replace(KEY_PARAM, (_m, sep: string) => `${sep}AccessKeyId=${masked}`);

  const header = (name: string, value: string): string => {
    if (name === 'authorization')
      return value
        .replace(/Credential=[^,]*/, `Credential=${masked}`)
        .replace(/Signature=[^,]*/, `Signature=${REDACTED}`);
    if (name === 'x-acs-security-token') return REDACTED;
    if (name === 'x-acs-accesskey-id') return masked;
    return text(value);
  };

  const headers = (h: Readonly<Record<string, string>>) =>
    Object.fromEntries(Object.entries(h).map(([k, v]) => [k, header(k.toLowerCase(), v)]));

  return {
    text,
    forRequest: (req) => createRedactor(credentials, [...extraSecrets, ...signaturesOf(req)]),
    request(req) {
      const q = req.url.indexOf('?');
      const url = q < 0 ? req.url : `${req.url.slice(0, q + 1)}${params(req.url.slice(q + 1))}`;
      return {
        method: req.method,
        url: text(url),
        headers: headers(req.headers),
        body: text(params(req.body)),
      };
    },
    response(res) {
      return { status: res.status, headers: headers(res.headers), body: text(res.body) };
    },
  };
}
