import { LatencyHistogram } from '../../reports/latency';
import { type Failure, parseRunRecord, type RunRecord } from '../../reports/run-record';

/** Latency statistics of the given samples, as the recorder would write them. */
export function latency(samples: readonly number[]) {
  const h = new LatencyHistogram();
  for (const ms of samples) h.add(ms);
  return h.stats();
}

export const FAILURE: Failure = {
  key: 'error-code|StartDiskReplicaPair|PAIR.START.FROM_CREATED_OR_STOPPED|error_code',
  category: 'error-code',
  title: 'Start of a normal pair answered <Success>',
  operation: 'StartDiskReplicaPair',
  rules: ['PAIR.START.FROM_CREATED_OR_STOPPED'],
  expected: 'OperationDenied.InvalidStatus 403',
  received: '200',
  seed: 42,
  path: '3:1',
  trace: [
    {
      index: 0,
      command: 'CreateDiskReplicaPair(disk#0, disk#1)',
      operation: 'CreateDiskReplicaPair',
      request: { method: 'POST', url: 'http://ebs.example/?Action=CreateDiskReplicaPair', body: '' },
      response: { status: 200, body: '{"RequestId":"r-1","ReplicaPairId":"pair-1"}' },
      expected: 'success',
      rules: ['PAIR.CREATE.ESSD_ONLY'],
    },
    {
      index: 1,
      command: 'StartDiskReplicaPair(pair#0)',
      operation: 'StartDiskReplicaPair',
      request: { method: 'POST', url: 'http://ebs.example/?Action=StartDiskReplicaPair', body: '' },
      response: { status: 200, body: '{"RequestId":"r-2","Note":"<script>alert(1)</script>"}' },
      expected: 'OperationDenied.InvalidStatus 403',
      rules: ['PAIR.START.FROM_CREATED_OR_STOPPED'],
    },
  ],
  replay: 'ebs-conformance replay run.json --failure 1',
};

const rule = (id: string, accepted: number, refused: number, codes: Record<string, number> = {}) => ({
  id,
  family: id.split('.')[0] as string,
  statement: `statement of ${id}`,
  accepted,
  refused,
  violations: 0,
  observedCodes: codes,
  docGaps: {},
});

/** A small but complete record: one failure, a rule never exercised, a doc gap, timings, faults. */
export function sampleRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  const rules = [
    {
      ...rule('PAIR.START.FROM_CREATED_OR_STOPPED', 3, 2, { 'OperationDenied.InvalidStatus': 2 }),
      violations: 1,
    },
    rule('GROUP.ADD.AT_MOST_17', 0, 0),
    {
      ...rule('PAIR.VISIBLE_IN_OWN_REGIONS', 0, 4, { NoSuchResource: 4 }),
      docGaps: { NoSuchResource: 4 },
      // As the catalogue has it (api/rules/cases.ts): its accepting case is a rule of its own.
      oneSided: { only: 'refuse' as const, because: 'its other case is stated as PAIR.EITHER_REGION' },
    },
  ];
  return parseRunRecord(
    {
      version: 2,
      harness: { name: 'ebs-conformance', version: '0.1.0' },
      spec: { operations: 27, rules: rules.length, apis: ['ebs 2021-07-30', 'ecs 2014-05-26'] },
      target: { kind: 'emulator', regions: ['cn-hangzhou', 'cn-shanghai'] },
      seed: 42,
      budget: { runs: 10, maxCommands: 20 },
      startedAt: '2026-11-23T10:00:00.000Z',
      finishedAt: '2026-11-23T10:00:05.000Z',
      verdict: 'nonconformant',
      steps: 120,
      rules,
      coverage: {
        pairs: {
          states: ['created', 'normal'],
          operations: ['StartDiskReplicaPair', 'StopDiskReplicaPair'],
          cells: [
            { state: 'created', operation: 'StartDiskReplicaPair', hits: 3, documented: true },
            { state: 'created', operation: 'StopDiskReplicaPair', hits: 0, documented: true },
            { state: 'normal', operation: 'StartDiskReplicaPair', hits: 2, documented: true },
            { state: 'normal', operation: 'StopDiskReplicaPair', hits: 0, documented: true },
            { state: 'syncing', operation: 'StopDiskReplicaPair', hits: 1, documented: false },
          ],
          documented: 4,
          covered: 2,
        },
        groups: {
          states: ['created'],
          operations: ['StartDiskReplicaGroup'],
          cells: [],
          documented: 0,
          covered: 0,
        },
        errorCodes: [
          {
            operation: 'StartDiskReplicaPair',
            code: 'OperationDenied.InvalidStatus',
            documented: true,
            hits: 2,
          },
          { operation: 'StartDiskReplicaPair', code: 'NoSuchResource', documented: true, hits: 0 },
          { operation: 'StopDiskReplicaPair', code: 'Weird.Undocumented', documented: false, hits: 1 },
        ],
        transitions: [
          { kind: 'pair', from: 'created', to: 'normal', operation: 'StartDiskReplicaPair', hits: 3 },
        ],
      },
      failures: [FAILURE],
      inconclusive: [],
      timings: {
        operations: [
          { operation: 'StartDiskReplicaPair', ...latency([2, 3, 4, 5, 40]) },
          { operation: 'DescribeDiskReplicaPairs', ...latency([1, 1, 1, 2]) },
        ],
        settle: [
          {
            kind: 'pair',
            from: 'created',
            to: 'normal',
            operation: 'StartDiskReplicaPair',
            ...latency([20, 30, 35]),
          },
        ],
      },
      transient: [{ code: 'Throttling', operation: 'StartDiskReplicaPair', seen: 3, retried: 2 }],
      ...overrides,
    },
    'fixture',
  );
}
