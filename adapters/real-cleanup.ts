/**
 * A real run's housekeeping between sequences: once a sequence ends, what it made is swept (by ID,
 * in the regions the journal names, the documented order of sweep.ts), so what is live stays near
 * one sequence's worth per lane and a night of many sequences fits its caps. These calls go through
 * the cleanup's own client (no caps, not judged), as the final sweep's do; the real target's
 * creates wait for sweeps in flight (`idle`), so a cap is checked against what is left after them.
 * A sweep that leaves something reports it with IDs; the inventory still counts it live, so the
 * next create is sent only if the caps allow it.
 */

import type { Journal } from './journal';
import { readJournal } from './journal';
import type { Housekeeping } from './real-target';
import { isEmpty, type SweepResult, sweep } from './sweep';
import type { Found } from './sweep-discover';
import type { Target } from './target';

/** A resource a sweep saw: its status when first seen (removed) or last seen (left). */
export interface SweptRow {
  readonly kind: 'group' | 'pair' | 'disk';
  readonly id: string;
  readonly region: string;
  readonly status: string;
}

/** The resources of a sweep's view, one row each. */
export function sweptRows(found: Found): SweptRow[] {
  return [
    ...found.groups.map((g) => ({ kind: 'group' as const, id: g.id, region: g.source, status: g.status })),
    ...found.pairs.map((p) => ({ kind: 'pair' as const, id: p.id, region: p.source, status: p.status })),
    ...found.disks.map((d) => ({ kind: 'disk' as const, id: d.id, region: d.region, status: d.status })),
  ];
}

/** What a sweep removed (seen first, gone at the end) and what it left, with IDs. */
export function sweepOutcome(result: SweepResult): { removed: SweptRow[]; left: SweptRow[]; calls: number } {
  const left = sweptRows(result.leftovers);
  const still = new Set(left.map((r) => r.id));
  return {
    removed: sweptRows(result.found).filter((r) => !still.has(r.id)),
    left,
    calls: result.actions.length,
  };
}

/** The cleanups between sequences, over the run: totals, and each one that left something. */
export interface BetweenSequences {
  sequences: number;
  calls: number;
  removed: SweptRow[];
  failures: {
    lane: number;
    sequence: number;
    /** What the sequence held, and what of it the sweep saw still there (none known if it failed). */
    held: string[];
    left: SweptRow[];
    error?: string;
  }[];
}

export interface SequenceCleanerOptions {
  /** The cleanup's own client: no caps, its exchanges on the run's events (the inventory learns). */
  readonly target: Target;
  readonly journal: Journal;
  readonly journalPath: string;
  readonly runId: string;
  readonly timeoutMs: number;
  readonly log?: (line: string) => void;
}

export class SequenceCleaner implements Housekeeping {
  readonly #options: SequenceCleanerOptions;
  readonly #pending = new Set<Promise<void>>();
  /** Creates waiting for room, woken when a sequence ends and its cleanup is done. */
  readonly #waiting: (() => void)[] = [];
  #running = 0;
  /** Every running sequence waited for room at once: none will end, so none waits any more. */
  #stuck = false;
  readonly #removed: SweptRow[] = [];
  readonly #failures: BetweenSequences['failures'] = [];
  #sequences = 0;
  #calls = 0;

  constructor(options: SequenceCleanerOptions) {
    this.#options = options;
  }

  started(): void {
    this.#running += 1;
  }

  /** Starts sweeping what one finished sequence held; `idle` waits for it, then waiters retry. */
  ended(lane: number, sequence: number, resources: readonly string[]): void {
    this.#running -= 1;
    if (resources.length === 0) {
      this.#wake();
      return;
    }
    const done = this.#sweep(lane, sequence, new Set(resources)).finally(() => {
      this.#pending.delete(done);
      this.#wake();
    });
    this.#pending.add(done);
  }

  async roomMayFree(): Promise<boolean> {
    // The caller's own sequence is running: room comes only from another one ending.
    if (this.#stuck || this.#waiting.length + 1 >= this.#running) {
      this.#stuck = true;
      this.#wake();
      return false;
    }
    await new Promise<void>((woken) => this.#waiting.push(woken));
    return !this.#stuck;
  }

  #wake(): void {
    for (const woken of this.#waiting.splice(0)) woken();
  }

  /** Resolves once no sweep is in flight, the ones started meanwhile included. */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all(this.#pending);
  }

  summary(): BetweenSequences {
    return {
      sequences: this.#sequences,
      calls: this.#calls,
      removed: [...this.#removed],
      failures: this.#failures.map((f) => ({ ...f })),
    };
  }

  async #sweep(lane: number, sequence: number, ids: ReadonlySet<string>): Promise<void> {
    const { target, journal, journalPath, runId, timeoutMs } = this.#options;
    const log = this.#options.log ?? (() => {});
    this.#sequences += 1;
    const label = `sequence ${lane}.${sequence}`;
    try {
      const result = await sweep({
        target,
        runs: [runId],
        ids,
        journalEntries: readJournal(journalPath),
        journal,
        timeoutMs,
      });
      const { removed, left, calls } = sweepOutcome(result);
      this.#calls += calls;
      this.#removed.push(...removed);
      if (isEmpty(result.leftovers)) return;
      this.#failures.push({ lane, sequence, held: [...ids], left });
      log(`cleanup after ${label} incomplete: ${left.map((r) => `${r.kind} ${r.id}`).join(', ')} left`);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      this.#failures.push({ lane, sequence, held: [...ids], left: [], error });
      log(`cleanup after ${label} failed: ${error}`);
    }
  }
}
