import type { PairStatus } from '../../api';
import { fail } from './context';
import type { Site } from './state';

/**
 * Refusals shared by pairs and groups: which region a call must be made in, and which
 * statuses an operation accepts.
 */

/** Where a call must be made, relative to the current direction of replication. */
export type Where = 'either' | 'secondary' | 'primary';

const notFound = (id: string, regionId: string) =>
  fail('NoSuchResource', `The resource ${id} does not exist in ${regionId}.`);

/**
 * A resource is only visible from the regions of its two sites; from anywhere else it does not
 * exist. From the wrong one of the two, the operation's own refusal applies. When both sites
 * are in one region (cross-zone replication) the region cannot tell them apart, so it passes.
 */
export function checkRegion(
  id: string,
  regionId: string,
  source: Site,
  destination: Site,
  where: Where,
): void {
  const atSource = regionId === source.regionId;
  const atDestination = regionId === destination.regionId;
  if (!atSource && !atDestination) notFound(id, regionId);
  if (where === 'secondary' && !atDestination) {
    fail(
      'OperationDenied.OperateNotAllowedForPrimary',
      `${id} must be operated from the secondary region ${destination.regionId}.`,
    );
  }
  if (where === 'primary' && !atSource) {
    fail('OperationDenied', `${id} must be operated from the primary region ${source.regionId}.`);
  }
}

export function requireStatus(id: string, status: PairStatus, allowed: readonly PairStatus[]): void {
  if (!allowed.includes(status)) {
    fail(
      'OperationDenied.InvalidStatus',
      `${id} is ${status}; the operation needs one of ${allowed.join(', ')}.`,
    );
  }
}

/** Two one-shot syncs must be more than RPO/2 apart. */
export function checkOneShotSpacing(id: string, lastOneShotAt: number | undefined, rpo: number, now: number) {
  if (lastOneShotAt !== undefined && now - lastOneShotAt <= (rpo * 1000) / 2) {
    fail('OperationDenied.ManualSyncLimit', `${id}: one-shot syncs must be more than ${rpo / 2} s apart.`);
  }
}
