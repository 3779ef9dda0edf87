import fc from 'fast-check';
import { findOperation, type Operation, type Param } from '../../api';
import { samplesOf } from '../../api/rules/param-samples';
import { type ConstraintKind, PARAM_RULES, type ParamRule } from '../../api/rules/params';
import type { ModelState } from '../../model';
import { CallCommand, type Plan, type PlannedCall } from '../command';
import { DISK_BASES, DISK_SWITCH_FILTERS } from './disks';
import { DRILL_BASES } from './drills';
import { GROUP_BASES } from './groups';
import { LISTING_BASES } from './listings';
import { PAIR_BASES } from './pairs';
import { REGION_BASES } from './regions';
import { TAG_BASES } from './tags';
import { nth, UNKNOWN } from './toolkit';

/**
 * Parameter sweeps: a call the run would make anyway (drawn by that operation's own command),
 * sent once per derived parameter rule (api/rules/params.ts) with the parameter just past the
 * documented constraint, and, where the call keeps its meaning, once with it at the constraint's
 * edge (a bound, a listed value, the longest name). The values are the ones the parametrized model
 * test proves (api/rules/param-samples.ts), so the run reaches each rule's refusing case, and its
 * accepting case where the docs let a call hold that value without changing what it asks.
 */

type Command = CallCommand;

/** The command that draws an ordinary call of each judged operation: each family names its own. */
const BASES: Readonly<Record<string, fc.Arbitrary<Command>>> = {
  ...DISK_BASES,
  ...PAIR_BASES,
  ...GROUP_BASES,
  ...LISTING_BASES,
  ...REGION_BASES,
  ...DRILL_BASES,
  ...TAG_BASES,
};

const baseKey = (r: ParamRule) => `${r.derived.product}:${r.derived.action}`;

/** The derived rules of each operation that has a base command, in catalogue order. */
const RULES_BY_OPERATION: ReadonlyMap<string, readonly ParamRule[]> = (() => {
  const out = new Map<string, ParamRule[]>();
  for (const r of PARAM_RULES)
    if (BASES[baseKey(r)]) out.set(baseKey(r), [...(out.get(baseKey(r)) ?? []), r]);
  return out;
})();

const opOf = (r: ParamRule): Operation =>
  findOperation(r.derived.product, r.derived.version, r.derived.action) as Operation;
const paramOf = (r: ParamRule): Param => opOf(r).params.find((p) => p.name === r.derived.param) as Param;

// ---------------------------------------------------------------------------------------------
// Where the run may put a value at a constraint's edge without changing what the call asks.

const PAGING = ['MaxResults', 'NextToken', 'PageNumber', 'PageSize'];
const TOKEN_WALK = new Set(['MaxResults', 'NextToken']);
/** Names and descriptions: any value of the documented form asks the same. */
const FREE_TEXT = new Set(['PairName', 'GroupName', 'Description', 'DiskName']);
/** Enum parameters whose every value the model answers (a listing site, a language, the RPO). */
const ANSWERED_ENUMS = new Set([
  'DescribeDiskReplicaPairs.Site',
  'DescribeDiskReplicaGroups.Site',
  'DescribeRegions.ResourceType',
  'DescribeRegions.AcceptLanguage',
  'DescribeDisks.Category',
  'DescribeDisks.Status',
  '*.RPO',
]);
/** Switches whose both values the model answers. */
const ANSWERED_SWITCHES = new Set(['OneShot', 'ReverseReplicate']);
/** DescribeDisks filters on what a disk is: the model answers each value (listing all or none). */
const ANSWERED_DISK_FILTERS = new Set<string>([
  ...DISK_SWITCH_FILTERS,
  'DiskChargeType',
  'MultiAttach',
  'DiskType',
  'DryRun',
]);
/** ID lists a listing filters by: the run's own IDs first, then probes that name nothing. */
const PROBE_LISTS: Readonly<Record<string, string>> = {
  PairIds: UNKNOWN.pair,
  GroupIds: UNKNOWN.group,
  DiskIds: UNKNOWN.disk,
};

/** A listing filters by ResourceId (probes name nothing); the calls that bind tags would refuse them. */
const listsBy = (r: ParamRule) => r.derived.param === 'ResourceId' && !opOf(r).mutating;

const listOf = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v !== '' ? v.split(',') : [];

/** `n` items: those the call already holds, then probes (or spare tag keys). */
function padded(name: string, held: unknown, n: number): string[] {
  const own = listOf(held).slice(0, n);
  const probe = PROBE_LISTS[name] ?? (name === 'ResourceId' ? UNKNOWN.pair : 'k-spare');
  return [...own, ...Array.from({ length: n - own.length }, (_, i) => `${probe}-${i + 1}`)];
}

/**
 * Whether the sweep can put this rule's parameter at its edge on any call of the operation. The
 * others reach their accepting case through the ordinary commands: a required parameter in every
 * call that holds it, a type or enum rule whenever a command sends one of its valid values.
 */
function sweepsEdge(r: ParamRule): boolean {
  const { param: name, constraint: c, action } = r.derived;
  if (c === 'REQUIRED') return false;
  if (name === 'ClientToken' || PAGING.includes(name) || FREE_TEXT.has(name) || ANSWERED_SWITCHES.has(name))
    return true;
  if (action === 'DescribeDisks' && ANSWERED_DISK_FILTERS.has(name)) return true;
  if (c === 'ENUM') return ANSWERED_ENUMS.has(`${action}.${name}`) || ANSWERED_ENUMS.has(`*.${name}`);
  // Tags bound on a create, and the listings' Tag filter.
  if (c === 'MAX_ITEMS') return name in PROBE_LISTS || name === 'Tag' || name === 'TagKey' || listsBy(r);
  return false;
}

function edgeParams(
  r: ParamRule,
  params: Readonly<Record<string, unknown>>,
  pick: number,
  n: number,
): Record<string, unknown> {
  const p = paramOf(r);
  const c: ConstraintKind = r.derived.constraint;
  const name = p.name;
  const value = nth(samplesOf(p, c).fits, pick);
  if (name === 'ClientToken') {
    // Unique per call, so a sweep never replays another call's token; same length and form.
    const token = String(value);
    return { ...params, ClientToken: c === 'LENGTH' ? `${n}`.padStart(token.length, 'k') : `${token}${n}` };
  }
  // DryRun=true only checks the request (the service answers DryRunOperation, which the model
  // does not hold); false lists as without it.
  if (name === 'DryRun') return { ...params, DryRun: false };
  if (PAGING.includes(name)) {
    const other = TOKEN_WALK.has(name) ? ['PageNumber', 'PageSize'] : ['MaxResults', 'NextToken'];
    const rest = Object.fromEntries(Object.entries(params).filter(([k]) => !other.includes(k)));
    return { ...rest, [name]: value };
  }
  // ID lists: the call's own IDs, then probes; tags: the documented maximum, all distinct keys.
  // ID lists and tag keys: the call's own, then probes; tags: the documented maximum, distinct keys.
  if (c === 'MAX_ITEMS' && Array.isArray(value) && name !== 'Tag') {
    const { All: _all, ...rest } = params;
    return { ...(name === 'TagKey' ? rest : params), [name]: padded(name, params[name], value.length) };
  }
  return { ...params, [name]: value };
}

function breakParams(r: ParamRule, params: Readonly<Record<string, unknown>>, pick: number) {
  const p = paramOf(r);
  const value = nth(samplesOf(p, r.derived.constraint).breaks, pick);
  const out: Record<string, unknown> = { ...params };
  if (value === undefined) delete out[p.name];
  else if (r.derived.constraint === 'MAX_ITEMS' && Array.isArray(value) && p.name !== 'Tag')
    out[p.name] = padded(p.name, params[p.name], value.length);
  else out[p.name] = value;
  return out;
}

const shown = (v: unknown) => {
  if (v === undefined) return 'absent';
  if (Array.isArray(v)) return `${v.length} items`;
  const text = JSON.stringify(v);
  return text.length > 24 ? `${typeof v === 'string' ? `${v.length} chars` : text.slice(0, 24)}` : text;
};

/**
 * A Tag list at its documented maximum, on a billed account, one short: the run's tag joins every
 * list there (adapters/namespace.ts), so what goes on the wire is at the maximum.
 */
function roomForRunTag(s: ModelState, rules: readonly ParamRule[], params: Record<string, unknown>) {
  const atMost = rules.some((r) => r.derived.param === 'Tag' && r.derived.constraint === 'MAX_ITEMS');
  if (!s.world.billed || !atMost || !Array.isArray(params.Tag)) return params;
  return { ...params, Tag: params.Tag.slice(1) };
}

function variantOf(
  base: Command,
  r: ParamRule,
  change: (params: Readonly<Record<string, unknown>>) => Record<string, unknown>,
  how: 'past' | 'at',
): Plan {
  return (s) => {
    const planned: PlannedCall | undefined = base.plan(s);
    if (!planned) return undefined;
    const changed = change(planned.call.params);
    const params = how === 'at' ? roomForRunTag(s, [r], changed) : changed;
    const name = r.derived.param;
    return {
      ...planned,
      call: { ...planned.call, params },
      label: `${planned.label} with ${name} ${how} ${r.derived.constraint.toLowerCase()} (${shown(params[name])})`,
    };
  };
}

/** A sweep keeps its plans in view, so a test can plan every call it would make. */
export class SweepCommand extends CallCommand {
  constructor(
    name: string,
    inputs: Readonly<Record<string, unknown>>,
    readonly plans: readonly [Plan, ...Plan[]],
  ) {
    super(name, inputs, ...plans);
  }
}

/** One call with one edge rule of each parameter that has some (chosen by `pick`) at its edge. */
function allEdges(base: Command, edges: readonly ParamRule[], pick: number, n: number): Plan {
  const byParam = new Map<string, ParamRule[]>();
  for (const r of edges) byParam.set(r.derived.param, [...(byParam.get(r.derived.param) ?? []), r]);
  const chosen = [...byParam.values()].map((rs) => nth(rs, pick) as ParamRule);
  return (s) => {
    const planned = base.plan(s);
    if (!planned) return undefined;
    const params = roomForRunTag(
      s,
      chosen,
      chosen.reduce<Record<string, unknown>>((acc, r) => edgeParams(r, acc, pick, n), {
        ...planned.call.params,
      }),
    );
    const at = chosen.map((r) => `${r.derived.param} at ${r.derived.constraint.toLowerCase()}`).join(', ');
    return { ...planned, call: { ...planned.call, params }, label: `${planned.label} with ${at}` };
  };
}

/** One sweep: every derived rule of one operation, past its constraint and at its edge. */
const paramSweep = fc
  .constantFrom(...RULES_BY_OPERATION.keys())
  .chain((key) =>
    fc.record({
      operation: fc.constant(key),
      base: BASES[key] as fc.Arbitrary<Command>,
      pick: fc.nat(),
      n: fc.nat(),
    }),
  )
  .map((g) => {
    const rules = RULES_BY_OPERATION.get(g.operation) ?? [];
    const edges = rules.filter(sweepsEdge);
    const mutating = rules[0] !== undefined && opOf(rules[0]).mutating;
    // Refusals first: they leave the state as it was, so every one finds its base call. A change
    // accepted once is not accepted again from the same inputs (a disk pairs once, a pair starts
    // once), so a mutating call takes all its edges in one call; a read takes each in its own.
    const plans = [
      ...rules.map((r) => variantOf(g.base, r, (p) => breakParams(r, p, g.pick), 'past')),
      ...(mutating
        ? edges.length > 0
          ? [allEdges(g.base, edges, g.pick, g.n)]
          : []
        : edges.map((r) => variantOf(g.base, r, (p) => edgeParams(r, p, g.pick, g.n), 'at'))),
    ];
    const [first, ...then] = plans;
    return new SweepCommand(`paramSweep(${g.operation})`, { operation: g.operation, pick: g.pick }, [
      first as Plan,
      ...then,
    ]);
  });

export const PARAM_VARIANT_COMMANDS = { paramSweep };
/** About one call in six of a default run: each operation swept a few times in 60 sequences. */
export const PARAM_VARIANT_WEIGHTS = { paramSweep: 6 } satisfies Record<
  keyof typeof PARAM_VARIANT_COMMANDS,
  number
>;
