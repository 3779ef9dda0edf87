import { ERROR_CATALOGUE, type Operation } from '../api';
import { type Condition, couldRefuse, fitsCondition } from './code-meaning';
import type { ModelState } from './state';

/** An error code the target may answer with, and its HTTP status. */
export interface AllowedError {
  readonly code: string;
  readonly httpStatus: number;
}

/** The response body the target returned (the IDs it chose are bound from here). */
export type Observed = Readonly<Record<string, unknown>>;

/**
 * A listing the response must show: the whole listing in model order, and the page requested.
 * Row order across pages is the target's business; a checker compares pages as subsets.
 */
export interface ListingFacts {
  /** Response field holding the rows: `ReplicaPairs`, `ReplicaGroups`, `Disks.Disk`, ... */
  readonly field: string;
  readonly idField: string;
  readonly rows: readonly Readonly<Record<string, unknown>>[];
  readonly page:
    | { readonly mode: 'token'; readonly maxResults: number; readonly continued: boolean }
    | {
        readonly mode: 'number';
        readonly pageNumber: number;
        readonly pageSize: number;
      };
  /**
   * What a row may show instead of the model's value while a reading is open (api/readings.ts):
   * by row ID and field, the other values allowed (`undefined`: the field left out).
   */
  readonly loose?: Readonly<Record<string, Readonly<Record<string, readonly unknown[]>>>>;
  /** Rows an open reading lets the target list here or not (OpenRows). */
  readonly open?: OpenRows;
  /** By row ID and field, the range a listed value must be in (a recovery point's floor). */
  readonly bounds?: Readonly<Record<string, Readonly<Record<string, Bound>>>>;
}

/**
 * Rows the target lists here under one alternative of a reading and not under the other
 * (pair-listing: a pair listed where either of its disks is). Listed, a row must equal its
 * projection, and the answer shows `listed`; a whole listing without any of them shows `unlisted`.
 */
export interface OpenRows {
  readonly reading: string;
  readonly listed: string;
  readonly unlisted: string;
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

/**
 * A call whose answer shows how the target reads an ambiguous point of the docs
 * (api/readings.ts): a success means one alternative, a refusal the other.
 */
export interface ReadingFork {
  readonly id: string;
  readonly onSuccess: string;
  readonly onRefusal: string;
}

/** One row of the tag listing: a tag bound to a resource. */
export interface TagRow {
  readonly ResourceId: string;
  readonly TagKey: string;
  readonly TagValue: string;
  /** Listed under one alternative of an open reading only: allowed, not required. */
  readonly maybe?: boolean;
}

/**
 * The reading a success decides: a refusal shows the refusing alternative only with one of
 * `codes`; the call may get its other allowed refusals (`also`) whichever way the target reads.
 */
export interface SuccessFork extends ReadingFork {
  readonly codes: readonly string[];
}

export interface Success {
  readonly kind: 'success';
  /** The reading this call decides, when both answers are still open. */
  readonly reading?: SuccessFork;
  readonly rules: readonly string[];
  /** The state after the call, with the IDs the target returned bound in. */
  readonly next: (observed?: Observed) => ModelState;
  /** Fields the response must carry with exactly these values. */
  readonly facts: Readonly<Record<string, unknown>>;
  /** Fields the response must carry, whatever their value. */
  readonly present: readonly string[];
  /** Fields the response must not carry. */
  readonly absent: readonly string[];
  /** Numeric fields the response must keep within a range, each for its rule. */
  readonly bounds?: Readonly<Record<string, Bound>>;
  readonly listing?: ListingFacts;
  /** The tag listing: every row the filters select (rows are not unique by ID, so not a listing). */
  readonly tagRows?: readonly TagRow[];
  /** Statuses the affected resource may show on its way, and those it may settle in. */
  readonly transient: readonly string[];
  readonly settlesIn: readonly string[];
  /** Refusals the docs also leave open for this call (the state then stays as it was). */
  readonly also: readonly AllowedError[];
}

/**
 * A range a numeric response field must lie in, and the rule that says so. `movedClock`: it
 * holds only where the harness moves the target's clock (on a clock of its own the target's
 * time and the harness's differ by more than the range allows).
 */
export interface Bound {
  readonly rule: string;
  readonly min?: number;
  readonly max?: number;
  readonly movedClock?: boolean;
}

export interface Refusal {
  readonly kind: 'refusal';
  readonly rules: readonly string[];
  readonly errors: readonly AllowedError[];
  /** A refusal with one of `codes` shows the reading's refusing alternative (no other reason gives them). */
  readonly reading?: { readonly fork: ReadingFork; readonly codes: readonly string[] };
  /** The docs do not name the code for this condition: any documented code of the operation. */
  readonly undocumented: boolean;
}

export type Expectation = Success | Refusal;

/** A condition that refuses a call: the rule it comes from and the codes it allows. */
export interface Violation {
  readonly rule: string;
  readonly errors: readonly AllowedError[];
  readonly undocumented: boolean;
}

/**
 * The distinct rule IDs of the lists, in order of first appearance (as a Set of them all would
 * give): rule lists are short, and building a Set and its copies was a share of every transition.
 */
export function distinctRules(...lists: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  // A scan while the list is short, a set once it is not (a listing names a dozen rules and more).
  let seen: Set<string> | undefined;
  for (const list of lists)
    for (const id of list) {
      if (seen === undefined) {
        if (out.includes(id)) continue;
        out.push(id);
        if (out.length === 12) seen = new Set(out);
      } else if (!seen.has(id)) {
        seen.add(id);
        out.push(id);
      }
    }
  return out;
}

/**
 * A success's rules (distinct) with those of `more` it lacks appended, in order: the same array
 * when it lacks none. A few added rules are looked up in the list instead of the whole list
 * being deduplicated again, which every accepted call did.
 */
export function withRules(
  rules: readonly string[],
  ...more: readonly (readonly string[])[]
): readonly string[] {
  let out: string[] | undefined;
  for (const list of more)
    for (const id of list) {
      if ((out ?? rules).includes(id)) continue;
      out ??= [...rules];
      out.push(id);
    }
  return out ?? rules;
}

/** A code's status: the operation's documented one first, then the catalogue's, else 400. */
export function statusOf(op: Operation | undefined, code: string): number {
  return (op && statusesOf(op).get(code)) ?? ERROR_CATALOGUE.get(code)?.httpStatus ?? 400;
}

/** Each operation's documented statuses by code (its first entry for a code), indexed once. */
const documentedStatuses = new WeakMap<Operation, ReadonlyMap<string, number>>();
function statusesOf(op: Operation): ReadonlyMap<string, number> {
  let statuses = documentedStatuses.get(op);
  if (!statuses) {
    const byCode = new Map<string, number>();
    for (const e of op.errors) if (!byCode.has(e.code)) byCode.set(e.code, e.httpStatus);
    statuses = byCode;
    documentedStatuses.set(op, statuses);
  }
  return statuses;
}

export const allowed = (op: Operation | undefined, ...codes: string[]): AllowedError[] =>
  codes.map((code) => ({ code, httpStatus: statusOf(op, code) }));

/** A refusal with named codes. */
export const deny = (op: Operation | undefined, rule: string, ...codes: string[]): Violation => ({
  rule,
  errors: allowed(op, ...codes),
  undocumented: false,
});

/**
 * A refusal whose code the docs do not name: the codes the operation documents whose meaning
 * fits the condition (model/code-meaning.ts: never an authorization, signature, throttling or
 * token code; a not-found code only where something does not exist), plus the `likely` codes
 * the rule names: each of those is a widening the call site owns, with its reason beside it.
 */
export const denyUndocumented = (
  op: Operation | undefined,
  rule: string,
  condition: Condition,
  ...likely: string[]
): Violation => {
  const documented = op?.errors ?? [];
  const fitting = documented.filter((e) => fitsCondition(e.code, condition));
  // Nothing the operation documents fits and the rule names nothing: any code that could be a
  // refusal of the call itself (never authorization, signature, throttling, token or billing).
  const errors =
    fitting.length > 0 || likely.length > 0 ? fitting : documented.filter((e) => couldRefuse(e.code));
  return { rule, errors: dedupe([...allowed(op, ...likely), ...errors]), undocumented: true };
};

export function dedupe(errors: readonly AllowedError[]): AllowedError[] {
  // The first of each code and status, in order; lists are short, so a scan rather than keys built.
  const out: AllowedError[] = [];
  for (const e of errors)
    if (!out.some((x) => x.code === e.code && x.httpStatus === e.httpStatus)) out.push(e);
  return out;
}

/**
 * Every violated condition together: the docs do not say in which order the service checks them,
 * so any of their codes is acceptable.
 */
export function refuse(violations: readonly Violation[], extraRules: readonly string[] = []): Refusal {
  return {
    kind: 'refusal',
    rules: distinctRules(
      extraRules,
      violations.map((v) => v.rule),
    ),
    errors: distinctErrors(violations),
    undocumented: violations.every((v) => v.undocumented),
  };
}

/** `dedupe` of every violation's codes, without the list of them all built first. */
function distinctErrors(violations: readonly Violation[]): AllowedError[] {
  const out: AllowedError[] = [];
  for (const v of violations)
    for (const e of v.errors)
      if (!out.some((x) => x.code === e.code && x.httpStatus === e.httpStatus)) out.push(e);
  return out;
}

export interface SuccessInput {
  readonly rules: readonly string[];
  readonly next: (observed: Observed) => ModelState;
  readonly facts?: Readonly<Record<string, unknown>>;
  readonly present?: readonly string[];
  readonly absent?: readonly string[];
  readonly bounds?: Readonly<Record<string, Bound>>;
  readonly listing?: ListingFacts;
  readonly tagRows?: readonly TagRow[];
  readonly transient?: readonly string[];
  readonly settlesIn?: readonly string[];
  readonly also?: readonly AllowedError[];
}

const REQUEST_ID_RULE = ['PROTO.SUCCESS_HAS_REQUEST_ID'];

// What most successes share, allocated once (frozen: a success is read, never changed).
const NONE: readonly string[] = Object.freeze([]);
const NO_ERRORS: readonly AllowedError[] = Object.freeze([]);
const NO_FACTS: Readonly<Record<string, unknown>> = Object.freeze({});
const REQUEST_ID_PRESENT: readonly string[] = Object.freeze(['RequestId']);
const CODE_ABSENT: readonly string[] = Object.freeze(['Code']);

/** Every success carries a RequestId (PROTO.SUCCESS_HAS_REQUEST_ID). */
export function succeed(input: SuccessInput): Success {
  return success(input, (observed = {}) => input.next(observed));
}

/** A read: success with no state change. */
export const observe = (state: ModelState, input: Omit<SuccessInput, 'next'>): Success =>
  success(input, () => state);

/**
 * Most answers are reads (`observe`): built once, without a copy of the input to add `next`.
 * Every success has every field, those it lacks undefined: one object shape (here and in
 * `successWith`) for every step that reads or copies it, rather than one per combination of
 * optional fields, which V8 reads and copies on its slow paths.
 */
function success(input: Omit<SuccessInput, 'next'>, next: Success['next']): Success {
  return {
    kind: 'success',
    reading: undefined,
    rules: distinctRules(input.rules, REQUEST_ID_RULE),
    next,
    facts: input.facts ?? NO_FACTS,
    present: input.present?.length ? ['RequestId', ...input.present] : REQUEST_ID_PRESENT,
    absent: input.absent?.length ? ['Code', ...input.absent] : CODE_ABSENT,
    bounds: input.bounds,
    listing: input.listing,
    tagRows: input.tagRows,
    transient: input.transient ?? NONE,
    settlesIn: input.settlesIn ?? NONE,
    also: input.also?.length ? dedupe(input.also) : NO_ERRORS,
  };
}

/**
 * A success with some of its fields replaced, built whole rather than spread: successes reach
 * here from many handlers, and V8 copied such a mix of objects by spreading on its slow path.
 */
export function successWith(
  e: Success,
  c: Partial<Pick<Success, 'rules' | 'next' | 'also' | 'reading'>>,
): Success {
  return {
    kind: 'success',
    reading: c.reading ?? e.reading,
    rules: c.rules ?? e.rules,
    next: c.next ?? e.next,
    facts: e.facts,
    present: e.present,
    absent: e.absent,
    bounds: e.bounds,
    listing: e.listing,
    tagRows: e.tagRows,
    transient: e.transient,
    settlesIn: e.settlesIn,
    also: c.also ?? e.also,
  };
}

/**
 * Where a reading decides between accepting and refusing a call: held to the alternative fixed in
 * advance, else both answers allowed and the call marked as the one that shows the target's choice.
 */
export function forkOnReading(
  state: ModelState,
  fork: ReadingFork,
  success: Success,
  refusal: Refusal,
): Expectation {
  const fixed = state.readings?.[fork.id];
  if (fixed === fork.onSuccess) return success;
  if (fixed === fork.onRefusal) return refusal;
  return successWith(success, {
    rules: distinctRules(success.rules, refusal.rules),
    also: dedupe([...success.also, ...refusal.errors]),
    reading: showing(fork, refusal.errors, success.also),
  });
}

/**
 * Where one alternative of a reading does not know the resource where the call is made, before
 * anything else is looked at (`unknown`): held to a fixed alternative; open, a success also
 * allows the refusal and shows the reading, and a refusal allows either's codes, showing the
 * refusing alternative by a code only it gives.
 */
export function forkOnUnknown(
  state: ModelState,
  fork: ReadingFork,
  body: Expectation,
  unknown: Refusal,
): Expectation {
  const held = state.readings?.[fork.id];
  if (held === fork.onSuccess) return body;
  if (held === fork.onRefusal) return unknown;
  if (body.kind === 'success') return forkOnReading(state, fork, body, unknown);
  const codes = unknown.errors.map((e) => e.code).filter((c) => !body.errors.some((b) => b.code === c));
  return { ...eitherRefusal(body, unknown), ...(codes.length > 0 ? { reading: { fork, codes } } : {}) };
}

/** The fork with the refusal codes that show it: those only its refusing alternative gives. */
const showing = (
  fork: ReadingFork,
  codes: readonly AllowedError[],
  anyway: readonly AllowedError[],
): SuccessFork => ({
  ...fork,
  codes: codes.filter((c) => !anyway.some((a) => a.code === c.code)).map((c) => c.code),
});

/**
 * The expectation with `errors` allowed too, for a reason other than its reading: a code they
 * share with the reading's refusing alternative no longer shows that alternative.
 */
export function allowingToo(e: Expectation, errors: readonly AllowedError[]): Expectation {
  const shows = (codes: readonly string[]) => codes.filter((c) => !errors.some((x) => x.code === c));
  if (e.kind === 'success')
    return successWith(e, {
      also: dedupe([...e.also, ...errors]),
      ...(e.reading ? { reading: { ...e.reading, codes: shows(e.reading.codes) } } : {}),
    });
  return {
    ...e,
    errors: dedupe([...e.errors, ...errors]),
    ...(e.reading ? { reading: { ...e.reading, codes: shows(e.reading.codes) } } : {}),
  };
}

/** Either refusal: the rules and codes of both. */
export const eitherRefusal = (a: Refusal, b: Refusal): Refusal => ({
  kind: 'refusal',
  rules: distinctRules(a.rules, b.rules),
  errors: dedupe([...a.errors, ...b.errors]),
  undocumented: a.undocumented && b.undocumented,
});

/** A refusing condition that one alternative of a reading turns into an acceptance. */
export type ForkedViolation = Violation & { readonly fork: ReadingFork };

/**
 * The refusal of a call with `decided` conditions, or forked ones fixed to the refusing
 * alternative; undefined when nothing refuses it yet. The forked ones still open may be what the
 * target checks first: their codes are allowed too (unless the target has shown the alternative
 * under which they pass), not their rules.
 */
export function refusalDespiteReadings(
  state: ModelState,
  decided: readonly Violation[],
  forked: readonly ForkedViolation[],
): Refusal | undefined {
  const because = [...decided, ...forked.filter((v) => fixedOf(state, v) === v.fork.onRefusal).map(plain)];
  if (because.length === 0) return undefined;
  const maybe = forked
    .filter((v) => fixedOf(state, v) === undefined && shownOf(state, v) !== v.fork.onSuccess)
    .map(plain);
  // One the target has shown it reads the refusing way is a reason too: its rule is named.
  const shownRefusing = forked
    .filter((v) => fixedOf(state, v) === undefined && shownOf(state, v) === v.fork.onRefusal)
    .map(plain);
  return { ...refuse([...because, ...maybe]), rules: refuse([...because, ...shownRefusing]).rules };
}

const plain = (v: Violation): Violation => ({ rule: v.rule, errors: v.errors, undocumented: v.undocumented });

// Module-level rather than a closure per call: under a loader that keeps function names (tsx,
// which runs the bench), every named closure also costs a property definition.
/** The alternative of the violation's reading fixed for the run, if any. */
const fixedOf = (state: ModelState, v: ForkedViolation) => state.readings?.[v.fork.id];
/** The alternative the target has shown of the violation's reading, if any. */
const shownOf = (state: ModelState, v: ForkedViolation) => state.shownReadings?.[v.fork.id];

/**
 * A call refused by `decided` conditions, or else by each forked one only under the reading that
 * refuses it. Held to fixed alternatives; otherwise every answer stays allowed, and the success
 * names the one reading its answer shows: the only one the target has not shown yet while every
 * other leans to success, or the only one left that can refuse it.
 */
export function forkOnReadings(
  state: ModelState,
  success: Success,
  decided: readonly Violation[],
  forked: readonly ForkedViolation[],
): Expectation {
  const refused = refusalDespiteReadings(state, decided, forked);
  if (refused) return refused;
  const open = forked.filter((v) => fixedOf(state, v) === undefined);
  if (open.length === 0) return success;
  const unseen = open.filter((v) => shownOf(state, v) === undefined);
  const leaningNo = open.filter((v) => shownOf(state, v) === v.fork.onRefusal);
  const shows =
    unseen.length === 1 && leaningNo.length === 0
      ? unseen[0]
      : unseen.length === 0 && (leaningNo.length === 1 || open.length === 1)
        ? (leaningNo[0] ?? open[0])
        : undefined;
  // A refusal is allowed where it can come from a reading not shown to accept this call.
  const refusal = refuse(
    open.filter((v) => v === shows || shownOf(state, v) !== v.fork.onSuccess).map(plain),
  );
  // A code another open reading may refuse with shows nothing of this one.
  const anyway = () => [
    ...success.also,
    ...open.filter((v) => v !== shows && shownOf(state, v) !== v.fork.onSuccess).flatMap((v) => v.errors),
  ];
  return successWith(success, {
    rules: distinctRules(success.rules, refusal.rules),
    also: dedupe([...success.also, ...refusal.errors]),
    ...(shows ? { reading: showing(shows.fork, shows.errors, anyway()) } : {}),
  });
}

/** The conditions that actually fail, out of a list of checks (`undefined` = passed). */
export const collect = (...checks: (Violation | undefined)[]): Violation[] =>
  checks.filter((v): v is Violation => v !== undefined);
