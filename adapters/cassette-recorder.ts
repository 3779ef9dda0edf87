/**
 * `--record FILE` for any target: a listener of the target's events (observed-target.ts) that
 * writes every exchange, reset and clock advance to a cassette (cassette.ts) as it happens. The
 * CLI subscribes it to the run's event stream, so the cassette holds what the run's one observed
 * target did: world discovery, generated calls, settle polls and a real run's cleanup alike.
 * Exchanges arrive already redacted by the HTTP client; the recorder redacts them again with the
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
import type { TargetListener } from './observed-target';
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

/** What the cassette's header says of the target it was recorded from. */
export type RecordedTarget = Pick<Target, 'kind' | 'endpoint' | 'capabilities' | 'resourceGroups'>;

export interface CassetteRecorder {
  /** Writes one event: give it to observedTarget, or subscribe it to the run's events. */
  readonly take: TargetListener;
  /** How many events were written. */
  readonly recorded: () => number;
  close(): void;
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

export function cassetteRecorder(target: RecordedTarget, options: RecordingOptions): CassetteRecorder {
  const redactor = createRedactor(options.credentials);
  const writer: CassetteWriter = cassetteWriter(options.file, {
    cassette: 'ebs-conformance',
    version: 1,
    recordedAt: new Date().toISOString(),
    target: {
      kind: target.kind,
      ...(target.endpoint ? { endpoint: redactor.text(target.endpoint) } : {}),
      capabilities: { ...target.capabilities },
      ...(target.resourceGroups ? { resourceGroups: [...target.resourceGroups] } : {}),
    },
    ...(options.run ? { run: options.run } : {}),
  });
  let seq = 0;
  const write = (event: CassetteEvent) => {
    writer.write(event);
    seq += 1;
  };
  return {
    recorded: () => seq,
    take(event) {
      if (event.type === 'exchange') write(redactedExchange(redactor, seq, event.exchange));
      else if (event.type === 'reset') write({ type: 'reset', seq });
      else write({ type: 'advance-clock', seq, ms: event.ms });
    },
    close: () => writer.close(),
  };
}
