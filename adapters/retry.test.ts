import { describe, expect, it } from 'vitest';
import { transientReason } from './retry';
import type { Outcome } from './target';

const error = (code: string, httpStatus: number): Outcome => ({
  kind: 'error',
  code,
  httpStatus,
  message: code,
  requestId: 'r-1',
});

describe('transientReason', () => {
  it.each([
    ['Throttling.User', 400, 'throttled'],
    // The real service's spelling: not a Throttling prefix, but the SDKs treat it as throttling.
    ['Rejected.Throttling', 400, 'throttled'],
    ['Anything', 429, 'throttled'],
    ['ServiceUnavailable', 503, 'server-error'],
    ['RequestTimeout', 504, 'server-error'],
    // A fresh disk refusing for a while: client code retries it.
    ['IncorrectDiskStatus.Initializing', 400, 'server-error'],
  ] as const)('%s (HTTP %d) is retried as %s', (code, status, reason) => {
    expect(transientReason(error(code, status), status)).toBe(reason);
  });

  it.each([
    ['IncorrectDiskStatus', 403],
    ['OperationDenied.InvalidStatus', 403],
    ['InvalidDisk.AlreadyDetached', 403],
  ] as const)('%s (HTTP %d) is an answer, never retried', (code, status) => {
    expect(transientReason(error(code, status), status)).toBeUndefined();
  });
});
