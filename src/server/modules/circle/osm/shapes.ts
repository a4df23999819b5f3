import { localProjection } from '../../../../shared/geo/distance.ts';

/** Centroid (WGS-84) and unsigned area (m²) of a set of rings; inner rings are subtracted. */
export interface Shape {
  lon: number;
  lat: number;
  areaM2: number;
}

/**
 * Area-weighted centroid and area of polygon rings given as interleaved `[lon, lat, …]` arrays.
 * Open rings are closed implicitly; when the total area is ~0 (a line or point) the centroid is the
 * mean of the vertices. Uses a local projection around the first vertex (accurate for buildings).
 */
export function polygonShape(outer: readonly Float64Array[], inner: readonly Float64Array[] = []): Shape | null {
  const first = outer.find((r) => r.length >= 2);
  if (first === undefined) return null;
  const lon0 = first[0]!,
    lat0 = first[1]!;
  const pr = localProjection(lat0);
  let a2 = 0,
    cx = 0,
    cy = 0,
    sx = 0,
    sy = 0,
    cnt = 0;
  const ring = (r: Float64Array, sign: number): void => {
    const n = r.length / 2;
    let ra = 0,
      rx = 0,
      ry = 0;
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      const x0 = pr.x(r[2 * i]! - lon0),
        y0 = pr.y(r[2 * i + 1]! - lat0);
      const x1 = pr.x(r[2 * j]! - lon0),
        y1 = pr.y(r[2 * j + 1]! - lat0);
      const c = x0 * y1 - x1 * y0;
      ra += c;
      rx += (x0 + x1) * c;
      ry += (y0 + y1) * c;
      if (sign > 0) {
        sx += x0;
        sy += y0;
        cnt++;
      }
    }
    // Orient every ring by its own sign so outer adds and inner subtracts regardless of winding.
    const s = ra < 0 ? -sign : sign;
    a2 += s * ra;
    cx += s * rx;
    cy += s * ry;
  };
  for (const r of outer) ring(r, 1);
  for (const r of inner) ring(r, -1);
  const area = a2 / 2;
  let x: number, y: number;
  if (Math.abs(area) > 1e-6) {
    x = cx / (6 * area);
    y = cy / (6 * area);
  } else {
    x = sx / Math.max(cnt, 1);
    y = sy / Math.max(cnt, 1);
  }
  return { lon: lon0 + pr.lon(x), lat: lat0 + pr.lat(y), areaM2: Math.max(0, area) };
}

/**
 * Join open way pieces (coordinate arrays) that share end points into rings; pieces that cannot be
 * closed are returned as they are (their implicit closing makes the area approximate).
 */
export function assembleRings(pieces: readonly Float64Array[]): Float64Array[] {
  const open = pieces.filter((p) => p.length >= 4).map((p) => Array.from(p));
  const rings: Float64Array[] = [];
  const same = (a: number[], i: number, b: number[], j: number): boolean => a[i] === b[j] && a[i + 1] === b[j + 1];
  while (open.length > 0) {
    let cur = open.shift()!;
    let grown = true;
    while (grown && !same(cur, 0, cur, cur.length - 2)) {
      grown = false;
      for (let k = 0; k < open.length; k++) {
        const p = open[k]!;
        const end = cur.length - 2,
          pend = p.length - 2;
        if (same(cur, end, p, 0)) cur = cur.concat(p.slice(2));
        else if (same(cur, end, p, pend)) cur = cur.concat(reverse(p).slice(2));
        else continue;
        open.splice(k, 1);
        grown = true;
        break;
      }
    }
    rings.push(Float64Array.from(cur));
  }
  return rings;
}

function reverse(p: number[]): number[] {
  const out: number[] = [];
  for (let i = p.length - 2; i >= 0; i -= 2) out.push(p[i]!, p[i + 1]!);
  return out;
}
