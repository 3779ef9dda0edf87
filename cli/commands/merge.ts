import { resolve } from 'node:path';
import { MergeError, mergeRecords } from '../../reports/merge';
import { writeReports } from '../../reports/write';
import type { Register } from '../main';
import { UsageError } from '../usage-error';
import { loadRunRecord, printWritten } from './report';
import { EXIT_BY_VERDICT } from './run';

export const registerMerge: Register = (program, done) => {
  program
    .command('merge')
    .description(
      'one run from the shards of a CI matrix: counts summed, coverage united, the worst verdict;\n' +
        'writes the four report files and exits like run (0 conformant, 1 nonconformant, 3 inconclusive)',
    )
    .argument('<shard.json...>', 'run records of the shards')
    .requiredOption('--out <dir>', 'where the merged report files go')
    .action((files: string[], flags: { out: string }) => {
      const records = files.map(loadRunRecord);
      let merged: ReturnType<typeof mergeRecords>;
      try {
        merged = mergeRecords(records);
      } catch (err) {
        if (err instanceof MergeError) throw new UsageError(err.message);
        throw err;
      }
      printWritten(merged.verdict, writeReports(resolve(flags.out), merged));
      done(EXIT_BY_VERDICT[merged.verdict]);
    });
};
