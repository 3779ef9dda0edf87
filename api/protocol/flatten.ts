/**
 * Complex parameters travel flattened: arrays as 1-based `Key.N`, objects as `Key.Sub`,
 * booleans as `true`/`false`, numbers as decimal strings.
 */
export function flattenParams(params: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (prefix: string, value: unknown) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(`${prefix}.${i + 1}`, v);
    } else if (typeof value === 'object')
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(`${prefix}.${k}`, v);
    else out[prefix] = String(value);
  };
  for (const [k, v] of Object.entries(params)) walk(k, v);
  return out;
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
