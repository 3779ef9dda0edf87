/**
 * How a run ends early on SIGINT/SIGTERM: the first signal stops the run where it stands (every
 * later call is refused unsent, so the sequence in flight halts and no new one is drawn), the
 * engine then judges what it has, and the report files are written as usual with the verdict
 * `interrupted`. A second signal abandons the run at once.
 */
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
 * Wraps a target without copying it: every member but `send` is the target's own, bound to it
 * (targets keep private fields, which a plain proxy's `this` would not reach).
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
  // Each method bound once: a bind on every read was a new function per member read, and the
  // engine reads the target's members on every call (a quarter of a lane's CPU per call).
  const bound = new Map<PropertyKey, { readonly of: unknown; readonly fn: unknown }>();
  const target = new Proxy(inner, {
    get(t, key) {
      if (key === 'send') return send;
      const value = Reflect.get(t, key, t);
      if (typeof value !== 'function') return value;
      const known = bound.get(key);
      if (known !== undefined && known.of === value) return known.fn;
      const fn = value.bind(t);
      bound.set(key, { of: value, fn });
      return fn;
    },
  });
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
