import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { type ServiceState, STATE_FORMAT, STATE_FORMAT_VERSION } from './state';

/**
 * The state file. Every acknowledged change is written before the call returns, atomically:
 * a temporary file in the same directory is written and fsynced, renamed over the state file,
 * and the directory is fsynced so the rename itself survives a crash. A kill at any moment
 * leaves either the old file or the new one, never half of one.
 */
export class StateFileError extends Error {
  override readonly name = 'StateFileError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`state file ${path} cannot be used: ${reason}; it was left untouched`);
  }
}

const record = <T extends z.ZodType>(item: T) => z.record(z.string(), item);
const withId = (idField: string) => z.looseObject({ [idField]: z.string().min(1), seq: z.number().int() });

// Checks the shape enough to refuse a foreign or damaged file before any of it is used.
const StateFileSchema = z.object({
  format: z.literal(STATE_FORMAT),
  formatVersion: z.literal(STATE_FORMAT_VERSION),
  ids: z.object({ seed: z.number().int(), counter: z.number().int().nonnegative() }),
  savedAt: z.number(),
  accounts: record(
    z.object({
      disks: record(withId('diskId')),
      pairs: record(withId('pairId')),
      groups: record(withId('groupId')),
      tokens: record(
        z.object({
          fingerprint: z.string(),
          body: z.record(z.string(), z.unknown()),
          error: z
            .object({ code: z.string(), message: z.string(), httpStatus: z.number().int().optional() })
            .optional(),
        }),
      ),
    }),
  ),
});

/** The saved state, or undefined when there is no file yet. */
export function loadState(path: string): ServiceState | undefined {
  if (!existsSync(path)) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new StateFileError(path, `it cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new StateFileError(path, 'it is not valid JSON');
  }
  const format = (data as { format?: unknown } | null)?.format;
  if (format !== STATE_FORMAT)
    throw new StateFileError(path, 'it is not an ebs-conformance emulator state file');
  const version = (data as { formatVersion?: unknown }).formatVersion;
  if (version !== STATE_FORMAT_VERSION) {
    throw new StateFileError(
      path,
      `format version ${String(version)} is not supported (expected ${STATE_FORMAT_VERSION})`,
    );
  }
  const parsed = StateFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StateFileError(
      path,
      `it is damaged at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return data as ServiceState;
}

function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms cannot open or fsync a directory; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function saveState(path: string, state: ServiceState): void {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(state));
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    unlinkSync(tmp);
    throw err;
  }
  closeSync(fd);
  renameSync(tmp, path);
  fsyncDirectory(dir);
}
