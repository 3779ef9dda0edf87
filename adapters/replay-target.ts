/**
 * `--target replay --cassette FILE`: a target that answers from a cassette, through msw, with the
 * harness's own HTTP client on top (signing, encoding, decoding all run as on a socket). Nothing
 * leaves the process: the host is a `.invalid` name only msw answers.
 *
 * Matching rule: a request is answered by the EARLIEST recorded exchange not yet used that has
 * the same operation (Action and Version) and the same business parameters, in their wire form,
 * as the run asked them (what a real target adds, its run tag and names, is not part of it);
 * ClientToken and every signing parameter (Signature, Timestamp, SignatureNonce, AccessKeyId,
 * SecurityToken, Format, ...) are ignored. A sequential run therefore consumes the cassette in
 * order. (Sequences run side by side also find answers, but a target hands out IDs in the order
 * calls reach it, which no replay reproduces: so `run --record` runs one at a time unless told
 * otherwise.) Resets and clock advances are
 * barriers (no call is in flight across one): they must come next in the cassette (an advance
 * with the same duration), and no answer is looked for beyond the next one. A call no recorded
 * exchange answers throws `CassetteMismatch` naming it; every later call throws the same error,
 * so the run ends as a harness error about the first call that was missing. No retries: the
 * cassette holds the answer the recorded client finally accepted. A call recorded as never sent
 * (refused by the real target's caps, or unencodable) is answered the same way, unsent.
 *
 * Time is the recording's: `now()` is when the recorded run was at this point, and `sleep()`
 * moves that time on without waiting, so a night of polling a real region replays in seconds and
 * every time-dependent decision (settle deadlines, the model's clock) comes out the same.
 */

import { findOperation } from '../api';
import type { Cassette, ExchangeEvent } from './cassette';
import { CassetteCursor } from './cassette-cursor';
import { describeCall, matchKey, operationOf, wireParamsOf } from './cassette-match';
import { EMULATOR_CREDENTIALS } from './credentials';
import { createHttpTarget } from './http-target';
import { addRoute, intercepted, type RoutedResponse } from './msw-interceptor';
import { answerAsAsked } from './namespace';
import {
  type ApiCall,
  DEFAULT_VARIANT,
  type Exchange,
  resolveVariant,
  type Target,
  TargetError,
} from './target';
import { fetchTransport, type Transport, TransportError } from './transport';
import { toWireParams } from './wire-params';

export class CassetteMismatch extends Error {
  override readonly name = 'CassetteMismatch';
}

export interface ReplayTarget extends Target {
  readonly kind: 'replay';
  /** Recorded events no call has used yet. */
  remaining(): number;
  /** Always present; the recorded capabilities say whether the engine may use them. */
  reset(): Promise<void>;
  advanceClock(ms: number): Promise<void>;
  now(): number;
  sleep(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** Marks a response the route made up (a recorded failure, or no match) for the transport below. */
const MARKER = 'x-ebs-conformance-replay';
/** What a socket would have negotiated: the recorded body is already decoded text. */
const HOP_HEADERS = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection']);

let replayCount = 0;

/** The exchange of a call the recording never sent, as the recorded target reported it. */
function unsent(call: ApiCall, event: ExchangeEvent, now: number): Exchange {
  return {
    call,
    variant: resolveVariant(DEFAULT_VARIANT, call.variant),
    request: event.request,
    outcome: {
      kind: 'failure',
      reason: event.failure?.reason ?? 'unencodable',
      message: event.failure?.message ?? 'recorded as never sent',
    },
    startedAt: now,
    durationMs: 0,
    attempts: 0,
    retried: [],
  };
}

export function createReplayTarget(cassette: Cassette, file = 'the cassette'): ReplayTarget {
  const cursor = new CassetteCursor(cassette.events);
  let mismatch: CassetteMismatch | undefined;
  const fail = (message: string): CassetteMismatch => {
    mismatch ??= new CassetteMismatch(message);
    return mismatch;
  };
  const missing = (action: string, params: Readonly<Record<string, string>>) =>
    fail(`${file} has no answer for ${describeCall(action, params)}; ${cursor.nextRecorded()}`);

  replayCount += 1;
  const host = `replay-${process.pid}-${replayCount}.ebs-conformance.invalid`;
  const removeRoute = addRoute(host, async (req): Promise<RoutedResponse> => {
    const { action, apiVersion } = operationOf(req);
    const params = wireParamsOf(req);
    const event = mismatch ? undefined : cursor.takeExchange(matchKey(action, apiVersion, params));
    if (!event) {
      missing(action, params);
      return { status: 599, headers: { [MARKER]: 'mismatch' }, body: '' };
    }
    if (!event.response)
      return {
        status: 599,
        headers: { [MARKER]: event.failure?.reason === 'timeout' ? 'timeout' : 'network' },
        body: event.failure?.message ?? 'recorded without a response',
      };
    const headers = Object.fromEntries(
      Object.entries(event.response.headers).filter(([k]) => !HOP_HEADERS.has(k.toLowerCase())),
    );
    return { status: event.response.status, headers, body: event.response.body };
  });

  const viaMsw = fetchTransport();
  const transport: Transport = async (req) => {
    const res = await viaMsw(req);
    const marker = res.headers[MARKER];
    if (marker === 'mismatch') throw mismatch ?? fail('the replay route refused a request');
    if (marker === 'timeout' || marker === 'network') throw new TransportError(marker, res.body);
    return res;
  };
  const http = createHttpTarget({
    baseUrl: `http://${host}`,
    credentials: EMULATOR_CREDENTIALS,
    transport,
    retry: { maxAttempts: 1 },
    clock: () => cursor.now(),
  });
  let closed = false;

  const barrier = (what: string, fits: Parameters<CassetteCursor['takeBarrier']>[0]): void => {
    if (mismatch) throw mismatch;
    if (!cursor.takeBarrier(fits))
      throw fail(`the run ${what} where ${file} has none; ${cursor.nextRecorded()}`);
  };

  const recordedReal = cassette.header.target.kind === 'real';
  return {
    kind: 'replay',
    capabilities: { ...cassette.header.target.capabilities },
    ...(cassette.header.target.resourceGroups
      ? { resourceGroups: cassette.header.target.resourceGroups }
      : {}),
    endpoint: undefined,
    remaining: () => cursor.remaining(),
    async send(call: ApiCall) {
      if (closed) throw new TargetError('TARGET_CLOSED', 'the target is closed');
      if (mismatch) throw mismatch;
      const params = toWireParams(findOperation(call.product, call.version, call.action), call.params);
      const key = matchKey(call.action, call.version, params);
      const i = cursor.peekExchange(key);
      const recorded = i === undefined ? undefined : cassette.events[i];
      if (recorded?.type === 'exchange' && recorded.attempts === 0) {
        cursor.takeExchange(key);
        return unsent(call, recorded, cursor.now());
      }
      const exchange = await intercepted(() => http.send(call));
      // Nothing went on the wire here, but the recording sent it: the cassette cannot answer.
      if (exchange.attempts === 0) throw missing(call.action, params);
      // A real run's answers were judged without its run tag (namespace.ts): so are they here.
      return recordedReal ? answerAsAsked(exchange) : exchange;
    },
    async reset() {
      barrier('reset the target', (e) => e.type === 'reset');
    },
    async advanceClock(ms: number) {
      barrier(`advanced the clock by ${ms} ms`, (e) => e.type === 'advance-clock' && e.ms === ms);
    },
    now: () => cursor.now(),
    async sleep(ms: number) {
      cursor.wait(ms);
    },
    async close() {
      if (closed) return;
      closed = true;
      await http.close?.();
      removeRoute();
    },
  };
}
