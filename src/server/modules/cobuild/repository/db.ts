/** Shared types of the cobuild repositories. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';

/** The db or a transaction. */
export type Db = Kysely<Database> | Transaction<Database>;

/** pg returns bigint/count as strings, PGlite as numbers. */
export const num = (v: number | string | bigint | null | undefined): number => Number(v ?? 0);

/** True for a unique-constraint violation (SQLSTATE 23505) on either engine. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';
}
