import { type Operation, operationKey } from '../operation';
import * as ebsDrills from './ebs-drills';
import * as ebsGroups from './ebs-groups';
import * as ebsPairs from './ebs-pairs';
import * as ebsRegions from './ebs-regions';
import * as ebsTags from './ebs-tags';
import * as ecsDisks from './ecs-disks';
import * as ecsInstances from './ecs-instances';
import * as ecsLegacyPairs from './ecs-legacy-pairs';

// Family modules export operations (and types) only, so their values are the operation table.
const SPREAD = {
  ...ebsRegions,
  ...ebsPairs,
  ...ebsGroups,
  ...ebsDrills,
  ...ebsTags,
  ...ecsDisks,
  ...ecsInstances,
  ...ecsLegacyPairs,
};

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every operation by its callable name, typed: the name is the action, except the legacy ECS
 * CreateDiskReplicaPair, called `LegacyCreateDiskReplicaPair` (the EBS call is the one people mean).
 * In the order of those names: spreading a module namespace gives its keys in an order that is not
 * portable (native ESM sorts them, vite and bundlers keep declaration order), and nothing that
 * iterates this table may depend on the loader that ran it.
 */
export const OPERATIONS_BY_NAME: typeof SPREAD = Object.fromEntries(
  Object.entries(SPREAD).sort(([a], [b]) => byText(a, b)),
) as typeof SPREAD;

export type OperationName = keyof typeof OPERATIONS_BY_NAME;

/**
 * Every operation the harness covers, by product and action. Sorted here because the order of a
 * module namespace's keys is not portable: native ESM lists them alphabetically, vite and bundlers
 * in declaration order, and generators draw by position in this list, so a seed must not depend
 * on which loader ran it (a worker lane under tsx against the same seed under vitest).
 */
export const OPERATIONS: readonly Operation[] = Object.values(OPERATIONS_BY_NAME).sort((a, b) =>
  byText(operationKey(a), operationKey(b)),
);

/**
 * By action, then product and version: every call of a run is looked up several times, and
 * building and hashing its `product:version:action` key each time cost more than the lookups.
 */
const byAction = new Map<string, Operation[]>();
for (const op of OPERATIONS) byAction.set(op.action, [...(byAction.get(op.action) ?? []), op]);

export function findOperation(product: string, version: string, action: string): Operation | undefined {
  const ops = byAction.get(action);
  if (ops === undefined) return undefined;
  for (const op of ops) if (op.product === product && op.version === version) return op;
  return undefined;
}

export * from './ebs-drills';
export * from './ebs-groups';
export * from './ebs-pairs';
export * from './ebs-regions';
export * from './ebs-responses';
export * from './ebs-tags';
export * from './ecs-disks';
export * from './ecs-instances';
export * from './ecs-legacy-pairs';
export * from './ecs-responses';
export type { ParsedRequestOf, RequestOf } from './request-type';
