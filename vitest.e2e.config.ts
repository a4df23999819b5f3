import { defineConfig } from 'vitest/config';

/**
 * Browser tests: playwright-core driving Debian chromium against one in-process server (started in
 * e2e/support/globalSetup.ts on a random port, in-memory database, demo seed, built web app from dist/web).
 * Set E2E_BASE_URL to run against a server that is already up instead.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/support/globalSetup.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
