import { maybeEmptyList } from '../adapters/xml';
import { READINGS, readingInconsistency } from '../api/readings';
import type { Expectation, ListingFacts } from '../model/expectation';
import type { ModelState } from '../model/state';
import type { CheckFailure } from './checks';
import type { ReadingSeen } from './events';

/** The answer that showed a reading's alternative: the call as the log names it, and what came back. */
export interface ReadingSighting {
  readonly choice: string;
  readonly exchange: string;
}

/**
 * How the target reads the ambiguous points of the docs (api/readings.ts), for the whole run:
 * the alternatives fixed in advance (`run --reading ID=VALUE`) and the first answer that showed
 * each other one. A target is held to what it showed: answering a reading one way and later the
 * other is a nonconformance of its own (inconsistent-reading) naming both exchanges.
 */
export class ReadingBook {
  readonly #seen = new Map<string, ReadingSighting>();
  #shown: Readonly<Record<string, string>> | undefined;

  constructor(readonly fixed: Readonly<Record<string, string>> = {}) {}

  /** What the model is told: only choices fixed in advance close an alternative. */
  get modelChoices(): Readonly<Record<string, string>> | undefined {
    return Object.keys(this.fixed).length > 0 ? this.fixed : undefined;
  }

  /**
   * The state the model judges a call in: the choices fixed in advance, and what the target has
   * shown of the others (ModelState.shownReadings), which keeps both answers allowed.
   */
  inform(state: ModelState): ModelState {
    // Every call is judged in it and sightings are rare: built again only after one.
    this.#shown ??= Object.fromEntries([...this.#seen].map(([id, s]) => [id, s.choice]));
    const shown = this.#shown;
    // A settle judges several reads in one state: informed once while nothing new was shown.
    const last = this.#informed;
    if (last?.state === state && last.shown === shown) return last.informed;
    const fixed = this.modelChoices;
    // Object.assign, not a spread with fields added: V8 (Node 20) adds to a spread copy slowly.
    const informed: ModelState = Object.assign(
      {},
      state,
      fixed ? { readings: fixed } : undefined,
      this.#seen.size > 0 ? { shownReadings: shown } : undefined,
    );
    this.#informed = { state, shown, informed };
    return informed;
  }

  #informed: { state: ModelState; shown: Readonly<Record<string, string>>; informed: ModelState } | undefined;

  /** Records what an answer showed; the failure when it contradicts an earlier answer or the fixed choice. */
  observe(id: string, choice: string, exchange: string): CheckFailure | undefined {
    const fixed = this.fixed[id];
    const before = this.#seen.get(id);
    if (!before) {
      this.#seen.set(id, { choice, exchange });
      this.#shown = undefined;
    }
    const against =
      fixed !== undefined && fixed !== choice
        ? { choice: fixed, exchange: '--reading, fixed before the run' }
        : before && before.choice !== choice
          ? before
          : undefined;
    if (!against) return undefined;
    return {
      check: 'reading_consistency',
      category: 'inconsistent-reading',
      ...readingInconsistency(id, against, { choice, exchange }),
    };
  }

  /** Every reading: the choice and the exchange that showed it, or none (not observed). */
  entries(): ReadingSeen[] {
    return READINGS.map((r) => {
      const seen = this.#seen.get(r.id);
      const fixed = this.fixed[r.id];
      return {
        id: r.id,
        question: r.question,
        ...(seen ? { choice: seen.choice, exchange: seen.exchange } : {}),
        ...(fixed !== undefined ? { fixed } : {}),
      };
    });
  }
}

/** A refusal that only one alternative of a reading gives (Refusal.reading) shows that one. */
export function refusalChoices(e: Expectation, code: string): { id: string; choice: string }[] {
  return e.kind === 'refusal' && e.reading?.codes.includes(code)
    ? [{ id: e.reading.fork.id, choice: e.reading.fork.onRefusal }]
    : [];
}

/**
 * What an answer to a call forked on a reading (Success.reading) shows: a success the accepting
 * alternative; a refusal the refusing one only with a code the fork names, since the call may get
 * its other allowed refusals (a drill with no recovery point yet) whichever way the target reads.
 */
export function forkChoices(
  e: Expectation,
  refusedWith: string | undefined,
): { id: string; choice: string }[] {
  const fork = e.kind === 'success' ? e.reading : undefined;
  if (!fork) return [];
  if (refusedWith === undefined) return [{ id: fork.id, choice: fork.onSuccess }];
  return fork.codes.includes(refusedWith) ? [{ id: fork.id, choice: fork.onRefusal }] : [];
}

type Body = Readonly<Record<string, unknown>>;

/**
 * Readings shown by the shape of an answer rather than by its outcome: how an empty group
 * shows its members, and whether a NextToken page carries the numbered-page fields.
 */
export function shapeChoices(
  action: string,
  params: Readonly<Record<string, unknown>>,
  body: Body,
): { id: string; choice: string }[] {
  const found: { id: string; choice: string }[] = [];
  if (action === 'DescribeDiskReplicaGroups' && Array.isArray(body.ReplicaGroups)) {
    for (const g of body.ReplicaGroups as Body[]) {
      const ids = g.PairIds;
      const empty = ids === undefined || (Array.isArray(ids) && ids.length === 0);
      if (!empty || (typeof g.PairNumber === 'number' && g.PairNumber > 0)) continue;
      // In XML an empty PairIds is no element at all, as an absent one is: PairNumber tells.
      const listed = ids !== undefined || (maybeEmptyList(g, 'PairIds') && g.PairNumber !== undefined);
      found.push({ id: 'empty-group-pair-ids', choice: listed ? 'empty-list' : 'absent' });
      break;
    }
  }
  const tokenWalk = params.NextToken !== undefined || params.MaxResults !== undefined;
  if (tokenWalk && (action === 'DescribeDiskReplicaGroups' || action === 'DescribeDiskReplicaPairs'))
    found.push({
      id: 'token-walk-paging-fields',
      choice: body.TotalCount === undefined && body.PageNumber === undefined ? 'absent' : 'present',
    });
  return found;
}

/**
 * A reading shown by which rows a listing holds (ListingFacts.open): a row only one alternative
 * lists shows that one; the whole listing without any such row shows the other. A page that may
 * have more after it shows nothing.
 */
export function listingChoices(
  listing: ListingFacts | undefined,
  body: Body,
): { id: string; choice: string }[] {
  const open = listing?.open;
  if (!listing || !open || open.rows.length === 0) return [];
  const got = body[listing.field];
  const ids = new Set((Array.isArray(got) ? (got as Body[]) : []).map((r) => String(r[listing.idField])));
  if (open.rows.some((r) => ids.has(String(r[listing.idField]))))
    return [{ id: open.reading, choice: open.listed }];
  return wholeAnswer(body, ids.size, listing.page) ? [{ id: open.reading, choice: open.unlisted }] : [];
}

/** An answer that is the whole listing: a first token page with no NextToken, or a numbered first page holding TotalCount rows. */
function wholeAnswer(body: Body, listed: number, page: ListingFacts['page']): boolean {
  if (page.mode === 'token')
    return !page.continued && (body.NextToken === undefined || body.NextToken === '');
  return page.pageNumber === 1 && typeof body.TotalCount === 'number' && body.TotalCount <= listed;
}
