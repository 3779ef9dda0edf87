import { describe, expect, it } from 'vitest';
import { historyOf, renderHistoryHtml, renderHistoryMarkdown } from '../../reports/history';
import type { RunRecord } from '../../reports/run-record';
import { sampleRecord } from './fixture';

/** A night: the sample run started at `day`, with `violated` rules failing and the rest held. */
function night(day: string, violated: readonly string[], verdict: RunRecord['verdict']): RunRecord {
  const base = sampleRecord();
  return {
    ...base,
    verdict,
    startedAt: `${day}T02:00:00.000Z`,
    finishedAt: `${day}T02:10:00.000Z`,
    rules: base.rules.map((r) => ({ ...r, violations: violated.includes(r.id) ? 1 : 0 })),
  };
}

describe('history over nights', () => {
  const ids = sampleRecord().rules.map((r) => r.id);
  const [a, b] = ids as [string, string];
  // Given out of order: the history sorts by start time.
  const nights = historyOf([
    { file: 'n3.json', record: night('2026-12-03', [b], 'nonconformant') },
    { file: 'n1.json', record: night('2026-12-01', [], 'conformant') },
    { file: 'n2.json', record: night('2026-12-02', [a], 'nonconformant') },
  ]);

  it('orders the runs by start and says what started and stopped failing since the run before', () => {
    expect(nights.map((n) => n.file)).toEqual(['n1.json', 'n2.json', 'n3.json']);
    expect(nights.map((n) => [n.newlyViolated, n.nowHeld])).toEqual([
      [[], []],
      [[a], []],
      [[b], [a]],
    ]);
    expect(nights[0]?.durationMs).toBe(600_000);
    expect(nights[0]?.cells).toBeGreaterThan(0);
  });

  it('renders a Markdown row per run and an HTML chart per measure with a dot per run in its verdict colour', () => {
    const md = renderHistoryMarkdown(nights);
    expect(md.split('\n').filter((l) => l.startsWith('| 2026-'))).toHaveLength(3);
    expect(md).toContain(`now failing \`${b}\`, fixed \`${a}\``);
    const html = renderHistoryHtml(nights);
    const charts = [...html.matchAll(/<svg class="trend"[^>]*aria-label="([^"]+)"/g)].map((m) => m[1]);
    expect(charts).toEqual([
      'Nonconformances',
      'State × operation cells reached',
      'Rules exercised',
      'Wall time',
      'Mean call',
    ]);
    const dots = [...html.matchAll(/<circle class="night"[^>]*data-verdict="([a-z-]+)"/g)].map((m) => m[1]);
    expect(dots).toHaveLength(3 * charts.length);
    expect(dots.slice(0, 3)).toEqual(['conformant', 'nonconformant', 'nonconformant']);
    expect(html).toContain('<table id="history">');
  });
});
