/** A mistake in how the tool was called: printed as one readable line, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Every exit status the CLI uses (README: "Exit statuses"). */
export const EXIT = {
  conformant: 0,
  nonconformant: 1,
  usage: 2,
  inconclusive: 3,
  /** A bug in the harness itself: an error nobody anticipated (a message, never a stack trace). */
  internal: 70,
  /** SIGINT/SIGTERM ended the run; its report holds what was judged until then (128 + SIGINT). */
  interrupted: 130,
} as const;
