import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderHtml } from './html';
import { renderJunit } from './junit';
import type { RunRecord } from './run-record';
import { renderSummary } from './summary';

export const REPORT_FILES = ['run.json', 'junit.xml', 'summary.md', 'report.html'] as const;

/** Writes the four report files of a run into `dir` and returns their paths. */
export function writeReports(dir: string, run: RunRecord): string[] {
  mkdirSync(dir, { recursive: true });
  const contents: Record<(typeof REPORT_FILES)[number], string> = {
    'run.json': `${JSON.stringify(run, null, 2)}\n`,
    'junit.xml': renderJunit(run),
    'summary.md': renderSummary(run),
    'report.html': renderHtml(run),
  };
  return REPORT_FILES.map((name) => {
    const path = join(dir, name);
    writeFileSync(path, contents[name]);
    return path;
  });
}
