export { advance } from './advance';
export { afterRefused, allowedOutcomes, commit, isModelled } from './allowed-outcomes';
export { type Call, COMMON_PARAMS, isLegacyDialect } from './call';
export type { AllowedError, Expectation, ListingFacts, Observed, Refusal, Success } from './expectation';
export { observableStatuses } from './lifecycle';
export { diskRow, listDisks } from './projections/disks';
export { groupRow, listGroups } from './projections/groups';
export { pageRows } from './projections/paging';
export { listPairs, pairListing, pairRow, type Row } from './projections/pairs';
export {
  type Disk,
  type Drill,
  destinationOf,
  diskStatus,
  type Group,
  initialState,
  type LegacyPair,
  type ModelState,
  membersOf,
  type Pair,
  pairHolding,
  sourceOf,
} from './state';
export {
  defaultWorld,
  type InstanceInfo,
  type ListedRegion,
  type RegionInfo,
  type World,
  worldFromRegions,
  type ZoneInfo,
} from './world';
