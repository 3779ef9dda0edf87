import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchSignals } from './interrupt';

/** The listener watchSignals added last: called directly, so no other listener of the worker runs. */
const added = (signal: NodeJS.Signals) => process.listeners(signal).at(-1) as (s: NodeJS.Signals) => void;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('watchSignals (run and detect share it)', () => {
  it('says what the first signal stops, then abandons on the second with exit 130', () => {
    const written: string[] = [];
    const first: NodeJS.Signals[] = [];
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    const before = process.listeners('SIGTERM').length;
    const signals = watchSignals(
      (s) => first.push(s),
      () => 'killing the emulator children',
      {
        stopping: 'stopping the emulator children',
        err: { write: (t: string) => written.push(t) },
      },
    );
    const onSignal = added('SIGTERM');
    expect(added('SIGINT')).toBe(onSignal);
    onSignal('SIGTERM');
    expect(first).toEqual(['SIGTERM']);
    expect(written.join('')).toContain('SIGTERM: stopping the emulator children');
    expect(exit).not.toHaveBeenCalled();
    onSignal('SIGINT');
    expect(written.join('')).toContain('SIGINT again: killing the emulator children');
    expect(exit).toHaveBeenCalledWith(130);
    expect(first).toHaveLength(1);
    signals.dispose();
    expect(process.listeners('SIGTERM')).toHaveLength(before);
  });

  it('tells a run that its report is written from what was judged, by default', () => {
    const written: string[] = [];
    const signals = watchSignals(
      () => undefined,
      () => '',
      { err: { write: (t: string) => written.push(t) } },
    );
    added('SIGINT')('SIGINT');
    signals.dispose();
    expect(written.join('')).toMatch(/SIGINT: stopping; the report is written from what was judged/);
  });
});
