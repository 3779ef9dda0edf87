/**
 * CPU time spent by this process, by a child, and by each thread of this process: to split a
 * checked call's cost between the harness (client) and the emulator (server), and a worker run's
 * between the lanes' own threads and V8's helpers. A ratio to a limit says how far off the budget
 * is; the split says which side to make cheaper.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc stat times: 100 on every Linux build Node supports. */
const TICKS_PER_SECOND = 100;

/** User + system CPU milliseconds of this process. */
export function ownCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** User + system CPU milliseconds in a /proc `stat` text (of a process or of one thread). */
export function statCpuMs(stat: string): number {
  // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** User + system CPU milliseconds of another process, or undefined where /proc is not available. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    return statCpuMs(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * CPU milliseconds of each live thread of this process by thread id (the main thread's id is the
 * pid), or undefined where /proc is not available. A thread that ended is no longer listed.
 */
export function threadCpuMs(): Map<number, number> | undefined {
  const out = new Map<number, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        out.set(Number(tid), statCpuMs(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')));
      } catch {
        // It ended between the listing and the read: it was not one of the threads we compare.
      }
    }
  } catch {
    return undefined;
  }
  return out;
}

/**
 * The CPU of `run` split between the threads that existed before it (this process's main thread
 * apart) and everything else. Before a run that starts worker threads, the threads alive are
 * the main thread and the helpers Node starts with it: V8's platform pool, which compiles
 * optimised code and does concurrent GC work for every isolate, and libuv's. Whatever is not
 * theirs or the main thread's was spent by the threads the run started, ended or not.
 */
export async function cpuSplit<T>(
  run: () => Promise<T>,
): Promise<{ result: T; totalMs: number; helpersMs: number | undefined }> {
  const before = threadCpuMs();
  const total0 = ownCpuMs();
  const result = await run();
  const totalMs = ownCpuMs() - total0;
  const after = threadCpuMs();
  if (!before || !after) return { result, totalMs, helpersMs: undefined };
  let helpersMs = 0;
  for (const [tid, ms] of before)
    if (tid !== process.pid && after.has(tid)) helpersMs += (after.get(tid) as number) - ms;
  return { result, totalMs, helpersMs };
}
