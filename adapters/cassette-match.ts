/**
 * How a replay tells two calls apart: operation and business parameters as they travel on the
 * wire, with the signing parameters and ClientToken left out (they differ between two runs of
 * the same call and never change its meaning).
 */
import type { RecordedRequest } from './target';

/** Protocol parameters: they say how a call was signed and sent, not what it asks. */
const PROTOCOL_PARAMS = new Set([
  'AccessKeyId',
  'Action',
  'Format',
  'SecurityToken',
  'Signature',
  'SignatureMethod',
  'SignatureNonce',
  'SignatureVersion',
  'Timestamp',
  'Version',
]);

/** Parameters that differ between two runs of the same call and never change its meaning. */
const VOLATILE_PARAMS = new Set(['ClientToken']);

/** Every parameter of a request: query and form body together. */
function allParamsOf(req: Pick<RecordedRequest, 'url' | 'body'>): Record<string, string> {
  const all: Record<string, string> = {};
  const q = req.url.indexOf('?');
  for (const text of [q < 0 ? '' : req.url.slice(q + 1), req.body])
    for (const [k, v] of new URLSearchParams(text)) all[k] = v;
  return all;
}

/** The business parameters of a request as they went on the wire. */
export function wireParamsOf(req: Pick<RecordedRequest, 'url' | 'body'>): Record<string, string> {
  const all = allParamsOf(req);
  for (const k of Object.keys(all)) if (PROTOCOL_PARAMS.has(k)) delete all[k];
  return all;
}

/** Action and API version of a request, from the V3 headers or the V1 parameters. */
export function operationOf(req: Pick<RecordedRequest, 'url' | 'body' | 'headers'>): {
  action: string;
  apiVersion: string;
} {
  const all = allParamsOf(req);
  return {
    action: req.headers['x-acs-action'] ?? all.Action ?? '',
    apiVersion: req.headers['x-acs-version'] ?? all.Version ?? '',
  };
}

/**
 * The matching key of a call: operation and business parameters, sorted, with ClientToken left
 * out. Two calls with the same key ask the same thing.
 */
export function matchKey(
  action: string,
  apiVersion: string,
  params: Readonly<Record<string, string>>,
): string {
  const kept = Object.keys(params)
    .filter((k) => !VOLATILE_PARAMS.has(k))
    .sort()
    .map((k) => [k, params[k]]);
  return JSON.stringify([action, apiVersion, kept]);
}

/** `DescribeDisks {RegionId: cn-hangzhou, DiskIds: ["d-1"]}`: a call as an error message names it. */
export function describeCall(action: string, params: Readonly<Record<string, string>>): string {
  const shown = Object.entries(params)
    .filter(([k]) => !VOLATILE_PARAMS.has(k))
    .map(([k, v]) => `${k}: ${v.length > 80 ? `${v.slice(0, 77)}...` : v}`);
  return `${action} {${shown.join(', ')}}`;
}
