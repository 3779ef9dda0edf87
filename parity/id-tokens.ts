/**
 * Resource IDs as reference tokens. Two services never hand out the same IDs, but a faithful one
 * hands out its IDs at the same moments and uses them in the same places: so each side numbers
 * the IDs it meets in order of first appearance (`<pair-id:1>`, `<disk-id:3>`), and the two sides
 * agree when their tokens do. Identity survives: the pair created second is `<pair-id:2>` on both
 * sides wherever it is mentioned later.
 */
import { RESOURCES, type ResourceDef } from '../api/resources';

/** The prefix (without its dash) and token kind of every ID the API hands out (api/resources.ts). */
const TOKENISED = [
  ...Object.values(RESOURCES as Readonly<Record<string, ResourceDef>>).flatMap((r) =>
    r.prefix && r.token ? [[r.prefix.slice(0, -1), r.token] as const] : [],
  ),
  // Drills have no documented prefix; the docs' examples (and the emulator) use these two.
  ['pg-drill', RESOURCES.drill.token ?? 'drill-id'] as const,
  ['drill', RESOURCES.drill.token ?? 'drill-id'] as const,
];

/**
 * Generated IDs of the API. Replica pairs carry their region's short name after the prefix
 * (`pair-cn-...`); the other IDs are prefix and suffix (`d-bp13...`).
 */
const ID = new RegExp(`\\b(?:${TOKENISED.map(([p]) => p).join('|')})-(?:cn-)?[0-9a-z]{6,}\\b`, 'g');

const KIND: Readonly<Record<string, string>> = Object.fromEntries(TOKENISED);

const kindOf = (id: string): string =>
  (id.startsWith('pg-drill-') ? KIND['pg-drill'] : KIND[id.slice(0, id.indexOf('-'))]) ?? 'id';

export class IdTokens {
  readonly #tokenOf = new Map<string, string>();
  readonly #idOf = new Map<string, string>();
  readonly #count = new Map<string, number>();

  /** The token of an ID, numbering it if it is new. */
  token(id: string): string {
    const known = this.#tokenOf.get(id);
    if (known) return known;
    const kind = kindOf(id);
    const n = (this.#count.get(kind) ?? 0) + 1;
    const token = `<${kind}:${n}>`;
    this.bind(id, token);
    return token;
  }

  /** Gives an ID a token chosen elsewhere (the other side's), keeping the numbering in step. */
  bind(id: string, token: string): void {
    this.#tokenOf.set(id, token);
    this.#idOf.set(token, id);
    const [kind, n] = token.slice(1, -1).split(':') as [string, string];
    this.#count.set(kind, Math.max(this.#count.get(kind) ?? 0, Number(n)));
  }

  idOf(token: string): string | undefined {
    return this.#idOf.get(token);
  }

  /** Every ID in a text replaced by its token. */
  tokenise(text: string): string {
    return text.includes('-') ? text.replace(ID, (id) => this.token(id)) : text;
  }
}

/**
 * A recorded request's parameter rewritten for the other side: every recorded ID becomes the ID
 * the other side gave the same token. An ID the other side has never seen (an unknown ID asked
 * on purpose, an instance of the seeded world) is sent as recorded and bound to the same token.
 */
export function translate(text: string, recorded: IdTokens, other: IdTokens): string {
  if (!text.includes('-')) return text;
  return text.replace(ID, (id) => {
    const token = recorded.token(id);
    const mine = other.idOf(token);
    if (mine !== undefined) return mine;
    other.bind(id, token);
    return id;
  });
}
