/** Style pieces of the life-circle map: colours by walking minutes, our own GeoJSON only (no tiles, no glyphs). */
import type { ExpressionSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Geometry, Point } from 'geojson';
import type { HomeProps } from './api.ts';

/** Colours shared with the legend. */
export const CIRCLE_COLOURS = {
  gb: '#1b7a3a',
  m5: '#7cb342',
  m10: '#fbc02d',
  m15: '#fb8c00',
  more: '#d32f2f',
  none: '#9e9e9e',
  facility: '#0b57c2',
  site: '#c2185b',
  area: '#1565c0',
  added: '#6a1b9a',
  road: '#ffffff',
  casing: '#9aa5b1',
} as const;

/** Home colour: within the GB distance, else by minutes. */
const homeColour: ExpressionSpecification = [
  'case',
  ['==', ['get', 'minutes'], null],
  CIRCLE_COLOURS.none,
  ['get', 'covered'],
  CIRCLE_COLOURS.gb,
  ['<=', ['get', 'minutes'], 5],
  CIRCLE_COLOURS.m5,
  ['<=', ['get', 'minutes'], 10],
  CIRCLE_COLOURS.m10,
  ['<=', ['get', 'minutes'], 15],
  CIRCLE_COLOURS.m15,
  CIRCLE_COLOURS.more,
];

export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Points weighted by uncovered elderly (for the gap heat map). */
export function heatPoints(homes: FeatureCollection<Geometry, HomeProps>): FeatureCollection<Point, { w: number }> {
  return {
    type: 'FeatureCollection',
    features: homes.features
      .filter((f) => !f.properties.covered && f.properties.elderly > 0)
      .map((f) => {
        const g = f.geometry;
        let c: [number, number] = [0, 0];
        if (g.type === 'Point') c = [g.coordinates[0]!, g.coordinates[1]!];
        else if (g.type === 'Polygon') {
          const ring = g.coordinates[0] ?? [];
          c = ring.reduce<[number, number]>((a, p) => [a[0] + p[0]! / ring.length, a[1] + p[1]! / ring.length], [0, 0]);
        }
        return {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: c },
          properties: { w: f.properties.elderly },
        };
      }),
  };
}

/** The base style: network, homes (polygons or points), heat, walking area, facilities. */
export function circleStyle(lines: FeatureCollection): StyleSpecification {
  return {
    version: 8,
    sources: {
      net: { type: 'geojson', data: lines },
      homes: { type: 'geojson', data: EMPTY },
      heat: { type: 'geojson', data: EMPTY },
      area: { type: 'geojson', data: EMPTY },
      facilities: { type: 'geojson', data: EMPTY },
    },
    layers: [
      { id: 'bg', type: 'background', paint: { 'background-color': '#EEF1EA' } },
      {
        id: 'area-fill',
        type: 'fill',
        source: 'area',
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': CIRCLE_COLOURS.area, 'fill-opacity': 0.12 },
      },
      {
        id: 'net-casing',
        type: 'line',
        source: 'net',
        paint: { 'line-color': CIRCLE_COLOURS.casing, 'line-width': 3.5 },
      },
      {
        id: 'net',
        type: 'line',
        source: 'net',
        paint: { 'line-color': ['case', ['get', 'steps'], '#ffe082', CIRCLE_COLOURS.road], 'line-width': 2 },
      },
      {
        id: 'area-line',
        type: 'line',
        source: 'area',
        filter: ['==', ['geometry-type'], 'LineString'],
        paint: { 'line-color': CIRCLE_COLOURS.area, 'line-width': 3.5, 'line-opacity': 0.85 },
      },
      {
        id: 'home-fill',
        type: 'fill',
        source: 'homes',
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': homeColour, 'fill-opacity': 0.85, 'fill-outline-color': '#37474f' },
      },
      {
        id: 'home-point',
        type: 'circle',
        source: 'homes',
        filter: ['==', ['geometry-type'], 'Point'],
        paint: { 'circle-color': homeColour, 'circle-radius': 3 },
      },
      {
        id: 'heat',
        type: 'heatmap',
        source: 'heat',
        layout: { visibility: 'none' },
        paint: { 'heatmap-weight': ['min', 1, ['/', ['get', 'w'], 20]], 'heatmap-radius': 40, 'heatmap-opacity': 0.75 },
      },
      {
        id: 'facility',
        type: 'circle',
        source: 'facilities',
        paint: {
          'circle-color': CIRCLE_COLOURS.facility,
          'circle-radius': 8,
          'circle-stroke-color': '#fff',
          'circle-stroke-width': 2.5,
        },
      },
    ],
  };
}
