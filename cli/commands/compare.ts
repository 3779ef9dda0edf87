import { resolve } from 'node:path';
import { compareRuns } from '../../reports/compare';
import { renderCompareMarkdown } from '../../reports/compare-render';
import { writeComparison } from '../../reports/write';
import type { Register } from '../main';
import { EXIT } from '../usage-error';
import { loadRunRecord } from './report';

export const registerCompare: Register = (program, done) => {
  program
    .command('compare')
    .description(
      'regression report between two runs (Markdown on stdout, compare.md and compare.html in --out):\n' +
        'new, fixed and persisting nonconformances, coverage, error-code drift, timing changes;\n' +
        'exit 1 when the new run has a nonconformance the old one did not, else 0',
    )
    .argument('<old.json>', 'the earlier run record')
    .argument('<new.json>', 'the later run record')
    .option('--out <dir>', 'where compare.md and compare.html go', 'reports-compare')
    .action((oldFile: string, newFile: string, flags: { out: string }) => {
      const comparison = compareRuns(loadRunRecord(oldFile), loadRunRecord(newFile));
      const paths = writeComparison(resolve(flags.out), comparison);
      process.stdout.write(
        `${renderCompareMarkdown(comparison)}\n${paths.map((p) => `wrote ${p}`).join('\n')}\n`,
      );
      done(comparison.newFailures.length > 0 ? EXIT.nonconformant : EXIT.conformant);
    });
};
