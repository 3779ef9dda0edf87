import type { z } from 'zod';
import { errorDef } from './errors';
import { type Param, requestSchema } from './param';

export type Product = 'ebs' | 'ecs';
export type ApiVersion = '2021-07-30' | '2014-05-26';

/**
 * Where a call must be made (its `RegionId`):
 * - `primary`: the region of the pair's (or group's) current primary disk;
 * - `secondary`: the region of its current secondary disk;
 * - `either`: either of the two;
 * - `production`: the production site's region, where a pair or group is created;
 * - `any`: any region the caller names (listings, disk calls with RegionId);
 * - `none`: the call takes no RegionId; the resource ID decides (AttachDisk, DetachDisk, DeleteDisk).
 */
export type CallRegion = 'primary' | 'secondary' | 'either' | 'production' | 'any' | 'none';

export interface DocumentedError {
  readonly code: string;
  readonly httpStatus: number;
}

export interface Operation {
  readonly product: Product;
  readonly version: ApiVersion;
  readonly action: string;
  /** One line, in our words. */
  readonly summary: string;
  /** The doc page the operation is written from. */
  readonly doc: string;
  readonly params: readonly Param[];
  /** Accepts wire strings or typed values; outputs typed values. */
  readonly request: z.ZodType<Record<string, unknown>>;
  /** The success body (JSON shape; XML decodes to the same shape). `Code` never appears in it. */
  readonly response: z.ZodType;
  /** The codes the operation's own documentation lists, with their HTTP status there. */
  readonly errors: readonly DocumentedError[];
  readonly region: CallRegion;
  /** Changes state (and so takes part in ClientToken idempotency when it has a ClientToken). */
  readonly mutating: boolean;
}

export interface OperationInput {
  readonly product: Product;
  readonly version: ApiVersion;
  readonly action: string;
  readonly summary: string;
  readonly doc: string;
  readonly params: readonly Param[];
  readonly response: z.ZodType;
  /** Codes with their documented status; a bare code takes the catalogue's status. */
  readonly errors: readonly (string | DocumentedError)[];
  readonly region: CallRegion;
  readonly mutating: boolean;
}

export function defineOperation(input: OperationInput): Operation {
  const errors = input.errors.map((x) => {
    // Every documented code must be in the catalogue: errorDef throws on an unknown one.
    const def = errorDef(typeof x === 'string' ? x : x.code);
    return typeof x === 'string' ? { code: x, httpStatus: def.httpStatus } : x;
  });
  return { ...input, errors, request: requestSchema(input.params) };
}

/** `ebs:2021-07-30:StartDiskReplicaPair`: actions repeat across products (CreateDiskReplicaPair). */
export const operationKey = (op: Pick<Operation, 'product' | 'version' | 'action'>) =>
  `${op.product}:${op.version}:${op.action}`;

export const takesClientToken = (op: Operation) => op.params.some((p) => p.name === 'ClientToken');

export function documentedStatus(op: Operation, code: string): number | undefined {
  return op.errors.find((x) => x.code === code)?.httpStatus;
}
