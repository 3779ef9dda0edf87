import type { TagRow } from '../../model/expectation';
import { projectionRules } from './attribution';
import { type Check, failure, show } from './check';

const keyOf = (r: {
  readonly ResourceId?: unknown;
  readonly TagKey?: unknown;
  readonly TagValue?: unknown;
}) => JSON.stringify([String(r.ResourceId), String(r.TagKey), String(r.TagValue)]);

/**
 * ListTagResources shows the tags the model holds. Rows are (resource, key, value) and a
 * resource has one row per tag, so this is a set comparison rather than a listing by ID: no row
 * twice, no row the model does not hold (for a resource the run knows, or any on an isolated
 * target), and, when the answer is the whole listing (no NextToken), every row the model holds
 * (but those only one alternative of an open reading lists).
 * Each mismatch is the listing's projection of the tags the model holds.
 */
export const tag_listing_conformance: Check = (ctx) => {
  const { answer, expectation } = ctx;
  if (answer.kind !== 'success' || expectation.kind !== 'success' || !expectation.tagRows) return undefined;
  const want: readonly TagRow[] = expectation.tagRows;
  const got = Array.isArray(answer.body.TagResources)
    ? (answer.body.TagResources as Readonly<Record<string, unknown>>[])
    : [];
  const fail = (title: string, expected: string, received: string) => {
    const found = failure('tag_listing_conformance', 'state', ctx, title, expected, received);
    return { ...found, rules: projectionRules(found.rules) };
  };
  const gotKeys = got.map(keyOf);
  const dup = gotKeys.find((k, i) => gotKeys.indexOf(k) !== i);
  if (dup) return fail(`ListTagResources lists ${dup} twice`, 'each tag of a resource once', dup);
  const wantKeys = new Set(want.map(keyOf));
  const known = new Set(want.map((r) => r.ResourceId));
  for (const r of got) {
    const id = String(r.ResourceId);
    const judged = ctx.isolated || known.has(id) || ctx.retired?.has(id);
    if (judged && !wantKeys.has(keyOf(r)))
      return fail(`ListTagResources lists a tag ${id} does not hold here`, show(want), show(r));
  }
  const whole = answer.body.NextToken === undefined || answer.body.NextToken === '';
  if (whole) {
    const missing = want.find((r) => !r.maybe && !gotKeys.includes(keyOf(r)));
    if (missing)
      return fail(`ListTagResources omits a tag of ${missing.ResourceId}`, show(missing), show(got));
  }
  return undefined;
};
