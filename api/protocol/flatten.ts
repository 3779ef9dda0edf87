/**
 * Complex parameters travel flattened: arrays as 1-based `Key.N`, objects as `Key.Sub`,
 * booleans as `true`/`false`, numbers as decimal strings.
 */
export function flattenParams(params: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k in params) if (Object.hasOwn(params, k)) flattenInto(out, k, params[k]);
  return out;
}

// Every call's parameters pass here: for-in and index loops, not entries() lists of pairs and a
// closure per call; the same own keys in the same order.
function flattenInto(out: Record<string, string>, prefix: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) flattenInto(out, `${prefix}.${i + 1}`, value[i]);
  } else if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const k in record) if (Object.hasOwn(record, k)) flattenInto(out, `${prefix}.${k}`, record[k]);
  } else out[prefix] = String(value);
}

/** The inverse for `Name.N.Sub` keys: rebuilds arrays of objects (Tag.1.Key -> Tag[0].Key). */
export function unflattenParams(flat: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const m = /^([A-Za-z]+)\.(\d+)(?:\.([A-Za-z]+))?$/.exec(key);
    if (!m) {
      out[key] = value;
      continue;
    }
    const [, name, index, sub] = m as unknown as [string, string, string, string | undefined];
    const list = Array.isArray(out[name]) ? (out[name] as unknown[]) : [];
    out[name] = list;
    const i = Number(index) - 1;
    if (sub === undefined) list[i] = value;
    else list[i] = { ...((list[i] as Record<string, string> | undefined) ?? {}), [sub]: value };
  }
  for (const [k, v] of Object.entries(out)) if (Array.isArray(v)) out[k] = v.filter((x) => x !== undefined);
  return out;
}
