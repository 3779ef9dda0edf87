import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const conformance = 'tests/conformance.test.ts';

/**
 * The files that take longest (real clocks, emulator children, a CLI run per case, every fault
 * profile), matched from the checkout's root. They start first: on a fresh clone vitest knows no
 * durations and orders files by size, and the detection files are a few lines each, so they
 * began last and ended the run alone.
 */
const LONG = [
  /^tests\/(detection|real|cli)\//,
  /^tests\/reports\/fault-profile-rules\.test\.ts$/,
  /^tests\/verdict\/transient-calls\.test\.ts$/,
  /^tests\/readings\/alternatives\.test\.ts$/,
  /^lib\/dist\.test\.ts$/,
];

class LongFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const long = (f: TestSpecification) => {
      const path = relative(f.project.config.root, f.moduleId).replaceAll('\\', '/');
      return LONG.some((re) => re.test(path));
    };
    return [...sorted.filter(long), ...sorted.filter((f) => !long(f))];
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
