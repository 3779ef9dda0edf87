import { type ReadingChoices, refusedForState } from '../../api';
import { type ServiceBody, type ServiceCall, ServiceError } from './api';
import { optString } from './params';
import { plays } from './readings';
import type { AccountState } from './state';

/**
 * ClientToken idempotency. A token is scoped to the account and the action (or, playing reading
 * client-token-scope=per-api, to the account and the API, the action then one of the parameters
 * a repeat must match). The first
 * successful call with a token is remembered with a fingerprint of its parameters; a repeat
 * with the same parameters gets the same body back and changes nothing, a repeat with other
 * parameters is IdempotentParameterMismatch. Refused calls are not remembered: the docs advise
 * a new token after a failure, and re-evaluating is what a retry of a refusal should see.
 *
 * LastTokenProcessing needs a call still in progress, which a synchronous service never has
 * by itself. The protocol layer, when it delays a call (fault injection), holds the token for
 * the delay with `holdClientToken`; any other request with that token meanwhile is refused.
 */

export const tokenOf = (call: ServiceCall): string | undefined => optString(call.params, 'ClientToken');

const tokenKey = (call: ServiceCall, token: string) =>
  `${call.product}:${call.version}:${call.action}:${token}`;

/** Where a token is remembered, and what a repeat must match, as the emulator plays the scope. */
function binding(call: ServiceCall, token: string, readings: ReadingChoices) {
  if (!plays(readings, 'client-token-scope', 'per-api'))
    return { key: tokenKey(call, token), fingerprint: fingerprint(call.params) };
  return {
    key: `${call.product}:${call.version}:*:${token}`,
    fingerprint: `${call.action}\n${fingerprint(call.params)}`,
  };
}

/** Parameters as canonical JSON (sorted keys), without the token itself. */
export function fingerprint(params: Readonly<Record<string, unknown>>): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  const { ClientToken: _ignored, ...rest } = params;
  return JSON.stringify(canonical(rest));
}

/** The remembered body for a repeat, a mismatch refusal, or undefined for a first call. */
export function replay(
  account: AccountState | undefined,
  call: ServiceCall,
  readings: ReadingChoices,
): ServiceBody | undefined {
  const token = tokenOf(call);
  if (token === undefined || !account) return undefined;
  const bound = binding(call, token, readings);
  const seen = account.tokens[bound.key];
  if (!seen) return undefined;
  if (seen.error && seen.fingerprint === bound.fingerprint)
    throw new ServiceError(seen.error.code, seen.error.message, seen.error.httpStatus);
  if (seen.fingerprint !== bound.fingerprint) {
    throw new ServiceError(
      'IdempotentParameterMismatch',
      'The specified parameter has changed while using an already used clientToken.',
    );
  }
  return structuredClone(seen.body);
}

export function remember(
  account: AccountState,
  call: ServiceCall,
  body: ServiceBody,
  readings: ReadingChoices,
): void {
  const token = tokenOf(call);
  if (token === undefined) return;
  const { key, fingerprint } = binding(call, token, readings);
  account.tokens[key] = { fingerprint, body: structuredClone(body) };
}

/**
 * Playing reading refused-call-token=kept: a call refused for the state of a resource keeps its
 * token, so the same call again gets that refusal and another call with it a mismatch.
 */
export function rememberRefusal(
  account: AccountState,
  call: ServiceCall,
  err: ServiceError,
  readings: ReadingChoices,
): boolean {
  const token = tokenOf(call);
  if (token === undefined || !plays(readings, 'refused-call-token', 'kept') || !refusedForState(err.code))
    return false;
  const { key, fingerprint } = binding(call, token, readings);
  if (account.tokens[key]) return false;
  const error = { code: err.code, message: err.message };
  account.tokens[key] = {
    fingerprint,
    body: {},
    error: err.httpStatus === undefined ? error : { ...error, httpStatus: err.httpStatus },
  };
  return true;
}

/** Tokens of calls under way, by account; kept in memory only (a restart ends every call). */
export class InFlightTokens {
  private readonly held = new Map<string, string>();

  private key(call: ServiceCall, token: string) {
    return `${call.accessKeyId}\n${tokenKey(call, token)}`;
  }

  /** Marks the call's token as in progress until the returned release is called. */
  hold(call: ServiceCall): () => void {
    const token = tokenOf(call);
    if (token === undefined) return () => {};
    const key = this.key(call, token);
    this.check(call);
    this.held.set(key, call.requestId);
    return () => {
      if (this.held.get(key) === call.requestId) this.held.delete(key);
    };
  }

  /** Refuses a call whose token another request is still processing. */
  check(call: ServiceCall): void {
    const token = tokenOf(call);
    if (token === undefined) return;
    const owner = this.held.get(this.key(call, token));
    if (owner !== undefined && owner !== call.requestId) {
      throw new ServiceError('LastTokenProcessing', 'The last token request is processing.');
    }
  }
}
