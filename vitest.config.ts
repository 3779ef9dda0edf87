import { defineConfig } from 'vitest/config';

const conformance = 'properties/conformance.test.ts';

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
      // The property suite against the gateway in-process (direct), through msw (mock), and
      // against the emulator as a child process.
      {
        extends: true,
        test: {
          name: 'conformance:direct',
          include: [conformance],
          env: { EBS_CONFORMANCE_TARGET: 'direct' },
          testTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'conformance:mock',
          include: [conformance],
          env: { EBS_CONFORMANCE_TARGET: 'mock' },
          testTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'conformance:emulator',
          include: [conformance],
          env: { EBS_CONFORMANCE_TARGET: 'emulator' },
          testTimeout: 300_000,
        },
      },
    ],
  },
});
