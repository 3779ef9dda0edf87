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
 *
 * One map of nonces per key, and the queue in parallel lists: every signed call is recorded, and
 * a key text joined per call and an object per queue entry were its garbage.
 */
export class NonceMemory {
  readonly #seen = new Map<string, Map<string, number>>();
  #size = 0;
  #ids: string[] = [];
  #nonces: string[] = [];
  #expiries: number[] = [];
  #head = 0;

  constructor(
    private readonly lifetimeMs: number,
    private readonly maxEntries: number,
  ) {}

  /** Records the nonce; throws SignatureNonceUsed when it was seen before and has not expired. */
  use(accessKeyId: string, nonce: string, nowMs: number): void {
    this.#prune(nowMs);
    let nonces = this.#seen.get(accessKeyId);
    if (nonces === undefined) {
      nonces = new Map();
      this.#seen.set(accessKeyId, nonces);
    }
    if (nonces.has(nonce)) throw new ServiceError('SignatureNonceUsed');
    const expires = nowMs + this.lifetimeMs;
    nonces.set(nonce, expires);
    this.#size++;
    this.#ids.push(accessKeyId);
    this.#nonces.push(nonce);
    this.#expiries.push(expires);
    if (this.#size > this.maxEntries) this.#forgetOldest();
  }

  get size(): number {
    return this.#size;
  }

  clear(): void {
    this.#seen.clear();
    this.#size = 0;
    this.#ids = [];
    this.#nonces = [];
    this.#expiries = [];
    this.#head = 0;
  }

  #prune(nowMs: number): void {
    while (this.#head < this.#expiries.length && (this.#expiries[this.#head] as number) <= nowMs) {
      this.#forgetOldest();
    }
  }

  #forgetOldest(): void {
    const i = this.#head++;
    if (i >= this.#ids.length) return;
    const nonces = this.#seen.get(this.#ids[i] as string);
    if (nonces?.delete(this.#nonces[i] as string)) this.#size--;
    // Compact now and then so the lists do not grow without bound.
    if (this.#head > 1024 && this.#head * 2 > this.#ids.length) {
      this.#ids = this.#ids.slice(this.#head);
      this.#nonces = this.#nonces.slice(this.#head);
      this.#expiries = this.#expiries.slice(this.#head);
      this.#head = 0;
    }
  }
}
