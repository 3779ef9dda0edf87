import { describe, expect, it } from 'vitest';
import { answerTime, RunClock } from './run-clock';

/** A promise and the function that resolves it. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('RunClock', () => {
  it('moves only after every call in flight has come back, and by exactly the advance', async () => {
    const clock = new RunClock(1_000);
    const events: string[] = [];
    const reply = deferred();
    const call = clock.call(async (now) => {
      events.push(`call sent at ${now}`);
      await reply.promise;
      events.push('call answered');
    });
    const advance = clock.advance(60_000, async () => {
      events.push('clock moved');
    });
    await Promise.resolve();
    expect(events).toEqual(['call sent at 1000']);
    reply.resolve();
    await Promise.all([call, advance]);
    expect(events).toEqual(['call sent at 1000', 'call answered', 'clock moved']);
    expect(clock.now).toBe(61_000);
  });

  it('holds calls made while the clock moves until it has moved, then judges them at the new time', async () => {
    const clock = new RunClock(0);
    const moved = deferred();
    const seen: number[] = [];
    const advance = clock.advance(5, () => moved.promise);
    const call = clock.call(async (now) => {
      seen.push(now);
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual([]);
    moved.resolve();
    await Promise.all([advance, call]);
    expect(seen).toEqual([5]);
  });

  it('lets calls through again after a move that failed, without moving the model time', async () => {
    const clock = new RunClock(0);
    await expect(clock.advance(10, () => Promise.reject(new Error('admin endpoint down')))).rejects.toThrow(
      'admin endpoint down',
    );
    expect(clock.now).toBe(0);
    await expect(clock.call(async (now) => now)).resolves.toBe(0);
  });

  it('serialises two moves', async () => {
    const clock = new RunClock(0);
    const order: number[] = [];
    await Promise.all([
      clock.advance(1, async () => {
        order.push(clock.now);
      }),
      clock.advance(2, async () => {
        order.push(clock.now);
      }),
    ]);
    expect(order).toEqual([0, 1]);
    expect(clock.now).toBe(3);
  });

  it('shares one move among sequences that need the clock past the same point', async () => {
    const clock = new RunClock(0);
    let moves = 0;
    const move = async () => {
      moves++;
    };
    await Promise.all([clock.reach(60, 60, move), clock.reach(60, 60, move)]);
    expect(moves).toBe(1);
    expect(clock.now).toBe(60);
    await clock.reach(100, 60, move);
    expect(clock.now).toBe(120);
  });
});

describe('answerTime and following a clock of its own', () => {
  it('reads the Date header in whole seconds; none, a broken one or one before 2010 is no time', () => {
    expect(answerTime({ date: 'Tue, 06 May 2031 07:08:09 GMT' })).toBe(Date.parse('2031-05-06T07:08:09Z'));
    expect(answerTime({})).toBeUndefined();
    expect(answerTime(undefined)).toBeUndefined();
    expect(answerTime({ date: 'yesterday' })).toBeUndefined();
    expect(answerTime({ date: 'Thu, 01 Jan 1970 00:00:00 GMT' })).toBeUndefined();
  });

  it('follows the time an answer states, and between answers the wall moved by the same offset', () => {
    const clock = new RunClock(0);
    clock.follow(1_000);
    expect(clock.now).toBe(1_000);
    clock.follow(2_000, 3_602_000);
    expect(clock.now).toBe(3_602_000);
    clock.follow(2_500);
    expect(clock.now).toBe(3_602_500);
  });
});
