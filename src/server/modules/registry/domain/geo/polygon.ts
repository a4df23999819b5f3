/**
 * Polygon toolkit for the registry: validation, measurement, overlap and tiling checks.
 * Re-exports the focused modules so callers have one import.
 */
export { validatePolygon } from './validate.ts';
export { areaM2, ringAreaM2, bbox, centroid } from '../../../../../shared/geo/measure.ts';
export { polygonsOverlap, polygonWithin } from './relate.ts';
export { checkTiling } from './tiling.ts';
