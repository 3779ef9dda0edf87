import { describe, expect, it } from 'vitest';
import { findOperation, RULES } from '../../api';
import { allowedOutcomes, type Call, type Expectation, type ModelState } from '../../model';
import { apply, createPairParams, ebsCall, ecsCall, pairScenario, T0 } from '../../model/testkit';
import {
  FIELD_RULE_IDS,
  fieldRules,
  mismatchRules,
  refusalRules,
  refusedAcceptanceRules,
} from './attribution';
import type { Answer, CheckContext, CheckFailure } from './check';
import { runChecks } from './index';

// Each kind of mismatch names the rules it breaks, out of those the model named for the call
// (its region, its parameters, RequestId...): judged here on the model's own decisions.

const ok = (body: Record<string, unknown>): Answer => ({ kind: 'success', httpStatus: 200, body });
const error = (code: string, httpStatus = 400): Answer => ({
  kind: 'error',
  httpStatus,
  code,
  body: { RequestId: 'r', Code: code },
});

function judged(state: ModelState, call: Call, answer: Answer): { e: Expectation; failures: CheckFailure[] } {
  const operation = findOperation(call.product, call.version, call.action);
  if (!operation) throw new Error(`no ${call.action}`);
  const e = allowedOutcomes(state, call, T0);
  const ctx: CheckContext = { operation, expectation: e, answer, isolated: true };
  return { e, failures: runChecks(ctx) };
}

const started = () => {
  const s = pairScenario();
  return apply(s, ebsCall('StartDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: 'pair-1' }));
};
const describePairs = (extra: Record<string, unknown> = {}) =>
  ebsCall('DescribeDiskReplicaPairs', { RegionId: 'cn-shanghai', ...extra });

/** What the model expects DescribeDiskReplicaPairs to answer: its rows, paged. */
function listed(state: ModelState, extra: Record<string, unknown> = {}) {
  const e = allowedOutcomes(state, describePairs(extra), T0);
  if (e.kind !== 'success' || !e.listing) throw new Error('a listing');
  // The wire row carries what the model leaves to the target: its creation time (in seconds).
  return { e, rows: e.listing.rows.map((r) => ({ ...r, CreateTime: T0 / 1000 })) };
}

describe('a failure names the rules its mismatch breaks', () => {
  it('the model names many rules for a listing: the narrowing below is not vacuous', () => {
    expect(listed(started()).e.rules.length).toBeGreaterThan(5);
  });

  it('a row unlike the model: the projection rule alone', () => {
    const { rows } = listed(started());
    const [row] = rows;
    if (!row) throw new Error('a row');
    const { failures } = judged(
      started(),
      describePairs(),
      ok({ RequestId: 'r', ReplicaPairs: [{ ...row, RPO: 1800 }], TotalCount: 1 }),
    );
    expect(failures.map((f) => f.rules)).toEqual([['PROTO.DESCRIBE_IS_PROJECTION']]);
  });

  it('a row the model does not hold: the projection rule; a row missing: projection and paging', () => {
    const { rows } = listed(started());
    const phantom = { ...rows[0], ReplicaPairId: 'pair-phantom' };
    const extra = judged(
      started(),
      describePairs(),
      ok({ RequestId: 'r', ReplicaPairs: [...rows, phantom], TotalCount: 2 }),
    );
    expect(extra.failures[0]?.rules).toEqual(['PROTO.DESCRIBE_IS_PROJECTION']);
    const missing = judged(
      started(),
      describePairs(),
      ok({ RequestId: 'r', ReplicaPairs: [], TotalCount: 0 }),
    );
    expect(missing.failures.flatMap((f) => f.rules).sort()).toEqual([
      'PAIR.DESCRIBE.TOKEN_PAGING',
      'PROTO.DESCRIBE_IS_PROJECTION',
    ]);
  });

  it('a TotalCount the model does not count: the paging rule alone', () => {
    const numbered = { PageNumber: 1, PageSize: 10 };
    const { rows } = listed(started(), numbered);
    const { failures } = judged(
      started(),
      describePairs(numbered),
      ok({ RequestId: 'r', ReplicaPairs: rows, TotalCount: 2, PageNumber: 1, PageSize: 10 }),
    );
    // Two checks see it (the page against its TotalCount, TotalCount against the model): one rule.
    expect(failures.length).toBe(2);
    expect(new Set(failures.flatMap((f) => f.rules))).toEqual(new Set(['PAIR.DESCRIBE.NUMBERED_PAGING']));
  });

  it('a row field left out: the listing fields rule; RequestId left out: the protocol rule', () => {
    const { rows } = listed(started());
    const withoutRpo: Record<string, unknown> = { ...rows[0] };
    delete withoutRpo.RPO;
    const row = judged(
      started(),
      describePairs(),
      ok({ RequestId: 'r', ReplicaPairs: [withoutRpo], TotalCount: 1 }),
    );
    expect(row.failures[0]?.rules).toEqual(['PAIR.DESCRIBE.FIELDS']);
    const start = ebsCall('StartDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: 'pair-1' });
    const noId = judged(pairScenario(), start, ok({}));
    expect(noId.e.rules.length).toBeGreaterThan(1);
    expect(new Set(noId.failures.flatMap((f) => f.rules))).toEqual(new Set(['PROTO.SUCCESS_HAS_REQUEST_ID']));
  });

  it('a new pair without its ID: the rule that promises it, not the conditions it passed', () => {
    const s = pairScenario();
    const create = ebsCall('CreateDiskReplicaPair', createPairParams());
    const { e, failures } = judged({ ...s, pairs: {} }, create, ok({ RequestId: 'r' }));
    expect(e.kind).toBe('success');
    expect(new Set(failures.flatMap((f) => f.rules))).toEqual(new Set(['PAIR.CREATE.STARTS_CREATED']));
  });

  it('a wrong code for a missing parameter: the parameter rules, not the generic one they defer to', () => {
    const legacy = ecsCall('CreateDiskReplicaPair', {
      RegionId: 'cn-shanghai',
      DiskId: 'd-p',
      DestinationRegionId: 'cn-beijing',
      DestinationDiskId: 'd-s',
    });
    const { e, failures } = judged(pairScenario(), legacy, error('MissingParameter'));
    expect(e.rules).toContain('PROTO.MISSING_REQUIRED');
    const named = failures.flatMap((f) => f.rules);
    expect(named).toContain('PARAM.ECS.CREATE_DISK_REPLICA_PAIR.PAIR_NAME.REQUIRED');
    expect(named).not.toContain('PROTO.MISSING_REQUIRED');
  });

  it('a wrong code for a refused state: the condition that refused it', () => {
    const stop = ebsCall('StopDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: 'pair-1' });
    const { e, failures } = judged(pairScenario(), stop, error('Forbidden', 403));
    expect(e.kind).toBe('refusal');
    expect(failures.flatMap((f) => f.rules)).toEqual(e.rules);
  });
});

describe('a refusal where the documentation accepts the call', () => {
  it('names what could have let it through, not what a success would have shown', () => {
    const start = ebsCall('StartDiskReplicaPair', { RegionId: 'cn-shanghai', ReplicaPairId: 'pair-1' });
    const { e, failures } = judged(pairScenario(), start, error('OperationDenied'));
    expect(e.rules).toContain('PROTO.SUCCESS_HAS_REQUEST_ID');
    expect(failures.flatMap((f) => f.rules)).toEqual(
      e.rules.filter((r) => r !== 'PROTO.SUCCESS_HAS_REQUEST_ID'),
    );
  });

  it('a replay refused: the replay rule; refused as a parameter mismatch, the signature rule too', () => {
    const replay = [
      'TOKEN.SAME_PARAMS_SAME_RESULT',
      'TOKEN.SIGNATURE_PARAMS_IGNORED',
      'PROTO.SUCCESS_HAS_REQUEST_ID',
    ];
    expect(refusedAcceptanceRules(replay, 'OperationDenied')).toEqual(['TOKEN.SAME_PARAMS_SAME_RESULT']);
    expect(refusedAcceptanceRules(replay, 'IdempotentParameterMismatch')).toEqual(replay.slice(0, 2));
  });
});

describe('the attribution tables', () => {
  it('fall back to every named rule where none of theirs was named', () => {
    const named = ['A', 'B'];
    expect(fieldRules(named, 'ReplicaPairs.0.RPO')).toEqual(named);
    expect(fieldRules(named, 'Field')).toEqual(named);
    expect(refusalRules(['PROTO.MISSING_REQUIRED'])).toEqual(['PROTO.MISSING_REQUIRED']);
  });

  it('a reused token answered otherwise than IdempotentParameterMismatch breaks the mismatch rule, not its letter case', () => {
    const named = ['TOKEN.CASE_SENSITIVE', 'TOKEN.OTHER_PARAMS_MISMATCH'];
    const create = findOperation('ebs', '2021-07-30', 'CreateDiskReplicaPair');
    if (!create) throw new Error('CreateDiskReplicaPair');
    expect(refusalRules(named, { op: create, code: 'NoSuchResource' })).toEqual([
      'TOKEN.OTHER_PARAMS_MISMATCH',
    ]);
    expect(mismatchRules(named)).toEqual(['TOKEN.OTHER_PARAMS_MISMATCH']);
    // Any other refusal keeps its rules.
    expect(mismatchRules(['PAIR.CREATE.ESSD_ONLY'])).toEqual(['PAIR.CREATE.ESSD_ONLY']);
  });

  it('name documented rules', () => {
    const known = new Set(RULES.map((r) => r.id));
    for (const id of FIELD_RULE_IDS) expect(known.has(id), id).toBe(true);
  });

  it('a code documented for one of two conditions, or meaning what its codes mean, shows which one was judged', () => {
    const operation = (action: string) => {
      const op = findOperation('ebs', '2021-07-30', action);
      if (!op) throw new Error(action);
      return op;
    };
    const reprotect = operation('ReprotectDiskReplicaPair');
    const named = ['GROUP.MEMBER_FOLLOWS_GROUP', 'PAIR.REPROTECT.IN_SECONDARY_REGION'];
    // The site code for the other site: documented for the site condition.
    expect(
      refusalRules(named, { op: reprotect, code: 'OperationDenied.OperateNotAllowedForStandby' }),
    ).toEqual(['PAIR.REPROTECT.IN_SECONDARY_REGION']);
    // An authorization code tells nothing: both stay named.
    expect(refusalRules(named, { op: reprotect, code: 'Forbidden' })).toEqual(named);
    // A status code the docs never give, to a Start refused for its status and its attached standby.
    const start = ['PAIR.START.FROM_CREATED_OR_STOPPED', 'PAIR.START.STANDBY_NOT_ATTACHED'];
    expect(
      refusalRules(start, { op: operation('StartDiskReplicaPair'), code: 'IncorrectPairStatus' }),
    ).toEqual(['PAIR.START.FROM_CREATED_OR_STOPPED']);
  });
});
