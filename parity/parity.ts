/**
 * Parity, as LocalStack measures it for AWS: every recorded call of a cassette is asked again of
 * a fresh in-process emulator, in order, as it went on the wire (with a real run's tags and names),
 * with the recorded IDs translated to the emulator's, and
 * the two normalised responses are compared. Resets and clock advances are replayed as recorded;
 * a recording of a target whose clock runs by itself (a real region) moves the emulator's clock
 * by the wall-clock gap between two calls instead, so transitions finish at the same moments.
 */
import { createMockTarget } from '../adapters';
import type { Cassette, ExchangeEvent } from '../adapters/cassette';
import { wireParamsOf } from '../adapters/cassette-match';
import { decodeResponse } from '../adapters/decode';
import type { Exchange } from '../adapters/target';
import { findOperation } from '../api';
import { type Accepted, explain } from './accepted';
import { type Divergence, differences, normalise } from './diff';
import { IdTokens, translate } from './id-tokens';

export interface ParityOptions {
  /** How long the emulator's transient statuses last (virtual ms); the recorded run's setting. */
  readonly transitionMs?: number;
  readonly accepted: readonly Accepted[];
  /** Seed of the emulator's IDs; tokens make the comparison independent of it. */
  readonly idSeed?: number;
}

export interface ParityResult {
  /** Exchanges whose responses were compared. */
  readonly compared: number;
  /** Recorded exchanges with no response to compare (network failure, nothing sent). */
  readonly skipped: number;
  readonly accepted: readonly (Divergence & { readonly reason: string })[];
  readonly unexplained: readonly Divergence[];
}

function compare(
  event: ExchangeEvent & { response: NonNullable<ExchangeEvent['response']> },
  got: Exchange,
  ids: { recorded: IdTokens; emulator: IdTokens },
): Divergence[] {
  const op = findOperation(event.product, event.apiVersion, event.action);
  const recorded = normalise(decodeResponse(event.response, op?.response).decoded, ids.recorded);
  const emulator = normalise(got.decoded, ids.emulator);
  const at = { seq: event.seq, operation: event.action };
  const status = got.response?.status;
  return [
    ...(status === event.response.status
      ? []
      : [
          {
            ...at,
            path: '<status>',
            recorded: String(event.response.status),
            emulator: String(status ?? 'none'),
          },
        ]),
    ...differences(recorded, emulator).map((d) => ({ ...at, ...d })),
  ];
}

export async function runParity(cassette: Cassette, options: ParityOptions): Promise<ParityResult> {
  const target = createMockTarget({
    clockMode: 'manual',
    transitionMs: options.transitionMs ?? 1000,
    ...(options.idSeed === undefined ? {} : { idSeed: options.idSeed }),
  });
  const ids = { recorded: new IdTokens(), emulator: new IdTokens() };
  const followWallClock = !cassette.header.target.capabilities.clockControl;
  const why = explain(options.accepted);
  const accepted: (Divergence & { reason: string })[] = [];
  const unexplained: Divergence[] = [];
  let compared = 0;
  let skipped = 0;
  let lastStart: number | undefined;
  try {
    for (const event of cassette.events) {
      if (event.type === 'reset') await target.reset?.();
      else if (event.type === 'advance-clock') await target.advanceClock?.(event.ms);
      else if (event.attempts === 0) skipped++;
      else {
        if (followWallClock && lastStart !== undefined && event.startedAt > lastStart)
          await target.advanceClock?.(event.startedAt - lastStart);
        lastStart = event.startedAt;
        const params = Object.fromEntries(
          Object.entries(wireParamsOf(event.request)).map(([k, v]) => [
            k,
            translate(v, ids.recorded, ids.emulator, k),
          ]),
        );
        const got = await target.send({
          product: event.product,
          version: event.apiVersion,
          action: event.action,
          params,
          ...(event.region === undefined ? {} : { region: event.region }),
          variant: event.variant,
        });
        const { response } = event;
        if (!response) {
          skipped++;
          continue;
        }
        compared++;
        for (const d of compare({ ...event, response }, got, ids)) {
          const a = why(d);
          if (a) accepted.push({ ...d, reason: a.reason });
          else unexplained.push(d);
        }
      }
    }
  } finally {
    await target.close?.();
  }
  return { compared, skipped, accepted, unexplained };
}
