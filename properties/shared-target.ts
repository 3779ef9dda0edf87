import type { Call, ModelState } from '../model';

/** The documented maximum length of a ClientToken. */
const TOKEN_MAX = 64;

/**
 * A ClientToken made one sequence's own by putting its namespace in front. A token that would
 * grow past the documented maximum keeps its length instead (the namespace replaces its first
 * characters), so a deliberately over-long token stays over-long and a valid one stays valid.
 * Namespaces end in `-` and differ between sequences, so no generated token starts with one.
 */
export function namespacedToken(token: string, namespace: string): string {
  // Already this sequence's: a retry replays the call the model recorded, token as it was sent.
  if (namespace === '' || token.startsWith(namespace)) return token;
  return token.length + namespace.length <= TOKEN_MAX
    ? `${namespace}${token}`
    : `${namespace}${token.slice(namespace.length)}`;
}

export function namespacedCall(call: Call, namespace: string): Call {
  const token = call.params.ClientToken;
  if (typeof token !== 'string' || namespace === '') return call;
  return { ...call, params: { ...call.params, ClientToken: namespacedToken(token, namespace) } };
}

/**
 * The IDs one sequence has held. On a target other sequences share, a listed row the sequence
 * never held may be theirs; a row it held and the model no longer holds (deleted) is a phantom.
 */
export class Ownership {
  readonly #held = new Set<string>();
  readonly #retired = new Set<string>();

  get retired(): ReadonlySet<string> {
    return this.#retired;
  }

  /** Every ID the sequence has held, retired ones included. */
  get held(): ReadonlySet<string> {
    return this.#held;
  }

  /** Takes note of the resources in `state`: anything held before and gone now is retired. */
  hold(state: ModelState): void {
    const now = new Set([
      ...Object.keys(state.disks),
      ...Object.keys(state.pairs),
      ...Object.keys(state.groups),
      ...Object.keys(state.legacyPairs),
    ]);
    for (const id of this.#held) if (!now.has(id)) this.#retired.add(id);
    for (const id of now) this.#held.add(id);
  }
}
