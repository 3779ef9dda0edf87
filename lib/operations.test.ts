import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type CreateDiskReplicaPairResponse,
  type DescribeDiskReplicaPairsResponse,
  type DescribeDisksRequest,
  type LegacyCreateDiskReplicaPairRequest,
  OPERATIONS,
  type RequestIdOnlyResponse,
  type StartDiskReplicaPairRequest,
} from '../api';
import { API_OPERATIONS, type RequestFor, type ResponseFor } from './operations';

describe('the client type map, derived from the catalogue', () => {
  it('has every catalogue operation by its callable name', () => {
    // The same operations; OPERATIONS is sorted by product and action, the map by family.
    expect(Object.values(API_OPERATIONS)).toHaveLength(OPERATIONS.length);
    expect(new Set(Object.values(API_OPERATIONS))).toEqual(new Set(OPERATIONS));
    expect(API_OPERATIONS.LegacyCreateDiskReplicaPair.product).toBe('ecs');
    expect(API_OPERATIONS.CreateDiskReplicaPair.product).toBe('ebs');
  });

  it('gives the same request and response types the operation files declare', () => {
    // Checked by tsc (npm test runs it over test files too).
    expectTypeOf<RequestFor<'StartDiskReplicaPair'>>().toEqualTypeOf<StartDiskReplicaPairRequest>();
    expectTypeOf<RequestFor<'DescribeDisks'>>().toEqualTypeOf<DescribeDisksRequest>();
    expectTypeOf<
      RequestFor<'LegacyCreateDiskReplicaPair'>
    >().toEqualTypeOf<LegacyCreateDiskReplicaPairRequest>();
    expectTypeOf<ResponseFor<'CreateDiskReplicaPair'>>().toEqualTypeOf<CreateDiskReplicaPairResponse>();
    expectTypeOf<ResponseFor<'DescribeDiskReplicaPairs'>>().toEqualTypeOf<DescribeDiskReplicaPairsResponse>();
    expectTypeOf<ResponseFor<'StopDiskReplicaGroup'>>().toEqualTypeOf<RequestIdOnlyResponse>();
  });
});
