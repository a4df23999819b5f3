/**
 * The consult module's public face (全过程协商): its Fastify plugin, the overview tiles for the secretary's page,
 * the demo story seed, and the pure tally other code may reuse. Other modules import only this file.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../deps.ts';
import type { Database } from '../../platform/db/schema.ts';
import * as repo from './repository.ts';
import { fileRoutes } from './routes/files.ts';
import { publicRoutes } from './routes/public.ts';
import { topicRoutes } from './routes/topics.ts';
import { voteRoutes } from './routes/votes.ts';

export { tallyOwners } from './domain/tally.ts';
export { seedDemoConsult } from './demo/seed.ts';
export { tallyFileText, TallyFileError } from './domain/tallyFile.ts';

/** Registers the consult routes. */
export function consultPlugin(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    await app.register(topicRoutes(deps));
    await app.register(voteRoutes(deps));
    await app.register(fileRoutes(deps));
    await app.register(publicRoutes(deps));
  };
}

/** One tile of the secretary's overview page. */
export interface OverviewTile {
  key: string;
  value: number;
  href: string;
}

/** Open votes and topics in progress under a community (or street/district) code. */
export async function overviewTiles(db: Kysely<Database>, scopeCode: string): Promise<OverviewTile[]> {
  const [open, inProgress] = await Promise.all([
    repo.openVoteCount(db, scopeCode),
    repo.topicsInProgress(db, scopeCode),
  ]);
  return [
    { key: 'consult.openVotes', value: open, href: '/consult?filter=open-votes' },
    { key: 'consult.topicsInProgress', value: inProgress, href: '/consult' },
  ];
}
