/** The GeoJSON geometry types live in src/shared/geo/types.ts; re-exported for the registry geo files. */
export * from '../../../../../shared/geo/types.ts';
