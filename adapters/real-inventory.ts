/**
 * What a run has alive on a real account, as far as its own calls tell: resources created and not
 * yet deleted, and the last status listings showed for each. Only for the progress display; the
 * sweep never trusts it and asks the account instead.
 */
import { CREATED_KINDS, deletedBy, LISTINGS, listingRows } from '../api/resources';
import type { ResourceKind } from './journal';

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
}

export class Inventory {
  readonly #kinds = new Map<string, ResourceKind>();
  readonly #status = new Map<string, string>();
  readonly #gib = new Map<string, number>();

  created(kind: ResourceKind, id: string, gib = 0): void {
    this.#kinds.set(id, kind);
    if (gib > 0) this.#gib.set(id, gib);
  }

  /** Learns from an accepted call: a delete, or rows of a listing. */
  observe(product: string, action: string, params: Readonly<Record<string, unknown>>, body: unknown): void {
    const deleted = deletedBy(product, action);
    if (deleted) {
      this.#kinds.delete(String(params[deleted.idParam]));
      this.#gib.delete(String(params[deleted.idParam]));
    }
    for (const listing of LISTINGS)
      for (const row of listingRows(listing, body) ?? []) {
        const id = row[listing.idField];
        if (typeof id === 'string' && typeof row.Status === 'string') this.#status.set(id, row.Status);
      }
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
    return { live, liveGiB, pending };
  }
}
