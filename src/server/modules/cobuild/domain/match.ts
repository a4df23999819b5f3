/**
 * Suggested matches for a need (pure): resources and units of the need's category first, then by distance.
 * Distance is the straight line (haversine) between the need's place and the unit — the circle module exports no
 * point-to-point walking distance — so it is labelled `straight_line` wherever it is shown.
 */
import { haversine } from '../../../../shared/geo/distance.ts';

/** A candidate: a resource (with its unit's place) or a unit. */
export interface Candidate {
  resourceId: string | null;
  unitId: string | null;
  unitName: string | null;
  title: string;
  category: string;
  lon: number | null;
  lat: number | null;
}

/** A ranked suggestion. */
export interface Suggestion extends Candidate {
  sameCategory: boolean;
  distanceM: number | null;
  distanceKind: 'straight_line';
}

/** Ranks candidates for a need: same category first, then nearest (unknown distance last), then title. */
export function rankMatches(
  need: { category: string; lon: number | null; lat: number | null },
  cands: readonly Candidate[],
  limit = 10,
): Suggestion[] {
  const out = cands.map((c) => ({
    ...c,
    sameCategory: c.category === need.category,
    distanceM:
      need.lon !== null && need.lat !== null && c.lon !== null && c.lat !== null
        ? Math.round(haversine(need.lon, need.lat, c.lon, c.lat))
        : null,
    distanceKind: 'straight_line' as const,
  }));
  out.sort(
    (a, b) =>
      Number(b.sameCategory) - Number(a.sameCategory) ||
      (a.distanceM ?? Number.POSITIVE_INFINITY) - (b.distanceM ?? Number.POSITIVE_INFINITY) ||
      a.title.localeCompare(b.title),
  );
  return out.slice(0, limit);
}
