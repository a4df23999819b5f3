/**
 * Starts one Linli server for every browser test: in-memory PGlite, demo data, the built web app.
 * Builds the web app first when dist/web is missing (the `test:e2e` script builds it anyway).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Vitest global setup: provide `baseUrl`, return the teardown. */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  mkdirSync('e2e/screenshots', { recursive: true });
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('baseUrl', external.replace(/\/$/, ''));
    return undefined;
  }
  if (!existsSync('dist/web/index.html')) {
    const { build } = await import('vite');
    await build({ logLevel: 'warn' });
  }
  const { startServer } = await import('../../src/server/main.ts');
  const server = await startServer({ port: 0, dataDir: 'memory://', seedDemo: true, webRoot: resolve('dist/web') });
  project.provide('baseUrl', server.url);
  return async () => {
    await server.close();
  };
}
