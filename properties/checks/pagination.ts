import type { CheckFailure } from './check';

export interface Walk {
  /** The listing walked, and the rule that documents its paging. */
  readonly operation: string;
  readonly rule: string;
  /** Every ID the pages showed, in order, duplicates kept. */
  readonly seen: readonly string[];
  /** The IDs the model says the whole listing holds. */
  readonly expected: readonly string[];
  /** IDs a reading still open lets the listing hold or not (pair-listing=either-disk). */
  readonly optional?: readonly string[];
  /** The run owns the target: an ID the model does not hold is a phantom, not someone else's. */
  readonly isolated: boolean;
  /** IDs the sequence held and deleted: phantoms on any target. */
  readonly retired?: ReadonlySet<string>;
}

/** The pages of a full walk add up to the listing: no row twice, none missing, none made up. */
export function pagination_conformance(walk: Walk): CheckFailure | undefined {
  const { seen, expected } = walk;
  const duplicate = seen.find((id, i) => seen.indexOf(id) !== i);
  const missing = expected.filter((id) => !seen.includes(id));
  const extra = seen.filter(
    (id) =>
      !expected.includes(id) &&
      !walk.optional?.includes(id) &&
      (walk.isolated || walk.retired?.has(id) === true),
  );
  if (!duplicate && missing.length === 0 && extra.length === 0) return undefined;
  return {
    check: 'pagination_conformance',
    category: 'pagination',
    title: duplicate
      ? `a walk of ${walk.operation} lists ${duplicate} twice`
      : missing.length > 0
        ? `a walk of ${walk.operation} never lists ${missing.join(', ')}`
        : `a walk of ${walk.operation} lists ${extra.join(', ')}, which the model does not hold here`,
    operation: walk.operation,
    rules: [walk.rule],
    expected: JSON.stringify(expected),
    received: JSON.stringify(seen),
  };
}
