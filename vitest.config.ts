import { defineConfig } from 'vitest/config';

/** Unit, property and API tests (app.inject). Browser tests live in e2e/ and run through vitest.e2e.config.ts. */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
