/**
 * `--record FILE` for any target: a wrapper that writes every exchange, reset and clock advance
 * to a cassette (cassette.ts) as it happens, and otherwise behaves exactly as the target it wraps.
 * Exchanges arrive already redacted by the HTTP client; the wrapper redacts them again with the
 * same redactor (it is idempotent), and the call's own parameters too, so a target that forgot,
 * or a secret planted in a parameter, still never reaches the file.
 */

import { findOperation } from '../api';
import {
  type CassetteEvent,
  type CassetteHeader,
  type CassetteWriter,
  cassetteWriter,
  type ExchangeEvent,
} from './cassette';
import type { Credentials } from './credentials';
import { createRedactor, type Redactor } from './redact';
import type { Exchange, RecordedResponse, Target } from './target';
import { toWireParams } from './wire-params';

type UnsentReason = NonNullable<ExchangeEvent['failure']>['reason'];
const UNSENT_REASONS: ReadonlySet<string> = new Set<UnsentReason>(['timeout', 'unencodable', 'refused']);

export interface RecordingOptions {
  readonly file: string;
  /** The credentials the wrapped target signs with: their secret and token are scrubbed. */
  readonly credentials: Credentials;
  /** What the run was asked for, so a replay can default to it. */
  readonly run?: CassetteHeader['run'];
}

export interface RecordingTarget extends Target {
  /** How many events were written. */
  readonly recorded: () => number;
}

function redactedExchange(redactor: Redactor, seq: number, exchange: Exchange): CassetteEvent {
  const scrub = redactor.forRequest({ ...exchange.request });
  const request = scrub.request(exchange.request);
  const response: RecordedResponse | undefined = exchange.response && scrub.response(exchange.response);
  const { outcome, call } = exchange;
  // Without a response, only the failure itself can be served again.
  const failure: ExchangeEvent['failure'] =
    !response && outcome.kind === 'failure'
      ? {
          reason: UNSENT_REASONS.has(outcome.reason) ? (outcome.reason as UnsentReason) : 'network',
          message: scrub.text(outcome.message),
        }
      : undefined;
  // The call as the run made it (a real target decorates what it sends), in wire form, redacted.
  const wire = toWireParams(findOperation(call.product, call.version, call.action), call.params);
  const params = Object.fromEntries(Object.entries(wire).map(([k, v]) => [scrub.text(k), scrub.text(v)]));
  return {
    type: 'exchange',
    seq,
    product: call.product,
    apiVersion: call.version,
    action: call.action,
    ...(call.region === undefined ? {} : { region: call.region }),
    variant: { ...exchange.variant },
    params,
    request,
    ...(response ? { response } : {}),
    ...(failure ? { failure } : {}),
    attempts: exchange.attempts,
    startedAt: exchange.startedAt,
    durationMs: exchange.durationMs,
  };
}

export function recordingTarget(inner: Target, options: RecordingOptions): RecordingTarget {
  const redactor = createRedactor(options.credentials);
  const writer: CassetteWriter = cassetteWriter(options.file, {
    cassette: 'ebs-conformance',
    version: 1,
    recordedAt: new Date().toISOString(),
    target: {
      kind: inner.kind,
      ...(inner.endpoint ? { endpoint: redactor.text(inner.endpoint) } : {}),
      capabilities: { ...inner.capabilities },
    },
    ...(options.run ? { run: options.run } : {}),
  });
  let seq = 0;
  const write = (event: CassetteEvent) => {
    writer.write(event);
    seq += 1;
  };
  const { reset, advanceClock, now, sleep } = inner;
  return {
    kind: inner.kind,
    capabilities: inner.capabilities,
    endpoint: inner.endpoint,
    recorded: () => seq,
    async send(call) {
      const exchange = await inner.send(call);
      write(redactedExchange(redactor, seq, exchange));
      return exchange;
    },
    ...(reset
      ? {
          async reset() {
            await reset.call(inner);
            write({ type: 'reset', seq });
          },
        }
      : {}),
    ...(advanceClock
      ? {
          async advanceClock(ms: number) {
            await advanceClock.call(inner, ms);
            write({ type: 'advance-clock', seq, ms });
          },
        }
      : {}),
    ...(now ? { now: () => now.call(inner) } : {}),
    ...(sleep ? { sleep: (ms: number) => sleep.call(inner, ms) } : {}),
    async close() {
      try {
        await inner.close?.();
      } finally {
        writer.close();
      }
    },
  };
}
