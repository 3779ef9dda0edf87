/** A piece of a two-sided diff: kept on both sides, only in the old text, or only in the new. */
export interface DiffPart {
  readonly kind: 'same' | 'removed' | 'added';
  readonly text: string;
}

/** Above this many tokens a side, the diff is the two texts whole: LCS is quadratic. */
const MAX_TOKENS = 1500;

/** Lines when either side has several, else words and punctuation (an error code, a status, JSON). */
function tokens(a: string, b: string): [string[], string[]] {
  const multiline = a.includes('\n') || b.includes('\n');
  const split = (s: string) =>
    multiline ? s.split(/(?<=\n)/) : s.split(/(\s+|[{}[\],:|="])/).filter((t) => t !== '');
  return [split(a), split(b)];
}

const sortKeys = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sortKeys)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, x]) => [k, sortKeys(x)]),
        )
      : v;

/** JSON objects and arrays indented with sorted keys, so fields line up whatever order each side used. */
function asJson(text: string): string | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? JSON.stringify(sortKeys(v), null, 2) : undefined;
  } catch {
    return undefined;
  }
}

/** Both sides as the diff reads them: indented JSON when both are JSON, else as given. */
export function diffable(expected: string, received: string): [string, string] {
  const a = asJson(expected);
  const b = asJson(received);
  return a !== undefined && b !== undefined ? [a, b] : [expected, received];
}

/**
 * The longest-common-subsequence diff of expected against received, so a report can mark
 * exactly what differs. Adjacent parts of one kind are joined.
 */
export function diffTexts(expectedText: string, receivedText: string): DiffPart[] {
  const [expected, received] = diffable(expectedText, receivedText);
  const [a, b] = tokens(expected, received);
  if (a.length > MAX_TOKENS || b.length > MAX_TOKENS)
    return [
      { kind: 'removed', text: expected },
      { kind: 'added', text: received },
    ];
  // at(i, j): length of the longest common subsequence of a[i..] and b[j..], in one flat table.
  const width = b.length + 1;
  const table = new Uint16Array((a.length + 1) * width);
  const at = (i: number, j: number) => table[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i * width + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts.at(-1);
    if (last?.kind === kind) parts[parts.length - 1] = { kind, text: last.text + text };
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i] as string);
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) push('removed', a[i++] as string);
    else push('added', b[j++] as string);
  }
  while (i < a.length) push('removed', a[i++] as string);
  while (j < b.length) push('added', b[j++] as string);
  return parts;
}
