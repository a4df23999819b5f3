/**
 * LIKE patterns built from user input. In a LIKE pattern `%` and `_` are wildcards and `\` is the escape
 * character (PostgreSQL's default), so a search for `%` would otherwise match every row. Every module that
 * searches with LIKE builds its pattern here.
 */

/** Escapes `\`, `%` and `_` so that `s` matches only itself inside a LIKE pattern. */
function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Pattern matching values that contain `s` anywhere. */
export function likeContains(s: string): string {
  return `%${escapeLike(s)}%`;
}

/** Pattern matching values that start with `s`. */
export function likePrefix(s: string): string {
  return `${escapeLike(s)}%`;
}

/** Pattern matching values that end with `s`. */
export function likeSuffix(s: string): string {
  return `%${escapeLike(s)}`;
}
