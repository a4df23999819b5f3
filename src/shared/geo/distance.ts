/** Small geodesy helpers. All distances in metres, coordinates WGS-84 degrees. */

/** Mean Earth radius in metres (IUGG), the value pgRouting/PostGIS sphere computations also use. */
const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance in metres between two WGS-84 points (haversine). */
export function haversine(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s = Math.sin(dLat / 2);
  const t = Math.sin(dLon / 2);
  const a = s * s + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * t * t;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Local equirectangular projection around a reference latitude: x/y in metres. Accurate to ~0.1 %
 * within a city (tens of km), which is all snapping and rasterising need; lengths use haversine.
 */
export interface LocalProjection {
  readonly kx: number;
  readonly ky: number;
  x(lon: number): number;
  y(lat: number): number;
  lon(x: number): number;
  lat(y: number): number;
}

/** Create a local projection centred on latitude `lat0` (degrees). */
export function localProjection(lat0: number): LocalProjection {
  const ky = EARTH_RADIUS_M * RAD;
  const kx = ky * Math.cos(lat0 * RAD);
  return {
    kx,
    ky,
    x: (lon) => lon * kx,
    y: (lat) => lat * ky,
    lon: (x) => x / kx,
    lat: (y) => y / ky,
  };
}

/** Mean latitude of interleaved `[lon, lat, …]` coordinates (0 for an empty array). */
export function meanLat(coords: Float64Array): number {
  const n = coords.length / 2;
  if (n === 0) return 0;
  let s = 0;
  for (let i = 1; i < coords.length; i += 2) s += coords[i]!;
  return s / n;
}
