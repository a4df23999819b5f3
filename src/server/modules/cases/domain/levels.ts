/**
 * The escalation chain 网格 → 社区 → 街道 → 区 (docs/domain.md §2) and the place-code widths of each level.
 */

/** Who holds a case. */
export type Level = 'grid' | 'community' | 'street' | 'district';
/** The chain, bottom to top. */
export const LEVELS: readonly Level[] = ['grid', 'community', 'street', 'district'];

/** The level above, or null at the district. */
export function nextLevel(l: Level): Level | null {
  return LEVELS[LEVELS.indexOf(l) + 1] ?? null;
}

/** The level a place code names by its width (6 district, 9 street, 12 community, 14/15 grid), or null. */
export function handlerFor(code: string): Level | null {
  if (!/^\d+$/.test(code)) return null;
  return (
    ({ 6: 'district', 9: 'street', 12: 'community', 14: 'grid', 15: 'grid' } as Record<number, Level>)[code.length] ??
    null
  );
}
