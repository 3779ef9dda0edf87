import type { Check, CheckContext, CheckFailure } from './check';
import { idempotency_conformance } from './idempotency';
import { disk_in_one_pair_invariant } from './invariants';
import { listing_conformance } from './listing-conformance';
import { error_code_conformance, outcome_conformance, status_code_conformance } from './outcome-conformance';
import { recovery_bounds_conformance, recovery_data_conformance } from './recovery-data';
import {
  error_shape_conformance,
  response_facts_conformance,
  response_schema_conformance,
} from './response-conformance';
import { response_field_conformance } from './response-fields';
import { tag_listing_conformance } from './tag-listing';

export type { Answer, Check, CheckContext, CheckFailure } from './check';
export { pagination_conformance, type Walk } from './pagination';
export { transient_status_conformance } from './transient-status';
export { type Sighting, two_region_visibility } from './visibility';

/**
 * The registry of checks a step runs (Schemathesis's `@check`): each a small named function
 * returning a typed failure. A step runs them all and keeps every failure, so a report shows a
 * wrong code and a wrong status together instead of whichever check happened to come first.
 */
export const CHECKS: readonly Check[] = [
  outcome_conformance,
  error_code_conformance,
  status_code_conformance,
  error_shape_conformance,
  response_schema_conformance,
  idempotency_conformance,
  response_facts_conformance,
  listing_conformance,
  tag_listing_conformance,
  disk_in_one_pair_invariant,
  recovery_data_conformance,
  recovery_bounds_conformance,
  response_field_conformance,
];

/** Every failure the registered checks find in one answer, in registry order. */
export function runChecks(ctx: CheckContext, checks: readonly Check[] = CHECKS): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const check of checks) {
    const failed = check(ctx);
    if (failed) failures.push(failed);
  }
  return failures;
}
