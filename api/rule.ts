/**
 * A documented rule: one behaviour the documentation promises, with a stable ID that tests,
 * the model, checks and reports all name.
 */
export interface RuleSource {
  /** `seed:<file>` for the two seed documents, otherwise the doc page URL. */
  readonly doc: string;
  /** Where on that page: the section or parameter the rule encodes. */
  readonly where: string;
}

export interface Rule {
  readonly id: string;
  /** The behaviour, stated in our words as a testable sentence. */
  readonly statement: string;
  readonly source: RuleSource;
  /** Actions the rule constrains (bare action names). */
  readonly operations: readonly string[];
  /**
   * Set when the documentation gives the rule one case only: nothing it describes can be
   * refused (a field every answer carries), or nothing a call can send passes it. Unset, the
   * rule has an accepting and a refusing case, and a run that reaches one only is missing one.
   */
  readonly cases?: OneSided;
}

/** A rule with one documented case, and why there is no other. */
export interface OneSided {
  readonly only: 'accept' | 'refuse';
  readonly because: string;
}

export const rule = (
  id: string,
  operations: readonly string[],
  statement: string,
  doc: string,
  where: string,
): Rule => ({ id, statement, operations, source: { doc, where } });
