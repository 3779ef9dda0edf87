import { defineConfig } from 'vitest/config';

const conformance = 'properties/conformance.test.ts';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: ['node_modules/**', conformance],
        },
      },
      // The property suite against the in-process mock and against the emulator as a child process.
      {
        test: {
          name: 'conformance:mock',
          include: [conformance],
          env: { EBS_CONFORMANCE_TARGET: 'mock' },
          testTimeout: 300_000,
        },
      },
      {
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
