/**
 * Progress of a long run. On a terminal: one line rewritten in place (sequences, calls, and on a
 * real account the pending transitions, live resources and the budget). Elsewhere (CI logs): the
 * same line printed plainly every `everyMs`, so a log shows the run is alive without drowning in
 * redraws. No dependency: a carriage return and an erase-line escape are all a one-line display
 * needs; colour only on a terminal and never with NO_COLOR set.
 */
export interface ProgressSnapshot {
  readonly calls: number;
  readonly callCap?: number;
  readonly sequences: number;
  readonly sequenceTotal: number;
  readonly pending?: number;
  readonly live?: { readonly disks: number; readonly pairs: number; readonly groups: number };
  readonly elapsedMs: number;
  readonly budgetMs?: number;
  readonly stopped?: string | undefined;
}

export interface ProgressOptions {
  readonly stream: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Plain lines at most this often when not on a terminal. */
  readonly everyMs?: number;
  readonly now?: () => number;
  /** Colour the stop reason on a terminal (default: unless NO_COLOR is set). */
  readonly color?: boolean;
}

export interface Progress {
  update(snapshot: ProgressSnapshot): void;
  /** Ends the display: a terminal gets its line finished with a newline. */
  done(): void;
}

const clock = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** https://no-color.org: any non-empty value turns colour off. */
export const colorAllowed = (env: NodeJS.ProcessEnv = process.env): boolean => !env.NO_COLOR;

export function formatProgress(p: ProgressSnapshot, paint = (text: string) => text): string {
  const { live } = p;
  return [
    `sequence ${p.sequences}/${p.sequenceTotal}`,
    `calls ${p.calls}${p.callCap !== undefined ? `/${p.callCap}` : ''}`,
    ...(p.pending !== undefined ? [`pending ${p.pending}`] : []),
    ...(live ? [`live ${live.disks} disks ${live.pairs} pairs ${live.groups} groups`] : []),
    `elapsed ${clock(p.elapsedMs)}${p.budgetMs !== undefined ? `/${clock(p.budgetMs)}` : ''}`,
    ...(p.stopped ? [paint(`stopping: ${p.stopped}`)] : []),
  ].join(' · ');
}

/** Terminal redraws are throttled too: a few per second is all an eye can read. */
const TTY_EVERY_MS = 200;

export function createProgress(options: ProgressOptions): Progress {
  const tty = options.stream.isTTY === true;
  const every = tty ? TTY_EVERY_MS : (options.everyMs ?? 30_000);
  const now = options.now ?? Date.now;
  let last = Number.NEGATIVE_INFINITY;
  let drawn = false;
  const yellow = tty && (options.color ?? colorAllowed()) ? (t: string) => `\x1b[33m${t}\x1b[39m` : undefined;
  return {
    update(snapshot) {
      const t = now();
      if (t - last < every) return;
      last = t;
      const line = formatProgress(snapshot, yellow);
      options.stream.write(tty ? `\r\x1b[K${line}` : `progress: ${line}\n`);
      drawn = true;
    },
    done() {
      if (tty && drawn) options.stream.write('\n');
    },
  };
}
