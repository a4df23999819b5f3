/**
 * The secretary's overview is a list of tiles composed from the `overviewTiles(db, scopeCode)` functions the
 * modules export from their index.ts. To add a module's numbers, add one line to {@link TILE_SOURCES}.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { overviewTiles as casesTiles } from '../cases/index.ts';
import { overviewTiles as careTiles } from '../care/index.ts';
import { overviewTiles as noticesTiles } from '../notices/index.ts';
import { overviewTiles as fundTiles } from '../fund/index.ts';
import { overviewTiles as shopTiles } from '../shop/index.ts';
import { overviewTiles as consultTiles } from '../consult/index.ts';
import { overviewTiles as cobuildTiles } from '../cobuild/index.ts';

/** One number of the overview: a stable key (its label in the web's i18n), the value, and the list behind it. */
export interface OverviewTile {
  key: string;
  value: number | string;
  href: string;
}

/** A module's tiles under a place code (community, street…) at `now`. */
type TileSource = (db: Kysely<Database>, scopeCode: string, now: Date) => Promise<OverviewTile[]>;

/** The modules whose numbers the overview shows, in display order (one line per module). */
const TILE_SOURCES: { module: string; tiles: TileSource }[] = [
  { module: 'cases', tiles: casesTiles },
  { module: 'care', tiles: careTiles },
  { module: 'notices', tiles: noticesTiles },
  { module: 'consult', tiles: (db, code) => consultTiles(db, code) },
  { module: 'cobuild', tiles: (db, code, now) => cobuildTiles(db, code, now) },
  { module: 'fund', tiles: (db, code) => fundTiles(db, code) },
  { module: 'shop', tiles: (db, code, now) => shopTiles(db, code, now) },
];

/** Every module's tiles under a code, in the order of {@link TILE_SOURCES}. */
export async function composeTiles(db: Kysely<Database>, scopeCode: string, now: Date): Promise<OverviewTile[]> {
  const parts = await Promise.all(TILE_SOURCES.map((s) => s.tiles(db, scopeCode, now)));
  return parts.flat();
}
