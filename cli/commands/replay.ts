import type { Register } from '../main';
import { UsageError } from '../usage-error';
import { loadRunRecord } from './report';
import { integer, runAndReport } from './run';

interface ReplayFlags {
  failure: number;
  target?: string;
  endpoint?: string;
  reportDir: string;
  transitionMs: number;
}

export const registerReplay: Register = (program, done) => {
  program
    .command('replay')
    .description('re-run exactly one recorded failure (its seed and path), on the same or another target')
    .argument('<run.json>', 'the run record holding the failure')
    .requiredOption('--failure <n>', 'which failure, from 1', integer('--failure', 1))
    .option('--target <kind>', 'direct | mock | emulator | endpoint (default: the recorded target)')
    .option('--endpoint <url>', 'base URL for --target endpoint')
    .option('--report-dir <dir>', 'where the replay report goes', 'reports-replay')
    .option(
      '--transition-ms <n>',
      'transient status duration of a started emulator',
      integer('--transition-ms', 0),
      1000,
    )
    .action(async (file: string, flags: ReplayFlags) => {
      const record = loadRunRecord(file);
      const failure = record.failures[flags.failure - 1];
      if (!failure)
        throw new UsageError(
          `${file} has ${record.failures.length} failure(s); there is no failure ${flags.failure}`,
        );
      if (!failure.path) throw new UsageError(`failure ${flags.failure} of ${file} has no replay path`);
      process.stdout.write(
        `replaying failure ${flags.failure}: ${failure.title} (seed ${failure.seed}, path ${failure.path})\n`,
      );
      done(
        await runAndReport(
          {
            target: flags.target ?? record.target.kind,
            ...(flags.endpoint ? { endpoint: flags.endpoint } : {}),
            // Replayed on the recorded target, the failure needs the same deviation to show again.
            ...(record.target.faultProfile && flags.target === undefined
              ? { faultProfile: record.target.faultProfile }
              : {}),
            seed: failure.seed,
            path: failure.path,
            ...(failure.commandsPath !== undefined ? { commandsPath: failure.commandsPath } : {}),
            runs: 1,
            maxCommands: record.budget.maxCommands,
            reportDir: flags.reportDir,
            transitionMs: flags.transitionMs,
          },
          file,
        ),
      );
    });
};
