/**
 * The state file's lock: one emulator per state file. Two emulators writing one file would each
 * overwrite what the other acknowledged. The lock is a file beside the state (`STATE.lock`),
 * created exclusively and naming its holder (pid, and the process's start time where /proc tells
 * it, so a pid reused after a crash is not mistaken for the holder). A lock whose holder is gone
 * (kill -9), or is a zombie its parent has not reaped yet, is stale: it is taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

export class StateLockedError extends Error {
  override readonly name = 'StateLockedError';
  constructor(
    readonly path: string,
    readonly holder: LockHolder,
  ) {
    super(
      `state file ${path} is in use by another emulator (pid ${holder.pid} on ${holder.host}, since ${new Date(holder.since).toISOString()}); stop it or give another --state file`,
    );
  }
}

interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly since: number;
  /** Field 22 of /proc/PID/stat: when the process started, in clock ticks after boot. */
  readonly started?: string;
}

export interface StateLock {
  readonly path: string;
  /** Whether a stale lock (its holder gone) was taken over. */
  readonly tookOver?: LockHolder;
  release(): void;
}

/** Fields 3 on of /proc/PID/stat (state, ppid, ...); undefined where /proc does not tell. */
function procStat(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Field 22: when the process started, in clock ticks after boot. */
const startTicks = (pid: number): string | undefined => procStat(pid)?.[19];

/** Is the holder still running? Only decidable on this host; another host's lock is held. */
function alive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = procStat(holder.pid);
  // A zombie (killed, not yet reaped by its parent) answers signal 0 but runs no more.
  if (stat?.[0] === 'Z') return false;
  return holder.started === undefined || stat?.[19] === undefined ? true : stat[19] === holder.started;
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    if (typeof data.pid !== 'number' || typeof data.host !== 'string') return undefined;
    return { since: 0, ...data } as LockHolder;
  } catch {
    return undefined;
  }
}

function create(path: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Takes the lock of `stateFile`, taking over a stale one; throws StateLockedError when held. */
export function lockStateFile(stateFile: string): StateLock {
  const path = `${stateFile}.lock`;
  const started = startTicks(process.pid);
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    since: Date.now(),
    ...(started ? { started } : {}),
  };
  let tookOver: LockHolder | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (create(path, me)) {
      const mine = readHolder(path);
      // Two takers of one stale lock: the later unlink removed the earlier one's lock; it lost.
      if (mine?.pid !== me.pid || mine.since !== me.since) continue;
      return {
        path,
        ...(tookOver ? { tookOver } : {}),
        release() {
          const now = readHolder(path);
          if (now?.pid === me.pid && now.since === me.since) unlinkSync(path);
        },
      };
    }
    const holder = readHolder(path);
    // Unreadable: a holder that died between creating and writing it, or a foreign file.
    if (holder && alive(holder)) throw new StateLockedError(stateFile, holder);
    tookOver = holder ?? { pid: 0, host: 'unknown', since: 0 };
    try {
      unlinkSync(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  const holder = readHolder(path) ?? { pid: 0, host: 'unknown', since: 0 };
  throw new StateLockedError(stateFile, holder);
}
