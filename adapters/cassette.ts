/**
 * A cassette: every exchange of a run, redacted, in the order it happened, so the run can be
 * served again (`--target replay`) or re-asked of the emulator (`parity`). JSON Lines, one
 * object a line: a header first, then one event a line. Appending a line per event means a run
 * killed half-way still leaves a readable cassette of what it did. Every line is validated on
 * read: a cassette of another version, or a damaged one, is a clear error naming the line.
 *
 * Line 1 (header): `{"cassette":"ebs-conformance","version":1,"recordedAt":ISO,"target":{kind,
 * endpoint?,capabilities},"run"?:{seed,runs,maxCommands,concurrency?}}`.
 * Then events: `{"type":"exchange",seq,product,apiVersion,action,region?,variant,params,request,
 * response?,failure?,attempts,startedAt,durationMs}`, `{"type":"reset",seq}`,
 * `{"type":"advance-clock",seq,ms}`. `params` are the business parameters of the call the run
 * made, in their wire form and redacted: what a replay matches on. `request` is what went on the
 * wire (a real target adds its run's tag and names): what parity sends again.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export const CASSETTE_VERSION = 1;

const Capabilities = z.object({
  reset: z.boolean(),
  clockControl: z.boolean(),
  admin: z.boolean(),
  costsMoney: z.boolean(),
  parallelSafe: z.boolean(),
});

export const CassetteHeader = z.object({
  cassette: z.literal('ebs-conformance'),
  version: z.literal(CASSETTE_VERSION),
  recordedAt: z.string(),
  target: z.object({
    kind: z.string(),
    endpoint: z.string().optional(),
    capabilities: Capabilities,
    /** The only resource groups the run could name (a real run's): a replay draws the same calls. */
    resourceGroups: z.array(z.string()).optional(),
  }),
  /** What the run was asked for, so a replay can default to the same seed and size. */
  run: z
    .object({
      seed: z.number().int(),
      runs: z.number().int(),
      maxCommands: z.number().int(),
      /** Sequences side by side; a replay must run as many to ask the same calls. */
      concurrency: z.number().int().optional(),
    })
    .optional(),
});
export type CassetteHeader = z.infer<typeof CassetteHeader>;

const Recorded = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
});

export const ExchangeEvent = z.object({
  type: z.literal('exchange'),
  seq: z.number().int().nonnegative(),
  product: z.enum(['ebs', 'ecs']),
  apiVersion: z.string(),
  action: z.string(),
  region: z.string().optional(),
  variant: z.object({
    method: z.enum(['GET', 'POST']),
    format: z.enum(['JSON', 'XML']),
    signature: z.enum(['v1', 'v3']),
    paramsIn: z.enum(['query', 'body', 'split']),
  }),
  params: z.record(z.string(), z.string()),
  request: z.object({
    method: z.enum(['GET', 'POST']),
    url: z.string(),
    headers: z.record(z.string(), z.string()),
    body: z.string(),
  }),
  /** Absent when no response came (network failure, timeout, nothing sent). */
  response: Recorded.optional(),
  /** Why there is no response. */
  failure: z
    .object({ reason: z.enum(['network', 'timeout', 'unencodable', 'refused']), message: z.string() })
    .optional(),
  /** 0 when nothing went on the wire (a parameter could not be encoded). */
  attempts: z.number().int().nonnegative(),
  startedAt: z.number(),
  durationMs: z.number(),
});
export type ExchangeEvent = z.infer<typeof ExchangeEvent>;

export const CassetteEvent = z.discriminatedUnion('type', [
  ExchangeEvent,
  z.object({ type: z.literal('reset'), seq: z.number().int().nonnegative() }),
  z.object({ type: z.literal('advance-clock'), seq: z.number().int().nonnegative(), ms: z.number() }),
]);
export type CassetteEvent = z.infer<typeof CassetteEvent>;

export interface Cassette {
  readonly header: CassetteHeader;
  readonly events: readonly CassetteEvent[];
}

export class CassetteError extends Error {
  override readonly name = 'CassetteError';
}

function parseLine<T>(schema: z.ZodType<T>, line: string, where: string): T {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new CassetteError(`${where}: not JSON (${(err as Error).message})`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CassetteError(`${where}: ${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export function parseCassette(text: string, file = 'cassette'): Cassette {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new CassetteError(`${file} is empty: not a cassette`);
  const head = safeJson(lines[0] as string) as { cassette?: unknown; version?: unknown } | undefined;
  if (head?.cassette !== 'ebs-conformance')
    throw new CassetteError(`${file}: line 1 is not an ebs-conformance cassette header`);
  if (head.version !== CASSETTE_VERSION)
    throw new CassetteError(
      `${file} is cassette version ${String(head.version)}; this harness reads version ${CASSETTE_VERSION}`,
    );
  const header = parseLine(CassetteHeader, lines[0] as string, `${file}:1`);
  const events = lines.slice(1).map((l, i) => parseLine(CassetteEvent, l, `${file}:${i + 2}`));
  return { header, events };
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

export function readCassette(file: string): Cassette {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CassetteError(`cannot read cassette ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
  return parseCassette(text, file);
}

/** Appends one line per event; the file is created (or truncated) with its header. */
export interface CassetteWriter {
  write(event: CassetteEvent): void;
  close(): void;
}

export function cassetteWriter(file: string, header: CassetteHeader): CassetteWriter {
  let fd: number | undefined;
  try {
    mkdirSync(dirname(file), { recursive: true });
    fd = openSync(file, 'w');
  } catch (err) {
    throw new CassetteError(`cannot write cassette ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
  writeSync(fd, `${JSON.stringify(header)}\n`);
  return {
    write(event) {
      if (fd === undefined) throw new CassetteError(`cassette ${file} is closed`);
      writeSync(fd, `${JSON.stringify(event)}\n`);
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}
