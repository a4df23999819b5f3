import { polygonParts, type BBox, type Geometry, type MultiPolygon, type Polygon, type Position } from './types.ts';

/**
 * Radius of the sphere used for AREA only: the WGS-84 equatorial radius, as in turf/geojson-area. Distances use
 * the mean radius `EARTH_RADIUS_M` (distance.ts). Kept apart on purpose: every stored `area_centi_m2` and the
 * tested areas were computed with this sphere; the mean radius would shrink each area by 0.22 %.
 */
const AREA_SPHERE_RADIUS_M = 6378137;

const RAD = Math.PI / 180;

/**
 * Area of one ring in m² (always ≥ 0), on a sphere: Σ (λ₂ − λ₁)(sin φ₁ + sin φ₂) · R²/2
 * (Chamberlain & Duquette). Accurate to ≈ 0.5 % against the ellipsoid; additive, so a tiling's
 * parts sum to the container's area up to rounding.
 */
export function ringAreaM2(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const p = ring[i] ?? [];
    const q = ring[i + 1] ?? [];
    s += ((q[0] ?? 0) - (p[0] ?? 0)) * RAD * (Math.sin((p[1] ?? 0) * RAD) + Math.sin((q[1] ?? 0) * RAD));
  }
  return Math.abs((s * AREA_SPHERE_RADIUS_M * AREA_SPHERE_RADIUS_M) / 2);
}

/** Area of a Polygon/MultiPolygon in m²: outer rings minus holes. */
export function areaM2(geom: Polygon | MultiPolygon): number {
  let a = 0;
  for (const rings of polygonParts(geom)) {
    rings.forEach((r, i) => {
      a += i === 0 ? ringAreaM2(r) : -ringAreaM2(r);
    });
  }
  return Math.max(0, a);
}

function eachPosition(geom: Geometry, f: (p: Position) => void): void {
  switch (geom.type) {
    case 'Point':
      f(geom.coordinates);
      return;
    case 'LineString':
      for (const p of geom.coordinates) f(p);
      return;
    case 'Polygon':
      for (const r of geom.coordinates) for (const p of r) f(p);
      return;
    case 'MultiPolygon':
      for (const pg of geom.coordinates) for (const r of pg) for (const p of r) f(p);
      return;
  }
}

/** Bounding box `[minLon, minLat, maxLon, maxLat]`; all `NaN` for an empty geometry. Ignores the antimeridian. */
export function bbox(geom: Geometry): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  eachPosition(geom, (p) => {
    const x = p[0] ?? Number.NaN,
      y = p[1] ?? Number.NaN;
    b[0] = Math.min(b[0], x);
    b[1] = Math.min(b[1], y);
    b[2] = Math.max(b[2], x);
    b[3] = Math.max(b[3], y);
  });
  return b[0] > b[2] ? [Number.NaN, Number.NaN, Number.NaN, Number.NaN] : b;
}

/**
 * Area-weighted centroid `[lon, lat]`, computed in a local equirectangular projection around the
 * bbox centre (fine for community- and district-sized shapes). Holes are subtracted. May lie
 * outside a concave polygon. Falls back to the vertex mean for zero-area input.
 */
export function centroid(geom: Polygon | MultiPolygon): [number, number] {
  const [x0, y0, x1, y1] = bbox(geom);
  const lon0 = (x0 + x1) / 2,
    lat0 = (y0 + y1) / 2;
  const k = Math.cos(lat0 * RAD);
  let sa = 0,
    sx = 0,
    sy = 0,
    n = 0,
    mx = 0,
    my = 0;
  for (const rings of polygonParts(geom)) {
    rings.forEach((ring, ri) => {
      let a = 0,
        cx = 0,
        cy = 0;
      for (let i = 0; i + 1 < ring.length; i++) {
        const p = ring[i] ?? [],
          q = ring[i + 1] ?? [];
        const px = ((p[0] ?? 0) - lon0) * k,
          py = (p[1] ?? 0) - lat0;
        const qx = ((q[0] ?? 0) - lon0) * k,
          qy = (q[1] ?? 0) - lat0;
        const c = px * qy - qx * py;
        a += c;
        cx += (px + qx) * c;
        cy += (py + qy) * c;
        mx += px;
        my += py;
        n++;
      }
      // Orient each ring: outer rings add, holes subtract, whatever their winding.
      const sign = (ri === 0 ? 1 : -1) * Math.sign(a);
      sa += (sign * a) / 2;
      sx += (sign * cx) / 6;
      sy += (sign * cy) / 6;
    });
  }
  if (Math.abs(sa) < 1e-18) return n === 0 ? [Number.NaN, Number.NaN] : [lon0 + mx / n / k, lat0 + my / n];
  return [lon0 + sx / sa / k, lat0 + sy / sa];
}
