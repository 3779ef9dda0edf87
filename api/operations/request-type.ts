import type { Param } from '../param';

/**
 * What a client may pass for one parameter kind: the same inputs the request zod schema
 * accepts (typed values, or the strings that travel on the wire).
 */
type KindInput<K> = K extends { type: 'string'; enum: readonly (infer E)[] }
  ? E
  : K extends { type: 'string' }
    ? string
    : K extends { type: 'integer' }
      ? number | string
      : K extends { type: 'boolean' }
        ? boolean | 'true' | 'false'
        : K extends { type: 'tags' }
          ? { Key: string; Value?: string }[]
          : K extends { type: 'jsonArray' | 'csv' | 'repeated' }
            ? string[] | string
            : never;

/** What the request schema outputs for one parameter kind (wire strings decoded). */
type KindValue<K> = K extends { type: 'string'; enum: readonly (infer E)[] }
  ? E
  : K extends { type: 'string' }
    ? string
    : K extends { type: 'integer' }
      ? number
      : K extends { type: 'boolean' }
        ? boolean
        : K extends { type: 'tags' }
          ? { Key: string; Value?: string }[]
          : K extends { type: 'jsonArray' | 'csv' | 'repeated' }
            ? string[]
            : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * The request type of an operation, derived from its parameter list (the list that also builds
 * the runtime schema), so the type and the validation cannot drift apart. Equals the schema's
 * `z.input`, keyed by the documented parameter names.
 */
export type RequestOf<Ps extends readonly Param[]> = Simplify<
  { [P in Ps[number] as P extends { required: true } ? P['name'] : never]: KindInput<P['kind']> } & {
    [P in Ps[number] as P extends { required: true } ? never : P['name']]?: KindInput<P['kind']>;
  }
>;

/** The parsed request (the schema's output): numbers, booleans and lists decoded. */
export type ParsedRequestOf<Ps extends readonly Param[]> = Simplify<
  { [P in Ps[number] as P extends { required: true } ? P['name'] : never]: KindValue<P['kind']> } & {
    [P in Ps[number] as P extends { required: true } ? never : P['name']]?: KindValue<P['kind']>;
  }
>;
