/**
 * Where a replay is in its cassette: which recorded events are used, which answer a call gets,
 * and what time it is by the recording. See replay-target.ts for the matching rule.
 */
import type { CassetteEvent, ExchangeEvent } from './cassette';
import { describeCall, matchKey } from './cassette-match';

function describeEvent(event: CassetteEvent): string {
  if (event.type === 'exchange') return describeCall(event.action, event.params);
  return event.type === 'reset' ? 'a reset' : `a clock advance of ${event.ms} ms`;
}

export class CassetteCursor {
  readonly #events: readonly CassetteEvent[];
  readonly #keys: readonly string[];
  readonly #used: boolean[];
  #firstUnused = 0;
  /** The recording's wall clock: the end of the last answer served, plus the waits since. */
  #now: number;

  constructor(events: readonly CassetteEvent[]) {
    this.#events = events;
    this.#keys = events.map((e) => (e.type === 'exchange' ? matchKey(e.action, e.apiVersion, e.params) : ''));
    this.#used = events.map(() => false);
    const first = events.find((e) => e.type === 'exchange');
    this.#now = first?.type === 'exchange' ? first.startedAt : Date.now();
  }

  /** Recorded events no call has used yet. */
  remaining(): number {
    return this.#used.filter((u) => !u).length;
  }

  /** `the next recorded event is X`, for error messages. */
  nextRecorded(): string {
    const next = this.#events[this.#firstUnused];
    return next ? `the next recorded event is ${describeEvent(next)}` : 'the cassette has no event left';
  }

  /**
   * The earliest unused exchange with this key, without using it. Resets and clock advances are
   * barriers: no call is in flight while one happens, so an answer is never looked for beyond the
   * next one (or a call repeated in a later sequence would fill a hole with the wrong answer).
   */
  peekExchange(key: string): number | undefined {
    for (let i = this.#firstUnused; i < this.#events.length; i++) {
      if (this.#used[i]) continue;
      if (this.#events[i]?.type !== 'exchange') return undefined;
      if (this.#keys[i] === key) return i;
    }
    return undefined;
  }

  takeExchange(key: string): ExchangeEvent | undefined {
    const i = this.peekExchange(key);
    if (i === undefined) return undefined;
    const event = this.#use(i) as ExchangeEvent;
    this.#now = Math.max(this.#now, event.startedAt + event.durationMs);
    return event;
  }

  /** A barrier is used only when every event before it was: the run asked all it recorded so far. */
  takeBarrier(fits: (event: CassetteEvent) => boolean): boolean {
    const next = this.#events[this.#firstUnused];
    if (!next || !fits(next)) return false;
    this.#use(this.#firstUnused);
    return true;
  }

  /** The recording's time now (epoch ms). */
  now(): number {
    return this.#now;
  }

  /** A wait of the recorded run: time moves on, nothing waits. */
  wait(ms: number): void {
    this.#now += ms;
  }

  #use(i: number): CassetteEvent {
    this.#used[i] = true;
    while (this.#firstUnused < this.#events.length && this.#used[this.#firstUnused]) this.#firstUnused++;
    return this.#events[i] as CassetteEvent;
  }
}
