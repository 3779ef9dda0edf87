import type { Check } from './check';
import { listing_conformance } from './listing-conformance';
import { error_code_conformance, outcome_conformance, status_code_conformance } from './outcome-conformance';
import {
  error_shape_conformance,
  response_facts_conformance,
  response_schema_conformance,
} from './response-conformance';

export type { Answer, Check, CheckContext, CheckFailure } from './check';

/** Every check a step runs, in order; the first failure is the step's verdict. */
export const CHECKS: readonly Check[] = [
  outcome_conformance,
  error_code_conformance,
  status_code_conformance,
  error_shape_conformance,
  response_schema_conformance,
  response_facts_conformance,
  listing_conformance,
];
