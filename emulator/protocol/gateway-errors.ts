import { ERROR_CATALOGUE } from '../../api/errors';
import { documentedStatus, type Operation } from '../../api/operation';
import { ServiceError } from '../service/api';

/** The catalogue's message with the parameter name in place of `%s`. */
function namedMessage(code: string, name: string): string {
  const template = ERROR_CATALOGUE.get(code)?.message ?? code;
  return template.includes('%s') ? template.replace('%s', name) : template;
}

/**
 * A missing required parameter. We answer `MissingParameter` naming the parameter, not the
 * newer `Missing{Param}` spelling: one stable code is easier for clients to match, and the
 * message still says which parameter is missing. A parameter that documents its own code uses it.
 */
export const missingParameter = (name: string, code = 'MissingParameter') =>
  new ServiceError(code, namedMessage(code, name));

/** A malformed value: `InvalidParameter` naming the parameter, unless it documents its own code. */
export const invalidParameter = (name: string, code = 'InvalidParameter', detail?: string) =>
  new ServiceError(code, `${namedMessage(code, name)}${detail ? ` ${detail}` : ''}`);

export interface ResolvedError {
  readonly code: string;
  readonly status: number;
  readonly message: string;
}

/**
 * The HTTP status of a refusal: the one the error carries, else the one the operation documents,
 * else the catalogue's. A code known to none of them is a bug in the emulator: it is reported
 * as InternalError (500) naming the code, so it shows up instead of passing for a client error.
 */
export function resolveError(err: ServiceError, op: Operation | undefined): ResolvedError {
  const def = ERROR_CATALOGUE.get(err.code);
  const status = err.httpStatus ?? (op && documentedStatus(op, err.code)) ?? def?.httpStatus;
  if (status === undefined) {
    return internalError(`the emulator answered the unknown error code ${err.code}`);
  }
  const message = err.message === err.code ? (def?.message ?? err.code) : err.message;
  return { code: err.code, status, message };
}

export function internalError(detail?: string): ResolvedError {
  const def = ERROR_CATALOGUE.get('InternalError');
  return {
    code: 'InternalError',
    status: 500,
    message: detail ? `${def?.message} (${detail})` : (def?.message ?? 'InternalError'),
  };
}
