import type { Route } from './context';
import * as disks from './disks';
import * as drills from './drills';
import * as groupViews from './group-views';
import * as groups from './groups';
import * as instances from './instances';
import * as legacy from './legacy-pairs';
import * as pairViews from './pair-views';
import * as pairs from './pairs';
import * as regions from './regions';
import * as tags from './tags';

export type { Route } from './context';

/**
 * The emulator's families, each listing its own routes: a new operation is one entry in its
 * family's `ROUTES`, a new family one line here.
 */
const FAMILIES: readonly { readonly ROUTES: readonly Route[] }[] = [
  regions,
  pairViews,
  groupViews,
  pairs,
  groups,
  drills,
  tags,
  disks,
  instances,
  legacy,
];

/** `${product}:${version}:${action}` -> the function of the same name and whether it mutates. */
export const ROUTES: ReadonlyMap<string, Route> = new Map(
  FAMILIES.flatMap((f) => f.ROUTES).map((r) => [r.key, r]),
);
