import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { fingerprint, fingerprintLine } from '../../bench/fingerprint';
import { BENCHMARKS, type BenchmarkName, DEFAULT_RESULTS, runBenchmarks } from '../../bench/main';
import { parseResults, readmeTable } from '../../bench/markdown';
import type { Register } from '../main';
import { EXIT, UsageError } from '../usage-error';
import { integer } from './run';

interface BenchFlags {
  only?: BenchmarkName[];
  trials: number;
  longTrials: number;
  seed: number;
  out?: string;
  markdown?: string;
  fingerprint?: number[];
}

const seedList = (value: string): number[] => {
  const seeds = value.split(',').map((s) => Number(s.trim()));
  if (seeds.length === 0 || seeds.some((n) => !Number.isSafeInteger(n) || n < 0))
    throw new InvalidArgumentError(`expected seeds such as 1,7,42, not ${value}`);
  return seeds;
};

const benchmarkList = (value: string): BenchmarkName[] => {
  const names = value.split(',').map((s) => s.trim());
  const unknown = names.filter((n) => !(BENCHMARKS as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0)
    throw new InvalidArgumentError(
      `unknown benchmark ${unknown.join(', ')}; choose from ${BENCHMARKS.join(', ')}`,
    );
  return names as BenchmarkName[];
};

export const registerBench: Register = (program, done) => {
  program
    .command('bench')
    .description(
      'measure throughput, wall time, memory and detection against the budgets of issue 7; prints a table and writes bench/results.json',
    )
    .option(
      '--only <names>',
      `comma-separated subset of ${BENCHMARKS.join(', ')} (then results.json is written only with --out)`,
      benchmarkList,
    )
    .option(
      '--trials <n>',
      'trials of the short benchmarks (model, emulator, mock)',
      integer('--trials', 1),
      5,
    )
    .option(
      '--long-trials <n>',
      'runs of npm run conformance and of the 100k-step run',
      integer('--long-trials', 1),
      2,
    )
    .option('--seed <n>', 'seed of the generated traffic', integer('--seed', 0), 1)
    .option('--out <file>', `where the results go (default ${DEFAULT_RESULTS} for a full run)`)
    .option(
      '--markdown <results.json>',
      "measure nothing: print the README's table (machine, load, commit, every figure with its spread) from a results file",
    )
    .option(
      '--fingerprint <seeds>',
      'measure nothing: per seed, hashes of the calls, answers, rules and verdict of a 40-sequence direct run (equal on two commits: the change kept behaviour)',
      seedList,
    )
    .action(async (flags: BenchFlags) => {
      if (flags.fingerprint !== undefined) {
        for (const seed of flags.fingerprint)
          process.stdout.write(`${fingerprintLine(await fingerprint(seed, 40))}\n`);
        done(EXIT.conformant);
        return;
      }
      if (flags.markdown !== undefined) {
        const path = resolve(flags.markdown);
        if (!existsSync(path)) throw new UsageError(`--markdown: no file ${path}`);
        const doc = parseResults(readFileSync(path, 'utf8'));
        if (typeof doc === 'string') throw new UsageError(`--markdown: ${path} is ${doc}`);
        process.stdout.write(`${readmeTable(doc)}\n`);
        done(EXIT.conformant);
        return;
      }
      const only = flags.only ?? [...BENCHMARKS];
      const out = flags.out ? resolve(flags.out) : flags.only ? undefined : DEFAULT_RESULTS;
      // Found out now, not after minutes of measuring.
      if (out && !existsSync(dirname(out))) throw new UsageError(`--out: no directory ${dirname(out)}`);
      const { table } = await runBenchmarks({
        only,
        trials: flags.trials,
        longTrials: flags.longTrials,
        seed: flags.seed,
        out,
        log: (line) => process.stderr.write(`${line}\n`),
      });
      process.stdout.write(`${table}\n${out ? `results: ${out}\n` : ''}`);
      // A benchmark measures: a budget it misses is a row of the table, not a failed command.
      done(EXIT.conformant);
    });
};
