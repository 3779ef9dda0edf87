import type { Deviation } from '../protocol/deviation';

/** What kind of departure from the documentation a profile stands for; each deviation has its own. */
export type DeviationKind =
  | 'wrong-error-code'
  | 'http-status-shifted'
  | 'refusal-accepted'
  | 'wrong-region-accepted'
  | 'success-without-effect'
  | 'parameter-ignored'
  | 'client-token-ignored'
  | 'members-left-behind'
  | 'status-renamed'
  | 'field-dropped'
  | 'field-wrong-type'
  | 'stale-status'
  | 'page-loses-item'
  | 'count-off-by-one'
  | 'deleted-still-listed'
  | 'request-id-missing'
  | 'dialect-field-renamed'
  | 'id-prefix-wrong'
  | 'wrong-transient-status'
  | 'stuck-transient-status'
  | 'never-settles'
  | 'authorization-code-for-refusal'
  | 'time-unit-wrong'
  | 'progress-complete-too-early'
  | 'progress-never-complete'
  | 'recover-point-moves'
  | 'undocumented-error-code'
  | 'wrong-site-codes-swapped'
  | 'transient-refusal-accepted'
  | 'phantom-row'
  | 'walk-loses-item'
  | 'progress-falls'
  | 'recover-point-frozen'
  | 'listed-value-not-a-string'
  | 'time-format-wrong'
  | 'integer-as-string'
  | 'boolean-as-string'
  | 'range-scale-wrong'
  | 'reading-switched'
  | 'transient-only';

/**
 * A named fault profile for `ebs-conformance emulator --fault-profile NAME`: what a service gets
 * wrong, which documented rules that breaks, and the effect itself. The deviations are the kind a
 * real service or a hand-written fake plausibly ships with.
 */
export interface FaultProfile {
  readonly name: string;
  readonly description: string;
  readonly kind: DeviationKind;
  /** The operation that departs from its documentation. */
  readonly operation: string;
  /** Other operations that depart the same way (one shared code path in the service). */
  readonly alsoOperations?: readonly string[];
  /** The documented rules it breaks (IDs of api/rules). */
  readonly ruleIds: readonly string[];
  /**
   * Where a conformance run sees it when the call itself answers as documented and only a later
   * read shows the damage (a Describe after the change settled): that read and the rules it checks.
   */
  readonly observedIn?: {
    readonly operation: string;
    readonly alsoOperations?: readonly string[];
    readonly ruleIds: readonly string[];
  };
  /**
   * The transient status the profile keeps a resource in for good. On a clock the harness moves
   * that is a nonconformance; on a real clock a run can only wait and then say how long it waited
   * for which status (inconclusive).
   */
  readonly stuckIn?: string;
  /** A control: transient trouble only (or none), which a client retries and a run must find conformant. */
  readonly transientOnly?: boolean;
  /** A fresh effect: a deviation may remember what it did until the emulator is reset. */
  create(): Deviation;
}
