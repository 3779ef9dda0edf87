import { describe, expect, it } from 'vitest';
import { decodeResponse } from '../../adapters/decode';
import { findOperation } from '../../api';
import { initialState, type ListingFacts } from '../../model';
import { succeed } from '../../model/expectation';
import { defaultWorld } from '../../model/world';
import type { CheckContext } from './check';
import { listing_conformance } from './listing-conformance';

// What a listing answer proves on its own, whoever else has rows on the target: a complete
// NextToken walk is the whole listing, and a numbered page holds what its TotalCount says.

const state = initialState(defaultWorld());
const describePairs = findOperation('ebs', '2021-07-30', 'DescribeDiskReplicaPairs');
if (!describePairs) throw new Error('DescribeDiskReplicaPairs is in the catalogue');

const pair = (id: string) => ({ ReplicaPairId: id, Status: 'normal' });
const mine = pair('p-mine');
const others = (n: number) => Array.from({ length: n }, (_, i) => pair(`p-other-${i}`));

function judge(
  page: ListingFacts['page'],
  body: Record<string, unknown>,
  { isolated = false, rows = [mine] }: { isolated?: boolean; rows?: Record<string, unknown>[] } = {},
) {
  const expectation = succeed({
    rules: ['PROTO.DESCRIBE_IS_PROJECTION', 'PAIR.DESCRIBE.TOKEN_PAGING'],
    next: () => state,
    listing: { field: 'ReplicaPairs', idField: 'ReplicaPairId', rows, page },
  });
  const ctx: CheckContext = {
    operation: describePairs as CheckContext['operation'],
    expectation,
    answer: { kind: 'success', httpStatus: 200, body },
    isolated,
  };
  return listing_conformance(ctx);
}

const firstTokenPage = { mode: 'token', maxResults: 3, continued: false } as const;
const numbered = (pageNumber: number, pageSize = 3) => ({ mode: 'number', pageNumber, pageSize }) as const;

describe('a complete NextToken walk is the whole listing, on any target', () => {
  it("fails a first page without NextToken (and without TotalCount) that omits the sequence's pair", () => {
    const f = judge(firstTokenPage, { ReplicaPairs: others(2) });
    expect(f?.title).toContain('omits p-mine');
    expect(f?.rules).toContain('PAIR.DESCRIBE.TOKEN_PAGING');
  });

  it('fails it as well when an empty NextToken ends the walk', () => {
    expect(judge(firstTokenPage, { ReplicaPairs: others(1), NextToken: '' })?.title).toContain(
      'omits p-mine',
    );
  });

  it('passes the same page when it lists the pair among strangers', () => {
    expect(judge(firstTokenPage, { ReplicaPairs: [...others(2), mine] })).toBeUndefined();
  });

  it('does not judge a first page whose NextToken says more follows, nor a continued page', () => {
    expect(judge(firstTokenPage, { ReplicaPairs: others(3), NextToken: 'more' })).toBeUndefined();
    expect(judge({ ...firstTokenPage, continued: true }, { ReplicaPairs: others(1) })).toBeUndefined();
  });
});

describe('a numbered page holds the rows its own TotalCount says', () => {
  it('fails a first page one row short of a listing longer than the page', () => {
    const f = judge(numbered(1), { TotalCount: 5, ReplicaPairs: [mine, ...others(1)] });
    expect(f?.category).toBe('pagination');
    expect(f?.title).toContain('holds 2 rows where its TotalCount says 3');
  });

  it('fails a last page short of the rest, and one that counts a row it does not hold', () => {
    expect(judge(numbered(2), { TotalCount: 5, ReplicaPairs: others(1) })?.expected).toContain('2 rows');
    // One row on a page of three and TotalCount 2: the count is one too many, whoever owns the rows.
    expect(judge(numbered(1), { TotalCount: 2, ReplicaPairs: [mine] })?.title).toContain(
      'where its TotalCount says 2',
    );
  });

  it('passes full pages, the last page with the rest, and an empty page past the end', () => {
    expect(judge(numbered(1), { TotalCount: 5, ReplicaPairs: [mine, ...others(2)] })).toBeUndefined();
    expect(judge(numbered(2), { TotalCount: 5, ReplicaPairs: others(2) }, { rows: [] })).toBeUndefined();
    expect(judge(numbered(3), { TotalCount: 5, ReplicaPairs: [] }, { rows: [] })).toBeUndefined();
  });

  it('leaves a page without TotalCount to the other checks', () => {
    expect(judge(numbered(1), { ReplicaPairs: [mine] })).toBeUndefined();
  });
});

describe('an empty list in XML', () => {
  it('matches a row that shows no such list in XML, where an empty one is no element; not in JSON', () => {
    const body = (format: 'JSON' | 'XML') =>
      format === 'JSON'
        ? { RequestId: 'R', NextToken: '', ReplicaPairs: [{ ReplicaPairId: 'p-mine', Status: 'normal' }] }
        : (
            decodeResponse(
              {
                status: 200,
                body: '<DescribeDiskReplicaPairsResponse><RequestId>R</RequestId><NextToken></NextToken><ReplicaPairs><ReplicaPairId>p-mine</ReplicaPairId><Status>normal</Status></ReplicaPairs></DescribeDiskReplicaPairsResponse>',
              },
              describePairs?.response,
            ).outcome as { body: Record<string, unknown> }
          ).body;
    const rows = [{ ...mine, Tags: [] }];
    expect(judge(firstTokenPage, body('XML'), { rows })).toBeUndefined();
    expect(judge(firstTokenPage, body('JSON'), { rows })?.title).toContain('Tags');
  });
});
