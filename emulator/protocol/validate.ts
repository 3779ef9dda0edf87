import type { Operation } from '../../api/operation';
import { isTooManyItems, type Param, typedRequest } from '../../api/param';
import { unflattenParams } from '../../api/protocol/flatten';
import { invalidParameter, missingParameter } from './gateway-errors';
import type { Params } from './params';

/** Parameters of the protocol, not of any operation (RegionId is an operation parameter). */
const COMMON_PARAMS = new Set([
  'Action',
  'Version',
  'Format',
  'AccessKeyId',
  'Signature',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'SignatureType',
  'Timestamp',
  'SecurityToken',
]);

const paramsByOperation = new WeakMap<Operation, ReadonlyMap<string, Param>>();

function paramIndex(op: Operation): ReadonlyMap<string, Param> {
  let index = paramsByOperation.get(op);
  if (!index) {
    index = new Map(op.params.map((p) => [p.name, p]));
    paramsByOperation.set(op, index);
  }
  return index;
}

/**
 * The operation's typed parameters, or the refusal a gateway gives: the first offending
 * parameter decides, a missing one before a malformed one.
 */
export function validateParams(op: Operation, wire: Params): Record<string, unknown> {
  const own: Record<string, string> = {};
  let flattened = false;
  for (const key in wire) {
    if (COMMON_PARAMS.has(key)) continue;
    own[key] = wire[key] as string;
    if (!flattened && key.includes('.')) flattened = true;
  }
  const input = flattened ? unflattenParams(own) : own;
  // Most requests are well formed: compiled from the same parameter data, this answers them
  // without zod; the schema decides (and names the offender of) the rest.
  const typed = typedRequest(op.params)(input);
  if (typed) return typed;
  const result = op.request.safeParse(input);
  if (result.success) return result.data;

  const index = paramIndex(op);
  let malformed: { param: string; detail: string; tooMany: boolean } | undefined;
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? '');
    const p = index.get(name);
    if (input[name] === undefined) throw missingParameter(name, p?.missingCode);
    malformed ??= { param: name, detail: issue.message, tooMany: isTooManyItems(issue) };
  }
  const name = malformed?.param ?? '';
  const p = index.get(name);
  const code = (malformed?.tooMany ? p?.countCode : undefined) ?? p?.invalidCode;
  throw invalidParameter(name, code, malformed && `(${malformed.detail})`);
}
