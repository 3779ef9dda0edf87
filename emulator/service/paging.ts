import { ServiceError } from './api';
import { optInt, optString, type Params } from './params';

/**
 * The two paging styles every listing supports: a NextToken walk (MaxResults + NextToken) and
 * a numbered walk (PageNumber + PageSize, with TotalCount). A NextToken or MaxResults in the
 * request selects the token walk; the doc says PageNumber/PageSize are then ignored.
 */
export interface Page<T> {
  readonly items: readonly T[];
  /** The paging fields of the response body. */
  readonly fields: Record<string, unknown>;
}

const DEFAULT_SIZE = 10;
const TOKEN_PREFIX = 'o';

// The token is opaque to clients; it carries the offset of the next item.
const encodeToken = (offset: number) => Buffer.from(`${TOKEN_PREFIX}${offset}`).toString('base64url');

function decodeToken(token: string): number {
  const text = Buffer.from(token, 'base64url').toString();
  const offset = text.startsWith(TOKEN_PREFIX) ? Number(text.slice(TOKEN_PREFIX.length)) : Number.NaN;
  if (!Number.isInteger(offset) || offset < 0) {
    throw new ServiceError('InvalidParameter', 'The specified parameter "NextToken" is not valid.');
  }
  return offset;
}

/**
 * `tokenPageFields`: whether a token page also carries PageNumber, PageSize and TotalCount
 * (reading `token-walk-paging-fields` for the EBS listings; ECS pages always do).
 * `tokenByDefault`: a call with no paging parameter is the first page of a token walk (the EBS
 * listings: MaxResults defaults to 10, and more rows are announced with a NextToken).
 */
export function paginate<T>(
  all: readonly T[],
  p: Params,
  tokenPageFields = true,
  tokenByDefault = false,
): Page<T> {
  const nextToken = optString(p, 'NextToken');
  const maxResults = optInt(p, 'MaxResults');
  const numbered = optInt(p, 'PageNumber') !== undefined || optInt(p, 'PageSize') !== undefined;
  if (nextToken !== undefined || maxResults !== undefined || (tokenByDefault && !numbered)) {
    const start = nextToken === undefined ? 0 : decodeToken(nextToken);
    const size = maxResults ?? DEFAULT_SIZE;
    const items = all.slice(start, start + size);
    const end = start + items.length;
    const next = { NextToken: end < all.length ? encodeToken(end) : '' };
    // Where they are sent, the numbered fields describe the window served.
    const window = { PageNumber: Math.floor(start / size) + 1, PageSize: size, TotalCount: all.length };
    return { items, fields: tokenPageFields ? { ...next, ...window } : next };
  }
  const pageNumber = optInt(p, 'PageNumber') ?? 1;
  const pageSize = optInt(p, 'PageSize') ?? DEFAULT_SIZE;
  const start = (pageNumber - 1) * pageSize;
  return {
    items: all.slice(start, start + pageSize),
    fields: { PageNumber: pageNumber, PageSize: pageSize, TotalCount: all.length },
  };
}
