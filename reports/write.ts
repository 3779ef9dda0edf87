import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Comparison } from './compare';
import { renderCompareHtml, renderCompareMarkdown } from './compare-render';
import { renderHtml } from './html/page';
import { renderJunit } from './junit';
import { RunRecord } from './run-record';
import { renderSummary } from './summary';

export const REPORT_FILES = ['run.json', 'junit.xml', 'summary.md', 'report.html'] as const;
export const COMPARE_FILES = ['compare.md', 'compare.html'] as const;

function writeAll(dir: string, contents: Readonly<Record<string, string>>): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(contents).map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}

/**
 * Writes the four report files of a run into `dir` and returns their paths. The record is
 * validated on the way out (a run never writes a record it could not read back) and written in
 * the schema's key order, so `report` re-renders a record byte for byte.
 */
export function writeReports(dir: string, record: RunRecord): string[] {
  const run = RunRecord.parse(record);
  return writeAll(dir, {
    'run.json': `${JSON.stringify(run, null, 2)}\n`,
    'junit.xml': renderJunit(run),
    'summary.md': renderSummary(run),
    'report.html': renderHtml(run),
  } satisfies Record<(typeof REPORT_FILES)[number], string>);
}

/** Writes a regression report (Markdown and HTML) into `dir` and returns their paths. */
export function writeComparison(dir: string, comparison: Comparison): string[] {
  return writeAll(dir, {
    'compare.md': renderCompareMarkdown(comparison),
    'compare.html': renderCompareHtml(comparison),
  } satisfies Record<(typeof COMPARE_FILES)[number], string>);
}
