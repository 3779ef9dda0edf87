/**
 * What a target did, told once and in one place: the wrapper the CLI composes around whatever
 * target a run uses reports every exchange (world discovery, generated calls, settle polls,
 * cleanup), every reset and every clock advance to one listener, after it happened. Cassettes and
 * the real target's inventory listen; so can the run's event stream (properties/events.ts), which
 * carries these events beside the engine's own. adapters/ never imports properties/: the events
 * are defined here and the listener is a plain function.
 */
import { overlay } from './overlay';
import type { Exchange, Target } from './target';

export type TargetEvent =
  | { readonly type: 'exchange'; readonly exchange: Exchange }
  | { readonly type: 'reset' }
  | { readonly type: 'advance-clock'; readonly ms: number };

export type TargetListener = (event: TargetEvent) => void;

/**
 * `inner` with every exchange, reset and clock advance reported to `listener`. The listener runs
 * synchronously before the caller sees the answer, so whatever it updates (an inventory the real
 * target's caps read) is current for the next call. A listener that throws fails the call, as a
 * cassette that cannot be written must. Every other member is the target's own, bound to it
 * (targets keep private fields, and a real or replay target has members beyond `Target`).
 */
export function observedTarget<T extends Target>(inner: T, listener: TargetListener): T {
  const own: Partial<Target> = {
    async send(call) {
      const exchange = await inner.send(call);
      listener({ type: 'exchange', exchange });
      return exchange;
    },
  };
  if (inner.reset)
    own.reset = async () => {
      await inner.reset?.();
      listener({ type: 'reset' });
    };
  if (inner.advanceClock)
    own.advanceClock = async (ms) => {
      await inner.advanceClock?.(ms);
      listener({ type: 'advance-clock', ms });
    };
  return overlay(inner, own as Partial<T>);
}
