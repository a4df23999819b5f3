/** Column types shared by the platform schema and the modules' own schema files (no import of schema.ts). */
import type { ColumnType } from 'kysely';

/** A jsonb column: read as the parsed value, written as its JSON text. */
export type Json<T> = ColumnType<T, string, string>;
