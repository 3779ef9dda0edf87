import { existsSync } from 'node:fs';
import { CassetteError, readCassette } from '../../adapters/cassette';
import { packagePath } from '../../adapters/package-root';
import { type AcceptedFile, AcceptedFileError, readAccepted } from '../../parity/accepted';
import { runParity } from '../../parity/parity';
import type { Register } from '../main';
import { EXIT, UsageError } from '../usage-error';
import { integer } from './run';

interface ParityFlags {
  accepted?: string;
  transitionMs: number;
  json?: boolean;
}

/** The accepted divergences shipped with the package, used when --accepted is not given. */
const DEFAULT_ACCEPTED = packagePath('parity', 'accepted.json');

function load<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof CassetteError || err instanceof AcceptedFileError) throw new UsageError(err.message);
    throw err;
  }
}

export const registerParity: Register = (program, done) => {
  program
    .command('parity')
    .description(
      'ask a fresh emulator every call of a cassette and diff the normalised responses; exit 1 on unexplained divergences',
    )
    .argument('<cassette>', 'a cassette written by `run --record FILE`')
    .option('--accepted <file>', 'accepted divergences, each with a reason (default: parity/accepted.json)')
    .option(
      '--transition-ms <n>',
      'transient status duration of the emulator (the recorded run setting)',
      integer('--transition-ms', 0),
      1000,
    )
    .option('--json', 'print the result as JSON')
    .action(async (file: string, flags: ParityFlags) => {
      const cassette = load(() => readCassette(file));
      const acceptedFile = flags.accepted ?? (existsSync(DEFAULT_ACCEPTED) ? DEFAULT_ACCEPTED : undefined);
      const accepted: AcceptedFile['accepted'] = acceptedFile
        ? load(() => readAccepted(acceptedFile)).accepted
        : [];
      const result = await runParity(cassette, { transitionMs: flags.transitionMs, accepted });
      if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else
        process.stdout.write(
          [
            `parity: ${result.compared} responses compared, ${result.skipped} without a response skipped`,
            `divergences: ${result.unexplained.length} unexplained, ${result.accepted.length} accepted${acceptedFile ? ` (${acceptedFile})` : ''}`,
            ...result.unexplained
              .slice(0, 50)
              .map(
                (d) => `  #${d.seq} ${d.operation}:${d.path}: recorded ${d.recorded}, emulator ${d.emulator}`,
              ),
            ...(result.unexplained.length > 50
              ? [`  ... and ${result.unexplained.length - 50} more (--json)`]
              : []),
            '',
          ].join('\n'),
        );
      done(result.unexplained.length > 0 ? EXIT.nonconformant : EXIT.conformant);
    });
};
