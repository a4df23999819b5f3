/**
 * Opaque cursors for keyset pagination. A list sorted by (k1, k2, …, id) answers one page and the cursor of the
 * row after its last one: `{ items, nextCursor, total }`. The cursor is the sort key of the last row, in base64url
 * JSON, so the next page is `WHERE (k1, …, id) < (…)` (or `>` for ascending orders) — stable under inserts,
 * with no OFFSET scan and no page limit. Clients must treat it as opaque.
 */
import { z } from 'zod';
import { AppError } from '../errors.ts';

/** One sort-key value of a cursor. */
export type CursorValue = string | number | null;

/** Encodes the sort key of the last row of a page. */
export function encodeCursor(key: CursorValue[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor made by {@link encodeCursor} with `arity` values; BAD_CURSOR otherwise (never a 5xx). */
export function decodeCursor(cursor: string, arity: number): CursorValue[] {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('BAD_CURSOR');
  }
  const ok =
    Array.isArray(v) &&
    v.length === arity &&
    v.every((x) => x === null || (typeof x === 'string' && x.length <= 200) || Number.isFinite(x));
  if (!ok) throw new AppError('BAD_CURSOR');
  return v as CursorValue[];
}

/** A decoded cursor value that must be a UUID (checked here, not left to a failing cast in SQL). */
export function cursorUuid(v: CursorValue | undefined): string {
  if (typeof v !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v))
    throw new AppError('BAD_CURSOR');
  return v;
}

/** A decoded cursor value that must be a string (an id, a name). */
export function cursorText(v: CursorValue | undefined): string {
  if (typeof v !== 'string') throw new AppError('BAD_CURSOR');
  return v;
}

/** Query parameters of every paged list: `cursor` from the previous answer, `pageSize` rows (1–200). */
export const pageQuery = {
  cursor: z.string().max(1000).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

/**
 * Splits `rows` fetched with `LIMIT pageSize + 1` into the page and the cursor of its last row (when one more
 * row exists). `keyOf` gives the full sort key of a row.
 */
export function pageOf<R>(
  rows: R[],
  pageSize: number,
  keyOf: (r: R) => CursorValue[],
): { rows: R[]; nextCursor: string | null } {
  if (rows.length <= pageSize) return { rows, nextCursor: null };
  const page = rows.slice(0, pageSize);
  return { rows: page, nextCursor: encodeCursor(keyOf(page[page.length - 1]!)) };
}
