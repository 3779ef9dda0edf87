/**
 * The bytes the raw baselines exchange: every captured call signed again exactly as the target
 * signs it (same variant, parameters and credentials; only the origin differs), and the
 * response the emulator gave to it. Signing happens once, before any timing.
 */
import { randomBytes } from 'node:crypto';
import {
  EMULATOR_CREDENTIALS,
  type Exchange,
  type HttpRequest,
  type RecordedResponse,
  signRequest,
  toWireParams,
} from '../adapters';
import { findOperation } from '../api';

export interface ReplayedExchange {
  readonly request: HttpRequest;
  readonly response: RecordedResponse;
}

export function replayedTraffic(
  sequences: readonly (readonly Exchange[])[],
  origin: string,
): ReplayedExchange[] {
  const out: ReplayedExchange[] = [];
  for (const x of sequences.flat()) {
    if (!x.response) continue;
    const op = findOperation(x.call.product, x.call.version, x.call.action);
    const request = signRequest({
      action: x.call.action,
      version: x.call.version,
      params: toWireParams(op, x.call.params),
      variant: x.variant,
      credentials: EMULATOR_CREDENTIALS,
      origin,
      now: Date.now(),
      nonce: randomBytes(16).toString('hex'),
    });
    out.push({ request, response: x.response });
  }
  if (out.length === 0) throw new Error('the captured traffic holds no response to replay');
  return out;
}

/**
 * Sends `total` requests, `concurrency` at a time, cycling through the traffic; answers the
 * requests per second. `send` must read the whole response body.
 */
export async function replayRate(
  traffic: readonly ReplayedExchange[],
  total: number,
  concurrency: number,
  send: (req: HttpRequest) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < total; i = next++)
      await send((traffic[i % traffic.length] as ReplayedExchange).request);
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (total * 1000) / (performance.now() - t0);
}
