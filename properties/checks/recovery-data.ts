import type { Bound } from '../../model/expectation';
import { type Check, type CheckContext, type CheckFailure, failure, show } from './check';
import { at } from './response-conformance';

type Row = Readonly<Record<string, unknown>>;

/** 2010-01-01 in Unix seconds: no replica pair existed before, so an earlier time is not a time. */
const EARLIEST_S = 1_262_304_000;
/** A clock on the target may run a little ahead of the harness's. */
const CLOCK_SLACK_S = 600;
/**
 * Where the answer states its own time (its Date header), how far the times in its body may lie
 * from it: 1 s because Date is truncated to the second, and 4 s more for the clock that stamps
 * the body (the service) and the one that stamps Date (its gateway) not being one clock. Small
 * beside the RPO it widens (900 s), and any skew between the region and this machine is gone.
 */
export const DATE_TOLERANCE_S = 5;

/** How far the target's clock may stand from the time the call is judged at. */
const slackS = (ctx: CheckContext) => (ctx.answerTime ? DATE_TOLERANCE_S : CLOCK_SLACK_S);
/** Subscriptions end years ahead, but a value past 2286 has more digits than seconds do. */
const LATEST_EXPIRY_S = 9_999_999_999;

/** Where each answer keeps its rows and the time fields the docs give in Unix seconds. */
const TIMES: Readonly<
  Record<string, { readonly rows?: string; readonly id?: string; readonly fields: readonly string[] }>
> = {
  DescribeDiskReplicaPairs: {
    rows: 'ReplicaPairs',
    id: 'ReplicaPairId',
    fields: ['CreateTime', 'LastRecoverPoint', 'ExpiredTime'],
  },
  DescribeDiskReplicaGroups: { rows: 'ReplicaGroups', id: 'ReplicaGroupId', fields: ['LastRecoverPoint'] },
  DescribeDiskReplicaPairProgress: { fields: ['RecoverPoint'] },
};

function rowsOf(ctx: CheckContext): { id: string | undefined; row: Row }[] {
  const where = TIMES[ctx.operation.action];
  if (!where || ctx.answer.kind !== 'success') return [];
  const body = ctx.answer.body;
  if (!where.rows) return [{ id: ctx.subject, row: body }];
  const rows = at(body, where.rows.split('.'));
  if (!Array.isArray(rows)) return [];
  return (rows as Row[]).map((row) => ({ id: where.id ? String(row[where.id]) : undefined, row }));
}

/**
 * Times in seconds, recovery points that never go back (PAIR.DESCRIBE.TIMES_IN_SECONDS): each
 * time field is a plausible Unix time in seconds (a millisecond value is a thousand times too
 * large), a recovery point or creation time is not after the answer was served, and a pair's or
 * group's recovery point is never earlier than one the run saw before.
 */
export const recovery_data_conformance: Check = (ctx) => {
  const where = TIMES[ctx.operation.action];
  if (!where) return undefined;
  const nowS = ctx.now === undefined ? undefined : Math.ceil(ctx.now / 1000) + slackS(ctx);
  for (const { id, row } of rowsOf(ctx)) {
    for (const field of where.fields) {
      const value = row[field];
      if (typeof value !== 'number') continue;
      const latest = field === 'ExpiredTime' ? LATEST_EXPIRY_S : (nowS ?? LATEST_EXPIRY_S);
      if (value < EARLIEST_S || value > latest)
        return timeFailure(
          ctx,
          `${id ?? ctx.operation.action} ${field}=${value} is not a Unix time in seconds`,
          {
            expected: `${field} in Unix seconds between ${EARLIEST_S} and ${latest}`,
            received: `${field}=${show(value)}`,
          },
        );
    }
    const point = row.LastRecoverPoint ?? row.RecoverPoint;
    const before = id === undefined ? undefined : ctx.recoverPoints?.get(id);
    if (typeof point === 'number' && before !== undefined && point < before)
      return timeFailure(ctx, `the recovery point of ${id} went back`, {
        expected: `a recovery point of at least ${before} (seen before)`,
        received: String(point),
      });
  }
  return undefined;
};

function timeFailure(
  ctx: CheckContext,
  title: string,
  sides: { readonly expected: string; readonly received: string },
): CheckFailure {
  return {
    ...failure('recovery_data_conformance', 'state', ctx, title, sides.expected, sides.received),
    rules: ['PAIR.DESCRIBE.TIMES_IN_SECONDS'],
  };
}

const NOT_DECREASING = 'PAIR.PROGRESS.NOT_DECREASING_IN_INITIAL_SYNC';

/**
 * Recovery data within what the model allows beyond exact values: each numeric field within its
 * bound (Progress below 100 while the initial copy runs; a recovery point, or a listed row's
 * LastRecoverPoint, no older than the RPO allows), and a Progress that does not fall during one
 * initial sync. The failure names the broken rule alone.
 */
export const recovery_bounds_conformance: Check = (ctx) => {
  const { answer, expectation } = ctx;
  if (answer.kind !== 'success' || expectation.kind !== 'success') return undefined;
  const subject = ctx.subject ?? ctx.operation.action;
  for (const [field, bound] of Object.entries(expectation.bounds ?? {})) {
    const out = outOfBound(ctx, subject, field, at(answer.body, field.split('.')), bound);
    if (out) return out;
  }
  // A listing's rows, each by its ID (a row the model does not list is the listing check's).
  const listing = expectation.listing;
  const rows = listing?.bounds && at(answer.body, listing.field.split('.'));
  if (listing?.bounds && Array.isArray(rows))
    for (const row of rows as Row[]) {
      const id = String(row[listing.idField]);
      for (const [field, bound] of Object.entries(listing.bounds[id] ?? {})) {
        const out = outOfBound(ctx, id, field, row[field], bound);
        if (out) return out;
      }
    }
  const progress = answer.body.Progress;
  const before = ctx.subject === undefined ? undefined : ctx.progress?.get(ctx.subject);
  if (!expectation.rules.includes(NOT_DECREASING) || typeof progress !== 'number' || before === undefined)
    return undefined;
  if (progress >= before) return undefined;
  return {
    ...failure(
      'recovery_bounds_conformance',
      'state',
      ctx,
      `the Progress of ${ctx.subject} fell from ${before} to ${progress} during its initial sync`,
      `Progress at least ${before} (seen before in this initial sync)`,
      `Progress=${progress}`,
    ),
    rules: [NOT_DECREASING],
  };
};

/** A number outside its bound breaks the bound's rule alone. */
function outOfBound(
  ctx: CheckContext,
  subject: string,
  field: string,
  value: unknown,
  bound: Bound,
): CheckFailure | undefined {
  // A missing or mistyped field is the schema's and the facts' business.
  if (typeof value !== 'number') return undefined;
  const { min, max } = onWallClock(bound, ctx);
  if ((min === undefined || value >= min) && (max === undefined || value <= max)) return undefined;
  const range = [min !== undefined && `at least ${min}`, max !== undefined && `at most ${max}`];
  return {
    ...failure(
      'recovery_bounds_conformance',
      'state',
      ctx,
      `${subject} ${field}=${value} is out of range (${bound.rule})`,
      `${field} ${range.filter(Boolean).join(' and ')}`,
      `${field}=${show(value)}`,
    ),
    rules: [bound.rule],
  };
}

/**
 * A bound in Unix seconds that holds on a clock the harness moves holds on a clock of its own too,
 * widened by how far the target's clock may be from the time the call is judged at: the answer's
 * own Date (DATE_TOLERANCE_S), else this machine's (CLOCK_SLACK_S). The model gives a recovery
 * point's floor only once it has watched the pair replicate for an RPO and a sync of the target's
 * time: on a real region 17 minutes, on an emulator with a fast clock (`--clock-rate`) seconds.
 */
function onWallClock(bound: Bound, ctx: CheckContext): Bound {
  if (!bound.movedClock || ctx.movedClock) return bound;
  const slack = slackS(ctx);
  return {
    ...bound,
    ...(bound.min !== undefined ? { min: bound.min - slack } : {}),
    ...(bound.max !== undefined ? { max: bound.max + slack } : {}),
  };
}

/** The Progress an answer shows during an initial sync, for the next answers to be judged against. */
export function progressOf(ctx: CheckContext): number | undefined {
  const { answer, expectation } = ctx;
  if (answer.kind !== 'success' || !expectation.rules.includes(NOT_DECREASING)) return undefined;
  return typeof answer.body.Progress === 'number' ? answer.body.Progress : undefined;
}

/** The recovery points an answer shows, by pair or group ID, for the next answers to be judged against. */
export function recoverPointsOf(ctx: CheckContext): [string, number][] {
  const seen: [string, number][] = [];
  for (const { id, row } of rowsOf(ctx)) {
    const point = row.LastRecoverPoint ?? row.RecoverPoint;
    if (id !== undefined && typeof point === 'number') seen.push([id, point]);
  }
  return seen;
}
