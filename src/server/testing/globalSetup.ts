/** Vitest global set-up of the unit suite: the database templates every test file copies (see templates.ts). */
import type { TestProject } from 'vitest/node';
import { makeTemplates, type DbTemplates } from './templates.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's database templates (absent when a test runs under another configuration). */
    dbTemplates: DbTemplates;
  }
}

/** Builds the templates before the first test file and removes them after the last. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { templates, done } = await makeTemplates(process.env.DATABASE_URL);
  project.provide('dbTemplates', templates);
  return done;
}
