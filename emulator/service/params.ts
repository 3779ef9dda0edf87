import { ServiceError } from './api';
import type { Tag } from './state';

/**
 * Typed reads of a call's parameters. The protocol layer has already run the operation's zod
 * schema, so these mostly just narrow `unknown`; they still refuse a wrong type with a
 * documented code rather than crash, because in-process callers can skip the protocol.
 */
export type Params = Readonly<Record<string, unknown>>;

const invalid = (name: string) =>
  new ServiceError('InvalidParameter', `The specified parameter "${name}" is not valid.`);

export function optString(p: Params, name: string): string | undefined {
  const v = p[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw invalid(name);
  return v;
}

export function reqString(p: Params, name: string): string {
  const v = optString(p, name);
  if (v === undefined) {
    throw new ServiceError(
      'MissingParameter',
      `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
    );
  }
  return v;
}

export function optInt(p: Params, name: string): number | undefined {
  const v = p[name];
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw invalid(name);
  return n;
}

export function optBool(p: Params, name: string): boolean | undefined {
  const v = p[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (v === 'true' || v === true) return true;
  if (v === 'false' || v === false) return false;
  throw invalid(name);
}

/** A list parameter (JSON array or comma-separated on the wire; an array once validated). */
export function optList(p: Params, name: string): string[] | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v === '' ? [] : v.split(',').map((s) => s.trim());
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw invalid(name);
  return v as string[];
}

export function tagsOf(p: Params): Tag[] {
  const v = p.Tag;
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw invalid('Tag');
  return v.map((t) => {
    const key = (t as { Key?: unknown }).Key;
    const value = (t as { Value?: unknown }).Value ?? '';
    if (typeof key !== 'string' || typeof value !== 'string') throw invalid('Tag');
    return { Key: key, Value: value };
  });
}

/** A `Tag.N` filter of the Describe calls: a Value left out is kept apart from an empty one. */
export interface TagFilter {
  readonly Key: string;
  readonly Value?: string;
}

export function tagFilterOf(p: Params): TagFilter[] {
  const raw = Array.isArray(p.Tag) ? (p.Tag as { Value?: unknown }[]) : [];
  return tagsOf(p).map((t, i) => (raw[i]?.Value === undefined ? { Key: t.Key } : t));
}

/**
 * Every requested tag is on the resource (DescribeX `Tag.N` filters): a key alone matches any
 * value; an empty Value does too when `emptyMatchesAny` (reading tag-filter-empty-value).
 */
export const hasTags = (have: readonly Tag[], want: readonly TagFilter[], emptyMatchesAny: boolean) =>
  want.every((w) =>
    have.some(
      (h) =>
        h.Key === w.Key &&
        (w.Value === undefined || (emptyMatchesAny && w.Value === '') || h.Value === w.Value),
    ),
  );
