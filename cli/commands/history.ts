/**
 * `ebs-conformance history RUN.json...`: the nights side by side (verdicts, coverage, timings,
 * rules that started or stopped failing), as Markdown on stdout and history.md / history.html in
 * --out. Reads every record before writing anything: one that cannot be read is exit 2.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { historyOf, renderHistoryHtml, renderHistoryMarkdown } from '../../reports/history';
import type { Register } from '../main';
import { EXIT, UsageError } from '../usage-error';
import { loadRunRecord } from './report';

export const registerHistory: Register = (program, done) => {
  program
    .command('history')
    .description(
      'a trend over runs (nights): verdict, nonconformances, coverage, rules exercised, wall time and mean call per run,\n' +
        'oldest first, with the rules that started or stopped failing since the run before\n' +
        '(Markdown on stdout, history.md and history.html in --out)',
    )
    .argument('<run.json...>', 'run records, in any order (sorted by start time)')
    .option('--out <dir>', 'where history.md and history.html go', 'reports-history')
    .action((files: string[], flags: { out: string }) => {
      const nights = historyOf(files.map((file) => ({ file, record: loadRunRecord(file) })));
      const out = resolve(flags.out);
      if (existsSync(out) && !statSync(out).isDirectory())
        throw new UsageError(`--out ${flags.out} is a file`);
      mkdirSync(out, { recursive: true });
      const markdown = renderHistoryMarkdown(nights);
      writeFileSync(join(out, 'history.md'), markdown);
      writeFileSync(join(out, 'history.html'), renderHistoryHtml(nights));
      process.stdout.write(
        `${markdown}\nwrote ${join(out, 'history.md')}\nwrote ${join(out, 'history.html')}\n`,
      );
      done(EXIT.conformant);
    });
};
