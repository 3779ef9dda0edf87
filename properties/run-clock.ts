/**
 * The model's notion of the target's time, shared by every sequence of a run. Sequences that run
 * in parallel against one target share its clock: when one of them moves it (to let its own
 * change settle), the others' calls must not be in flight, or a call would be judged at one time
 * and served at another. So calls pass a gate that many may hold at once, and moving the clock
 * waits until no call is in flight and holds new ones back until it is done.
 */
export class RunClock {
  #now: number;
  #inFlight = 0;
  #moving: Promise<void> | undefined;
  #drained: (() => void) | undefined;

  constructor(start: number) {
    this.#now = start;
  }

  /** Model time (epoch ms): where the run started plus every advance made so far. */
  get now(): number {
    return this.#now;
  }

  /** Runs `call` (one exchange with the target) while the clock cannot move. */
  async call<T>(call: (now: number) => Promise<T>): Promise<T> {
    while (this.#moving) await this.#moving;
    this.#inFlight++;
    try {
      return await call(this.#now);
    } finally {
      this.#inFlight--;
      if (this.#inFlight === 0) this.#drained?.();
    }
  }

  /** Moves the target's clock by `ms` with `move`, once no call is in flight, and the model's with it. */
  advance(ms: number, move: (ms: number) => Promise<void>): Promise<void> {
    return this.exclusive(async () => {
      await move(ms);
      this.#now += ms;
    });
  }

  /**
   * Makes sure the clock reads at least `until`, moving it by `ms` only when no other sequence's
   * move has got it there already: sequences that change things at the same time share one move.
   */
  async reach(until: number, ms: number, move: (ms: number) => Promise<void>): Promise<void> {
    while (this.#moving) await this.#moving;
    if (this.#now >= until) return;
    await this.exclusive(async () => {
      if (this.#now >= until) return;
      await move(ms);
      this.#now += ms;
    });
  }

  /** Runs `work` once no call is in flight, holding every other call back until it is done. */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    while (this.#moving) await this.#moving;
    const running = (async () => {
      while (this.#inFlight > 0)
        await new Promise<void>((resolve) => {
          this.#drained = resolve;
        });
      return work();
    })();
    // Waiters only need to know the work is over, whether it worked or not.
    this.#moving = running.then(
      () => undefined,
      () => undefined,
    );
    try {
      return await running;
    } finally {
      this.#moving = undefined;
      this.#drained = undefined;
    }
  }

  /** How far the target's clock stood ahead of the wall's at its latest dated answer. */
  #offset = 0;

  /**
   * For targets whose clock runs by itself the model follows the target's time: the time an
   * answer states (`answeredAt`, its Date header) when there is one, else the wall clock moved by
   * how far the target's stood from it at its latest dated answer.
   */
  follow(wall: number, answeredAt?: number): void {
    if (answeredAt !== undefined) this.#offset = answeredAt - wall;
    this.#now = wall + this.#offset;
  }
}

/** 2010-01-01: no replica pair existed before; an answer dated earlier has no clock worth following. */
const EARLIEST_DATE_MS = Date.UTC(2010, 0, 1);

/**
 * The time an answer states in its HTTP Date header (RFC 9110, 6.6.1: an origin server with a
 * clock sends one in every answer, in whole seconds, truncated), as epoch ms; undefined when the
 * answer has none or one no clock could have written. The documentation says nothing of it: it
 * is HTTP's, and the gateway's answers carry it like any server's.
 */
export function answerTime(headers: Readonly<Record<string, string>> | undefined): number | undefined {
  const text = headers?.date;
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) && ms >= EARLIEST_DATE_MS ? ms : undefined;
}
