import type { Check } from './check';
import { idempotency_conformance } from './idempotency';
import { disk_in_one_pair_invariant } from './invariants';
import { listing_conformance } from './listing-conformance';
import { error_code_conformance, outcome_conformance, status_code_conformance } from './outcome-conformance';
import {
  error_shape_conformance,
  response_facts_conformance,
  response_schema_conformance,
} from './response-conformance';
import { tag_listing_conformance } from './tag-listing';

export type { Answer, Check, CheckContext, CheckFailure } from './check';
export { pagination_conformance, type Walk } from './pagination';
export { transient_status_conformance } from './transient-status';
export { type Sighting, two_region_visibility } from './visibility';

/** Every check a step runs, in order; the first failure is the step's verdict. */
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
];
