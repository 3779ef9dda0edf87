/**
 * The fetch-agnostic shape of one HTTP exchange. The node:http server, the in-process msw
 * target and any other transport convert to and from these, so the gateway is written once.
 */
export interface WireRequest {
  readonly method: string;
  /** `/path?query`; an absolute URL (as a fetch `Request` has) is accepted too. */
  readonly url: string;
  /** Lower-case header names, as node:http gives them. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body: Uint8Array | string;
}

export interface WireResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export type WireHandler = (req: WireRequest) => Promise<WireResponse>;

/** One header's value; repeated headers are joined with `,` as HTTP folds them. */
export function headerValue(headers: WireRequest['headers'], name: string): string | undefined {
  const v = headers[name];
  return typeof v === 'string' || v === undefined ? v : v.join(',');
}

export const JSON_CONTENT_TYPE = 'application/json;charset=utf-8';
/** Exactly what the official SDKs require before they parse an error as XML. */
export const XML_CONTENT_TYPE = 'text/xml;charset=utf-8';
