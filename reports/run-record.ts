import { z } from 'zod';
import { LatencyStats } from './latency';

/**
 * The run record (`run.json`): everything a report is rendered from. Versioned; every reader
 * validates it with this schema, so a record of another version is a clear error, not a crash.
 * Every step is kept as an aggregate (counts, histograms); whole requests and responses are kept
 * only in the traces of failures, so the record stays small however long the run.
 */
export const RUN_RECORD_VERSION = 2;

const count = z.number().int().nonnegative();
/** `{ key: how many }`, e.g. error codes observed. */
const Counts = z.record(z.string(), count);

/** `interrupted`: a signal stopped the run; what it judged until then is in the record. */
export const Verdict = z.enum([
  'conformant',
  'nonconformant',
  'inconclusive',
  'harness-error',
  'interrupted',
]);
export type Verdict = z.infer<typeof Verdict>;

export const FailureCategory = z.enum([
  'schema',
  'http-status',
  'error-code',
  'state',
  'transition',
  'invariant',
  'idempotency',
  'pagination',
  'visibility',
  'inconsistent-reading',
]);
export type FailureCategory = z.infer<typeof FailureCategory>;

/** One call of a sequence as the report shows it: redacted request, response, what was allowed. */
export const TraceStep = z.object({
  index: z.number().int(),
  command: z.string(),
  operation: z.string(),
  request: z.object({ method: z.string(), url: z.string(), body: z.string().optional() }).optional(),
  response: z.object({ status: z.number().int(), body: z.string() }).optional(),
  expected: z.string(),
  rules: z.array(z.string()),
  /** Transient answers retried before this one (`Throttling (attempt 1)`): every attempt is on record. */
  attempts: z.array(z.string()).optional(),
});
export type TraceStep = z.infer<typeof TraceStep>;

export const Failure = z.object({
  /** Identity across runs (compare): category + operation + rules + the check that failed. */
  key: z.string(),
  category: FailureCategory,
  title: z.string(),
  operation: z.string(),
  rules: z.array(z.string()),
  expected: z.string(),
  received: z.string(),
  seed: z.number().int(),
  path: z.string().optional(),
  /** fast-check's record of which commands ran, needed with `path` to replay a command sequence. */
  commandsPath: z.string().optional(),
  /** The shrunk sequence, every request and response. */
  trace: z.array(TraceStep),
  replay: z.string(),
  /** Other checks that failed on the same answer: a step keeps every failure, not the first. */
  also: z
    .array(
      z.object({
        check: z.string(),
        category: FailureCategory,
        title: z.string(),
        rules: z.array(z.string()),
        expected: z.string(),
        received: z.string(),
      }),
    )
    .optional(),
});
export type Failure = z.infer<typeof Failure>;

export const RuleResult = z.object({
  id: z.string(),
  /** The first segment of the ID (PAIR, GROUP, PROTO, ...): JUnit class name and report grouping. */
  family: z.string(),
  statement: z.string(),
  /**
   * Calls where this rule let the call through, and where it refused it: the model's refusals,
   * and the target's refusals where the model allowed one beside the success (an open reading).
   */
  accepted: count,
  refused: count,
  violations: count,
  /** Codes the target actually answered where this rule decided. */
  observedCodes: Counts,
  /** The subset answered where the docs name no code (the model allowed several): doc gaps. */
  docGaps: Counts,
  /** The docs give this rule one case only (api/rules/cases.ts): the other is not missing. */
  oneSided: z.object({ only: z.enum(['accept', 'refuse', 'either']), because: z.string() }).optional(),
  /** Whether the run's depth (`depth`) is meant to reach this rule; absent without a depth. */
  meant: z.boolean().optional(),
});
export type RuleResult = z.infer<typeof RuleResult>;

/** The `run --depth` a run was made at, and how many rules that depth is meant to reach. */
export const DepthRecord = z.object({
  name: z.string(),
  runs: count,
  maxCommands: count,
  /** What the depth leaves to a deeper one, in one line (empty when it is meant to reach every rule). */
  leaves: z.string(),
  meantRules: count,
});
export type DepthRecord = z.infer<typeof DepthRecord>;

export const CoverageCell = z.object({
  state: z.string(),
  operation: z.string(),
  hits: count,
  /** A cell of the documented matrix; hits outside it are shown but not counted as coverage. */
  documented: z.boolean(),
});
export type CoverageCell = z.infer<typeof CoverageCell>;

/** A state × operation matrix: every documented cell (hit or not) and any other cell that was hit. */
export const StateCoverage = z.object({
  states: z.array(z.string()),
  operations: z.array(z.string()),
  cells: z.array(CoverageCell),
  documented: count,
  covered: count,
});
export type StateCoverage = z.infer<typeof StateCoverage>;

export const ErrorCodeCoverage = z.object({
  operation: z.string(),
  code: z.string(),
  /** Listed on the operation's own doc page. */
  documented: z.boolean(),
  hits: count,
});
export type ErrorCodeCoverage = z.infer<typeof ErrorCodeCoverage>;

export const ResourceKind = z.enum(['pair', 'group']);

/** A settled status change: `created --StartDiskReplicaPair--> normal`; `(none)` before a create. */
export const Transition = z.object({
  kind: ResourceKind,
  from: z.string(),
  to: z.string(),
  operation: z.string(),
  hits: count,
});
export type Transition = z.infer<typeof Transition>;

export const OperationTiming = LatencyStats.extend({ operation: z.string() });
export type OperationTiming = z.infer<typeof OperationTiming>;

/** Wall time from an accepted change until the listings showed its settled state. */
export const SettleTiming = LatencyStats.extend({
  kind: ResourceKind,
  from: z.string(),
  to: z.string(),
  operation: z.string(),
});
export type SettleTiming = z.infer<typeof SettleTiming>;

/**
 * The statuses an accepted change was seen to pass through until it settled, beside the path the
 * model allows: `stopping → stopped` observed against `stopping → stopped`.
 */
export const ObservedPath = LatencyStats.extend({
  kind: z.enum(['pair', 'group', 'disk', 'drill']),
  operation: z.string(),
  model: z.string(),
  observed: z.string(),
});
export type ObservedPath = z.infer<typeof ObservedPath>;

/**
 * How sharp the oracle was: of the refusals the model expected, how many allowed exactly one
 * code, two, three, more; and how many calls left both success and a refusal open.
 */
export const Sharpness = z.object({
  refusals: count,
  oneCode: count,
  twoCodes: count,
  threeCodes: count,
  moreCodes: count,
  successOrRefusal: count,
  calls: count,
});
export type Sharpness = z.infer<typeof Sharpness>;

/** The sharpness of a run that judged nothing yet: what counting starts from. */
export const noSharpness = (): Sharpness => ({
  refusals: 0,
  oneCode: 0,
  twoCodes: 0,
  threeCodes: 0,
  moreCodes: 0,
  successOrRefusal: 0,
  calls: 0,
});

/** How the target read one ambiguous point of the docs (api/readings.ts). */
export const ReadingRecord = z.object({
  id: z.string(),
  question: z.string(),
  /** The alternative the target showed; absent when no call decided it (not observed). */
  choice: z.string().optional(),
  /** The call that showed it, as the call log names it. */
  exchange: z.string().optional(),
  /** Fixed before the run with `--reading`. */
  fixed: z.string().optional(),
});
export type ReadingRecord = z.infer<typeof ReadingRecord>;

export const TransientFault = z.object({
  /** Error code (`Throttling.User`) or failure reason (`timeout`, `network`). */
  code: z.string(),
  operation: z.string(),
  /** Every time the fault was answered; `retried` of those were retried, the rest ended the call. */
  seen: count,
  retried: count,
});
export type TransientFault = z.infer<typeof TransientFault>;

/** One shard of a merged run (`ebs-conformance merge`). */
export const Shard = z.object({
  seed: z.number().int(),
  runs: count,
  steps: count,
  verdict: Verdict,
  startedAt: z.string(),
  finishedAt: z.string(),
});

/** Resources of a real run by kind, with the size of its disks. */
export const RealResources = z.object({ disks: count, pairs: count, groups: count, gib: count });

/** A resource the cleanup found: removed, or still there when it ended. */
export const SweptResource = z.object({
  kind: z.enum(['group', 'pair', 'disk']),
  id: z.string(),
  region: z.string(),
  /** Its status when the cleanup first (removed) or last (left) saw it. */
  status: z.string(),
});
export type SweptResource = z.infer<typeof SweptResource>;

/** What a run against a real account (`--target real`) created, held and left behind. */
export const RealRunRecord = z.object({
  runId: z.string(),
  caps: RealResources.extend({ calls: count, minutes: z.number().nonnegative() }),
  /** Calls sent, retries included; the reason the run was stopped, when a cap or signal did. */
  calls: count,
  stopped: z.string().optional(),
  /** Creates that succeeded over the whole run, and the most held at once. */
  created: RealResources,
  peakLive: RealResources,
  cleanup: z.object({
    /** `clean`: nothing left; `incomplete`: something is; `failed`: the sweep itself failed. */
    result: z.enum(['clean', 'incomplete', 'failed']),
    removed: z.array(SweptResource),
    left: z.array(SweptResource),
    calls: count,
    error: z.string().optional(),
    /** The command that finishes the job when something is left. */
    again: z.string().optional(),
  }),
  /** The cleanups after each sequence (absent in records from before they existed). */
  betweenSequences: z
    .object({
      sequences: count,
      calls: count,
      removed: z.array(SweptResource),
      /** Each cleanup that left something or failed: what its sequence held, what was seen left. */
      failures: z.array(
        z.object({
          lane: count,
          sequence: count,
          held: z.array(z.string()),
          left: z.array(SweptResource),
          error: z.string().optional(),
        }),
      ),
    })
    .optional(),
});
export type RealRunRecord = z.infer<typeof RealRunRecord>;

/** A value the docs do not list, as often as the run saw it, with the first call that showed it. */
export const UndocumentedValue = z.object({
  operation: z.string(),
  /** The field, with row indices as `*` (`ReplicaPairs.*.StatusMessage`). */
  field: z.string(),
  value: z.string(),
  documented: z.array(z.string()),
  count,
  exchange: z.string(),
});
export type UndocumentedValue = z.infer<typeof UndocumentedValue>;

export const RunRecord = z.object({
  version: z.literal(RUN_RECORD_VERSION),
  harness: z.object({ name: z.string(), version: z.string() }),
  spec: z.object({
    operations: count,
    rules: count,
    /** The API versions the spec describes: `ebs 2021-07-30`, `ecs 2014-05-26`. */
    apis: z.array(z.string()),
  }),
  target: z.object({
    kind: z.string(),
    endpoint: z.string().optional(),
    /** The emulator deviation the run was made against (`run --fault-profile`). */
    faultProfile: z.string().optional(),
    /** The alternatives the emulator played (`run --emulator-reading`), by reading ID. */
    emulatorReadings: z.record(z.string(), z.string()).optional(),
    regions: z.array(z.string()),
  }),
  seed: z.number().int(),
  budget: z.object({ runs: count, maxCommands: count }),
  /** `run --depth`: which rules this depth is meant to reach (absent for runs made without one). */
  depth: DepthRecord.optional(),
  startedAt: z.string(),
  finishedAt: z.string(),
  verdict: Verdict,
  steps: count,
  shards: z.array(Shard).optional(),
  /**
   * Stopped early (a signal, a cap): the sequences each lane had started by then, in lane order
   * (lane k draws from seed + k). A whole-run replay runs these and no more.
   */
  stoppedAfter: z.array(count).optional(),
  rules: z.array(RuleResult),
  coverage: z.object({
    pairs: StateCoverage,
    groups: StateCoverage,
    errorCodes: z.array(ErrorCodeCoverage),
    transitions: z.array(Transition),
  }),
  failures: z.array(Failure),
  inconclusive: z.array(z.object({ operation: z.string(), reason: z.string() })),
  timings: z.object({ operations: z.array(OperationTiming), settle: z.array(SettleTiming) }),
  transient: z.array(TransientFault),
  /** Observed transition paths with their timing (absent in records of older harnesses). */
  observedPaths: z.array(ObservedPath).optional(),
  sharpness: Sharpness.optional(),
  /** Values outside a documented list: findings of their own, failing the run only when strict. */
  undocumentedValues: z.array(UndocumentedValue).optional(),
  /** The run was strict (`run --strict`): an undocumented value was a nonconformance. */
  strict: z.boolean().optional(),
  readings: z.array(ReadingRecord).optional(),
  /** `--target real` only: resources created, the caps, and the cleanup's result with IDs. */
  real: RealRunRecord.optional(),
});
export type RunRecord = z.infer<typeof RunRecord>;

export class RunRecordError extends Error {
  override readonly name = 'RunRecordError';
}

/** Parses a run record, with a readable message naming the first problem. */
export function parseRunRecord(json: unknown, source: string): RunRecord {
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version !== RUN_RECORD_VERSION)
    throw new RunRecordError(
      `${source} is a run record of version ${version}; this harness reads version ${RUN_RECORD_VERSION} (re-run the suite to get a current record)`,
    );
  const parsed = RunRecord.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') || '(root)';
  throw new RunRecordError(
    `${source} is not a run record of version ${RUN_RECORD_VERSION}: ${where}: ${issue?.message}`,
  );
}

/** Rules exercised at all (in an accepting or a refusing case). */
export const exercised = (r: Pick<RuleResult, 'accepted' | 'refused'>) => r.accepted + r.refused > 0;

/**
 * The case a rule was not seen in although the docs give it two: undefined when it was seen in
 * both, in its one documented case (RuleResult.oneSided), or not at all (not exercised).
 */
export function missingCase(
  r: Pick<RuleResult, 'accepted' | 'refused' | 'oneSided'>,
): 'accepting' | 'refusing' | undefined {
  if (!exercised(r) || r.oneSided) return undefined;
  if (r.accepted === 0) return 'accepting';
  return r.refused === 0 ? 'refusing' : undefined;
}
