import { int, str } from '../context';
import type { ListingFacts } from '../expectation';

/**
 * Which page a listing call asks for. NextToken wins over PageNumber/PageSize; with neither token
 * nor page parameters the call is the first page of a token walk of MaxResults rows (the EBS
 * listings), or with `numberedByDefault` page 1 of PageSize rows (ECS DescribeDisks, where
 * MaxResults selects the token walk).
 */
export function pageOf(
  params: Readonly<Record<string, unknown>>,
  defaults: { maxResults: number; pageSize: number; numberedByDefault?: boolean },
): ListingFacts['page'] {
  const numbered = params.PageNumber !== undefined || params.PageSize !== undefined;
  const token = defaults.numberedByDefault ? params.MaxResults !== undefined : !numbered;
  if (str(params.NextToken) !== undefined || token) {
    return {
      mode: 'token',
      maxResults: int(params.MaxResults) ?? defaults.maxResults,
      continued: str(params.NextToken) !== undefined,
    };
  }
  return {
    mode: 'number',
    pageNumber: int(params.PageNumber) ?? 1,
    pageSize: int(params.PageSize) ?? defaults.pageSize,
  };
}

/** The rows a page must hold, in model order (a checker may compare them as a set). */
export function pageRows<T>(rows: readonly T[], page: ListingFacts['page']): readonly T[] | undefined {
  if (page.mode === 'number')
    return rows.slice((page.pageNumber - 1) * page.pageSize, page.pageNumber * page.pageSize);
  return page.continued ? undefined : rows.slice(0, page.maxResults);
}

/**
 * A first token page that cannot hold every row announces the rest with a NextToken
 * (PAIR.DESCRIBE.NEXT_TOKEN_WHEN_MORE): also the default page, which is a token walk's first.
 */
export function nextTokenPresent(total: number, page: ListingFacts['page']): string[] {
  return page.mode === 'token' && !page.continued && total > page.maxResults ? ['NextToken'] : [];
}

/** Facts a numbered page carries: the whole listing's size and the page asked for. */
export function pageFacts(total: number, page: ListingFacts['page']): Record<string, unknown> {
  return page.mode === 'number'
    ? { TotalCount: total, PageNumber: page.pageNumber, PageSize: page.pageSize }
    : {};
}

/**
 * The paging rules a pair or group listing's page is judged by (the two listings share them),
 * pushed onto the rules being built: a token page, and the first one's NextToken, or a numbered one.
 */
export function pushPagingRules(rules: string[], page: ListingFacts['page']): void {
  if (page.mode === 'token') {
    rules.push('PAIR.DESCRIBE.TOKEN_PAGING');
    if (!page.continued) rules.push('PAIR.DESCRIBE.NEXT_TOKEN_WHEN_MORE');
  } else rules.push('PAIR.DESCRIBE.NUMBERED_PAGING');
}
