/**
 * A walking order through a grid (pure): buildings visited nearest-neighbour first from a start building,
 * households inside a building by unit then room (numeric where they are numbers). Distances are haversine
 * metres between building points; a household without a building point goes last.
 */
import { haversine } from '../../../../shared/geo/distance.ts';

/** A stop of the walk. */
export interface WalkStop {
  id: string;
  buildingId: string | null;
  /** [lon, lat] of the building, WGS-84; null when unknown. */
  point: [number, number] | null;
  unit: string;
  room: string;
}

const natural = new Intl.Collator('zh-CN', { numeric: true });

/**
 * Orders stops for a walk: the buildings nearest-neighbour from `start` (a point, e.g. the grid's first
 * building; the first stop's building when null), then by unit and room inside each building.
 * Deterministic: ties go to the smaller building id.
 */
export function walkOrder<T extends WalkStop>(stops: readonly T[], start: [number, number] | null): T[] {
  const byBuilding = new Map<string, T[]>();
  const lost: T[] = [];
  for (const s of stops) {
    if (s.buildingId === null || s.point === null) lost.push(s);
    else byBuilding.set(s.buildingId, [...(byBuilding.get(s.buildingId) ?? []), s]);
  }
  const buildings = [...byBuilding.entries()]
    .map(([id, list]) => ({ id, point: list[0]!.point!, list }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: T[] = [];
  let here = start ?? buildings[0]?.point ?? null;
  const left = new Set(buildings.map((_, i) => i));
  while (left.size && here) {
    let best = -1;
    let bestD = Infinity;
    for (const i of left) {
      const p = buildings[i]!.point;
      const d = haversine(here[0], here[1], p[0], p[1]);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    const b = buildings[best]!;
    left.delete(best);
    out.push(...[...b.list].sort((x, y) => natural.compare(x.unit, y.unit) || natural.compare(x.room, y.room)));
    here = b.point;
  }
  return [...out, ...lost.sort((x, y) => natural.compare(x.unit, y.unit) || natural.compare(x.room, y.room))];
}

/** Total walking length (straight lines between consecutive building points), metres. */
export function walkLength(stops: readonly WalkStop[], start: [number, number] | null): number {
  let here = start;
  let total = 0;
  for (const s of stops) {
    if (!s.point) continue;
    if (here) total += haversine(here[0], here[1], s.point[0], s.point[1]);
    here = s.point;
  }
  return total;
}
