/**
 * Normalised responses and their differences. A response is normalised before it is compared:
 * RequestId and the fields that only repeat it (HostId, Recommend) are dropped, times become
 * `<time>` (they are when the call ran, not what the service did), IDs become reference tokens
 * (id-tokens.ts). What is left is what the two services must agree on.
 */
import type { IdTokens } from './id-tokens';

/** One place where the two sides disagree. `path` is `Action:Field[2].Sub`, `Action:<status>`. */
export interface Divergence {
  /** The recorded exchange's `seq`. */
  readonly seq: number;
  readonly operation: string;
  readonly path: string;
  readonly recorded: string;
  readonly emulator: string;
}

const DROPPED = new Set(['RequestId', 'HostId', 'Recommend']);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
/** Numeric times: `CreateTime`, `ExpiredTime`, `LastRecoverPoint`, `RecoverPoint`, a drill's `StartAt`. */
const TIME_FIELD = /(Time|RecoverPoint|StartAt)$/;
export const TIME = '<time>';

export function normalise(value: unknown, ids: IdTokens, key = ''): unknown {
  if (typeof value === 'string') return ISO_TIME.test(value) ? TIME : ids.tokenise(value);
  if (typeof value === 'number') return TIME_FIELD.test(key) ? TIME : value;
  if (Array.isArray(value)) return value.map((v) => normalise(v, ids, key));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!DROPPED.has(k)) out[k] = normalise(v, ids, k);
    return out;
  }
  return value;
}

const show = (v: unknown): string => (v === undefined ? '(absent)' : JSON.stringify(v));

/** Every leaf where two normalised values differ, with its path. */
export function differences(
  recorded: unknown,
  emulator: unknown,
  path = '',
): { path: string; recorded: string; emulator: string }[] {
  if (Array.isArray(recorded) && Array.isArray(emulator)) {
    const out = [];
    if (recorded.length !== emulator.length)
      out.push({
        path: `${path}.length`,
        recorded: String(recorded.length),
        emulator: String(emulator.length),
      });
    for (let i = 0; i < Math.min(recorded.length, emulator.length); i++)
      out.push(...differences(recorded[i], emulator[i], `${path}[${i}]`));
    return out;
  }
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(recorded) && isObject(emulator)) {
    const keys = [...new Set([...Object.keys(recorded), ...Object.keys(emulator)])].sort();
    return keys.flatMap((k) => differences(recorded[k], emulator[k], path ? `${path}.${k}` : k));
  }
  return JSON.stringify(recorded) === JSON.stringify(emulator)
    ? []
    : [{ path: path || '<body>', recorded: show(recorded), emulator: show(emulator) }];
}
