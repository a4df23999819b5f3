/**
 * The demo community's stories beyond the register and the cases: each module that tells part of the Ganzhou
 * story (the shop and fund, a consultation, care visits…) exports one seeding function from its `index.ts`, and it
 * is listed here, in the order the stories depend on each other. This file is a composition root (like app.ts):
 * modules never import each other's seeds.
 */
import type { Kysely } from 'kysely';
import type { Database } from './platform/db/schema.ts';
import { seedDemoConsult } from './modules/consult/index.ts';

/** One module's part of the demo story; runs once, after the demo community and its cases exist. */
export interface DemoStory {
  /** Short name for the progress bar and the log. */
  name: string;
  /** Seeds the story; `now` is the clock of the seed (stories are dated relative to it). */
  seed: (db: Kysely<Database>, now: Date) => Promise<void>;
}

/** The stories, in order. */
export const DEMO_STORIES: DemoStory[] = [{ name: 'consult: 东湖小区拆墙并院', seed: seedDemoConsult }];

/** Seeds every story in order; `onStory` reports each one as it starts. */
export async function seedDemoStories(
  db: Kysely<Database>,
  now: Date,
  onStory?: (name: string, index: number, total: number) => void,
): Promise<number> {
  for (const [i, s] of DEMO_STORIES.entries()) {
    onStory?.(s.name, i, DEMO_STORIES.length);
    await s.seed(db, now);
  }
  return DEMO_STORIES.length;
}
