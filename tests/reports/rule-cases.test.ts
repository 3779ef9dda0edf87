import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../adapters/target';
import type { RunEvent } from '../../properties/events';
import { RunRecordBuilder } from '../../reports/run-record-builder';

// Which case of a rule a call judged: the model's refusal, or the target's refusal where the model
// allowed one beside the success (PAIR.CREATE.POSTPAY_BANDWIDTH while postpay-bandwidth is open).

const RULE = 'PAIR.CREATE.POSTPAY_BANDWIDTH';
const matrix = { states: [], operations: [], documented: [] };
const refused: Outcome = {
  kind: 'error',
  httpStatus: 400,
  code: 'InvalidParameter',
  message: '',
  requestId: 'r',
};
const accepted: Outcome = { kind: 'success', body: { RequestId: 'r' } };

function tally(...calls: { allowed: 'success' | 'refusal'; allowedCodes: number; outcome: Outcome }[]) {
  const b = new RunRecordBuilder();
  const events: RunEvent[] = [
    {
      type: 'run-started',
      startedAt: new Date(0),
      harnessVersion: 'test',
      target: { kind: 'direct' },
      regions: [],
      seed: 1,
      runs: 1,
      maxCommands: 1,
      coverage: { pairs: matrix, groups: matrix },
    },
    ...calls.map(
      (c): RunEvent => ({
        type: 'answer-judged',
        operation: { product: 'ebs', version: '2021-07-30', action: 'CreateDiskReplicaPair' },
        params: {},
        rules: [RULE],
        undocumented: true,
        retried: [],
        durationMs: 1,
        subjects: [],
        ...c,
      }),
    ),
    { type: 'run-ended', finishedAt: new Date(1), verdict: 'conformant', failures: [] },
  ];
  for (const e of events) b.on(e);
  const r = b.record().rules.find((x) => x.id === RULE);
  return [r?.accepted, r?.refused];
}

describe('the case a call judged a rule in', () => {
  it("a refusal the model allowed beside the success counts as the rule's refusing case", () => {
    expect(tally({ allowed: 'success', allowedCodes: 1, outcome: refused })).toEqual([0, 1]);
    expect(tally({ allowed: 'success', allowedCodes: 1, outcome: accepted })).toEqual([1, 0]);
  });

  it("the model's own refusal is the refusing case; a success it alone allowed is the accepting one", () => {
    expect(tally({ allowed: 'refusal', allowedCodes: 1, outcome: refused })).toEqual([0, 1]);
    expect(tally({ allowed: 'success', allowedCodes: 0, outcome: refused })).toEqual([1, 0]);
  });
});
