/** Plain geometry helpers for the map (no MapLibre import, so they are cheap to test). */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

/** [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number];

function eachPosition(g: Geometry, fn: (p: Position) => void): void {
  switch (g.type) {
    case 'Point':
      fn(g.coordinates);
      break;
    case 'MultiPoint':
    case 'LineString':
      for (const p of g.coordinates) fn(p);
      break;
    case 'MultiLineString':
    case 'Polygon':
      for (const r of g.coordinates) for (const p of r) fn(p);
      break;
    case 'MultiPolygon':
      for (const pg of g.coordinates) for (const r of pg) for (const p of r) fn(p);
      break;
    case 'GeometryCollection':
      for (const x of g.geometries) eachPosition(x, fn);
      break;
  }
}

/** Bounding box of features; null when there are no coordinates. */
export function bboxOf(features: readonly (Feature | null | undefined)[]): BBox | null {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const f of features) {
    if (!f?.geometry) continue;
    eachPosition(f.geometry, (p) => {
      const [x = NaN, y = NaN] = p;
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    });
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

/** Twice the signed area of a ring (shoelace), in squared degrees: only compared, never shown. */
function ringArea2(ring: readonly (readonly number[])[]): number {
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++)
    a += (ring[i]?.[0] ?? 0) * (ring[i + 1]?.[1] ?? 0) - (ring[i + 1]?.[0] ?? 0) * (ring[i]?.[1] ?? 0);
  return a;
}

/**
 * Label point of a polygon: the area centroid of its outer ring (falls back to the ring's mean when the
 * area is degenerate); for a MultiPolygon, of its largest part. Good enough for the convex-ish grids we draw.
 */
export function labelPoint(g: Geometry): [number, number] | null {
  const outers =
    g.type === 'Polygon' ? [g.coordinates[0]] : g.type === 'MultiPolygon' ? g.coordinates.map((p) => p[0]) : [];
  let ring: number[][] | undefined;
  for (const r of outers) if (r && (!ring || Math.abs(ringArea2(r)) > Math.abs(ringArea2(ring)))) ring = r;
  if (!ring || ring.length < 3) return null;
  let a = 0,
    cx = 0,
    cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0 = 0, y0 = 0] = ring[i] ?? [];
    const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
    const c = x0 * y1 - x1 * y0;
    a += c;
    cx += (x0 + x1) * c;
    cy += (y0 + y1) * c;
  }
  if (Math.abs(a) < 1e-15) {
    const n = ring.length;
    return [ring.reduce((s, p) => s + (p[0] ?? 0), 0) / n, ring.reduce((s, p) => s + (p[1] ?? 0), 0) / n];
  }
  return [cx / (3 * a), cy / (3 * a)];
}

/** Distinct, colour-blind-safer fills for grids by sequence number (Okabe–Ito based). */
export const GRID_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#7F7F7F'];

/** Copy of a grid collection with a `colour` property per feature (by `seq`). */
export function colourGrids<P extends { seq: number }>(
  fc: FeatureCollection<Geometry, P>,
): FeatureCollection<Geometry, P & { colour: string }> {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({
      ...f,
      properties: {
        ...f.properties,
        colour: GRID_COLOURS[(Math.max(1, f.properties.seq) - 1) % GRID_COLOURS.length] ?? '#7F7F7F',
      },
    })),
  };
}
