/**
 * CPU time spent by this process and by a child, to split a checked call's cost between the
 * harness (client) and the emulator (server): a ratio to the raw limit says how far off the
 * budget is, the split says which side to make cheaper.
 */
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/PID/stat times: 100 on every Linux build Node supports. */
const TICKS_PER_SECOND = 100;

/** User + system CPU milliseconds of this process. */
export function ownCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** User + system CPU milliseconds of another process, or undefined where /proc is not available. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
