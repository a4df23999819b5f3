import { defineConfig } from 'vitest/config';

/** Unit, property and API tests (app.inject). Browser tests live in e2e/ and run through vitest.e2e.config.ts. */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // the migrated and the seeded database every test file copies (src/server/testing/templates.ts)
    globalSetup: ['src/server/testing/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
