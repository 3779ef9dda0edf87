/**
 * A benchmark figure: what was measured, its summary over the trials, and the budget the issue
 * sets for it. A figure that could not be measured keeps its row with a reason, so the table
 * and results.json always list the same rows.
 */
import { rounded, type Summary, summarize } from './stats';

export interface Budget {
  readonly op: '>=' | '<=';
  readonly limit: number;
}

export type Status = 'pass' | 'fail' | 'n/a';

export interface Figure {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly summary: Summary | undefined;
  readonly budget: Budget | undefined;
  /** Why there is no figure, or what qualifies it. */
  readonly note: string | undefined;
}

export function figure(
  id: string,
  label: string,
  unit: string,
  samples: readonly number[] | undefined,
  budget?: Budget,
  note?: string,
): Figure {
  const summary = samples && samples.length > 0 ? rounded(summarize(samples)) : undefined;
  return { id, label, unit, summary, budget, note: summary ? note : (note ?? 'not measured') };
}

/** A budget holds when the median meets it; no budget, or no figure, has no verdict. */
export function statusOf(f: Figure): Status {
  if (!f.summary || !f.budget) return 'n/a';
  const m = f.summary.median;
  return (f.budget.op === '>=' ? m >= f.budget.limit : m <= f.budget.limit) ? 'pass' : 'fail';
}

/** A figure's value as the tables print it. */
export const number = (v: number, unit: string): string => {
  if (unit === 'share') return `${(v * 100).toFixed(1)}%`;
  if (unit === 'ratio') return v.toFixed(2);
  if (Math.abs(v) >= 10_000) return `${Math.round(v / 100) / 10}k`;
  return String(v);
};

export const unitText = (unit: string) => (unit === 'share' || unit === 'ratio' ? '' : ` ${unit}`);

/** The table `npm run bench` prints: one row per figure. */
export function renderTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const s = f.summary;
    return [
      f.label,
      s ? `${number(s.median, f.unit)}${unitText(f.unit)}` : 'not available',
      s ? `${number(s.min, f.unit)} – ${number(s.max, f.unit)} (n=${s.n})` : '',
      f.budget ? `${f.budget.op} ${number(f.budget.limit, f.unit)}` : '',
      statusOf(f) === 'n/a' ? '' : statusOf(f),
      f.note ?? '',
    ];
  });
  const head = ['figure', 'median', 'min – max', 'budget', 'status', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
