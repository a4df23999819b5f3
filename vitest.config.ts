import { defineConfig } from 'vitest/config';

/** Unit, property and API tests (app.inject). Browser tests live in e2e/ and run through vitest.e2e.config.ts. */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // two at a time on a 2-core machine: many files wait on PostgreSQL or on child processes, not on the CPU
    maxWorkers: 2,
    // the migrated and the seeded database every test file copies (src/server/testing/templates.ts)
    globalSetup: ['src/server/testing/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
