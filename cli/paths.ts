/**
 * Paths a command will write, checked before it starts: a run that would fail to write its
 * report after an hour against a real account must fail in the first millisecond instead.
 */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './usage-error';

const kindOf = (path: string): 'directory' | 'file' | undefined => {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'file';
  } catch {
    return undefined;
  }
};

const writable = (flag: string, dir: string) => {
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new UsageError(`${flag}: ${dir} is not writable`);
  }
};

/** A directory the command writes into: created now when missing (as the writer would). */
export function checkOutputDir(flag: string, path: string): void {
  const dir = resolve(path);
  if (kindOf(dir) === 'file') throw new UsageError(`${flag} ${path} names a file, not a directory`);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new UsageError(`${flag}: cannot create ${path} (${(err as NodeJS.ErrnoException).code})`);
  }
  writable(flag, dir);
}

/** A file the command creates or appends to: its directory must exist and it must not be one. */
export function checkOutputFile(flag: string, path: string): void {
  const file = resolve(path);
  if (kindOf(file) === 'directory') throw new UsageError(`${flag} ${path} names a directory, not a file`);
  const dir = dirname(file);
  if (kindOf(dir) !== 'directory') throw new UsageError(`${flag}: the directory of ${path} does not exist`);
  writable(flag, kindOf(file) === 'file' ? file : dir);
}

/** A file the command reads. */
export function checkInputFile(flag: string, path: string): void {
  const kind = kindOf(resolve(path));
  if (kind === undefined) throw new UsageError(`${flag}: ${path} does not exist`);
  if (kind === 'directory') throw new UsageError(`${flag} ${path} names a directory, not a file`);
}

/** The paths of `run`: the report directory, the cassette written or read, the journal. */
export function checkRunPaths(flags: {
  readonly reportDir: string;
  readonly record?: string | undefined;
  readonly cassette?: string | undefined;
  readonly journal?: string | undefined;
}): void {
  checkOutputDir('--report-dir', flags.reportDir);
  if (flags.record !== undefined) checkOutputFile('--record', flags.record);
  if (flags.cassette !== undefined) checkInputFile('--cassette', flags.cassette);
  // The journal defaults into the report directory, checked above.
  if (flags.journal !== undefined) checkOutputFile('--journal', flags.journal);
}
