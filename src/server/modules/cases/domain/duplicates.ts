/**
 * Duplicate detection: an open case of the same class within 50 m reported in the last 7 days (defaults;
 * configurable). Distances are great-circle metres on WGS-84 coordinates.
 */
import { OPEN, type Status } from './workflow.ts';

/** Default radius (m) and look-back window (days). */
export const DUPLICATE_RADIUS_M = 50;
export const DUPLICATE_DAYS = 7;

/** The fields duplicate detection looks at. */
export interface DuplicateCandidate {
  id: string;
  categoryCode: string;
  lon: number;
  lat: number;
  status: Status;
  createdAt: Date;
}

/** Haversine distance in metres. */
export function distanceM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const R = 6_371_008.8;
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** A bounding box (degrees) that contains every point within `radiusM` of (lon, lat): the SQL pre-filter. */
export function boxAround(
  lon: number,
  lat: number,
  radiusM: number,
): { minLon: number; maxLon: number; minLat: number; maxLat: number } {
  const dLat = (radiusM / 111_320) * 1.01;
  const dLon = dLat / Math.max(0.01, Math.cos((lat * Math.PI) / 180));
  return { minLon: lon - dLon, maxLon: lon + dLon, minLat: lat - dLat, maxLat: lat + dLat };
}

/** The duplicates of a new report among candidates, nearest first. */
export function findDuplicates<T extends DuplicateCandidate>(
  report: { categoryCode: string; lon: number; lat: number; at: Date },
  candidates: readonly T[],
  radiusM = DUPLICATE_RADIUS_M,
  days = DUPLICATE_DAYS,
): (T & { distanceM: number })[] {
  const since = report.at.getTime() - days * 86_400_000;
  return candidates
    .filter(
      (c) =>
        c.categoryCode === report.categoryCode &&
        OPEN.includes(c.status) &&
        c.createdAt.getTime() >= since &&
        c.createdAt.getTime() <= report.at.getTime(),
    )
    .map((c) => ({ ...c, distanceM: Math.round(distanceM(report.lon, report.lat, c.lon, c.lat) * 10) / 10 }))
    .filter((c) => c.distanceM <= radiusM)
    .sort((a, b) => a.distanceM - b.distanceM);
}
