/** A mistake in how the tool was called: printed as one readable line, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT = { conformant: 0, nonconformant: 1, usage: 2, inconclusive: 3 } as const;
