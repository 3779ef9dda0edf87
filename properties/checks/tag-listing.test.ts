import { describe, expect, it } from 'vitest';
import { ListTagResources } from '../../api';
import { initialState } from '../../model';
import { succeed, type TagRow } from '../../model/expectation';
import { defaultWorld } from '../../model/world';
import type { CheckContext } from './check';
import { tag_listing_conformance } from './tag-listing';

const state = initialState(defaultWorld());
const row = (ResourceId: string, TagKey: string, TagValue: string) => ({ ResourceId, TagKey, TagValue });

function judge(want: TagRow[], got: TagRow[], extra: { isolated?: boolean; NextToken?: string } = {}) {
  const ctx: CheckContext = {
    operation: ListTagResources,
    expectation: succeed({ rules: ['TAG.LIST.BY_RESOURCE'], next: () => state, tagRows: want }),
    answer: {
      kind: 'success',
      httpStatus: 200,
      body: {
        RequestId: 'r',
        TagResources: got.map((r) => ({ ...r, ResourceType: 'diskreplicapair' })),
        ...(extra.NextToken ? { NextToken: extra.NextToken } : {}),
      },
    },
    isolated: extra.isolated ?? true,
  };
  return tag_listing_conformance(ctx);
}

describe('tag_listing_conformance', () => {
  const want = [row('pair-1', 'env', 'dr'), row('pair-1', 'team', 'a')];

  it('passes the same rows in any order', () => {
    expect(judge(want, [...want].reverse())).toBeUndefined();
  });

  it('fails a missing row, a wrong value, a row twice and a phantom row', () => {
    expect(judge(want, [want[0]!])?.title).toMatch(/omits/);
    expect(judge(want, [want[0]!, row('pair-1', 'team', 'b')])?.title).toMatch(/does not hold/);
    expect(judge(want, [...want, want[0]!])?.title).toMatch(/twice/);
    expect(judge(want, [...want, row('pair-9', 'env', 'dr')])?.title).toMatch(/does not hold/);
  });

  it('a row only an open reading lists may be listed or not, but as the model holds it', () => {
    const maybe = { ...row('pair-2', 'env', 'dr'), maybe: true };
    expect(judge([...want, maybe], want)).toBeUndefined();
    expect(judge([...want, maybe], [...want, row('pair-2', 'env', 'dr')])).toBeUndefined();
    expect(judge([...want, maybe], [...want, row('pair-2', 'env', 'x')])?.title).toMatch(/does not hold/);
  });

  it('on a shared target, judges only resources the run knows, and a partial page only by what it shows', () => {
    expect(judge(want, [...want, row('pair-9', 'env', 'dr')], { isolated: false })).toBeUndefined();
    expect(judge(want, [want[0]!], { NextToken: 'next' })).toBeUndefined();
    expect(judge(want, [row('pair-1', 'env', 'x')], { NextToken: 'next' })?.check).toBe(
      'tag_listing_conformance',
    );
  });
});
