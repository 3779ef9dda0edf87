import { describe, expect, it } from 'vitest';
import { colorAllowed, createProgress, formatProgress, type ProgressSnapshot } from './progress';

const snapshot: ProgressSnapshot = {
  calls: 42,
  callCap: 3000,
  sequences: 3,
  sequenceTotal: 60,
  pending: 2,
  live: { disks: 4, pairs: 1, groups: 0 },
  elapsedMs: 125_000,
  budgetMs: 3_600_000,
};

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (t: string) => written.push(t) } };
}

describe('progress display', () => {
  it('on a terminal rewrites one line in place and ends it once', () => {
    let now = 0;
    const out = stream(true);
    const progress = createProgress({ stream: out.stream, now: () => now, color: false });
    progress.update(snapshot);
    now = 50;
    progress.update(snapshot);
    now = 300;
    progress.update({ ...snapshot, stopped: 'cap reached: 12 disks' });
    progress.done();
    expect(out.written).toHaveLength(3);
    expect(out.written[0]).toBe(
      '\r\x1b[Ksequence 3/60 · calls 42/3000 · pending 2 · live 4 disks 1 pairs 0 groups · elapsed 2:05/60:00',
    );
    expect(out.written[1]).toMatch(/stopping: cap reached: 12 disks$/);
    expect(out.written[2]).toBe('\n');
  });

  it('colours the stop reason on a terminal unless NO_COLOR is set, never in a log', () => {
    const stopping = { ...snapshot, stopped: 'interrupted by SIGINT' };
    const draw = (isTTY: boolean, env: NodeJS.ProcessEnv) => {
      const out = stream(isTTY);
      createProgress({ stream: out.stream, color: colorAllowed(env) }).update(stopping);
      return out.written[0];
    };
    expect(draw(true, {})).toContain('\x1b[33mstopping: interrupted by SIGINT\x1b[39m');
    expect(draw(true, { NO_COLOR: '1' })).toMatch(/· stopping: interrupted by SIGINT$/);
    expect(draw(false, {})).toMatch(/· stopping: interrupted by SIGINT\n$/);
  });

  it('without real-account figures shows only sequences, calls and elapsed time', () => {
    expect(formatProgress({ calls: 7, sequences: 1, sequenceTotal: 4, elapsedMs: 3000 })).toBe(
      'sequence 1/4 · calls 7 · elapsed 0:03',
    );
  });

  it('in a log prints plain lines no more often than asked', () => {
    let now = 0;
    const out = stream(false);
    const progress = createProgress({ stream: out.stream, everyMs: 10_000, now: () => now });
    for (now = 0; now <= 25_000; now += 1000) progress.update(snapshot);
    progress.done();
    expect(out.written).toHaveLength(3);
    expect(out.written.every((l) => l.startsWith('progress: sequence 3/60') && l.endsWith('\n'))).toBe(true);
  });
});
