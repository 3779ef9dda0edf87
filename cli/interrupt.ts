/**
 * How a run ends early on SIGINT/SIGTERM: the first signal stops the run where it stands (every
 * later call is refused unsent, so the sequence in flight halts and no new one is drawn), the
 * engine then judges what it has, and the report files are written as usual with the verdict
 * `interrupted`. A second signal abandons the run at once.
 */
import { overlay } from '../adapters/overlay';
import type { ApiCall, Exchange, Target } from '../adapters/target';

export interface Interruptible {
  /** The target to run against: refuses every call once stopped. */
  readonly target: Target;
  /** Why the run was stopped (`interrupted by SIGINT`), once it was. */
  readonly interrupted: () => string | undefined;
  stop(reason: string): void;
}

/** An exchange for a call that never left the machine. */
const refused = (call: ApiCall, message: string): Exchange => ({
  call,
  variant: { method: 'POST', format: 'JSON', signature: 'v1', paramsIn: 'body' },
  request: { method: 'POST', url: '', headers: {}, body: '' },
  outcome: { kind: 'failure', reason: 'refused', message },
  startedAt: Date.now(),
  durationMs: 0,
  attempts: 0,
  retried: [],
});

const YIELD_EVERY_MS = 50;

/**
 * Wraps a target without copying it: every member but `send` is the target's own (adapters/overlay.ts).
 */
export function interruptible(
  inner: Target,
  onStop?: (reason: string) => void,
  already?: string,
): Interruptible {
  let reason: string | undefined = already;
  let yielded = Date.now();
  const send = async (call: ApiCall): Promise<Exchange> => {
    // An in-process target answers in microtasks only: without a turn of the event loop now and
    // then, neither the progress timer nor a signal handler would ever run.
    if (Date.now() - yielded > YIELD_EVERY_MS) {
      await new Promise((next) => setImmediate(next));
      yielded = Date.now();
    }
    if (reason) return refused(call, reason);
    return inner.send(call);
  };
  const target = overlay(inner, { send });
  return {
    target,
    interrupted: () => reason,
    stop(why) {
      if (reason) return;
      reason = why;
      onStop?.(why);
    },
  };
}

type Out = { write(text: string): unknown };

/**
 * SIGINT/SIGTERM: the first prints `stopping` and calls `onFirst`, a second one prints `abandon`
 * and exits 130 at once (the 'exit' handlers still run: an emulator child is killed by its own).
 * The listeners stay until `dispose`: without them a signal would kill the process unreported,
 * and a signal's default action skips the 'exit' handlers, leaving children behind.
 */
export function watchSignals(
  onFirst: (signal: NodeJS.Signals) => void,
  abandon: () => string,
  options: { readonly stopping?: string; readonly err?: Out } = {},
): { dispose(): void } {
  const err = options.err ?? process.stderr;
  const stopping =
    options.stopping ?? 'stopping; the report is written from what was judged (again to abandon)';
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      err.write(`\nebs-conformance: ${signal} again: ${abandon()}\n`);
      return process.exit(130);
    }
    err.write(`\nebs-conformance: ${signal}: ${stopping}\n`);
    onFirst(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
