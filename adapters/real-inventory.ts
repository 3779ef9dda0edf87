/**
 * What a run has alive on a real account, as far as its own exchanges tell: resources created and
 * not yet deleted, their size, and the last status listings showed for each. It learns only from
 * the exchanges it is given, one by one, as the run's target events arrive (the CLI subscribes it:
 * cli/real-run.ts); the real target's caps read it before every create, and the progress display
 * shows it. The sweep never trusts it and asks the account instead.
 */
import { findOperation } from '../api';
import { CREATED_KINDS, deletedBy, LISTINGS, listingRows } from '../api/resources';
import type { ResourceKind } from './journal';
import { createShape } from './namespace';
import { count, type Footprint } from './real-guard';
import type { Exchange } from './target';

const TRANSIENT = new Set([
  'creating',
  'initial_syncing',
  'stopping',
  'failovering',
  'reprotecting',
  'deleting',
  'Creating',
  'Attaching',
  'Detaching',
  'ReIniting',
]);

export interface InventorySnapshot {
  readonly live: Readonly<Record<ResourceKind, number>>;
  /** The size of the live disks, GiB. */
  readonly liveGiB: number;
  /** Live resources whose last listed status is transient. */
  readonly pending: number;
  /** Creates that succeeded (an ID came back) over the whole run. */
  readonly created: Readonly<Footprint>;
}

/** The size a create asks for, GiB (0 for anything but a disk). */
export const sizeOf = (params: Readonly<Record<string, unknown>>) => Number(params.Size ?? 0) || 0;

export class Inventory {
  readonly #kinds = new Map<string, ResourceKind>();
  readonly #status = new Map<string, string>();
  readonly #gib = new Map<string, number>();
  readonly #created: Footprint = { disks: 0, pairs: 0, groups: 0, gib: 0 };
  readonly #seen = new WeakSet<Exchange>();

  /** Learns from one exchange of the run: a create that named its new ID, a delete, listing rows. */
  record(exchange: Exchange): void {
    this.#seen.add(exchange);
    const { call, outcome } = exchange;
    if (outcome.kind !== 'success') return;
    const shape = createShape(findOperation(call.product, call.version, call.action));
    const id = shape ? outcome.body[shape.idField] : undefined;
    if (shape && typeof id === 'string') {
      const size = shape.kind === 'disk' ? sizeOf(call.params) : 0;
      this.#kinds.set(id, shape.kind);
      if (size > 0) this.#gib.set(id, size);
      count(this.#created, shape.kind, size);
    }
    const deleted = deletedBy(call.product, call.action);
    if (deleted) {
      this.#kinds.delete(String(call.params[deleted.idParam]));
      this.#gib.delete(String(call.params[deleted.idParam]));
    }
    for (const listing of LISTINGS)
      for (const row of listingRows(listing, outcome.body) ?? []) {
        const rowId = row[listing.idField];
        if (typeof rowId === 'string' && typeof row.Status === 'string') this.#status.set(rowId, row.Status);
      }
  }

  /** Whether this exchange has been recorded: until it is, a create it answered holds its share of the caps. */
  saw(exchange: Exchange): boolean {
    return this.#seen.has(exchange);
  }

  snapshot(): InventorySnapshot {
    const live = Object.fromEntries(CREATED_KINDS.map((k) => [k, 0])) as Record<ResourceKind, number>;
    let pending = 0;
    let liveGiB = 0;
    for (const [id, kind] of this.#kinds) {
      live[kind] += 1;
      liveGiB += this.#gib.get(id) ?? 0;
      if (TRANSIENT.has(this.#status.get(id) ?? '')) pending += 1;
    }
    return { live, liveGiB, pending, created: { ...this.#created } };
  }
}
