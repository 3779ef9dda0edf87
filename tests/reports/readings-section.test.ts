import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../reports/html/page';
import { renderSummary } from '../../reports/summary';
import { sampleRecord } from './fixture';

// Issue 13: every summary and HTML report says how the target read each ambiguous point: the
// choice and the exchange that showed it, or "not observed".
const run = sampleRecord({
  readings: [
    {
      id: 'pair-listing',
      question: 'Which region lists a pair?',
      choice: 'site',
      exchange: 'DescribeDiskReplicaPairs #7',
    },
    { id: 'encrypted-disks', question: 'May encrypted disks pair?' },
  ],
});

describe('the readings section', () => {
  it('is in summary.md with each choice, its exchange, and not observed', () => {
    const md = renderSummary(run);
    expect(md).toContain('How this target reads the documentation');
    expect(md).toMatch(/pair-listing.*site.*DescribeDiskReplicaPairs #7/);
    expect(md).toMatch(/encrypted-disks.*not observed/);
  });

  it('is in report.html the same way', () => {
    const html = renderHtml(run);
    expect(html).toContain('How this target reads the documentation');
    expect(html).toMatch(/<code>pair-listing<\/code><\/td><td>site<\/td><td>DescribeDiskReplicaPairs #7/);
    expect(html).toMatch(/<code>encrypted-disks<\/code><\/td><td>not observed/);
  });
});
