import { defineConfig } from 'vitest/config';

const conformance = 'tests/conformance.test.ts';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        // `extends: true` hands the root timeouts to every project.
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: ['node_modules/**', 'dist/**', conformance],
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
