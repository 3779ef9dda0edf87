import { Command, CommanderError } from 'commander';
import { registerCompare } from './commands/compare';
import { registerDetect } from './commands/detect';
import { registerEmulator } from './commands/emulator';
import { registerHistory } from './commands/history';
import { registerMerge } from './commands/merge';
import { registerParity } from './commands/parity';
import { registerReplay } from './commands/replay';
import { registerReport } from './commands/report';
import { harnessVersion, registerRun } from './commands/run';
import { registerScaffold } from './commands/scaffold';
import { registerSpec } from './commands/spec';
import { registerSweep } from './commands/sweep';
import { EXIT, UsageError } from './usage-error';

/** Each command's action resolves to its exit status; `main` returns the one that ran. */
export type Register = (program: Command, done: (status: number) => void) => void;

const COMMANDS: readonly Register[] = [
  registerRun,
  registerReplay,
  registerReport,
  registerCompare,
  registerHistory,
  registerMerge,
  registerEmulator,
  registerSpec,
  registerSweep,
  registerDetect,
  registerParity,
  registerScaffold,
];

/**
 * Runs the CLI and resolves to the exit status. Never throws at the user. `extra` adds commands
 * that need the project's sources (`bench`, registered by bin/ in a checkout), which the bundled
 * CLI of the package leaves out.
 */
export async function main(argv: readonly string[], extra: readonly Register[] = []): Promise<number> {
  let status: number = EXIT.conformant;
  const program = new Command('ebs-conformance')
    .description(
      'Model-based conformance harness and local emulator for Alibaba Cloud disk async replication\n' +
        '(EBS 2021-07-30 replica pairs and groups, ECS 2014-05-26 disks).',
    )
    .version(harnessVersion(), '-V, --version', 'print the version and exit')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  for (const register of [...COMMANDS, ...extra]) register(program, (s) => (status = s));
  for (const cmd of program.commands) cmd.exitOverride();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return status;
  } catch (err) {
    // --help and --version end here with exit code 0; a parse error has already printed its message.
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.conformant : EXIT.usage;
    if (err instanceof UsageError) {
      process.stderr.write(`ebs-conformance: ${err.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(
      `ebs-conformance: internal error: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return EXIT.internal;
  }
}
