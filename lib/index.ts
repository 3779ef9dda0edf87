/**
 * `ebs-conformance`: the documented API as data and types. Request types (`CreateDiskReplicaPairRequest`)
 * and response types (`DescribeDiskReplicaPairsResponse`, `ReplicaPair`) are inferred from the
 * same zod schemas that validate the wire, and the schemas themselves are exported for a user's
 * own checks. The msw handlers, the vitest fixture and the typed client live in the subpaths
 * `ebs-conformance/msw`, `ebs-conformance/vitest` and `ebs-conformance/client`.
 */
export * from '../api';
export type { ApiName, ApiTypes, RequestFor, ResponseFor } from './operations';
