import { dirname, resolve } from 'node:path';
import { readRunRecord } from '../../reports/read';
import { type RunRecord, RunRecordError } from '../../reports/run-record';
import { writeReports } from '../../reports/write';
import type { Register } from '../main';
import { EXIT, UsageError } from '../usage-error';

/** Reads a run record for a command: anything wrong with the file is a usage error (exit 2). */
export function loadRunRecord(file: string): RunRecord {
  try {
    return readRunRecord(file);
  } catch (err) {
    if (err instanceof RunRecordError) throw new UsageError(err.message);
    throw err;
  }
}

/** Prints where the files went, one per line, after the verdict. */
export function printWritten(verdict: string, paths: readonly string[]): void {
  process.stdout.write(`verdict: ${verdict}\n${paths.map((p) => `wrote ${p}`).join('\n')}\n`);
}

export const registerReport: Register = (program, done) => {
  program
    .command('report')
    .description('re-render run.json, junit.xml, summary.md and report.html from a run record')
    .argument('<run.json>', 'the run record')
    .option('--out <dir>', 'where the files go (default: the directory of run.json)')
    .action((file: string, flags: { out?: string }) => {
      const record = loadRunRecord(file);
      printWritten(record.verdict, writeReports(resolve(flags.out ?? dirname(file)), record));
      done(EXIT.conformant);
    });
};
