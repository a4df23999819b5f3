/**
 * The MapLibre style, drawn from our own GeoJSON (no external tiles, no glyphs: labels are DOM markers).
 * An optional raster tile URL from /api/settings goes underneath as a base layer.
 */
import type { LayerSpecification, SourceSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { ClientSettings, CommunityMapData } from '../../api/types.ts';
import { colourGrids } from './geometry.ts';

/** Layer colours, also used by the legend. */
export const MAP_COLOURS = {
  boundary: '#262626',
  own: '#C2410C',
  selected: '#0b57c2',
  compound: '#595959',
  sanwu: '#B45309',
  building: '#A6A6A6',
  road: '#ffffff',
  roadCasing: '#9A9A9A',
  facility: '#7C3AED',
} as const;

/** Ids of the layers a click may hit. */
export const CLICKABLE = { grid: 'grid-fill', facility: 'facility' } as const;

/** Build the style. `ownGrid` is highlighted (grid workers); `selected` outlined. */
export function buildStyle(
  data: CommunityMapData,
  settings: ClientSettings | null,
  ownGrid: string | null,
  selected: string | null,
): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {
    grids: { type: 'geojson', data: colourGrids(data.grids) },
    compounds: { type: 'geojson', data: data.compounds },
    buildings: { type: 'geojson', data: data.buildings },
    roads: { type: 'geojson', data: data.roads },
    facilities: { type: 'geojson', data: data.facilities },
    boundary: { type: 'geojson', data: data.boundary ?? { type: 'FeatureCollection', features: [] } },
  };
  const layers: LayerSpecification[] = [{ id: 'bg', type: 'background', paint: { 'background-color': '#EEF1EA' } }];
  if (settings?.tileUrl) {
    sources.base = {
      type: 'raster',
      tiles: [settings.tileUrl],
      tileSize: 256,
      ...(settings.tileAttribution ? { attribution: settings.tileAttribution } : {}),
    };
    layers.push({ id: 'base', type: 'raster', source: 'base' });
  }
  const own = ownGrid ?? '';
  layers.push(
    {
      id: 'grid-fill',
      type: 'fill',
      source: 'grids',
      paint: {
        'fill-color': ['get', 'colour'],
        'fill-opacity': ['case', ['==', ['get', 'code'], own], 0.42, ownGrid ? 0.1 : 0.2],
      },
    },
    { id: 'grid-line', type: 'line', source: 'grids', paint: { 'line-color': ['get', 'colour'], 'line-width': 1.5 } },
    {
      id: 'compound-fill',
      type: 'fill',
      source: 'compounds',
      filter: ['==', ['get', 'formerSanwu'], true],
      paint: { 'fill-color': MAP_COLOURS.sanwu, 'fill-opacity': 0.18 },
    },
    {
      id: 'compound-line',
      type: 'line',
      source: 'compounds',
      paint: {
        'line-color': ['case', ['==', ['get', 'formerSanwu'], true], MAP_COLOURS.sanwu, MAP_COLOURS.compound],
        'line-width': 1.2,
        'line-dasharray': [3, 2],
      },
    },
    {
      id: 'road-casing',
      type: 'line',
      source: 'roads',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': MAP_COLOURS.roadCasing,
        'line-width': ['match', ['get', 'highway'], ['tertiary', 'residential'], 6, 3.5],
      },
    },
    {
      id: 'road',
      type: 'line',
      source: 'roads',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': MAP_COLOURS.road,
        'line-width': ['match', ['get', 'highway'], ['tertiary', 'residential'], 4, 1.8],
      },
    },
    {
      id: 'building',
      type: 'fill',
      source: 'buildings',
      paint: { 'fill-color': MAP_COLOURS.building, 'fill-outline-color': '#7A7A7A', 'fill-opacity': 0.85 },
    },
    {
      id: 'grid-own-line',
      type: 'line',
      source: 'grids',
      filter: ['==', ['get', 'code'], own],
      paint: { 'line-color': MAP_COLOURS.own, 'line-width': 5 },
    },
    {
      id: 'grid-selected-line',
      type: 'line',
      source: 'grids',
      filter: ['==', ['get', 'code'], selected ?? ''],
      paint: { 'line-color': MAP_COLOURS.selected, 'line-width': 3, 'line-dasharray': [2, 1] },
    },
    {
      id: 'boundary',
      type: 'line',
      source: 'boundary',
      paint: { 'line-color': MAP_COLOURS.boundary, 'line-width': 2.5, 'line-dasharray': [4, 2] },
    },
    {
      id: 'facility',
      type: 'circle',
      source: 'facilities',
      paint: {
        'circle-radius': 6,
        'circle-color': MAP_COLOURS.facility,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
  );
  return { version: 8, sources, layers };
}
