/**
 * Snapping: vertices that lie within a tolerance of a reference boundary are moved onto it (onto a vertex when
 * one is that close, else onto the nearest point of an edge). Needed because converting GCJ-02/BD-09 to
 * WGS-84 is approximate (~0.1 m), so grids drawn in Amap would otherwise stick out of a community boundary
 * stored in WGS-84 by a hair and be refused as "outside".
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

const M_PER_DEG = 111_320;

/** Snaps every vertex of `geom` within `tolM` metres of `ref`'s rings; returns a new geometry. */
export function snapToRings<G extends Polygon | MultiPolygon>(geom: G, ref: Polygon | MultiPolygon, tolM = 0.5): G {
  const rings: Position[][] = ref.type === 'Polygon' ? ref.coordinates : ref.coordinates.flat();
  const snap = (p: Position): Position => {
    const [x, y] = p as [number, number];
    const kx = Math.cos((y * Math.PI) / 180) * M_PER_DEG;
    let best: Position | null = null;
    let bestD = tolM;
    let vertexHit = false;
    for (const ring of rings) {
      for (let i = 0; i < ring.length; i++) {
        const a = ring[i]!;
        const dv = Math.hypot((a[0]! - x) * kx, (a[1]! - y) * M_PER_DEG);
        if (dv <= tolM && (!vertexHit || dv < bestD)) {
          best = [a[0]!, a[1]!];
          bestD = dv;
          vertexHit = true;
        }
        if (vertexHit || i + 1 >= ring.length) continue;
        const b = ring[i + 1]!;
        const ax = (a[0]! - x) * kx,
          ay = (a[1]! - y) * M_PER_DEG,
          bx = (b[0]! - x) * kx,
          by = (b[1]! - y) * M_PER_DEG;
        const dx = bx - ax,
          dy = by - ay;
        const len2 = dx * dx + dy * dy;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
        const px = ax + t * dx,
          py = ay + t * dy;
        const d = Math.hypot(px, py);
        if (d < bestD) {
          bestD = d;
          best = [x + px / kx, y + py / M_PER_DEG];
        }
      }
    }
    return best ?? p;
  };
  const ringsOut = (rs: Position[][]) => rs.map((r) => r.map(snap));
  return (
    geom.type === 'Polygon'
      ? { type: 'Polygon', coordinates: ringsOut(geom.coordinates) }
      : { type: 'MultiPolygon', coordinates: geom.coordinates.map(ringsOut) }
  ) as G;
}
