import type { z } from 'zod';
import { errorDef } from './errors';
import type { ParsedRequestOf, RequestOf } from './operations/request-type';
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

/**
 * The request schema of a parameter list: typed (wire strings or values in, decoded values out)
 * when the list is known, a plain record for an operation of any list.
 */
export type RequestSchemaOf<Ps extends readonly Param[]> = string extends Ps[number]['name']
  ? z.ZodType<Record<string, unknown>>
  : z.ZodType<ParsedRequestOf<Ps>, RequestOf<Ps>>;

/**
 * One documented operation. The type parameters keep what `defineOperation` was given (the
 * parameter tuple, the response schema, the action name), so request and response types,
 * handler signatures and the client's type map all derive from the catalogue entry; `Operation`
 * alone is an operation of any shape.
 */
export interface Operation<
  Ps extends readonly Param[] = readonly Param[],
  R extends z.ZodType = z.ZodType,
  A extends string = string,
> {
  readonly product: Product;
  readonly version: ApiVersion;
  readonly action: A;
  /** One line, in our words. */
  readonly summary: string;
  /** The doc page the operation is written from. */
  readonly doc: string;
  readonly params: Ps;
  /** Accepts wire strings or typed values; outputs typed values. */
  readonly request: RequestSchemaOf<Ps>;
  /** The success body (JSON shape; XML decodes to the same shape). `Code` never appears in it. */
  readonly response: R;
  /** The codes the operation's own documentation lists, with their HTTP status there. */
  readonly errors: readonly DocumentedError[];
  readonly region: CallRegion;
  /** Changes state (and so takes part in ClientToken idempotency when it has a ClientToken). */
  readonly mutating: boolean;
}

/** The parsed request an operation's handlers receive. */
export type ParsedRequest<O extends Operation> = z.output<O['request']>;
/** The request a client may send (typed values or wire strings). */
export type RequestInput<O extends Operation> = z.input<O['request']>;
/** The success body of an operation. */
export type ResponseOf<O extends Operation> = z.output<O['response']>;

/** What `defineOperation` is given: an operation without its request schema (built from the params). */
export interface OperationInput<
  Ps extends readonly Param[] = readonly Param[],
  R extends z.ZodType = z.ZodType,
  A extends string = string,
> extends Omit<Operation<Ps, R, A>, 'request' | 'errors'> {
  /** Codes with their documented status; a bare code takes the catalogue's status. */
  readonly errors: readonly (string | DocumentedError)[];
}

export function defineOperation<
  const Ps extends readonly Param[],
  R extends z.ZodType,
  const A extends string,
>(input: OperationInput<Ps, R, A>): Operation<Ps, R, A> {
  const errors = input.errors.map((x) => {
    // Every documented code must be in the catalogue: errorDef throws on an unknown one.
    const def = errorDef(typeof x === 'string' ? x : x.code);
    return typeof x === 'string' ? { code: x, httpStatus: def.httpStatus } : x;
  });
  // The schema is built from the same list the request types are derived from.
  return { ...input, errors, request: requestSchema(input.params) as unknown as RequestSchemaOf<Ps> };
}

/** `ebs:2021-07-30:StartDiskReplicaPair`: actions repeat across products (CreateDiskReplicaPair). */
export const operationKey = (op: Pick<Operation, 'product' | 'version' | 'action'>) =>
  `${op.product}:${op.version}:${op.action}`;

export const takesClientToken = (op: Operation) => op.params.some((p) => p.name === 'ClientToken');

export function documentedStatus(op: Operation, code: string): number | undefined {
  return op.errors.find((x) => x.code === code)?.httpStatus;
}
