import { maybeEmptyList } from '../../adapters/xml';
import type { ListingFacts } from '../../model/expectation';
import { omissionRules, pagingRules, projectionRules } from './attribution';
import { type Check, type CheckContext, type CheckFailure, failure, show } from './check';
import { at } from './response-conformance';
import { fieldIssues } from './response-fields';

type Row = Readonly<Record<string, unknown>>;

/** Statuses a listing may show for a settled one: an active pair may be caught in a periodic sync. */
const OBSERVABLE: Readonly<Record<string, readonly string[]>> = { normal: ['normal', 'syncing'] };

/** An ID list (a group's PairIds) is a set: the docs give no order for its members. */
const asSet = (v: unknown) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? [...v].sort() : v);

const isObject = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `got` cut to the fields `want` has, at every depth: a field the docs do not promise (in a row
 * or in a nested object such as a tag) is not the model's to judge.
 */
function shaped(want: unknown, got: unknown): unknown {
  if (Array.isArray(want) && Array.isArray(got)) return got.map((g, i) => shaped(want[i] ?? want[0], g));
  if (isObject(want) && isObject(got))
    return Object.fromEntries(
      Object.keys(want)
        .filter((k) => k in got)
        .map((k) => [k, shaped(want[k], got[k])]),
    );
  return got;
}

function sameValue(field: string, want: unknown, got: unknown): boolean {
  // Most fields of most rows: the very value, which every comparison below would find equal.
  if (want === got) return true;
  if (field === 'Status' && typeof want === 'string')
    return (OBSERVABLE[want] ?? [want]).includes(String(got));
  return show(asSet(want)) === show(asSet(shaped(want, got)));
}

/** An empty list the model holds, in an XML row that shows none: XML cannot tell the two apart. */
const untoldEmpty = (want: unknown, got: Row, field: string) =>
  Array.isArray(want) && want.length === 0 && got[field] === undefined && maybeEmptyList(got, field);

/**
 * `loose`: the other values a field may take while a reading is open (ListingFacts.loose).
 * `malformed`: a field whose value is of the wrong form is its field rule's to report
 * (response_field_conformance), not a second time as a value unlike the model's.
 */
function rowMismatch(
  want: Row,
  got: Row,
  loose: Readonly<Record<string, readonly unknown[]>> | undefined,
  malformed: (field: string) => boolean,
): string | undefined {
  for (const field in want) {
    const value = want[field];
    if (sameValue(field, value, got[field]) || malformed(field) || untoldEmpty(value, got, field)) continue;
    if (
      loose?.[field]?.some((v) =>
        v === undefined ? got[field] === undefined : sameValue(field, v, got[field]),
      )
    )
      continue;
    return `${field}: expected ${show(value)}, received ${show(got[field])}`;
  }
  return undefined;
}

// Module-level rather than closures per call: this check runs on every listing answer.
const named = (f: CheckFailure, rules: (named: readonly string[]) => string[]): CheckFailure => ({
  ...f,
  rules: rules(f.rules),
});

const pagingFailure = (ctx: CheckContext, title: string, expected: string, received: string) =>
  named(failure('listing_conformance', 'pagination', ctx, title, expected, received), pagingRules);

function pageLimit(page: ListingFacts['page']): number {
  return page.mode === 'token' ? page.maxResults : page.pageSize;
}

/**
 * A listing shows what the model holds: every row it returns that the run knows equals the
 * model's projection, a page never exceeds its size nor falls short of its own TotalCount, no row
 * appears twice, and on a page the model can place (the run owns the target) or one that is the
 * whole listing (any target) every row the model expects there is present. Rows the run did not
 * create are phantoms only when the run owns the whole target. A page's own shape breaks the
 * listing's paging rules, a row unlike the model's or one it does not hold the projection rule,
 * a missing row both (attribution.ts).
 */
export const listing_conformance: Check = (ctx: CheckContext) => {
  const { answer, expectation } = ctx;
  if (answer.kind !== 'success' || expectation.kind !== 'success' || !expectation.listing) return undefined;
  const { field, idField, rows, page } = expectation.listing;
  const got = at(answer.body, field.split('.'));
  const list = Array.isArray(got) ? (got as Row[]) : [];
  if (list.length > pageLimit(page))
    return pagingFailure(
      ctx,
      `a page of ${field} holds more rows than asked`,
      `at most ${pageLimit(page)}`,
      String(list.length),
    );
  const counted = countedRows(answer.body, page);
  if (counted !== undefined && list.length !== counted)
    return pagingFailure(
      ctx,
      `page ${page.mode === 'number' ? page.pageNumber : 1} of ${field} holds ${list.length} rows where its TotalCount says ${counted}`,
      `${counted} rows (TotalCount ${String(answer.body.TotalCount)}, ${pageLimit(page)} a page)`,
      String(list.length),
    );
  const ids = list.map((r) => String(r[idField]));
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup)
    return pagingFailure(
      ctx,
      `${dup} appears twice on one page of ${field}`,
      'each row once',
      `${dup} twice`,
    );
  // Rows an open reading may list here are judged like the model's own when listed.
  const byId = new Map(
    [...(expectation.listing.open?.rows ?? []), ...rows].map((r) => [String(r[idField]), r]),
  );
  const issues = fieldIssues(ctx.operation, answer.body).map((i) => i.path);
  for (const [index, r] of list.entries()) {
    const want = byId.get(String(r[idField]));
    if (!want) {
      if (ctx.isolated || ctx.retired?.has(String(r[idField])))
        return named(
          failure(
            'listing_conformance',
            'state',
            ctx,
            `${field} lists ${String(r[idField])}, which the model does not hold here`,
            'no such row',
            show(r),
          ),
          projectionRules,
        );
      continue;
    }
    const here = `${field}.${index}.`;
    const mismatch = rowMismatch(want, r, expectation.listing.loose?.[String(r[idField])], (key) =>
      issues.some((p) => p === `${here}${key}` || p.startsWith(`${here}${key}.`)),
    );
    if (mismatch)
      return named(
        failure(
          'listing_conformance',
          'state',
          ctx,
          `${String(r[idField])} in ${field}: ${mismatch}`,
          show(want),
          show(r),
        ),
        projectionRules,
      );
  }
  const expectedHere =
    (ctx.isolated ? expectedRows(rows, page, expectation.listing.open?.rows.length ?? 0) : undefined) ??
    (wholeListing(answer.body, list.length, page) ? rows : undefined);
  if (expectedHere) {
    const missing = expectedHere.find((r) => !ids.includes(String(r[idField])));
    if (missing)
      return named(
        failure(
          'listing_conformance',
          'state',
          ctx,
          `${field} omits ${String(missing[idField])}`,
          `${String(missing[idField])} listed`,
          show(ids),
        ),
        omissionRules,
      );
  }
  return undefined;
};

/**
 * The rows a page must hold when the model can tell: row order is the target's, so only a page
 * holding all, counting the rows an open reading may list besides (`open`).
 */
function expectedRows(
  rows: readonly Row[],
  page: ListingFacts['page'],
  open: number,
): readonly Row[] | undefined {
  const all = rows.length + open;
  if (page.mode === 'token') return !page.continued && all <= page.maxResults ? rows : undefined;
  return page.pageNumber === 1 && all <= page.pageSize ? rows : undefined;
}

/**
 * The answer can say it is the whole listing, whoever else has rows there: a first token page
 * without a NextToken is a complete walk, and a first numbered page holding TotalCount rows is
 * every page there is. Then every row this sequence expects there must be on it, on any target.
 */
function wholeListing(body: Readonly<Record<string, unknown>>, listed: number, page: ListingFacts['page']) {
  if (page.mode === 'token')
    return !page.continued && (body.NextToken === undefined || body.NextToken === '');
  return page.pageNumber === 1 && typeof body.TotalCount === 'number' && body.TotalCount <= listed;
}

/**
 * How many rows a numbered page holds by its own TotalCount: every page before the last is full,
 * the last holds the rest, and pages past the end are empty. Read from one answer, so it holds
 * whoever else has rows on the target; undefined for token pages (their TotalCount is a reading).
 */
function countedRows(body: Readonly<Record<string, unknown>>, page: ListingFacts['page']) {
  if (page.mode !== 'number' || typeof body.TotalCount !== 'number') return undefined;
  const before = (page.pageNumber - 1) * page.pageSize;
  return Math.max(0, Math.min(page.pageSize, body.TotalCount - before));
}
