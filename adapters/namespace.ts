/**
 * How a run keeps to its own resources in a shared account. Every create carries the run's tag
 * (`Tag.N.Key=ebs-conformance-run`, value the run ID), a name with the run's prefix when the
 * caller gave none, and a ClientToken (so a retried create never creates twice, and the journal
 * can name the intent); every listing is filtered by the tag, so the run never reads what it did
 * not create. Only optional parameters are added: a call that deliberately leaves out a required
 * one keeps probing what it probes. Tokens the caller chose are left alone: the session already
 * makes them its own (properties/shared-target.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Operation } from '../api';
import { createdBy, RESOURCES } from '../api/resources';
import type { ResourceKind } from './journal';
import type { Exchange } from './target';

export const RUN_TAG_KEY = 'ebs-conformance-run';
export const NAME_PARAMS = ['DiskName', 'PairName', 'GroupName'] as const;

/** `r20261123t162617-3fa9c1`: sortable, unique, valid in names, tags and tokens. */
export function newRunId(
  now: Date = new Date(),
  random: () => string = () => randomBytes(3).toString('hex'),
) {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, '')
    .toLowerCase();
  return `r${stamp}-${random()}`;
}

export const namePrefixOf = (runId: string) => `ebs-conformance-${runId}`;

const isRunTag = (v: unknown): boolean =>
  typeof v === 'object' &&
  v !== null &&
  ((v as Record<string, unknown>).TagKey === RUN_TAG_KEY ||
    (v as Record<string, unknown>).Key === RUN_TAG_KEY);

function withoutRunTag<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((v) => !isRunTag(v)).map(withoutRunTag) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutRunTag(v)])) as T;
}

/**
 * A real run's answer as the run asked for it: its own tag taken out of every tag list and
 * listing (`Tags`, `Tags.Tag`, the rows of the tag listing), as the call is shown without it. The
 * run's target added the tag; the model, judging the call as asked, expects a resource's tags
 * without it. The response as received stays in the exchange (and its cassette) untouched.
 */
export function answerAsAsked(exchange: Exchange): Exchange {
  const { outcome } = exchange;
  if (outcome.kind !== 'success') return exchange;
  return { ...exchange, outcome: { ...outcome, body: withoutRunTag(outcome.body) } };
}

/** What a create call makes, and where its answer names the new resource. */
export interface CreateShape {
  readonly kind: ResourceKind;
  readonly idField: string;
}

export function createShape(op: Operation | undefined): CreateShape | undefined {
  const kind = op && createdBy(op.product, op.action);
  return kind ? { kind, idField: RESOURCES[kind].create.idField } : undefined;
}

const optional = (op: Operation, name: string) => op.params.some((p) => p.name === name && !p.required);
const absent = (v: unknown) => v === undefined || v === null || v === '';

export interface Namespacer {
  readonly runId: string;
  /** The parameters to send for a call of `op` (unchanged for an operation the spec lacks). */
  decorate(op: Operation | undefined, params: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

export function createNamespacer(runId: string): Namespacer {
  const short = runId.slice(-6);
  let minted = 0;
  const tag = [{ Key: RUN_TAG_KEY, Value: runId }];
  return {
    runId,
    decorate(op, params) {
      if (!op) return { ...params };
      const out: Record<string, unknown> = { ...params };
      // The run's tag joins the caller's: a resource created without it would escape the tag
      // filters and `sweep --all-tagged`, and a filter without it would read others' resources.
      if (optional(op, 'Tag') && absent(out.Tag)) out.Tag = tag;
      else if (optional(op, 'Tag') && Array.isArray(out.Tag) && !out.Tag.some(isRunTag))
        out.Tag = [...out.Tag, ...tag];
      if (createShape(op) === undefined) return out;
      for (const name of NAME_PARAMS)
        if (optional(op, name) && absent(out[name])) out[name] = namePrefixOf(runId);
      // A create always carries a token: a retried request can then never create twice.
      if (optional(op, 'ClientToken') && absent(out.ClientToken))
        out.ClientToken = `${short}-c${++minted}-${randomBytes(4).toString('hex')}`;
      return out;
    },
  };
}
