/**
 * Accepted divergences: differences between a recording and the emulator that are known and
 * explained, each with its reason, kept in a JSON file (parity/accepted.json by default):
 * `{"version":1,"accepted":[{"path":"DescribeDisks:Disks.Disk[*].Description","reason":"..."}]}`.
 * `path` is a divergence path (`Action:Field[2].Sub`, `Action:<status>`) where `*` matches any
 * run of characters, so `[*]` stands for any index and `*:Message` for every operation.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Divergence } from './diff';

export const AcceptedFile = z.object({
  version: z.literal(1),
  accepted: z.array(
    z.object({
      path: z.string().min(1),
      reason: z.string().min(1, 'every accepted divergence needs a reason'),
    }),
  ),
});
export type AcceptedFile = z.infer<typeof AcceptedFile>;
export type Accepted = AcceptedFile['accepted'][number];

export class AcceptedFileError extends Error {
  override readonly name = 'AcceptedFileError';
}

export function readAccepted(file: string): AcceptedFile {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AcceptedFileError(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = AcceptedFile.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AcceptedFileError(
      `${file}: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}

const glob = (pattern: string) =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );

/** The accepted entry that explains a divergence, if any. */
export function explain(accepted: readonly Accepted[]): (d: Divergence) => Accepted | undefined {
  const patterns = accepted.map((a) => ({ a, re: glob(a.path) }));
  return (d) => patterns.find(({ re }) => re.test(`${d.operation}:${d.path}`))?.a;
}
