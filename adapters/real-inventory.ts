/**
 * What a run has alive on a real account, as far as its own calls tell: resources created and not
 * yet deleted, and the last status listings showed for each. Only for the progress display; the
 * sweep never trusts it and asks the account instead.
 */
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

const DELETES: Readonly<Record<string, string>> = {
  'ecs:DeleteDisk': 'DiskId',
  'ebs:DeleteDiskReplicaPair': 'ReplicaPairId',
  'ebs:DeleteDiskReplicaGroup': 'ReplicaGroupId',
};

/** Where listings put their rows, and the ID field of each row. */
const LISTINGS: readonly (readonly [path: readonly string[], idField: string])[] = [
  [['Disks', 'Disk'], 'DiskId'],
  [['ReplicaPairs'], 'ReplicaPairId'],
  [['ReplicaGroups'], 'ReplicaGroupId'],
];

export interface InventorySnapshot {
  readonly live: Readonly<Record<ResourceKind, number>>;
  /** Live resources whose last listed status is transient. */
  readonly pending: number;
}

export class Inventory {
  readonly #kinds = new Map<string, ResourceKind>();
  readonly #status = new Map<string, string>();

  created(kind: ResourceKind, id: string): void {
    this.#kinds.set(id, kind);
  }

  /** Learns from an accepted call: a delete, or rows of a listing. */
  observe(product: string, action: string, params: Readonly<Record<string, unknown>>, body: unknown): void {
    const deletedBy = DELETES[`${product}:${action}`];
    if (deletedBy) this.#kinds.delete(String(params[deletedBy]));
    for (const [path, idField] of LISTINGS) {
      let rows: unknown = body;
      for (const key of path) rows = (rows as Record<string, unknown> | undefined)?.[key];
      if (!Array.isArray(rows)) continue;
      for (const row of rows as Record<string, unknown>[])
        if (typeof row[idField] === 'string' && typeof row.Status === 'string')
          this.#status.set(row[idField], row.Status);
    }
  }

  snapshot(): InventorySnapshot {
    const live: Record<ResourceKind, number> = { disk: 0, pair: 0, group: 0, 'legacy-pair': 0 };
    let pending = 0;
    for (const [id, kind] of this.#kinds) {
      live[kind] += 1;
      if (TRANSIENT.has(this.#status.get(id) ?? '')) pending += 1;
    }
    return { live, pending };
  }
}
