import { randomFillSync } from 'node:crypto';

/**
 * Random (version 4) UUIDs drawn as crypto.randomUUID draws them, from a pool of random bytes
 * refilled 128 UUIDs at a time, but written as bytes and read once as text: randomUUID joins
 * twenty pieces of text (about 650 bytes of heap a UUID, ten times this), and every checked call
 * draws two, the client's nonce and the gateway's request ID.
 */
const BATCH = 128;
const pool = Buffer.alloc(16 * BATCH);
let drawn = BATCH;
const text = Buffer.alloc(36);
const LOWER = Buffer.from('0123456789abcdef');
const UPPER = Buffer.from('0123456789ABCDEF');

function uuid(digits: Buffer): string {
  if (drawn === BATCH) {
    randomFillSync(pool);
    drawn = 0;
  }
  const at = 16 * drawn++;
  let j = 0;
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) text[j++] = 0x2d; // '-'
    let b = pool[at + i] as number;
    // RFC 9562: the version (4) in the high nibble of byte 6, the variant (10) in the top bits of byte 8.
    if (i === 6) b = (b & 0x0f) | 0x40;
    else if (i === 8) b = (b & 0x3f) | 0x80;
    text[j++] = digits[b >> 4] as number;
    text[j++] = digits[b & 0x0f] as number;
  }
  return text.toString('latin1', 0, 36);
}

/** `xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`, lower case, as crypto.randomUUID writes it. */
export const randomUuid = (): string => uuid(LOWER);

/** The same in upper case, as the gateway writes a RequestId. */
export const randomUpperUuid = (): string => uuid(UPPER);
