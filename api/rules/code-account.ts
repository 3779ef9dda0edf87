/**
 * How a documented error code is accounted for (api/rules/error-codes.ts gathers them): the rules
 * under which it is answered, or why no call from outside can provoke it. A leaf module, so each
 * rule family can state the accounts of its own operations beside its rules.
 */
export type Untestable =
  /** A server fault or time-out: a client retries it and a verdict never counts it. */
  | 'transient'
  /** Decided by the caller's RAM policy; the harness's credentials are allowed every call. */
  | 'authorization'
  /** A state of the account (balance, arrears, allow-lists, service-linked role) no call sets. */
  | 'account-state'
  /** Two calls with one ClientToken in flight at once; the harness sends one call at a time. */
  | 'concurrency'
  /** A quota or limit whose number the docs do not give, so no call is known to reach it. */
  | 'undocumented-limit'
  /** The docs list the code without a condition this operation can meet. */
  | 'no-condition'
  /** Its condition cannot hold: another documented rule (named in `why`) rules it out first. */
  | 'unreachable'
  /** Needs a resource or feature the emulated world does not hold (snapshots, KMS keys, ...). */
  | 'outside-world';

export type CodeAccount =
  | { readonly rules: readonly string[] }
  | { readonly untestable: Untestable; readonly why: string };

export const rules = (...ids: string[]): CodeAccount => ({ rules: ids });
export const because = (untestable: Untestable, why: string): CodeAccount => ({ untestable, why });

export const LISTING_DENIED = because(
  'no-condition',
  'the docs give no condition under which a listing is denied',
);
export const TAG_QUOTA = because('no-condition', 'a tag quota cannot be passed by removing or listing tags');
export const NOT_FOUND_REGION = because(
  'no-condition',
  'the call names no resource: an unknown region lists nothing or is refused as a region',
);
