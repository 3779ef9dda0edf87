import { transientReason } from '../adapters/retry';
import type { Exchange } from '../adapters/target';
import type { Answer } from './checks/check';

/** What a check can judge, or why no verdict is possible (the exchange itself failed). */
export type Judged = { readonly answer: Answer } | { readonly inconclusive: string };

export function judge(exchange: Exchange): Judged {
  const status = exchange.response?.status ?? 0;
  const body = (exchange.decoded && typeof exchange.decoded === 'object' ? exchange.decoded : {}) as Record<
    string,
    unknown
  >;
  const o = exchange.outcome;
  switch (o.kind) {
    case 'success':
      return { answer: { kind: 'success', httpStatus: status, body: o.body } };
    case 'error':
      // Still transient once the client's retries ran out: nobody's verdict, and said so.
      if (transientReason(o, o.httpStatus) !== undefined)
        return {
          inconclusive: `transient-exhausted: ${o.code} (HTTP ${o.httpStatus}) after ${exchange.attempts} attempts`,
        };
      return { answer: { kind: 'error', httpStatus: o.httpStatus, code: o.code, body } };
    case 'failure':
      if (o.reason === 'undecodable' && transientReason(o, status) !== undefined)
        return { inconclusive: `transient-exhausted: HTTP ${status} after ${exchange.attempts} attempts` };
      // A body that does not decode is the target's fault; a network failure or timeout is nobody's verdict.
      if (o.reason === 'undecodable' || o.reason === 'unexpected-status')
        return { answer: { kind: 'undecodable', httpStatus: status, reason: o.message } };
      return { inconclusive: `${o.reason}: ${o.message}` };
  }
}
