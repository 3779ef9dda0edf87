import { describe, expect, it } from 'vitest';
import { decodeResponse } from '../adapters/decode';
import { DescribeDiskReplicaGroups } from '../api';
import { allowed, forkOnReading, type ListingFacts, refuse, succeed } from '../model/expectation';
import { pairScenario } from '../model/testkit';
import { forkChoices, listingChoices, ReadingBook, refusalChoices, shapeChoices } from './readings';

describe('ReadingBook', () => {
  it('records the first answer that shows a reading, and "not observed" for the rest', () => {
    const book = new ReadingBook();
    expect(
      book.observe('delete-created-pair', 'allowed', 'DeleteDiskReplicaPair(pair#1) (call 3: success)'),
    ).toBeUndefined();
    const entries = book.entries();
    expect(entries.find((e) => e.id === 'delete-created-pair')).toMatchObject({
      choice: 'allowed',
      exchange: 'DeleteDiskReplicaPair(pair#1) (call 3: success)',
    });
    expect(entries.find((e) => e.id === 'encrypted-disks')?.choice).toBeUndefined();
  });
  it('reports a target that answers a reading one way and later the other, naming both exchanges', () => {
    const book = new ReadingBook();
    book.observe('delete-created-pair', 'allowed', 'DeleteDiskReplicaPair(pair#1) (call 3: success)');
    expect(
      book.observe('delete-created-pair', 'allowed', 'DeleteDiskReplicaPair(pair#2) (call 9: success)'),
    ).toBeUndefined();
    const f = book.observe(
      'delete-created-pair',
      'refused',
      'DeleteDiskReplicaPair(pair#3) (call 12: OperationDenied.InvalidStatus)',
    );
    expect(f?.category).toBe('inconsistent-reading');
    expect(f?.expected).toContain('call 3');
    expect(f?.received).toContain('call 12');
    expect(f?.rules).toContain('PAIR.DELETE.ALLOWED_STATUSES');
  });
  it('holds the target to a choice fixed in advance', () => {
    const book = new ReadingBook({ 'postpay-bandwidth': 'refused' });
    expect(book.modelChoices).toEqual({ 'postpay-bandwidth': 'refused' });
    expect(
      book.observe('postpay-bandwidth', 'zero', 'CreateDiskReplicaPair (call 1: success)')?.expected,
    ).toContain('--reading');
  });
});

describe('shapeChoices', () => {
  it('reads an empty group without PairIds as absent, with [] as empty-list', () => {
    const group = (extra: Record<string, unknown>) => ({
      ReplicaGroups: [{ ReplicaGroupId: 'pg-1', ...extra }],
    });
    expect(shapeChoices('DescribeDiskReplicaGroups', {}, group({}))).toEqual([
      { id: 'empty-group-pair-ids', choice: 'absent' },
    ]);
    expect(shapeChoices('DescribeDiskReplicaGroups', {}, group({ PairIds: [], PairNumber: 0 }))).toEqual([
      { id: 'empty-group-pair-ids', choice: 'empty-list' },
    ]);
    expect(
      shapeChoices('DescribeDiskReplicaGroups', {}, group({ PairIds: ['pair-1'], PairNumber: 1 })),
    ).toEqual([]);
  });
  it('in XML, where an empty PairIds is no element, reads PairNumber 0 as empty-list and neither as absent', () => {
    const decoded = (inner: string) =>
      (
        decodeResponse(
          {
            status: 200,
            body: `<DescribeDiskReplicaGroupsResponse><RequestId>R</RequestId><ReplicaGroups><ReplicaGroupId>pg-1</ReplicaGroupId>${inner}</ReplicaGroups></DescribeDiskReplicaGroupsResponse>`,
          },
          DescribeDiskReplicaGroups.response,
        ).outcome as { body: Record<string, unknown> }
      ).body;
    expect(shapeChoices('DescribeDiskReplicaGroups', {}, decoded('<PairNumber>0</PairNumber>'))).toEqual([
      { id: 'empty-group-pair-ids', choice: 'empty-list' },
    ]);
    expect(shapeChoices('DescribeDiskReplicaGroups', {}, decoded(''))).toEqual([
      { id: 'empty-group-pair-ids', choice: 'absent' },
    ]);
  });
  it('reads whether a token page carries the numbered-page fields', () => {
    const params = { MaxResults: 5 };
    expect(shapeChoices('DescribeDiskReplicaPairs', params, { ReplicaPairs: [] })).toEqual([
      { id: 'token-walk-paging-fields', choice: 'absent' },
    ]);
    expect(shapeChoices('DescribeDiskReplicaPairs', params, { ReplicaPairs: [], TotalCount: 0 })).toEqual([
      { id: 'token-walk-paging-fields', choice: 'present' },
    ]);
    expect(shapeChoices('DescribeDiskReplicaPairs', { PageNumber: 1 }, { TotalCount: 0 })).toEqual([]);
  });
});

describe('listingChoices and refusalChoices', () => {
  const open = {
    reading: 'pair-listing',
    listed: 'either-disk',
    unlisted: 'site',
    rows: [{ ReplicaPairId: 'pair-b' }],
  };
  const listing = (page: ListingFacts['page']): ListingFacts => ({
    field: 'ReplicaPairs',
    idField: 'ReplicaPairId',
    rows: [{ ReplicaPairId: 'pair-a' }],
    page,
    open,
  });
  const first = { mode: 'token', maxResults: 10, continued: false } as const;
  const rows = (...ids: string[]) => ids.map((ReplicaPairId) => ({ ReplicaPairId }));
  it('reads a row only one alternative lists as that alternative, a whole listing without it as the other', () => {
    expect(listingChoices(listing(first), { ReplicaPairs: rows('pair-a', 'pair-b') })).toEqual([
      { id: 'pair-listing', choice: 'either-disk' },
    ]);
    expect(listingChoices(listing(first), { ReplicaPairs: rows('pair-a') })).toEqual([
      { id: 'pair-listing', choice: 'site' },
    ]);
    // More may follow: nothing shown.
    expect(listingChoices(listing(first), { ReplicaPairs: rows('pair-a'), NextToken: 't' })).toEqual([]);
    const numbered = listing({ mode: 'number', pageNumber: 1, pageSize: 10 });
    expect(listingChoices(numbered, { ReplicaPairs: rows('pair-a'), TotalCount: 1 })).toEqual([
      { id: 'pair-listing', choice: 'site' },
    ]);
    expect(listingChoices(numbered, { ReplicaPairs: rows('pair-a') })).toEqual([]);
  });
  it('reads a refusal with a code only one alternative gives as that alternative', () => {
    const fork = { id: 'group-calls-in-dr-region', onSuccess: 'accepted', onRefusal: 'refused' };
    const refusal = {
      kind: 'refusal',
      rules: [],
      errors: [],
      undocumented: false,
      reading: { fork, codes: ['NoSuchResource'] },
    } as const;
    expect(refusalChoices(refusal, 'NoSuchResource')).toEqual([{ id: fork.id, choice: 'refused' }]);
    expect(refusalChoices(refusal, 'OperationDenied.NoPairInGroup')).toEqual([]);
  });
});

describe('forkChoices', () => {
  // Seeds 315 and 327: a call forked on a reading was refused with a code it could get for
  // another reason (no recovery point yet, a status on its way), and that was read as the
  // refusing alternative; the target then looked inconsistent when it later accepted one.
  const fork = { id: 'refused-call-token', onSuccess: 'forgotten', onRefusal: 'kept' };
  const state = pairScenario();
  const maybe = succeed({
    rules: [],
    also: allowed(undefined, 'OperationDenied.RecoverPointNotFound'),
    next: () => state,
  });
  const kept = refuse([
    {
      rule: 'TOKEN.ONLY_SUCCESS_REMEMBERED',
      errors: allowed(undefined, 'OperationDenied.StartDrillShouldOnDestRegion'),
      undocumented: false,
    },
  ]);
  const e = forkOnReading(state, fork, maybe, kept);
  it("reads a success as the accepting alternative and the fork's own refusal as the refusing one", () => {
    expect(forkChoices(e, undefined)).toEqual([{ id: fork.id, choice: 'forgotten' }]);
    expect(forkChoices(e, 'OperationDenied.StartDrillShouldOnDestRegion')).toEqual([
      { id: fork.id, choice: 'kept' },
    ]);
  });
  it('reads nothing from a refusal the call may get whichever way the target reads', () => {
    expect(forkChoices(e, 'OperationDenied.RecoverPointNotFound')).toEqual([]);
    expect(forkChoices(maybe, 'OperationDenied.RecoverPointNotFound')).toEqual([]);
  });
});
