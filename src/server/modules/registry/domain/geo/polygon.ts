/**
 * Polygon toolkit for the registry: validation, measurement, overlap and tiling checks.
 * Re-exports the focused modules so callers have one import.
 */
export { validatePolygon, isValidPolygon, type PolygonIssue, type PolygonValidation } from './validate.ts';
export { areaM2, areaCentiM2, ringAreaM2, bbox, centroid } from '../../../../../shared/geo/measure.ts';
export { polygonsOverlap, polygonWithin } from './relate.ts';
export { checkTiling, type TilingOptions, type TilingReport } from './tiling.ts';
export { GEO_EPS } from './segments.ts';
