import { ServiceError } from '../service/api';

/** `yyyy-MM-ddTHH:mm:ssZ`; the SDKs drop milliseconds, but a fraction is tolerated. */
const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/**
 * Parses a V1 `Timestamp` or a V3 `x-acs-date` and checks it against the wall clock: the
 * docs conflict on the window (15 or 31 minutes) and do not say whether it is one-sided, so we
 * refuse anything further than the configured window in either direction.
 */
export function checkTimestamp(text: string, nowMs: number, windowMs: number): number {
  const ms = ISO_SECONDS.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) throw new ServiceError('InvalidTimeStamp.Format');
  if (Math.abs(nowMs - ms) > windowMs) throw new ServiceError('InvalidTimeStamp.Expired');
  return ms;
}

/**
 * Nonces seen per AccessKeyId. A nonce must be remembered as long as a request carrying it
 * could still pass the timestamp check, i.e. up to twice the window after it was first seen
 * (its timestamp may lie a full window in the future). Entries expire in arrival order, so a
 * queue prunes them in O(1) amortised; a size cap bounds memory under sustained load.
 */
export class NonceMemory {
  readonly #seen = new Map<string, number>();
  #queue: { key: string; expires: number }[] = [];
  #head = 0;

  constructor(
    private readonly lifetimeMs: number,
    private readonly maxEntries: number,
  ) {}

  /** Records the nonce; throws SignatureNonceUsed when it was seen before and has not expired. */
  use(accessKeyId: string, nonce: string, nowMs: number): void {
    this.#prune(nowMs);
    const key = `${accessKeyId}\n${nonce}`;
    if (this.#seen.has(key)) throw new ServiceError('SignatureNonceUsed');
    const expires = nowMs + this.lifetimeMs;
    this.#seen.set(key, expires);
    this.#queue.push({ key, expires });
    if (this.#seen.size > this.maxEntries) this.#forgetOldest();
  }

  get size(): number {
    return this.#seen.size;
  }

  clear(): void {
    this.#seen.clear();
    this.#queue = [];
    this.#head = 0;
  }

  #prune(nowMs: number): void {
    while (this.#head < this.#queue.length && (this.#queue[this.#head]?.expires ?? 0) <= nowMs) {
      this.#forgetOldest();
    }
  }

  #forgetOldest(): void {
    const entry = this.#queue[this.#head++];
    if (entry) this.#seen.delete(entry.key);
    // Compact now and then so the array does not grow without bound.
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
  }
}
