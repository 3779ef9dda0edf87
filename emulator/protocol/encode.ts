import type { ResolvedError } from './gateway-errors';
import { JSON_CONTENT_TYPE, type WireResponse, XML_CONTENT_TYPE } from './wire';
import { xmlDocument } from './xml';

export type Format = 'JSON' | 'XML';

/** The `Format` parameter, compared case-insensitively (darabonba sends `json`); undefined if absent or unknown. */
export function requestedFormat(value: string | undefined): Format | undefined {
  if (value === undefined) return undefined;
  const upper = value.toUpperCase();
  return upper === 'JSON' || upper === 'XML' ? upper : undefined;
}

const responseHeaders = (contentType: string, requestId: string) => ({
  'content-type': contentType,
  'x-acs-request-id': requestId,
});

/** A success: `RequestId` first, then the service's fields; never a `Code` field. */
export function encodeSuccess(
  format: Format,
  action: string,
  requestId: string,
  body: Record<string, unknown>,
): WireResponse {
  // The service never sends these; dropping them costs a copy only if one ever slips through.
  const fields =
    'Code' in body || 'RequestId' in body ? (({ Code: _c, RequestId: _r, ...rest }) => rest)(body) : body;
  if (format === 'XML') {
    const doc = xmlDocument(`${action}Response`, { RequestId: requestId, ...fields });
    return { status: 200, headers: responseHeaders(XML_CONTENT_TYPE, requestId), body: doc };
  }
  // One text, as JSON.stringify writes it: spliced from two (RequestId's and the body's), it was
  // copied whole again the first time it was read. The copied object is the few top-level fields.
  return {
    status: 200,
    headers: responseHeaders(JSON_CONTENT_TYPE, requestId),
    body: JSON.stringify({ RequestId: requestId, ...fields }),
  };
}

const recommend = (code: string, requestId: string) =>
  `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&requestId=${requestId}`;

/**
 * An error in the gateway's shape. JSON unless the caller asked for XML explicitly: the
 * official SDKs fail on a non-JSON error body, so the V1 default (XML) is not used for errors.
 */
export function encodeError(
  format: Format | undefined,
  error: ResolvedError,
  requestId: string,
  hostId: string,
): WireResponse {
  const doc = {
    RequestId: requestId,
    HostId: hostId,
    Code: error.code,
    Message: error.message,
    Recommend: recommend(error.code, requestId),
  };
  return format === 'XML'
    ? {
        status: error.status,
        headers: responseHeaders(XML_CONTENT_TYPE, requestId),
        body: xmlDocument('Error', doc),
      }
    : {
        status: error.status,
        headers: responseHeaders(JSON_CONTENT_TYPE, requestId),
        body: JSON.stringify(doc),
      };
}
