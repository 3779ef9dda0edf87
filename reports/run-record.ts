import { z } from 'zod';

/**
 * The run record (`run.json`): everything a report is rendered from. Versioned; every reader
 * validates it with this schema, so a record from another version is a clear error, not a crash.
 */
export const RUN_RECORD_VERSION = 1;

export const Verdict = z.enum(['conformant', 'nonconformant', 'inconclusive', 'harness-error']);
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
});
export type TraceStep = z.infer<typeof TraceStep>;

export const Failure = z.object({
  /** Deduplication key: category + operation + rules + what differed. */
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
  trace: z.array(TraceStep),
  replay: z.string(),
});
export type Failure = z.infer<typeof Failure>;

export const RuleResult = z.object({
  id: z.string(),
  statement: z.string(),
  accepted: z.number().int(),
  refused: z.number().int(),
  violations: z.number().int(),
  /** Codes the target actually answered where this rule decided; undocumented choices show here. */
  observedCodes: z.record(z.string(), z.number().int()),
});
export type RuleResult = z.infer<typeof RuleResult>;

export const CoverageCell = z.object({ state: z.string(), operation: z.string(), hits: z.number().int() });
export const StateCoverage = z.object({
  cells: z.array(CoverageCell),
  /** Documented cells (state x operation) and how many were hit. */
  documented: z.number().int(),
  covered: z.number().int(),
});

export const OperationTiming = z.object({
  operation: z.string(),
  count: z.number().int(),
  p50: z.number(),
  p90: z.number(),
  p99: z.number(),
  max: z.number(),
});

export const RunRecord = z.object({
  version: z.literal(RUN_RECORD_VERSION),
  harness: z.object({ name: z.string(), version: z.string() }),
  spec: z.object({ operations: z.number().int(), rules: z.number().int() }),
  target: z.object({ kind: z.string(), endpoint: z.string().optional() }),
  seed: z.number().int(),
  runs: z.number().int(),
  maxCommands: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string(),
  verdict: Verdict,
  steps: z.number().int(),
  rules: z.array(RuleResult),
  coverage: z.object({
    pairs: StateCoverage,
    groups: StateCoverage,
    errorCodes: z.array(z.object({ operation: z.string(), code: z.string(), hits: z.number().int() })),
    transitions: z.array(z.object({ from: z.string(), to: z.string(), hits: z.number().int() })),
  }),
  failures: z.array(Failure),
  inconclusive: z.array(z.object({ operation: z.string(), reason: z.string() })),
  timings: z.array(OperationTiming),
  transient: z.array(z.object({ code: z.string(), count: z.number().int() })),
});
export type RunRecord = z.infer<typeof RunRecord>;

export class RunRecordError extends Error {
  override readonly name = 'RunRecordError';
}

/** Parses a run record, with a readable message naming the first problem. */
export function parseRunRecord(json: unknown, source: string): RunRecord {
  const parsed = RunRecord.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') || '(root)';
  throw new RunRecordError(
    `${source} is not a run record of version ${RUN_RECORD_VERSION}: ${where}: ${issue?.message}`,
  );
}
