import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const conformance = 'tests/conformance.test.ts';

/**
 * The files that take longest (real clocks, emulator children, a CLI run per case, every fault
 * profile), matched from the checkout's root, longest first. They start first, in this order: on
 * a fresh clone vitest knows no durations and orders files by size, and the detection files are
 * a few lines each, so they began last and ended the run alone.
 */
const LONG = [
  /^tests\/detection\/fault-profiles-mock\.test\.ts$/,
  /^tests\/detection\/fault-profiles-endpoint\.test\.ts$/,
  /^tests\/reports\/fault-profile-rules\.test\.ts$/,
  /^tests\/detection\/fault-profiles-emulator\.test\.ts$/,
  /^tests\/real\//,
  /^tests\/(detection|cli)\//,
  /^tests\/verdict\/transient-calls\.test\.ts$/,
  /^tests\/readings\/alternatives\.test\.ts$/,
  /^lib\/dist\.test\.ts$/,
];

class LongFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const path = relative(f.project.config.root, f.moduleId).replaceAll('\\', '/');
      const i = LONG.findIndex((re) => re.test(path));
      return i < 0 ? LONG.length : i;
    };
    // Array.prototype.sort is stable: vitest's own order holds among files of one rank.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Most of the suite's time is spent waiting (real clocks, children, sockets), not computing:
    // vitest's default of one worker less than the cores is one worker on 2 cores, every file in
    // turn. Twice the cores keeps both busy while files wait.
    maxWorkers: Math.max(2, availableParallelism() * 2),
    sequence: { sequencer: LongFirst },
    projects: [
      {
        // The tests beside the code they test: pure functions and in-process services, which
        // leave nothing behind (every stub, spy and server is undone after its file). They share
        // worker processes instead of a fresh one per file, which was most of their time (103
        // files: 91 s of CPU each in its own process, 41 s sharing, passing in shuffled orders).
        // `extends: true` hands the root timeouts and workers to every project.
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: ['node_modules/**', 'dist/**', 'tests/**'],
          isolate: false,
        },
      },
      {
        // tests/: children, CLI runs, signals, real clocks, the browser; each file in its own process.
        extends: true,
        test: {
          name: 'tests',
          include: ['tests/**/*.test.ts'],
          exclude: [conformance],
          // The HTML report is tested in Debian's chromium, installed here when missing.
          globalSetup: ['tests/setup/chromium.ts'],
        },
      },
      // The property suite (one test per rule) against the gateway in-process (direct), through
      // msw (mock) and against the emulator as a child process; or, when EBS_CONFORMANCE_TARGET
      // is set, once against that.
      ...(process.env.EBS_CONFORMANCE_TARGET
        ? [{ extends: true as const, test: { name: 'conformance', include: [conformance] } }]
        : (['direct', 'mock', 'emulator'] as const).map((target) => ({
            extends: true as const,
            test: {
              name: `conformance:${target}`,
              include: [conformance],
              env: { EBS_CONFORMANCE_TARGET: target },
            },
          }))),
    ],
  },
});
