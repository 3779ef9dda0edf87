import { defineConfig } from 'vitest/config';

// The project a user has: one file with the suite. tests/cli/vitest-replay.test.ts runs it twice.
export default defineConfig({ test: { include: ['rules.fixture.ts'], testTimeout: 120_000 } });
