import { describe, expect, it } from 'vitest';
import { CREATED_KINDS, createdBy, findOperation, LISTINGS, RESOURCES, resourceOfParam } from '.';
import { OPERATIONS } from './operations';

describe('the resource table', () => {
  it('knows every parameter of the catalogue that names a resource', () => {
    const unknown = OPERATIONS.flatMap((op) =>
      op.params.filter((p) => resourceOfParam(p.name) === 'unknown').map((p) => `${op.action}.${p.name}`),
    );
    expect(unknown, 'add these parameters to a resource of api/resources.ts').toEqual([]);
  });

  it('names real operations and real answer fields for create, delete and listing', () => {
    for (const kind of CREATED_KINDS) {
      const create = RESOURCES[kind].create;
      const op = findOperation(create.product, create.version, create.action);
      expect(op, `${kind}: ${create.action}`).toBeDefined();
      expect(createdBy(create.product, create.action)).toBe(kind);
    }
    for (const listing of LISTINGS) {
      const op = findOperation(listing.product, listing.version, listing.action);
      expect(
        op?.params.map((p) => p.name),
        listing.action,
      ).toContain(listing.filter.param);
      expect(resourceOfParam(listing.filter.param)).toBe(listing.kind);
    }
  });

  it('holds every listed kind to its prefix in the listing answers (PROTO.ID_FORMAT)', () => {
    const pairs = findOperation('ebs', '2021-07-30', 'DescribeDiskReplicaPairs');
    const row = { ReplicaPairId: 'pg-1' };
    const parsed = pairs?.response.safeParse({ RequestId: 'R', ReplicaPairs: [row] });
    expect(parsed?.success).toBe(false);
  });
});
